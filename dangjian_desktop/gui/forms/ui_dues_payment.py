# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'dues_payment.ui'
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
    QLineEdit, QSizePolicy, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_DuesPaymentDialog(object):
    def setupUi(self, DuesPaymentDialog):
        if not DuesPaymentDialog.objectName():
            DuesPaymentDialog.setObjectName(u"DuesPaymentDialog")
        self.mainLayout = QVBoxLayout(DuesPaymentDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.whoLabel = QLabel(DuesPaymentDialog)
        self.whoLabel.setObjectName(u"whoLabel")
        self.whoLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.whoLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.kindLabel = QLabel(DuesPaymentDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(DuesPaymentDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.monthLabel = QLabel(DuesPaymentDialog)
        self.monthLabel.setObjectName(u"monthLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.monthLabel)

        self.monthEdit = QDateEdit(DuesPaymentDialog)
        self.monthEdit.setObjectName(u"monthEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.monthEdit)

        self.monthsLabel = QLabel(DuesPaymentDialog)
        self.monthsLabel.setObjectName(u"monthsLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.monthsLabel)

        self.monthsSpin = QSpinBox(DuesPaymentDialog)
        self.monthsSpin.setObjectName(u"monthsSpin")
        self.monthsSpin.setMinimum(1)
        self.monthsSpin.setMaximum(24)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.monthsSpin)

        self.amountLabel = QLabel(DuesPaymentDialog)
        self.amountLabel.setObjectName(u"amountLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.amountLabel)

        self.amountEdit = QLineEdit(DuesPaymentDialog)
        self.amountEdit.setObjectName(u"amountEdit")
        self.amountEdit.setMaxLength(12)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.amountEdit)

        self.dateLabel = QLabel(DuesPaymentDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(DuesPaymentDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.noteLabel = QLabel(DuesPaymentDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QLineEdit(DuesPaymentDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setMaxLength(500)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.hintLabel = QLabel(DuesPaymentDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.errorLabel = QLabel(DuesPaymentDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setVisible(False)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(DuesPaymentDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.monthLabel.setBuddy(self.monthEdit)
        self.monthsLabel.setBuddy(self.monthsSpin)
        self.amountLabel.setBuddy(self.amountEdit)
        self.dateLabel.setBuddy(self.dateEdit)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DuesPaymentDialog)

        QMetaObject.connectSlotsByName(DuesPaymentDialog)
    # setupUi

    def retranslateUi(self, DuesPaymentDialog):
        DuesPaymentDialog.setWindowTitle(QCoreApplication.translate("DuesPaymentDialog", u"\u767b\u8bb0\u515a\u8d39", None))
        self.kindLabel.setText(QCoreApplication.translate("DuesPaymentDialog", u"\u65b9\u5f0f(&K)\uff1a", None))
        self.monthLabel.setText(QCoreApplication.translate("DuesPaymentDialog", u"\u6708\u4efd(&M)\uff1a", None))
        self.monthEdit.setDisplayFormat(QCoreApplication.translate("DuesPaymentDialog", u"yyyy\u5e74M\u6708", None))
        self.monthsLabel.setText(QCoreApplication.translate("DuesPaymentDialog", u"\u9884\u4ea4\u6708\u6570\uff1a", None))
        self.monthsSpin.setSuffix(QCoreApplication.translate("DuesPaymentDialog", u" \u4e2a\u6708", None))
        self.amountLabel.setText(QCoreApplication.translate("DuesPaymentDialog", u"\u6bcf\u6708\u91d1\u989d(&A)\uff1a", None))
        self.amountEdit.setPlaceholderText(QCoreApplication.translate("DuesPaymentDialog", u"\u9ed8\u8ba4\u4e3a\u5e94\u7f34", None))
        self.dateLabel.setText(QCoreApplication.translate("DuesPaymentDialog", u"\u4ea4\u7eb3\u65e5\u671f(&D)\uff1a", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("DuesPaymentDialog", u"yyyy-MM-dd", None))
        self.noteLabel.setText(QCoreApplication.translate("DuesPaymentDialog", u"\u6279\u51c6\u60c5\u51b5 / \u8bf4\u660e(&N)\uff1a", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("DuesPaymentDialog", u"\u514d\u7f34\u987b\u5199\u660e\uff1a\u5982 \u8857\u9053\u515a\u5de5\u59d42026\u5e7411\u670820\u65e5\u6279\u51c6", None))
    # retranslateUi

