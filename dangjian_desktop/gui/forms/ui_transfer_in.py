# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'transfer_in.ui'
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

class Ui_TransferInDialog(object):
    def setupUi(self, TransferInDialog):
        if not TransferInDialog.objectName():
            TransferInDialog.setObjectName(u"TransferInDialog")
        self.mainLayout = QVBoxLayout(TransferInDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(TransferInDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.nameLabel = QLabel(TransferInDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(TransferInDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(50)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.idLabel = QLabel(TransferInDialog)
        self.idLabel.setObjectName(u"idLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.idLabel)

        self.idEdit = QLineEdit(TransferInDialog)
        self.idEdit.setObjectName(u"idEdit")
        self.idEdit.setMaxLength(18)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.idEdit)

        self.fromLabel = QLabel(TransferInDialog)
        self.fromLabel.setObjectName(u"fromLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.fromLabel)

        self.fromEdit = QLineEdit(TransferInDialog)
        self.fromEdit.setObjectName(u"fromEdit")
        self.fromEdit.setMaxLength(200)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.fromEdit)

        self.dateLabel = QLabel(TransferInDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(TransferInDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.letterNoLabel = QLabel(TransferInDialog)
        self.letterNoLabel.setObjectName(u"letterNoLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.letterNoLabel)

        self.letterNoEdit = QLineEdit(TransferInDialog)
        self.letterNoEdit.setObjectName(u"letterNoEdit")
        self.letterNoEdit.setMaxLength(50)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.letterNoEdit)

        self.statusLabel = QLabel(TransferInDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCombo = QComboBox(TransferInDialog)
        self.statusCombo.setObjectName(u"statusCombo")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.joinedLabel = QLabel(TransferInDialog)
        self.joinedLabel.setObjectName(u"joinedLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.joinedLabel)

        self.joinedEdit = QLineEdit(TransferInDialog)
        self.joinedEdit.setObjectName(u"joinedEdit")
        self.joinedEdit.setMaxLength(20)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.joinedEdit)

        self.fullLabel = QLabel(TransferInDialog)
        self.fullLabel.setObjectName(u"fullLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.fullLabel)

        self.fullEdit = QLineEdit(TransferInDialog)
        self.fullEdit.setObjectName(u"fullEdit")
        self.fullEdit.setMaxLength(20)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.fullEdit)

        self.groupLabel = QLabel(TransferInDialog)
        self.groupLabel.setObjectName(u"groupLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.groupLabel)

        self.groupCombo = QComboBox(TransferInDialog)
        self.groupCombo.setObjectName(u"groupCombo")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.groupCombo)

        self.phoneLabel = QLabel(TransferInDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(TransferInDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(30)

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.unitLabel = QLabel(TransferInDialog)
        self.unitLabel.setObjectName(u"unitLabel")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unitEdit = QLineEdit(TransferInDialog)
        self.unitEdit.setObjectName(u"unitEdit")
        self.unitEdit.setMaxLength(200)

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.unitEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(TransferInDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setVisible(False)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(TransferInDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.idLabel.setBuddy(self.idEdit)
        self.fromLabel.setBuddy(self.fromEdit)
        self.dateLabel.setBuddy(self.dateEdit)
        self.letterNoLabel.setBuddy(self.letterNoEdit)
        self.statusLabel.setBuddy(self.statusCombo)
        self.joinedLabel.setBuddy(self.joinedEdit)
        self.fullLabel.setBuddy(self.fullEdit)
        self.groupLabel.setBuddy(self.groupCombo)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.unitLabel.setBuddy(self.unitEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TransferInDialog)

        QMetaObject.connectSlotsByName(TransferInDialog)
    # setupUi

    def retranslateUi(self, TransferInDialog):
        TransferInDialog.setWindowTitle(QCoreApplication.translate("TransferInDialog", u"\u8f6c\u5165", None))
        self.nameLabel.setText(QCoreApplication.translate("TransferInDialog", u"\u59d3\u540d(&N)\uff1a", None))
        self.idLabel.setText(QCoreApplication.translate("TransferInDialog", u"\u516c\u6c11\u8eab\u4efd\u53f7\u7801(&I)\uff1a", None))
        self.idEdit.setPlaceholderText(QCoreApplication.translate("TransferInDialog", u"18\u4f4d", None))
        self.fromLabel.setText(QCoreApplication.translate("TransferInDialog", u"\u4ece\u54ea\u91cc\u8f6c\u6765(&F)\uff1a", None))
        self.fromEdit.setPlaceholderText(QCoreApplication.translate("TransferInDialog", u"\u8f6c\u51fa\u7684\u515a\u7ec4\u7ec7\uff0c\u5982\uff1a\u4e2d\u5171XX\u8857\u9053\u7b2c\u4e09\u515a\u652f\u90e8", None))
        self.dateLabel.setText(QCoreApplication.translate("TransferInDialog", u"\u8f6c\u5165\u65e5\u671f(&D)\uff1a", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("TransferInDialog", u"yyyy-MM-dd", None))
        self.letterNoLabel.setText(QCoreApplication.translate("TransferInDialog", u"\u4ecb\u7ecd\u4fe1\u7f16\u53f7\uff1a", None))
        self.letterNoEdit.setPlaceholderText(QCoreApplication.translate("TransferInDialog", u"\u4ecb\u7ecd\u4fe1\u53f3\u4e0a\u89d2\u201c\u7b2c \u53f7\u201d", None))
        self.statusLabel.setText(QCoreApplication.translate("TransferInDialog", u"\u515a\u5458\u7c7b\u522b\uff1a", None))
        self.joinedLabel.setText(QCoreApplication.translate("TransferInDialog", u"\u5165\u515a\u65e5\u671f\uff1a", None))
        self.joinedEdit.setPlaceholderText(QCoreApplication.translate("TransferInDialog", u"\u5982 2010-07-01\uff1b\u4ecb\u7ecd\u4fe1\u4e0a\u6ca1\u6709\uff0c\u53ef\u4ee5\u4ee5\u540e\u8865", None))
        self.fullLabel.setText(QCoreApplication.translate("TransferInDialog", u"\u8f6c\u6b63\u65e5\u671f\uff1a", None))
        self.fullEdit.setPlaceholderText(QCoreApplication.translate("TransferInDialog", u"\u6b63\u5f0f\u515a\u5458\u7684\u8f6c\u6b63\u65e5\u671f\uff1b\u53ef\u4ee5\u4ee5\u540e\u8865", None))
        self.groupLabel.setText(QCoreApplication.translate("TransferInDialog", u"\u515a\u5c0f\u7ec4\uff1a", None))
        self.phoneLabel.setText(QCoreApplication.translate("TransferInDialog", u"\u8054\u7cfb\u7535\u8bdd\uff1a", None))
        self.unitLabel.setText(QCoreApplication.translate("TransferInDialog", u"\u5de5\u4f5c\u5355\u4f4d\u53ca\u804c\u52a1\uff1a", None))
    # retranslateUi

