# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'points_entry.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_PointsEntryDialog(object):
    def setupUi(self, PointsEntryDialog):
        if not PointsEntryDialog.objectName():
            PointsEntryDialog.setObjectName(u"PointsEntryDialog")
        self.mainLayout = QVBoxLayout(PointsEntryDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.memberLabel = QLabel(PointsEntryDialog)
        self.memberLabel.setObjectName(u"memberLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.memberLabel)

        self.memberCombo = QComboBox(PointsEntryDialog)
        self.memberCombo.setObjectName(u"memberCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.memberCombo)

        self.itemLabel = QLabel(PointsEntryDialog)
        self.itemLabel.setObjectName(u"itemLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.itemLabel)

        self.itemCombo = QComboBox(PointsEntryDialog)
        self.itemCombo.setObjectName(u"itemCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.itemCombo)

        self.dateLabel = QLabel(PointsEntryDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(PointsEntryDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.pointsLabel = QLabel(PointsEntryDialog)
        self.pointsLabel.setObjectName(u"pointsLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.pointsLabel)

        self.pointsEdit = QLineEdit(PointsEntryDialog)
        self.pointsEdit.setObjectName(u"pointsEdit")
        self.pointsEdit.setMaxLength(8)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.pointsEdit)

        self.reasonLabel = QLabel(PointsEntryDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QLineEdit(PointsEntryDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setMaxLength(200)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.hintLabel = QLabel(PointsEntryDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.errorLabel = QLabel(PointsEntryDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setVisible(False)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(PointsEntryDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.memberLabel.setBuddy(self.memberCombo)
        self.itemLabel.setBuddy(self.itemCombo)
        self.dateLabel.setBuddy(self.dateEdit)
        self.pointsLabel.setBuddy(self.pointsEdit)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PointsEntryDialog)

        QMetaObject.connectSlotsByName(PointsEntryDialog)
    # setupUi

    def retranslateUi(self, PointsEntryDialog):
        PointsEntryDialog.setWindowTitle(QCoreApplication.translate("PointsEntryDialog", u"\u767b\u8bb0\u52a0\u51cf\u5206", None))
        self.memberLabel.setText(QCoreApplication.translate("PointsEntryDialog", u"\u515a\u5458(&M)\uff1a", None))
        self.itemLabel.setText(QCoreApplication.translate("PointsEntryDialog", u"\u79ef\u5206\u9879\u76ee(&I)\uff1a", None))
        self.dateLabel.setText(QCoreApplication.translate("PointsEntryDialog", u"\u65e5\u671f(&D)\uff1a", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("PointsEntryDialog", u"yyyy-MM-dd", None))
        self.pointsLabel.setText(QCoreApplication.translate("PointsEntryDialog", u"\u5206\u503c(&P)\uff1a", None))
        self.pointsEdit.setPlaceholderText(QCoreApplication.translate("PointsEntryDialog", u"\u52a0\u5206\u5199\u6b63\u6570\uff0c\u6263\u5206\u5199\u8d1f\u6570\uff0c\u5982 -5", None))
        self.reasonLabel.setText(QCoreApplication.translate("PointsEntryDialog", u"\u4e8b\u7531(&R)\uff1a", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("PointsEntryDialog", u"\u5fc5\u586b\uff1a\u5982 \u53c2\u52a0\u793e\u533a\u9632\u6c5b\u5fd7\u613f\u670d\u52a1", None))
    # retranslateUi

