# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'dues_base.ui'
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

class Ui_DuesBaseDialog(object):
    def setupUi(self, DuesBaseDialog):
        if not DuesBaseDialog.objectName():
            DuesBaseDialog.setObjectName(u"DuesBaseDialog")
        self.mainLayout = QVBoxLayout(DuesBaseDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.whoLabel = QLabel(DuesBaseDialog)
        self.whoLabel.setObjectName(u"whoLabel")
        self.whoLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.whoLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.basisLabel = QLabel(DuesBaseDialog)
        self.basisLabel.setObjectName(u"basisLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.basisLabel)

        self.basisCombo = QComboBox(DuesBaseDialog)
        self.basisCombo.setObjectName(u"basisCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.basisCombo)

        self.amountLabel = QLabel(DuesBaseDialog)
        self.amountLabel.setObjectName(u"amountLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.amountLabel)

        self.amountEdit = QLineEdit(DuesBaseDialog)
        self.amountEdit.setObjectName(u"amountEdit")
        self.amountEdit.setMaxLength(12)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.amountEdit)

        self.fromLabel = QLabel(DuesBaseDialog)
        self.fromLabel.setObjectName(u"fromLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.fromLabel)

        self.fromEdit = QDateEdit(DuesBaseDialog)
        self.fromEdit.setObjectName(u"fromEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.fromEdit)

        self.noteLabel = QLabel(DuesBaseDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QLineEdit(DuesBaseDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setMaxLength(500)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.hintLabel = QLabel(DuesBaseDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.errorLabel = QLabel(DuesBaseDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setVisible(False)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(DuesBaseDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.basisLabel.setBuddy(self.basisCombo)
        self.amountLabel.setBuddy(self.amountEdit)
        self.fromLabel.setBuddy(self.fromEdit)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DuesBaseDialog)

        QMetaObject.connectSlotsByName(DuesBaseDialog)
    # setupUi

    def retranslateUi(self, DuesBaseDialog):
        DuesBaseDialog.setWindowTitle(QCoreApplication.translate("DuesBaseDialog", u"\u8bbe\u5b9a\u515a\u8d39\u57fa\u6570", None))
        self.basisLabel.setText(QCoreApplication.translate("DuesBaseDialog", u"\u8ba1\u7b97\u65b9\u5f0f(&B)\uff1a", None))
        self.amountLabel.setText(QCoreApplication.translate("DuesBaseDialog", u"\u6bcf\u6708\u91d1\u989d(&A)\uff1a", None))
        self.amountEdit.setPlaceholderText(QCoreApplication.translate("DuesBaseDialog", u"\u7a0e\u540e\u5de5\u8d44\u6216\u79bb\u9000\u4f11\u8d39\uff0c\u5982 4500", None))
        self.fromLabel.setText(QCoreApplication.translate("DuesBaseDialog", u"\u4ece\u54ea\u4e2a\u6708\u8d77(&F)\uff1a", None))
        self.fromEdit.setDisplayFormat(QCoreApplication.translate("DuesBaseDialog", u"yyyy\u5e74M\u6708", None))
        self.noteLabel.setText(QCoreApplication.translate("DuesBaseDialog", u"\u8bf4\u660e(&N)\uff1a", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("DuesBaseDialog", u"\u5982\uff1a\u8c03\u8d44\u3001\u9000\u4f11", None))
    # retranslateUi

