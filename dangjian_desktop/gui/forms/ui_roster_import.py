# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'roster_import.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
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
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QTabWidget, QTableView, QVBoxLayout,
    QWidget)

class Ui_RosterImportDialog(object):
    def setupUi(self, RosterImportDialog):
        if not RosterImportDialog.objectName():
            RosterImportDialog.setObjectName(u"RosterImportDialog")
        self.mainLayout = QVBoxLayout(RosterImportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.fileLayout = QHBoxLayout()
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileLabel = QLabel(RosterImportDialog)
        self.fileLabel.setObjectName(u"fileLabel")
        self.fileLabel.setWordWrap(True)

        self.fileLayout.addWidget(self.fileLabel)

        self.chooseButton = QPushButton(RosterImportDialog)
        self.chooseButton.setObjectName(u"chooseButton")

        self.fileLayout.addWidget(self.chooseButton)


        self.mainLayout.addLayout(self.fileLayout)

        self.summaryLabel = QLabel(RosterImportDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.summaryLabel)

        self.tabs = QTabWidget(RosterImportDialog)
        self.tabs.setObjectName(u"tabs")
        self.acceptedTab = QWidget()
        self.acceptedTab.setObjectName(u"acceptedTab")
        self.acceptedLayout = QVBoxLayout(self.acceptedTab)
        self.acceptedLayout.setObjectName(u"acceptedLayout")
        self.acceptedView = QTableView(self.acceptedTab)
        self.acceptedView.setObjectName(u"acceptedView")

        self.acceptedLayout.addWidget(self.acceptedView)

        self.tabs.addTab(self.acceptedTab, "")
        self.refusedTab = QWidget()
        self.refusedTab.setObjectName(u"refusedTab")
        self.refusedLayout = QVBoxLayout(self.refusedTab)
        self.refusedLayout.setObjectName(u"refusedLayout")
        self.refusedView = QTableView(self.refusedTab)
        self.refusedView.setObjectName(u"refusedView")

        self.refusedLayout.addWidget(self.refusedView)

        self.refusedButtons = QHBoxLayout()
        self.refusedButtons.setObjectName(u"refusedButtons")
        self.refusedHint = QLabel(self.refusedTab)
        self.refusedHint.setObjectName(u"refusedHint")
        self.refusedHint.setWordWrap(True)

        self.refusedButtons.addWidget(self.refusedHint)

        self.saveErrorsButton = QPushButton(self.refusedTab)
        self.saveErrorsButton.setObjectName(u"saveErrorsButton")

        self.refusedButtons.addWidget(self.saveErrorsButton)


        self.refusedLayout.addLayout(self.refusedButtons)

        self.tabs.addTab(self.refusedTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.buttonBox = QDialogButtonBox(RosterImportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(RosterImportDialog)

        QMetaObject.connectSlotsByName(RosterImportDialog)
    # setupUi

    def retranslateUi(self, RosterImportDialog):
        RosterImportDialog.setWindowTitle(QCoreApplication.translate("RosterImportDialog", u"\u5bfc\u5165\u515a\u5458\u82b1\u540d\u518c", None))
        self.chooseButton.setText(QCoreApplication.translate("RosterImportDialog", u"\u9009\u62e9\u6587\u4ef6(&O)\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.acceptedTab), QCoreApplication.translate("RosterImportDialog", u"\u53ef\u4ee5\u5bfc\u5165", None))
        self.refusedHint.setText(QCoreApplication.translate("RosterImportDialog", u"\u8bf7\u6309\u63d0\u793a\u4fee\u6539\u6587\u4ef6\u540e\u91cd\u65b0\u9009\u62e9\uff1b\u6709\u95ee\u9898\u65f6\u4e0d\u4f1a\u5bfc\u5165\u4efb\u4f55\u4e00\u884c\u3002", None))
        self.saveErrorsButton.setText(QCoreApplication.translate("RosterImportDialog", u"\u4fdd\u5b58\u95ee\u9898\u6e05\u5355(&S)\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.refusedTab), QCoreApplication.translate("RosterImportDialog", u"\u6709\u95ee\u9898\u7684\u884c", None))
    # retranslateUi

