# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'annual_report_texts.ui'
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
    QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_AnnualReportTextsDialog(object):
    def setupUi(self, AnnualReportTextsDialog):
        if not AnnualReportTextsDialog.objectName():
            AnnualReportTextsDialog.setObjectName(u"AnnualReportTextsDialog")
        self.mainLayout = QVBoxLayout(AnnualReportTextsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(AnnualReportTextsDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.shortcomingsLabel = QLabel(AnnualReportTextsDialog)
        self.shortcomingsLabel.setObjectName(u"shortcomingsLabel")

        self.mainLayout.addWidget(self.shortcomingsLabel)

        self.shortcomingsEdit = QPlainTextEdit(AnnualReportTextsDialog)
        self.shortcomingsEdit.setObjectName(u"shortcomingsEdit")
        self.shortcomingsEdit.setTabChangesFocus(True)

        self.mainLayout.addWidget(self.shortcomingsEdit)

        self.plansLabel = QLabel(AnnualReportTextsDialog)
        self.plansLabel.setObjectName(u"plansLabel")

        self.mainLayout.addWidget(self.plansLabel)

        self.plansEdit = QPlainTextEdit(AnnualReportTextsDialog)
        self.plansEdit.setObjectName(u"plansEdit")
        self.plansEdit.setTabChangesFocus(True)

        self.mainLayout.addWidget(self.plansEdit)

        self.buttonBox = QDialogButtonBox(AnnualReportTextsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.shortcomingsLabel.setBuddy(self.shortcomingsEdit)
        self.plansLabel.setBuddy(self.plansEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AnnualReportTextsDialog)

        QMetaObject.connectSlotsByName(AnnualReportTextsDialog)
    # setupUi

    def retranslateUi(self, AnnualReportTextsDialog):
        AnnualReportTextsDialog.setWindowTitle(QCoreApplication.translate("AnnualReportTextsDialog", u"\u5e74\u5ea6\u7ec4\u7ec7\u751f\u6d3b\u60c5\u51b5\u62a5\u544a", None))
        self.introLabel.setText(QCoreApplication.translate("AnnualReportTextsDialog", u"\u62a5\u544a\u4e2d\u7684\u6570\u5b57\u7531\u7a0b\u5e8f\u6309\u8bb0\u5f55\u586b\u5199\u3002\u4e0b\u9762\u4e24\u6bb5\u9700\u8981\u60a8\u81ea\u5df1\u5199\uff1a\u5199\u597d\u7684\u4f1a\u5370\u5728\u62a5\u544a\u91cc\uff1b\u7559\u7a7a\u7684\uff0c\u62a5\u544a\u4e2d\u7559\u51fa\u6a2a\u7ebf\uff0c\u6253\u5370\u540e\u624b\u5199\u3002", None))
        self.shortcomingsLabel.setText(QCoreApplication.translate("AnnualReportTextsDialog", u"\u5b58\u5728\u7684\u4e0d\u8db3\uff08\u95ee\u9898\u53ca\u539f\u56e0\uff09(&S)\uff1a", None))
        self.shortcomingsEdit.setPlaceholderText(QCoreApplication.translate("AnnualReportTextsDialog", u"\u5982\uff1a\u4e2a\u522b\u515a\u5458\u53c2\u52a0\u7ec4\u7ec7\u751f\u6d3b\u4e0d\u591f\u7ecf\u5e38\uff0c\u5b66\u4e60\u7684\u6df1\u5ea6\u4e0d\u591f\u2026\u2026", None))
        self.plansLabel.setText(QCoreApplication.translate("AnnualReportTextsDialog", u"\u4e0b\u4e00\u6b65\u5de5\u4f5c\u6253\u7b97(&P)\uff1a", None))
        self.plansEdit.setPlaceholderText(QCoreApplication.translate("AnnualReportTextsDialog", u"\u5982\uff1a\u9488\u5bf9\u4e0a\u8ff0\u4e0d\u8db3\u7684\u6574\u6539\u63aa\u65bd\uff0c\u4e0b\u4e00\u5e74\u5ea6\u7684\u5de5\u4f5c\u6253\u7b97\u2026\u2026", None))
    # retranslateUi

