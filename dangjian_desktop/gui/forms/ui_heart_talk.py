# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'heart_talk.ui'
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
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_HeartTalkDialog(object):
    def setupUi(self, HeartTalkDialog):
        if not HeartTalkDialog.objectName():
            HeartTalkDialog.setObjectName(u"HeartTalkDialog")
        self.mainLayout = QVBoxLayout(HeartTalkDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.whoLabel = QLabel(HeartTalkDialog)
        self.whoLabel.setObjectName(u"whoLabel")
        self.whoLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.whoLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.dateLabel = QLabel(HeartTalkDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(HeartTalkDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.talkerLabel = QLabel(HeartTalkDialog)
        self.talkerLabel.setObjectName(u"talkerLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.talkerLabel)

        self.talkerEdit = QLineEdit(HeartTalkDialog)
        self.talkerEdit.setObjectName(u"talkerEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.talkerEdit)

        self.listenerLabel = QLabel(HeartTalkDialog)
        self.listenerLabel.setObjectName(u"listenerLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.listenerLabel)

        self.listenerEdit = QLineEdit(HeartTalkDialog)
        self.listenerEdit.setObjectName(u"listenerEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.listenerEdit)

        self.placeLabel = QLabel(HeartTalkDialog)
        self.placeLabel.setObjectName(u"placeLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.placeLabel)

        self.placeEdit = QLineEdit(HeartTalkDialog)
        self.placeEdit.setObjectName(u"placeEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.placeEdit)

        self.contentLabel = QLabel(HeartTalkDialog)
        self.contentLabel.setObjectName(u"contentLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.contentLabel)

        self.contentEdit = QPlainTextEdit(HeartTalkDialog)
        self.contentEdit.setObjectName(u"contentEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.contentEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(HeartTalkDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setVisible(False)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(HeartTalkDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
        self.talkerLabel.setBuddy(self.talkerEdit)
        self.listenerLabel.setBuddy(self.listenerEdit)
        self.placeLabel.setBuddy(self.placeEdit)
        self.contentLabel.setBuddy(self.contentEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(HeartTalkDialog)

        QMetaObject.connectSlotsByName(HeartTalkDialog)
    # setupUi

    def retranslateUi(self, HeartTalkDialog):
        HeartTalkDialog.setWindowTitle(QCoreApplication.translate("HeartTalkDialog", u"\u767b\u8bb0\u8c08\u5fc3\u8c08\u8bdd", None))
        self.dateLabel.setText(QCoreApplication.translate("HeartTalkDialog", u"\u65e5\u671f(&D)\uff1a", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("HeartTalkDialog", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.talkerLabel.setText(QCoreApplication.translate("HeartTalkDialog", u"\u8c08\u8bdd\u4eba(&T)\uff1a", None))
        self.listenerLabel.setText(QCoreApplication.translate("HeartTalkDialog", u"\u8c08\u8bdd\u5bf9\u8c61(&L)\uff1a", None))
        self.listenerEdit.setPlaceholderText(QCoreApplication.translate("HeartTalkDialog", u"\u4ece\u540d\u5355\u4e2d\u9009\u62e9\uff1b\u51e0\u4e2a\u4eba\u7528\u987f\u53f7\u9694\u5f00", None))
        self.placeLabel.setText(QCoreApplication.translate("HeartTalkDialog", u"\u5730\u70b9(&P)\uff1a", None))
        self.contentLabel.setText(QCoreApplication.translate("HeartTalkDialog", u"\u8c08\u8bdd\u5185\u5bb9(&C)\uff1a", None))
    # retranslateUi

