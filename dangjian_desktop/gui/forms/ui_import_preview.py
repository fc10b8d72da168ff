# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_preview.ui'
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
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTabWidget,
    QTableView, QVBoxLayout, QWidget)

class Ui_ImportPreviewDialog(object):
    def setupUi(self, ImportPreviewDialog):
        if not ImportPreviewDialog.objectName():
            ImportPreviewDialog.setObjectName(u"ImportPreviewDialog")
        self.mainLayout = QVBoxLayout(ImportPreviewDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.fileLayout = QHBoxLayout()
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileLabel = QLabel(ImportPreviewDialog)
        self.fileLabel.setObjectName(u"fileLabel")
        self.fileLabel.setWordWrap(True)

        self.fileLayout.addWidget(self.fileLabel)

        self.chooseButton = QPushButton(ImportPreviewDialog)
        self.chooseButton.setObjectName(u"chooseButton")

        self.fileLayout.addWidget(self.chooseButton)


        self.mainLayout.addLayout(self.fileLayout)

        self.sheetLayout = QHBoxLayout()
        self.sheetLayout.setObjectName(u"sheetLayout")
        self.sheetLabel = QLabel(ImportPreviewDialog)
        self.sheetLabel.setObjectName(u"sheetLabel")

        self.sheetLayout.addWidget(self.sheetLabel)

        self.sheetCombo = QComboBox(ImportPreviewDialog)
        self.sheetCombo.setObjectName(u"sheetCombo")

        self.sheetLayout.addWidget(self.sheetCombo)

        self.sheetSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.sheetLayout.addItem(self.sheetSpacer)


        self.mainLayout.addLayout(self.sheetLayout)

        self.summaryLabel = QLabel(ImportPreviewDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.summaryLabel)

        self.tabs = QTabWidget(ImportPreviewDialog)
        self.tabs.setObjectName(u"tabs")
        self.acceptedTab = QWidget()
        self.acceptedTab.setObjectName(u"acceptedTab")
        self.acceptedLayout = QVBoxLayout(self.acceptedTab)
        self.acceptedLayout.setObjectName(u"acceptedLayout")
        self.acceptedView = QTableView(self.acceptedTab)
        self.acceptedView.setObjectName(u"acceptedView")

        self.acceptedLayout.addWidget(self.acceptedView)

        self.tabs.addTab(self.acceptedTab, "")
        self.columnsTab = QWidget()
        self.columnsTab.setObjectName(u"columnsTab")
        self.columnsLayout = QVBoxLayout(self.columnsTab)
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.columnsView = QTableView(self.columnsTab)
        self.columnsView.setObjectName(u"columnsView")

        self.columnsLayout.addWidget(self.columnsView)

        self.tabs.addTab(self.columnsTab, "")
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

        self.buttonBox = QDialogButtonBox(ImportPreviewDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.sheetLabel.setBuddy(self.sheetCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ImportPreviewDialog)

        QMetaObject.connectSlotsByName(ImportPreviewDialog)
    # setupUi

    def retranslateUi(self, ImportPreviewDialog):
        ImportPreviewDialog.setWindowTitle(QCoreApplication.translate("ImportPreviewDialog", u"\u5bfc\u5165\u53f0\u8d26", None))
        self.chooseButton.setText(QCoreApplication.translate("ImportPreviewDialog", u"\u9009\u62e9\u6587\u4ef6(&O)\u2026", None))
        self.sheetLabel.setText(QCoreApplication.translate("ImportPreviewDialog", u"\u5de5\u4f5c\u8868(&W)\uff1a", None))
        self.tabs.setTabText(self.tabs.indexOf(self.acceptedTab), QCoreApplication.translate("ImportPreviewDialog", u"\u53ef\u4ee5\u5bfc\u5165", None))
        self.tabs.setTabText(self.tabs.indexOf(self.columnsTab), QCoreApplication.translate("ImportPreviewDialog", u"\u5404\u5217\u7684\u5bfc\u5165\u60c5\u51b5", None))
        self.refusedHint.setText(QCoreApplication.translate("ImportPreviewDialog", u"\u8bf7\u6309\u63d0\u793a\u4fee\u6539\u6587\u4ef6\u540e\u91cd\u65b0\u9009\u62e9\uff1b\u6709\u95ee\u9898\u65f6\u4e0d\u4f1a\u5bfc\u5165\u4efb\u4f55\u4e00\u884c\u3002", None))
        self.saveErrorsButton.setText(QCoreApplication.translate("ImportPreviewDialog", u"\u4fdd\u5b58\u95ee\u9898\u6e05\u5355(&S)\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.refusedTab), QCoreApplication.translate("ImportPreviewDialog", u"\u6709\u95ee\u9898\u7684\u884c", None))
    # retranslateUi

