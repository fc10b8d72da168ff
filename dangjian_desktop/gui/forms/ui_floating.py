# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'floating.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QLabel, QLineEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_FloatingDialog(object):
    def setupUi(self, FloatingDialog):
        if not FloatingDialog.objectName():
            FloatingDialog.setObjectName(u"FloatingDialog")
        self.mainLayout = QVBoxLayout(FloatingDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(FloatingDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.memberLabel = QLabel(FloatingDialog)
        self.memberLabel.setObjectName(u"memberLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.memberLabel)

        self.memberCombo = QComboBox(FloatingDialog)
        self.memberCombo.setObjectName(u"memberCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.memberCombo)

        self.sinceLabel = QLabel(FloatingDialog)
        self.sinceLabel.setObjectName(u"sinceLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.sinceLabel)

        self.sinceEdit = QDateEdit(FloatingDialog)
        self.sinceEdit.setObjectName(u"sinceEdit")
        self.sinceEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.sinceEdit)

        self.placeLabel = QLabel(FloatingDialog)
        self.placeLabel.setObjectName(u"placeLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.placeLabel)

        self.placeEdit = QLineEdit(FloatingDialog)
        self.placeEdit.setObjectName(u"placeEdit")
        self.placeEdit.setMaxLength(200)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.placeEdit)

        self.contactLabel = QLabel(FloatingDialog)
        self.contactLabel.setObjectName(u"contactLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.contactLabel)

        self.contactEdit = QLineEdit(FloatingDialog)
        self.contactEdit.setObjectName(u"contactEdit")
        self.contactEdit.setMaxLength(100)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.contactEdit)

        self.attendsCheck = QCheckBox(FloatingDialog)
        self.attendsCheck.setObjectName(u"attendsCheck")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.attendsCheck)

        self.hostLabel = QLabel(FloatingDialog)
        self.hostLabel.setObjectName(u"hostLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.hostLabel)

        self.hostEdit = QLineEdit(FloatingDialog)
        self.hostEdit.setObjectName(u"hostEdit")
        self.hostEdit.setMaxLength(200)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.hostEdit)

        self.certificateLabel = QLabel(FloatingDialog)
        self.certificateLabel.setObjectName(u"certificateLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.certificateLabel)

        self.certificateEdit = QLineEdit(FloatingDialog)
        self.certificateEdit.setObjectName(u"certificateEdit")
        self.certificateEdit.setMaxLength(50)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.certificateEdit)

        self.notesLabel = QLabel(FloatingDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QLineEdit(FloatingDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMaxLength(200)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(FloatingDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setVisible(False)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(FloatingDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.memberLabel.setBuddy(self.memberCombo)
        self.sinceLabel.setBuddy(self.sinceEdit)
        self.placeLabel.setBuddy(self.placeEdit)
        self.contactLabel.setBuddy(self.contactEdit)
        self.hostLabel.setBuddy(self.hostEdit)
        self.certificateLabel.setBuddy(self.certificateEdit)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FloatingDialog)

        QMetaObject.connectSlotsByName(FloatingDialog)
    # setupUi

    def retranslateUi(self, FloatingDialog):
        FloatingDialog.setWindowTitle(QCoreApplication.translate("FloatingDialog", u"\u6d41\u52a8\u515a\u5458", None))
        self.memberLabel.setText(QCoreApplication.translate("FloatingDialog", u"\u515a\u5458(&M)\uff1a", None))
        self.sinceLabel.setText(QCoreApplication.translate("FloatingDialog", u"\u5916\u51fa\u65e5\u671f(&D)\uff1a", None))
        self.sinceEdit.setDisplayFormat(QCoreApplication.translate("FloatingDialog", u"yyyy-MM-dd", None))
        self.placeLabel.setText(QCoreApplication.translate("FloatingDialog", u"\u6d41\u5411(&P)\uff1a", None))
        self.placeEdit.setPlaceholderText(QCoreApplication.translate("FloatingDialog", u"\u73b0\u5728\u5728\u54ea\u91cc\u5de5\u4f5c\u3001\u751f\u6d3b\uff0c\u5982\uff1a\u5e7f\u4e1c\u7701\u6df1\u5733\u5e02\u5357\u5c71\u533a", None))
        self.contactLabel.setText(QCoreApplication.translate("FloatingDialog", u"\u8054\u7cfb\u65b9\u5f0f\uff1a", None))
        self.contactEdit.setPlaceholderText(QCoreApplication.translate("FloatingDialog", u"\u7535\u8bdd\u3001\u5fae\u4fe1\u7b49", None))
        self.attendsCheck.setText(QCoreApplication.translate("FloatingDialog", u"\u5728\u6d41\u5165\u5730\u515a\u7ec4\u7ec7\u53c2\u52a0\u7ec4\u7ec7\u751f\u6d3b", None))
        self.hostLabel.setText(QCoreApplication.translate("FloatingDialog", u"\u53c2\u52a0\u7684\u515a\u7ec4\u7ec7\uff1a", None))
        self.hostEdit.setPlaceholderText(QCoreApplication.translate("FloatingDialog", u"\u5982\uff1a\u4e2d\u5171\u6df1\u5733\u5e02\u5357\u5c71\u533aXX\u793e\u533a\u515a\u59d4\u6d41\u52a8\u515a\u5458\u515a\u652f\u90e8", None))
        self.certificateLabel.setText(QCoreApplication.translate("FloatingDialog", u"\u6d41\u52a8\u515a\u5458\u6d3b\u52a8\u8bc1\uff1a", None))
        self.certificateEdit.setPlaceholderText(QCoreApplication.translate("FloatingDialog", u"\u7f16\u53f7", None))
        self.notesLabel.setText(QCoreApplication.translate("FloatingDialog", u"\u5907\u6ce8\uff1a", None))
    # retranslateUi

