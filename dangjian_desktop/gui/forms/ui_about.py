# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'about.ui'
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
    QFormLayout, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_AboutDialog(object):
    def setupUi(self, AboutDialog):
        if not AboutDialog.objectName():
            AboutDialog.setObjectName(u"AboutDialog")
        self.mainLayout = QVBoxLayout(AboutDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.iconLabel = QLabel(AboutDialog)
        self.iconLabel.setObjectName(u"iconLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.iconLabel.sizePolicy().hasHeightForWidth())
        self.iconLabel.setSizePolicy(sizePolicy)
        self.iconLabel.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.headerLayout.addWidget(self.iconLabel)

        self.titleLayout = QVBoxLayout()
        self.titleLayout.setObjectName(u"titleLayout")
        self.titleLabel = QLabel(AboutDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.titleLayout.addWidget(self.titleLabel)

        self.versionLabel = QLabel(AboutDialog)
        self.versionLabel.setObjectName(u"versionLabel")
        self.versionLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.titleLayout.addWidget(self.versionLabel)

        self.blurbLabel = QLabel(AboutDialog)
        self.blurbLabel.setObjectName(u"blurbLabel")
        self.blurbLabel.setWordWrap(True)

        self.titleLayout.addWidget(self.blurbLabel)


        self.headerLayout.addLayout(self.titleLayout)


        self.mainLayout.addLayout(self.headerLayout)

        self.whereLayout = QFormLayout()
        self.whereLayout.setObjectName(u"whereLayout")
        self.dataDirCaption = QLabel(AboutDialog)
        self.dataDirCaption.setObjectName(u"dataDirCaption")

        self.whereLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dataDirCaption)

        self.dataDirLabel = QLabel(AboutDialog)
        self.dataDirLabel.setObjectName(u"dataDirLabel")
        self.dataDirLabel.setWordWrap(True)
        self.dataDirLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.whereLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dataDirLabel)

        self.databaseCaption = QLabel(AboutDialog)
        self.databaseCaption.setObjectName(u"databaseCaption")

        self.whereLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.databaseCaption)

        self.databaseLabel = QLabel(AboutDialog)
        self.databaseLabel.setObjectName(u"databaseLabel")
        self.databaseLabel.setWordWrap(True)
        self.databaseLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.whereLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.databaseLabel)

        self.programDirCaption = QLabel(AboutDialog)
        self.programDirCaption.setObjectName(u"programDirCaption")

        self.whereLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.programDirCaption)

        self.programDirLabel = QLabel(AboutDialog)
        self.programDirLabel.setObjectName(u"programDirLabel")
        self.programDirLabel.setWordWrap(True)
        self.programDirLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.whereLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.programDirLabel)


        self.mainLayout.addLayout(self.whereLayout)

        self.openLayout = QHBoxLayout()
        self.openLayout.setObjectName(u"openLayout")
        self.openDataDirButton = QPushButton(AboutDialog)
        self.openDataDirButton.setObjectName(u"openDataDirButton")

        self.openLayout.addWidget(self.openDataDirButton)

        self.openSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.openLayout.addItem(self.openSpacer)


        self.mainLayout.addLayout(self.openLayout)

        self.licencesCaption = QLabel(AboutDialog)
        self.licencesCaption.setObjectName(u"licencesCaption")

        self.mainLayout.addWidget(self.licencesCaption)

        self.licencesLayout = QHBoxLayout()
        self.licencesLayout.setObjectName(u"licencesLayout")
        self.licenceList = QListWidget(AboutDialog)
        self.licenceList.setObjectName(u"licenceList")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(1)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.licenceList.sizePolicy().hasHeightForWidth())
        self.licenceList.setSizePolicy(sizePolicy1)

        self.licencesLayout.addWidget(self.licenceList)

        self.licenceText = QPlainTextEdit(AboutDialog)
        self.licenceText.setObjectName(u"licenceText")
        sizePolicy2 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy2.setHorizontalStretch(2)
        sizePolicy2.setVerticalStretch(0)
        sizePolicy2.setHeightForWidth(self.licenceText.sizePolicy().hasHeightForWidth())
        self.licenceText.setSizePolicy(sizePolicy2)
        self.licenceText.setReadOnly(True)
        self.licenceText.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

        self.licencesLayout.addWidget(self.licenceText)


        self.mainLayout.addLayout(self.licencesLayout)

        self.buttonBox = QDialogButtonBox(AboutDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(AboutDialog)
        self.buttonBox.rejected.connect(AboutDialog.reject)

        QMetaObject.connectSlotsByName(AboutDialog)
    # setupUi

    def retranslateUi(self, AboutDialog):
        AboutDialog.setWindowTitle(QCoreApplication.translate("AboutDialog", u"\u5173\u4e8e\u515a\u652f\u90e8\u5de5\u4f5c\u53f0", None))
        self.titleLabel.setText(QCoreApplication.translate("AboutDialog", u"\u515a\u652f\u90e8\u5de5\u4f5c\u53f0", None))
        self.blurbLabel.setText(QCoreApplication.translate("AboutDialog", u"\u515a\u652f\u90e8\u4e66\u8bb0\u7528\u7684\u79bb\u7ebf\u684c\u9762\u7a0b\u5e8f\uff1a\u4e09\u4f1a\u4e00\u8bfe\u3001\u515a\u5458\u82b1\u540d\u518c\u4e0e\u653f\u6cbb\u751f\u65e5\u3001\u53d1\u5c55\u515a\u5458\u53f0\u8d26\u3002\u6570\u636e\u53ea\u4fdd\u5b58\u5728\u672c\u673a\uff0c\u4e0d\u9700\u8981\u8054\u7f51\u3002\u672c\u7a0b\u5e8f\u662f\u81ea\u7531\u8f6f\u4ef6\uff0c\u4ee5 GNU \u901a\u7528\u516c\u5171\u8bb8\u53ef\u8bc1\u7b2c 3 \u7248\u6216\u66f4\u65b0\u7248\u672c\uff08GPL-3.0-or-later\uff09\u6388\u6743\u3002", None))
        self.dataDirCaption.setText(QCoreApplication.translate("AboutDialog", u"\u6570\u636e\u6587\u4ef6\u5939\uff1a", None))
        self.databaseCaption.setText(QCoreApplication.translate("AboutDialog", u"\u6570\u636e\u5e93\u6587\u4ef6\uff1a", None))
        self.programDirCaption.setText(QCoreApplication.translate("AboutDialog", u"\u7a0b\u5e8f\u4f4d\u7f6e\uff1a", None))
        self.openDataDirButton.setText(QCoreApplication.translate("AboutDialog", u"\u6253\u5f00\u6570\u636e\u6587\u4ef6\u5939(&O)", None))
        self.licencesCaption.setText(QCoreApplication.translate("AboutDialog", u"\u968f\u672c\u7a0b\u5e8f\u5206\u53d1\u7684\u8f6f\u4ef6\u53ca\u5176\u8bb8\u53ef\u8bc1\uff1a", None))
    # retranslateUi

