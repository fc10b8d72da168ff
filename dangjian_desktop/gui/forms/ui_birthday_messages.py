# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'birthday_messages.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSpinBox, QTableView, QVBoxLayout,
    QWidget)

class Ui_BirthdayMessagesDialog(object):
    def setupUi(self, BirthdayMessagesDialog):
        if not BirthdayMessagesDialog.objectName():
            BirthdayMessagesDialog.setObjectName(u"BirthdayMessagesDialog")
        self.mainLayout = QVBoxLayout(BirthdayMessagesDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.hintLabel = QLabel(BirthdayMessagesDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.periodLayout = QHBoxLayout()
        self.periodLayout.setObjectName(u"periodLayout")
        self.periodLabel = QLabel(BirthdayMessagesDialog)
        self.periodLabel.setObjectName(u"periodLabel")

        self.periodLayout.addWidget(self.periodLabel)

        self.periodCombo = QComboBox(BirthdayMessagesDialog)
        self.periodCombo.setObjectName(u"periodCombo")

        self.periodLayout.addWidget(self.periodCombo)

        self.yearSpin = QSpinBox(BirthdayMessagesDialog)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(1950)
        self.yearSpin.setMaximum(2200)

        self.periodLayout.addWidget(self.yearSpin)

        self.summaryLabel = QLabel(BirthdayMessagesDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.summaryLabel.sizePolicy().hasHeightForWidth())
        self.summaryLabel.setSizePolicy(sizePolicy)

        self.periodLayout.addWidget(self.summaryLabel)


        self.mainLayout.addLayout(self.periodLayout)

        self.wordingBox = QGroupBox(BirthdayMessagesDialog)
        self.wordingBox.setObjectName(u"wordingBox")
        self.wordingLayout = QVBoxLayout(self.wordingBox)
        self.wordingLayout.setObjectName(u"wordingLayout")
        self.templateEdit = QPlainTextEdit(self.wordingBox)
        self.templateEdit.setObjectName(u"templateEdit")
        self.templateEdit.setTabChangesFocus(True)

        self.wordingLayout.addWidget(self.templateEdit)

        self.placeholdersLabel = QLabel(self.wordingBox)
        self.placeholdersLabel.setObjectName(u"placeholdersLabel")
        self.placeholdersLabel.setWordWrap(True)

        self.wordingLayout.addWidget(self.placeholdersLabel)

        self.wordingButtons = QHBoxLayout()
        self.wordingButtons.setObjectName(u"wordingButtons")
        self.templateError = QLabel(self.wordingBox)
        self.templateError.setObjectName(u"templateError")
        self.templateError.setWordWrap(True)
        sizePolicy.setHeightForWidth(self.templateError.sizePolicy().hasHeightForWidth())
        self.templateError.setSizePolicy(sizePolicy)

        self.wordingButtons.addWidget(self.templateError)

        self.defaultButton = QPushButton(self.wordingBox)
        self.defaultButton.setObjectName(u"defaultButton")
        self.defaultButton.setAutoDefault(False)

        self.wordingButtons.addWidget(self.defaultButton)

        self.saveTemplateButton = QPushButton(self.wordingBox)
        self.saveTemplateButton.setObjectName(u"saveTemplateButton")
        self.saveTemplateButton.setAutoDefault(False)

        self.wordingButtons.addWidget(self.saveTemplateButton)


        self.wordingLayout.addLayout(self.wordingButtons)


        self.mainLayout.addWidget(self.wordingBox)

        self.previewView = QTableView(BirthdayMessagesDialog)
        self.previewView.setObjectName(u"previewView")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(1)
        sizePolicy1.setHeightForWidth(self.previewView.sizePolicy().hasHeightForWidth())
        self.previewView.setSizePolicy(sizePolicy1)

        self.mainLayout.addWidget(self.previewView)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.copyButton = QPushButton(BirthdayMessagesDialog)
        self.copyButton.setObjectName(u"copyButton")
        self.copyButton.setAutoDefault(False)

        self.actionsLayout.addWidget(self.copyButton)

        self.exportButton = QPushButton(BirthdayMessagesDialog)
        self.exportButton.setObjectName(u"exportButton")
        self.exportButton.setAutoDefault(False)

        self.actionsLayout.addWidget(self.exportButton)

        self.actionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)

        self.buttonBox = QDialogButtonBox(BirthdayMessagesDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.actionsLayout.addWidget(self.buttonBox)


        self.mainLayout.addLayout(self.actionsLayout)

#if QT_CONFIG(shortcut)
        self.periodLabel.setBuddy(self.periodCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(BirthdayMessagesDialog)

        QMetaObject.connectSlotsByName(BirthdayMessagesDialog)
    # setupUi

    def retranslateUi(self, BirthdayMessagesDialog):
        BirthdayMessagesDialog.setWindowTitle(QCoreApplication.translate("BirthdayMessagesDialog", u"\u653f\u6cbb\u751f\u65e5\u77ed\u4fe1", None))
        self.hintLabel.setText(QCoreApplication.translate("BirthdayMessagesDialog", u"\u672c\u7a0b\u5e8f\u4e0d\u53d1\u9001\u77ed\u4fe1\uff1a\u5728\u8fd9\u91cc\u751f\u6210\u6bcf\u4eba\u4e00\u6761\u77ed\u4fe1\uff0c\u590d\u5236\u5230\u624b\u673a\u3001\u5fae\u4fe1\uff0c\u6216\u5bfc\u51fa CSV \u6587\u4ef6\u5bfc\u5165\u77ed\u4fe1\u5e73\u53f0\u53d1\u9001\u3002", None))
        self.periodLabel.setText(QCoreApplication.translate("BirthdayMessagesDialog", u"\u671f\u95f4(&P)\uff1a", None))
        self.yearSpin.setSuffix(QCoreApplication.translate("BirthdayMessagesDialog", u" \u5e74", None))
        self.wordingBox.setTitle(QCoreApplication.translate("BirthdayMessagesDialog", u"\u77ed\u4fe1\u63aa\u8f9e\uff08\u672c\u652f\u90e8\u4fdd\u5b58\u4e00\u4efd\uff0c\u4e0b\u6b21\u6cbf\u7528\uff09", None))
        self.defaultButton.setText(QCoreApplication.translate("BirthdayMessagesDialog", u"\u6062\u590d\u9ed8\u8ba4\u63aa\u8f9e", None))
        self.saveTemplateButton.setText(QCoreApplication.translate("BirthdayMessagesDialog", u"\u4fdd\u5b58\u63aa\u8f9e(&S)", None))
        self.copyButton.setText(QCoreApplication.translate("BirthdayMessagesDialog", u"\u590d\u5236\u5168\u90e8(&C)", None))
        self.exportButton.setText(QCoreApplication.translate("BirthdayMessagesDialog", u"\u5bfc\u51fa CSV\u2026", None))
    # retranslateUi

