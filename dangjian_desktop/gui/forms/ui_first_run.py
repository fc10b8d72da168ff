# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_run.ui'
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
    QFormLayout, QFrame, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_FirstRunDialog(object):
    def setupUi(self, FirstRunDialog):
        if not FirstRunDialog.objectName():
            FirstRunDialog.setObjectName(u"FirstRunDialog")
        self.mainLayout = QVBoxLayout(FirstRunDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(FirstRunDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.branchLabel = QLabel(FirstRunDialog)
        self.branchLabel.setObjectName(u"branchLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.branchLabel)

        self.branchEdit = QLineEdit(FirstRunDialog)
        self.branchEdit.setObjectName(u"branchEdit")
        self.branchEdit.setMaxLength(100)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.branchEdit)

        self.parentLabel = QLabel(FirstRunDialog)
        self.parentLabel.setObjectName(u"parentLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.parentLabel)

        self.parentEdit = QLineEdit(FirstRunDialog)
        self.parentEdit.setObjectName(u"parentEdit")
        self.parentEdit.setMaxLength(100)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.parentEdit)

        self.secretaryLabel = QLabel(FirstRunDialog)
        self.secretaryLabel.setObjectName(u"secretaryLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.secretaryLabel)

        self.secretaryEdit = QLineEdit(FirstRunDialog)
        self.secretaryEdit.setObjectName(u"secretaryEdit")
        self.secretaryEdit.setMaxLength(50)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.secretaryEdit)

        self.groupsLabel = QLabel(FirstRunDialog)
        self.groupsLabel.setObjectName(u"groupsLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.groupsLabel)

        self.groupsEdit = QLineEdit(FirstRunDialog)
        self.groupsEdit.setObjectName(u"groupsEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.groupsEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(FirstRunDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.line = QFrame(FirstRunDialog)
        self.line.setObjectName(u"line")
        self.line.setFrameShape(QFrame.Shape.HLine)
        self.line.setFrameShadow(QFrame.Shadow.Sunken)

        self.mainLayout.addWidget(self.line)

        self.demoLayout = QHBoxLayout()
        self.demoLayout.setObjectName(u"demoLayout")
        self.demoLabel = QLabel(FirstRunDialog)
        self.demoLabel.setObjectName(u"demoLabel")
        self.demoLabel.setWordWrap(True)

        self.demoLayout.addWidget(self.demoLabel)

        self.demoButton = QPushButton(FirstRunDialog)
        self.demoButton.setObjectName(u"demoButton")

        self.demoLayout.addWidget(self.demoButton)


        self.mainLayout.addLayout(self.demoLayout)

        self.buttonBox = QDialogButtonBox(FirstRunDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.branchLabel.setBuddy(self.branchEdit)
        self.parentLabel.setBuddy(self.parentEdit)
        self.secretaryLabel.setBuddy(self.secretaryEdit)
        self.groupsLabel.setBuddy(self.groupsEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.branchEdit, self.parentEdit)
        QWidget.setTabOrder(self.parentEdit, self.secretaryEdit)
        QWidget.setTabOrder(self.secretaryEdit, self.groupsEdit)

        self.retranslateUi(FirstRunDialog)

        QMetaObject.connectSlotsByName(FirstRunDialog)
    # setupUi

    def retranslateUi(self, FirstRunDialog):
        FirstRunDialog.setWindowTitle(QCoreApplication.translate("FirstRunDialog", u"\u6b22\u8fce\u4f7f\u7528\u515a\u652f\u90e8\u5de5\u4f5c\u53f0", None))
        self.introLabel.setText(QCoreApplication.translate("FirstRunDialog", u"<p><b>\u7b2c\u4e00\u6b21\u4f7f\u7528\uff0c\u8bf7\u586b\u5199\u672c\u652f\u90e8\u7684\u57fa\u672c\u4fe1\u606f\u3002</b></p><p>\u6240\u6709\u6570\u636e\u53ea\u4fdd\u5b58\u5728\u8fd9\u53f0\u7535\u8111\u4e0a\uff0c\u4e0d\u9700\u8981\u8054\u7f51\u3002\u4ee5\u540e\u53ef\u4ee5\u5728\u201c\u8bbe\u7f6e\u201d\u4e2d\u4fee\u6539\u3002</p>", None))
        self.branchLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u652f\u90e8\u540d\u79f0(&N)\uff1a", None))
        self.branchEdit.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u4f8b\u5982\uff1aXX\u793e\u533a\u7b2c\u4e00\u515a\u652f\u90e8", None))
        self.parentLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u4e0a\u7ea7\u515a\u59d4(&P)\uff1a", None))
        self.parentEdit.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u4f8b\u5982\uff1a\u4e2d\u5171XX\u8857\u9053\u5de5\u4f5c\u59d4\u5458\u4f1a", None))
        self.secretaryLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u652f\u90e8\u4e66\u8bb0(&S)\uff1a", None))
        self.secretaryEdit.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u4e66\u8bb0\u59d3\u540d", None))
        self.groupsLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u515a\u5c0f\u7ec4(&G)\uff1a", None))
        self.groupsEdit.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u53ef\u4e0d\u586b\uff1b\u591a\u4e2a\u7528\u9017\u53f7\u5206\u9694\uff0c\u5982\uff1a\u7b2c\u4e00\u515a\u5c0f\u7ec4\uff0c\u7b2c\u4e8c\u515a\u5c0f\u7ec4", None))
        self.demoLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u60f3\u5148\u770b\u770b\u7a0b\u5e8f\u80fd\u505a\u4ec0\u4e48\uff1f\u53ef\u4ee5\u6253\u5f00\u4e00\u4e2a\u6f14\u793a\u6570\u636e\u5e93\uff08\u865a\u6784\u7684\u6570\u636e\uff0c\u4e0e\u6b63\u5f0f\u6570\u636e\u5206\u5f00\u4fdd\u5b58\uff09\u3002", None))
        self.demoButton.setText(QCoreApplication.translate("FirstRunDialog", u"\u6253\u5f00\u6f14\u793a\u6570\u636e\u5e93(&D)", None))
    # retranslateUi

