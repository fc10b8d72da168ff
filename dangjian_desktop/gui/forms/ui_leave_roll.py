# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'leave_roll.ui'
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

class Ui_LeaveRollDialog(object):
    def setupUi(self, LeaveRollDialog):
        if not LeaveRollDialog.objectName():
            LeaveRollDialog.setObjectName(u"LeaveRollDialog")
        self.mainLayout = QVBoxLayout(LeaveRollDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(LeaveRollDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.kindLabel = QLabel(LeaveRollDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(LeaveRollDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.dateLabel = QLabel(LeaveRollDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(LeaveRollDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.destinationLabel = QLabel(LeaveRollDialog)
        self.destinationLabel.setObjectName(u"destinationLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.destinationLabel)

        self.destinationEdit = QLineEdit(LeaveRollDialog)
        self.destinationEdit.setObjectName(u"destinationEdit")
        self.destinationEdit.setMaxLength(200)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.destinationEdit)

        self.reasonLabel = QLabel(LeaveRollDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QLineEdit(LeaveRollDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setMaxLength(200)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(LeaveRollDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setVisible(False)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(LeaveRollDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.dateLabel.setBuddy(self.dateEdit)
        self.destinationLabel.setBuddy(self.destinationEdit)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(LeaveRollDialog)

        QMetaObject.connectSlotsByName(LeaveRollDialog)
    # setupUi

    def retranslateUi(self, LeaveRollDialog):
        LeaveRollDialog.setWindowTitle(QCoreApplication.translate("LeaveRollDialog", u"\u79bb\u5f00\u540d\u518c", None))
        self.kindLabel.setText(QCoreApplication.translate("LeaveRollDialog", u"\u65b9\u5f0f\uff1a", None))
        self.dateLabel.setText(QCoreApplication.translate("LeaveRollDialog", u"\u65e5\u671f(&D)\uff1a", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("LeaveRollDialog", u"yyyy-MM-dd", None))
        self.destinationLabel.setText(QCoreApplication.translate("LeaveRollDialog", u"\u8f6c\u5f80\u515a\u7ec4\u7ec7\uff1a", None))
        self.destinationEdit.setPlaceholderText(QCoreApplication.translate("LeaveRollDialog", u"\u5982\uff1aXX\u8857\u9053\u7b2c\u4e8c\u515a\u652f\u90e8", None))
        self.reasonLabel.setText(QCoreApplication.translate("LeaveRollDialog", u"\u8bf4\u660e\uff1a", None))
    # retranslateUi

