# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'birthday_observance.ui'
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

class Ui_BirthdayObservanceDialog(object):
    def setupUi(self, BirthdayObservanceDialog):
        if not BirthdayObservanceDialog.objectName():
            BirthdayObservanceDialog.setObjectName(u"BirthdayObservanceDialog")
        self.mainLayout = QVBoxLayout(BirthdayObservanceDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.whoLabel = QLabel(BirthdayObservanceDialog)
        self.whoLabel.setObjectName(u"whoLabel")
        self.whoLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.whoLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.kindLabel = QLabel(BirthdayObservanceDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(BirthdayObservanceDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.dateLabel = QLabel(BirthdayObservanceDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(BirthdayObservanceDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.noteLabel = QLabel(BirthdayObservanceDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QLineEdit(BirthdayObservanceDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setMaxLength(500)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(BirthdayObservanceDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setVisible(False)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(BirthdayObservanceDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.dateLabel.setBuddy(self.dateEdit)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(BirthdayObservanceDialog)

        QMetaObject.connectSlotsByName(BirthdayObservanceDialog)
    # setupUi

    def retranslateUi(self, BirthdayObservanceDialog):
        BirthdayObservanceDialog.setWindowTitle(QCoreApplication.translate("BirthdayObservanceDialog", u"\u767b\u8bb0\u653f\u6cbb\u751f\u65e5\u6d3b\u52a8", None))
        self.kindLabel.setText(QCoreApplication.translate("BirthdayObservanceDialog", u"\u5f00\u5c55\u65b9\u5f0f\uff1a", None))
        self.dateLabel.setText(QCoreApplication.translate("BirthdayObservanceDialog", u"\u65e5\u671f(&D)\uff1a", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("BirthdayObservanceDialog", u"yyyy-MM-dd", None))
        self.noteLabel.setText(QCoreApplication.translate("BirthdayObservanceDialog", u"\u60c5\u51b5\uff1a", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("BirthdayObservanceDialog", u"\u5982\uff1a\u652f\u90e8\u4e66\u8bb0\u767b\u95e8\u8c08\u5fc3\uff0c\u8d60\u9001\u8d3a\u5361", None))
    # retranslateUi

