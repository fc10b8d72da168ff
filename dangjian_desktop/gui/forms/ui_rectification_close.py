# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'rectification_close.ui'
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
    QDialogButtonBox, QFormLayout, QGroupBox, QLabel,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

from dangjian_desktop.gui.attachments_panel import AttachmentsPanel

class Ui_RectificationCloseDialog(object):
    def setupUi(self, RectificationCloseDialog):
        if not RectificationCloseDialog.objectName():
            RectificationCloseDialog.setObjectName(u"RectificationCloseDialog")
        self.mainLayout = QVBoxLayout(RectificationCloseDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.whoLabel = QLabel(RectificationCloseDialog)
        self.whoLabel.setObjectName(u"whoLabel")
        self.whoLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.whoLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.closedLabel = QLabel(RectificationCloseDialog)
        self.closedLabel.setObjectName(u"closedLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.closedLabel)

        self.closedEdit = QDateEdit(RectificationCloseDialog)
        self.closedEdit.setObjectName(u"closedEdit")
        self.closedEdit.setCalendarPopup(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.closedEdit)

        self.noteLabel = QLabel(RectificationCloseDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QPlainTextEdit(RectificationCloseDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.attachmentsBox = QGroupBox(RectificationCloseDialog)
        self.attachmentsBox.setObjectName(u"attachmentsBox")
        self.attachmentsLayout = QVBoxLayout(self.attachmentsBox)
        self.attachmentsLayout.setObjectName(u"attachmentsLayout")
        self.attachmentsPanel = AttachmentsPanel(self.attachmentsBox)
        self.attachmentsPanel.setObjectName(u"attachmentsPanel")

        self.attachmentsLayout.addWidget(self.attachmentsPanel)


        self.mainLayout.addWidget(self.attachmentsBox)

        self.errorLabel = QLabel(RectificationCloseDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setVisible(False)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(RectificationCloseDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.closedLabel.setBuddy(self.closedEdit)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RectificationCloseDialog)

        QMetaObject.connectSlotsByName(RectificationCloseDialog)
    # setupUi

    def retranslateUi(self, RectificationCloseDialog):
        RectificationCloseDialog.setWindowTitle(QCoreApplication.translate("RectificationCloseDialog", u"\u6574\u6539\u9500\u53f7", None))
        self.closedLabel.setText(QCoreApplication.translate("RectificationCloseDialog", u"\u9500\u53f7\u65e5\u671f(&D)\uff1a", None))
        self.closedEdit.setDisplayFormat(QCoreApplication.translate("RectificationCloseDialog", u"yyyy-MM-dd", None))
        self.noteLabel.setText(QCoreApplication.translate("RectificationCloseDialog", u"\u5b8c\u6210\u60c5\u51b5(&N)\uff1a", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("RectificationCloseDialog", u"\u505a\u4e86\u4ec0\u4e48\u3001\u6709\u4f55\u4f50\u8bc1\uff0c\u5982\uff1a\u5df2\u5236\u5b9a\u5b66\u4e60\u8ba1\u5212\u5e76\u6267\u884c\u4e09\u4e2a\u6708\uff0c\u5b66\u4e60\u8bb0\u5f55\u5df2\u5f52\u6863", None))
        self.attachmentsBox.setTitle(QCoreApplication.translate("RectificationCloseDialog", u"\u4f50\u8bc1\u6750\u6599\uff08\u7167\u7247\u3001\u626b\u63cf\u4ef6\u3001\u6587\u4ef6\uff09", None))
    # retranslateUi

