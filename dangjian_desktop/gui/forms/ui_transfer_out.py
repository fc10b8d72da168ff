# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'transfer_out.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_TransferOutDialog(object):
    def setupUi(self, TransferOutDialog):
        if not TransferOutDialog.objectName():
            TransferOutDialog.setObjectName(u"TransferOutDialog")
        self.mainLayout = QVBoxLayout(TransferOutDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(TransferOutDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.toLabel = QLabel(TransferOutDialog)
        self.toLabel.setObjectName(u"toLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.toLabel)

        self.toEdit = QLineEdit(TransferOutDialog)
        self.toEdit.setObjectName(u"toEdit")
        self.toEdit.setMaxLength(200)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.toEdit)

        self.dateLabel = QLabel(TransferOutDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(TransferOutDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.reasonLabel = QLabel(TransferOutDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QLineEdit(TransferOutDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setMaxLength(200)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reasonEdit)

        self.letterNoLabel = QLabel(TransferOutDialog)
        self.letterNoLabel.setObjectName(u"letterNoLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.letterNoLabel)

        self.letterNoEdit = QLineEdit(TransferOutDialog)
        self.letterNoEdit.setObjectName(u"letterNoEdit")
        self.letterNoEdit.setMaxLength(50)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.letterNoEdit)

        self.validLabel = QLabel(TransferOutDialog)
        self.validLabel.setObjectName(u"validLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.validLabel)

        self.validSpin = QSpinBox(TransferOutDialog)
        self.validSpin.setObjectName(u"validSpin")
        self.validSpin.setMinimum(1)
        self.validSpin.setMaximum(90)
        self.validSpin.setValue(30)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.validSpin)

        self.paidToLabel = QLabel(TransferOutDialog)
        self.paidToLabel.setObjectName(u"paidToLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.paidToLabel)

        self.paidToEdit = QDateEdit(TransferOutDialog)
        self.paidToEdit.setObjectName(u"paidToEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.paidToEdit)

        self.paidUnknownCheck = QCheckBox(TransferOutDialog)
        self.paidUnknownCheck.setObjectName(u"paidUnknownCheck")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.paidUnknownCheck)

        self.letterCheck = QCheckBox(TransferOutDialog)
        self.letterCheck.setObjectName(u"letterCheck")
        self.letterCheck.setChecked(True)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.SpanningRole, self.letterCheck)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(TransferOutDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setVisible(False)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(TransferOutDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.toLabel.setBuddy(self.toEdit)
        self.dateLabel.setBuddy(self.dateEdit)
        self.reasonLabel.setBuddy(self.reasonEdit)
        self.letterNoLabel.setBuddy(self.letterNoEdit)
        self.validLabel.setBuddy(self.validSpin)
        self.paidToLabel.setBuddy(self.paidToEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TransferOutDialog)

        QMetaObject.connectSlotsByName(TransferOutDialog)
    # setupUi

    def retranslateUi(self, TransferOutDialog):
        TransferOutDialog.setWindowTitle(QCoreApplication.translate("TransferOutDialog", u"\u8f6c\u51fa", None))
        self.toLabel.setText(QCoreApplication.translate("TransferOutDialog", u"\u8f6c\u5f80\u515a\u7ec4\u7ec7(&T)\uff1a", None))
        self.toEdit.setPlaceholderText(QCoreApplication.translate("TransferOutDialog", u"\u5982\uff1a\u4e2d\u5171XX\u5927\u5b66\u8ba1\u7b97\u673a\u5b66\u9662\u7b2c\u4e8c\u515a\u652f\u90e8", None))
        self.dateLabel.setText(QCoreApplication.translate("TransferOutDialog", u"\u8f6c\u51fa\u65e5\u671f(&D)\uff1a", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("TransferOutDialog", u"yyyy-MM-dd", None))
        self.reasonLabel.setText(QCoreApplication.translate("TransferOutDialog", u"\u8f6c\u51fa\u539f\u56e0\uff1a", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("TransferOutDialog", u"\u5982\uff1a\u5de5\u4f5c\u8c03\u52a8\u3001\u5347\u5b66\u3001\u6bd5\u4e1a", None))
        self.letterNoLabel.setText(QCoreApplication.translate("TransferOutDialog", u"\u4ecb\u7ecd\u4fe1\u7f16\u53f7\uff1a", None))
        self.letterNoEdit.setPlaceholderText(QCoreApplication.translate("TransferOutDialog", u"\u4ecb\u7ecd\u4fe1\u53f3\u4e0a\u89d2\u201c\u7b2c \u53f7\u201d", None))
        self.validLabel.setText(QCoreApplication.translate("TransferOutDialog", u"\u6709\u6548\u671f\uff1a", None))
        self.validSpin.setSuffix(QCoreApplication.translate("TransferOutDialog", u" \u5929", None))
        self.paidToLabel.setText(QCoreApplication.translate("TransferOutDialog", u"\u515a\u8d39\u4ea4\u5230\uff1a", None))
        self.paidToEdit.setDisplayFormat(QCoreApplication.translate("TransferOutDialog", u"yyyy\u5e74M\u6708", None))
        self.paidUnknownCheck.setText(QCoreApplication.translate("TransferOutDialog", u"\u515a\u8d39\u4ea4\u5230\u54ea\u4e2a\u6708\u4e0d\u6e05\u695a\uff08\u4ecb\u7ecd\u4fe1\u4e0a\u7559\u7a7a\uff0c\u624b\u5199\uff09", None))
        self.letterCheck.setText(QCoreApplication.translate("TransferOutDialog", u"\u529e\u7406\u540e\u5bfc\u51fa\u7ec4\u7ec7\u5173\u7cfb\u4ecb\u7ecd\u4fe1\uff08\u5b58\u6839\u3001\u4ecb\u7ecd\u4fe1\u3001\u56de\u6267\uff09", None))
    # retranslateUi

