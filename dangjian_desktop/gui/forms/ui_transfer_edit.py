# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'transfer_edit.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_TransferEditDialog(object):
    def setupUi(self, TransferEditDialog):
        if not TransferEditDialog.objectName():
            TransferEditDialog.setObjectName(u"TransferEditDialog")
        self.mainLayout = QVBoxLayout(TransferEditDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(TransferEditDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.orgLabel = QLabel(TransferEditDialog)
        self.orgLabel.setObjectName(u"orgLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.orgLabel)

        self.orgEdit = QLineEdit(TransferEditDialog)
        self.orgEdit.setObjectName(u"orgEdit")
        self.orgEdit.setMaxLength(200)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.orgEdit)

        self.dateLabel = QLabel(TransferEditDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(TransferEditDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.reasonLabel = QLabel(TransferEditDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QLineEdit(TransferEditDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setMaxLength(200)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reasonEdit)

        self.letterNoLabel = QLabel(TransferEditDialog)
        self.letterNoLabel.setObjectName(u"letterNoLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.letterNoLabel)

        self.letterNoEdit = QLineEdit(TransferEditDialog)
        self.letterNoEdit.setObjectName(u"letterNoEdit")
        self.letterNoEdit.setMaxLength(50)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.letterNoEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(TransferEditDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setVisible(False)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(TransferEditDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.orgLabel.setBuddy(self.orgEdit)
        self.dateLabel.setBuddy(self.dateEdit)
        self.reasonLabel.setBuddy(self.reasonEdit)
        self.letterNoLabel.setBuddy(self.letterNoEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TransferEditDialog)

        QMetaObject.connectSlotsByName(TransferEditDialog)
    # setupUi

    def retranslateUi(self, TransferEditDialog):
        TransferEditDialog.setWindowTitle(QCoreApplication.translate("TransferEditDialog", u"\u4fee\u6539\u7ec4\u7ec7\u5173\u7cfb\u8f6c\u63a5", None))
        self.orgLabel.setText(QCoreApplication.translate("TransferEditDialog", u"\u515a\u7ec4\u7ec7(&O)\uff1a", None))
        self.dateLabel.setText(QCoreApplication.translate("TransferEditDialog", u"\u65e5\u671f(&D)\uff1a", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("TransferEditDialog", u"yyyy-MM-dd", None))
        self.reasonLabel.setText(QCoreApplication.translate("TransferEditDialog", u"\u539f\u56e0(&R)\uff1a", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("TransferEditDialog", u"\u5982\uff1a\u5de5\u4f5c\u8c03\u52a8\u3001\u5347\u5b66\u3001\u6bd5\u4e1a", None))
        self.letterNoLabel.setText(QCoreApplication.translate("TransferEditDialog", u"\u4ecb\u7ecd\u4fe1\u7f16\u53f7(&L)\uff1a", None))
        self.letterNoEdit.setPlaceholderText(QCoreApplication.translate("TransferEditDialog", u"\u7b2c    \u53f7", None))
    # retranslateUi

