# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'rectification_item.ui'
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
    QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_RectificationItemDialog(object):
    def setupUi(self, RectificationItemDialog):
        if not RectificationItemDialog.objectName():
            RectificationItemDialog.setObjectName(u"RectificationItemDialog")
        self.mainLayout = QVBoxLayout(RectificationItemDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.problemLabel = QLabel(RectificationItemDialog)
        self.problemLabel.setObjectName(u"problemLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.problemLabel)

        self.problemEdit = QPlainTextEdit(RectificationItemDialog)
        self.problemEdit.setObjectName(u"problemEdit")
        self.problemEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.problemEdit)

        self.measureLabel = QLabel(RectificationItemDialog)
        self.measureLabel.setObjectName(u"measureLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.measureLabel)

        self.measureEdit = QPlainTextEdit(RectificationItemDialog)
        self.measureEdit.setObjectName(u"measureEdit")
        self.measureEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.measureEdit)

        self.ownerLabel = QLabel(RectificationItemDialog)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.ownerLabel)

        self.ownerEdit = QLineEdit(RectificationItemDialog)
        self.ownerEdit.setObjectName(u"ownerEdit")
        self.ownerEdit.setMaxLength(100)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.ownerEdit)

        self.meetingLabel = QLabel(RectificationItemDialog)
        self.meetingLabel.setObjectName(u"meetingLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.meetingLabel)

        self.meetingCombo = QComboBox(RectificationItemDialog)
        self.meetingCombo.setObjectName(u"meetingCombo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.meetingCombo)

        self.raisedLabel = QLabel(RectificationItemDialog)
        self.raisedLabel.setObjectName(u"raisedLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.raisedLabel)

        self.raisedEdit = QDateEdit(RectificationItemDialog)
        self.raisedEdit.setObjectName(u"raisedEdit")
        self.raisedEdit.setCalendarPopup(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.raisedEdit)

        self.deadlineLabel = QLabel(RectificationItemDialog)
        self.deadlineLabel.setObjectName(u"deadlineLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.deadlineLabel)

        self.deadlineEdit = QDateEdit(RectificationItemDialog)
        self.deadlineEdit.setObjectName(u"deadlineEdit")
        self.deadlineEdit.setCalendarPopup(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.deadlineEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(RectificationItemDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setVisible(False)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(RectificationItemDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.problemLabel.setBuddy(self.problemEdit)
        self.measureLabel.setBuddy(self.measureEdit)
        self.ownerLabel.setBuddy(self.ownerEdit)
        self.meetingLabel.setBuddy(self.meetingCombo)
        self.raisedLabel.setBuddy(self.raisedEdit)
        self.deadlineLabel.setBuddy(self.deadlineEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RectificationItemDialog)

        QMetaObject.connectSlotsByName(RectificationItemDialog)
    # setupUi

    def retranslateUi(self, RectificationItemDialog):
        RectificationItemDialog.setWindowTitle(QCoreApplication.translate("RectificationItemDialog", u"\u6574\u6539\u4e8b\u9879", None))
        self.problemLabel.setText(QCoreApplication.translate("RectificationItemDialog", u"\u67e5\u6446\u51fa\u7684\u95ee\u9898(&P)\uff1a", None))
        self.problemEdit.setPlaceholderText(QCoreApplication.translate("RectificationItemDialog", u"\u5982\uff1a\u7406\u8bba\u5b66\u4e60\u4e0d\u591f\u7cfb\u7edf\uff0c\u5b58\u5728\u4ee5\u5e72\u4ee3\u5b66\u73b0\u8c61", None))
        self.measureLabel.setText(QCoreApplication.translate("RectificationItemDialog", u"\u6574\u6539\u63aa\u65bd(&M)\uff1a", None))
        self.measureEdit.setPlaceholderText(QCoreApplication.translate("RectificationItemDialog", u"\u5982\uff1a\u5236\u5b9a\u5b63\u5ea6\u5b66\u4e60\u8ba1\u5212\uff0c\u6bcf\u6708\u4e3b\u9898\u515a\u65e5\u5b89\u6392\u96c6\u4e2d\u5b66\u4e60", None))
        self.ownerLabel.setText(QCoreApplication.translate("RectificationItemDialog", u"\u8d23\u4efb\u4eba(&O)\uff1a", None))
        self.ownerEdit.setPlaceholderText(QCoreApplication.translate("RectificationItemDialog", u"\u4ece\u515a\u5458\u540d\u5355\u4e2d\u9009\u62e9\uff0c\u6216\u5199\u201c\u652f\u90e8\u59d4\u5458\u4f1a\u201d\u7b49", None))
        self.meetingLabel.setText(QCoreApplication.translate("RectificationItemDialog", u"\u6765\u6e90\u4f1a\u8bae(&S)\uff1a", None))
        self.raisedLabel.setText(QCoreApplication.translate("RectificationItemDialog", u"\u63d0\u51fa\u65e5\u671f(&R)\uff1a", None))
        self.raisedEdit.setDisplayFormat(QCoreApplication.translate("RectificationItemDialog", u"yyyy-MM-dd", None))
        self.deadlineLabel.setText(QCoreApplication.translate("RectificationItemDialog", u"\u6574\u6539\u65f6\u9650(&D)\uff1a", None))
        self.deadlineEdit.setDisplayFormat(QCoreApplication.translate("RectificationItemDialog", u"yyyy-MM-dd", None))
    # retranslateUi

