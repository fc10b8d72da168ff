# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'set_password.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_SetPasswordDialog(object):
    def setupUi(self, SetPasswordDialog):
        if not SetPasswordDialog.objectName():
            SetPasswordDialog.setObjectName(u"SetPasswordDialog")
        self.mainLayout = QVBoxLayout(SetPasswordDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.oldLabel = QLabel(SetPasswordDialog)
        self.oldLabel.setObjectName(u"oldLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.oldLabel)

        self.oldEdit = QLineEdit(SetPasswordDialog)
        self.oldEdit.setObjectName(u"oldEdit")
        self.oldEdit.setEchoMode(QLineEdit.Password)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.oldEdit)

        self.newLabel = QLabel(SetPasswordDialog)
        self.newLabel.setObjectName(u"newLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.newLabel)

        self.newEdit = QLineEdit(SetPasswordDialog)
        self.newEdit.setObjectName(u"newEdit")
        self.newEdit.setEchoMode(QLineEdit.Password)
        self.newEdit.setMinimumSize(QSize(240, 0))

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.newEdit)

        self.repeatLabel = QLabel(SetPasswordDialog)
        self.repeatLabel.setObjectName(u"repeatLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.repeatLabel)

        self.repeatEdit = QLineEdit(SetPasswordDialog)
        self.repeatEdit.setObjectName(u"repeatEdit")
        self.repeatEdit.setEchoMode(QLineEdit.Password)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.repeatEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.noteLabel = QLabel(SetPasswordDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noteLabel)

        self.messageLabel = QLabel(SetPasswordDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(SetPasswordDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.oldLabel.setBuddy(self.oldEdit)
        self.newLabel.setBuddy(self.newEdit)
        self.repeatLabel.setBuddy(self.repeatEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SetPasswordDialog)

        QMetaObject.connectSlotsByName(SetPasswordDialog)
    # setupUi

    def retranslateUi(self, SetPasswordDialog):
        SetPasswordDialog.setWindowTitle(QCoreApplication.translate("SetPasswordDialog", u"\u8bbe\u7f6e\u5bc6\u7801", None))
        self.oldLabel.setText(QCoreApplication.translate("SetPasswordDialog", u"\u539f\u5bc6\u7801(&O)\uff1a", None))
        self.newLabel.setText(QCoreApplication.translate("SetPasswordDialog", u"\u65b0\u5bc6\u7801(&N)\uff1a", None))
        self.repeatLabel.setText(QCoreApplication.translate("SetPasswordDialog", u"\u518d\u8f93\u4e00\u904d(&R)\uff1a", None))
        self.noteLabel.setText("")
        self.messageLabel.setText("")
    # retranslateUi

