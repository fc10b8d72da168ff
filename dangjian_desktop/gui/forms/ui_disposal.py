# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'disposal.ui'
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

class Ui_DisposalDialog(object):
    def setupUi(self, DisposalDialog):
        if not DisposalDialog.objectName():
            DisposalDialog.setObjectName(u"DisposalDialog")
        self.mainLayout = QVBoxLayout(DisposalDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.whoLabel = QLabel(DisposalDialog)
        self.whoLabel.setObjectName(u"whoLabel")
        self.whoLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.whoLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.actionLabel = QLabel(DisposalDialog)
        self.actionLabel.setObjectName(u"actionLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.actionLabel)

        self.actionCombo = QComboBox(DisposalDialog)
        self.actionCombo.setObjectName(u"actionCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.actionCombo)

        self.decidedLabel = QLabel(DisposalDialog)
        self.decidedLabel.setObjectName(u"decidedLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.decidedLabel)

        self.decidedEdit = QDateEdit(DisposalDialog)
        self.decidedEdit.setObjectName(u"decidedEdit")
        self.decidedEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.decidedEdit)

        self.deadlineLabel = QLabel(DisposalDialog)
        self.deadlineLabel.setObjectName(u"deadlineLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.deadlineLabel)

        self.deadlineEdit = QDateEdit(DisposalDialog)
        self.deadlineEdit.setObjectName(u"deadlineEdit")
        self.deadlineEdit.setCalendarPopup(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.deadlineEdit)

        self.closedLabel = QLabel(DisposalDialog)
        self.closedLabel.setObjectName(u"closedLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.closedLabel)

        self.closedEdit = QDateEdit(DisposalDialog)
        self.closedEdit.setObjectName(u"closedEdit")
        self.closedEdit.setCalendarPopup(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.closedEdit)

        self.closingLabel = QLabel(DisposalDialog)
        self.closingLabel.setObjectName(u"closingLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.closingLabel)

        self.closingEdit = QLineEdit(DisposalDialog)
        self.closingEdit.setObjectName(u"closingEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.closingEdit)

        self.noteLabel = QLabel(DisposalDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QLineEdit(DisposalDialog)
        self.noteEdit.setObjectName(u"noteEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(DisposalDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setVisible(False)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(DisposalDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.actionLabel.setBuddy(self.actionCombo)
        self.decidedLabel.setBuddy(self.decidedEdit)
        self.deadlineLabel.setBuddy(self.deadlineEdit)
        self.closedLabel.setBuddy(self.closedEdit)
        self.closingLabel.setBuddy(self.closingEdit)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DisposalDialog)

        QMetaObject.connectSlotsByName(DisposalDialog)
    # setupUi

    def retranslateUi(self, DisposalDialog):
        DisposalDialog.setWindowTitle(QCoreApplication.translate("DisposalDialog", u"\u4e0d\u5408\u683c\u515a\u5458\u7684\u5904\u7f6e", None))
        self.actionLabel.setText(QCoreApplication.translate("DisposalDialog", u"\u5904\u7f6e\u65b9\u5f0f(&A)\uff1a", None))
        self.decidedLabel.setText(QCoreApplication.translate("DisposalDialog", u"\u652f\u90e8\u5927\u4f1a\u51b3\u5b9a\u65e5\u671f\uff1a", None))
        self.decidedEdit.setDisplayFormat(QCoreApplication.translate("DisposalDialog", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.decidedEdit.setSpecialValueText(QCoreApplication.translate("DisposalDialog", u"\uff08\u672a\u586b\uff09", None))
        self.deadlineLabel.setText(QCoreApplication.translate("DisposalDialog", u"\u6539\u6b63\u671f\u9650\uff1a", None))
        self.deadlineEdit.setDisplayFormat(QCoreApplication.translate("DisposalDialog", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.deadlineEdit.setSpecialValueText(QCoreApplication.translate("DisposalDialog", u"\uff08\u672a\u586b\uff09", None))
        self.closedLabel.setText(QCoreApplication.translate("DisposalDialog", u"\u529e\u7ed3\u65e5\u671f\uff1a", None))
        self.closedEdit.setDisplayFormat(QCoreApplication.translate("DisposalDialog", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.closedEdit.setSpecialValueText(QCoreApplication.translate("DisposalDialog", u"\uff08\u672a\u586b\uff09", None))
        self.closingLabel.setText(QCoreApplication.translate("DisposalDialog", u"\u529e\u7ed3\u7ed3\u679c(&C)\uff1a", None))
        self.closingEdit.setPlaceholderText(QCoreApplication.translate("DisposalDialog", u"\u5982\uff1a\u5df2\u6539\u6b63\uff0c\u6062\u590d\u4e3a\u5408\u683c\uff1b\u5df2\u9000\u515a\uff1b\u5df2\u9664\u540d", None))
        self.noteLabel.setText(QCoreApplication.translate("DisposalDialog", u"\u60c5\u51b5\u8bf4\u660e(&N)\uff1a", None))
    # retranslateUi

