# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'meeting_editor.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QFrame, QGridLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy,
    QSpacerItem, QTabWidget, QTableView, QVBoxLayout,
    QWidget)

from dangjian_desktop.gui.attachments_panel import AttachmentsPanel

class Ui_MeetingEditorDialog(object):
    def setupUi(self, MeetingEditorDialog):
        if not MeetingEditorDialog.objectName():
            MeetingEditorDialog.setObjectName(u"MeetingEditorDialog")
        self.mainLayout = QVBoxLayout(MeetingEditorDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.bodyScroll = QScrollArea(MeetingEditorDialog)
        self.bodyScroll.setObjectName(u"bodyScroll")
        self.bodyScroll.setFrameShape(QFrame.NoFrame)
        self.bodyScroll.setWidgetResizable(True)
        self.bodyWidget = QWidget()
        self.bodyWidget.setObjectName(u"bodyWidget")
        self.bodyLayout = QVBoxLayout(self.bodyWidget)
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.bodyLayout.setContentsMargins(0, 0, 0, 0)
        self.headerLabel = QLabel(self.bodyWidget)
        self.headerLabel.setObjectName(u"headerLabel")

        self.bodyLayout.addWidget(self.headerLabel)

        self.fieldsLayout = QGridLayout()
        self.fieldsLayout.setObjectName(u"fieldsLayout")
        self.titleLabel = QLabel(self.bodyWidget)
        self.titleLabel.setObjectName(u"titleLabel")

        self.fieldsLayout.addWidget(self.titleLabel, 0, 0, 1, 1)

        self.titleEdit = QLineEdit(self.bodyWidget)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setMaxLength(200)

        self.fieldsLayout.addWidget(self.titleEdit, 0, 1, 1, 3)

        self.dateLabel = QLabel(self.bodyWidget)
        self.dateLabel.setObjectName(u"dateLabel")

        self.fieldsLayout.addWidget(self.dateLabel, 1, 0, 1, 1)

        self.dateEdit = QDateEdit(self.bodyWidget)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.fieldsLayout.addWidget(self.dateEdit, 1, 1, 1, 1)

        self.placeLabel = QLabel(self.bodyWidget)
        self.placeLabel.setObjectName(u"placeLabel")

        self.fieldsLayout.addWidget(self.placeLabel, 1, 2, 1, 1)

        self.placeEdit = QLineEdit(self.bodyWidget)
        self.placeEdit.setObjectName(u"placeEdit")
        self.placeEdit.setMaxLength(200)

        self.fieldsLayout.addWidget(self.placeEdit, 1, 3, 1, 1)

        self.hostLabel = QLabel(self.bodyWidget)
        self.hostLabel.setObjectName(u"hostLabel")

        self.fieldsLayout.addWidget(self.hostLabel, 2, 0, 1, 1)

        self.hostEdit = QLineEdit(self.bodyWidget)
        self.hostEdit.setObjectName(u"hostEdit")
        self.hostEdit.setMaxLength(50)

        self.fieldsLayout.addWidget(self.hostEdit, 2, 1, 1, 1)

        self.recorderLabel = QLabel(self.bodyWidget)
        self.recorderLabel.setObjectName(u"recorderLabel")

        self.fieldsLayout.addWidget(self.recorderLabel, 2, 2, 1, 1)

        self.recorderEdit = QLineEdit(self.bodyWidget)
        self.recorderEdit.setObjectName(u"recorderEdit")
        self.recorderEdit.setMaxLength(50)

        self.fieldsLayout.addWidget(self.recorderEdit, 2, 3, 1, 1)

        self.guestsLabel = QLabel(self.bodyWidget)
        self.guestsLabel.setObjectName(u"guestsLabel")

        self.fieldsLayout.addWidget(self.guestsLabel, 3, 0, 1, 1)

        self.guestsEdit = QLineEdit(self.bodyWidget)
        self.guestsEdit.setObjectName(u"guestsEdit")

        self.fieldsLayout.addWidget(self.guestsEdit, 3, 1, 1, 3)

        self.groupLabel = QLabel(self.bodyWidget)
        self.groupLabel.setObjectName(u"groupLabel")

        self.fieldsLayout.addWidget(self.groupLabel, 4, 0, 1, 1)

        self.groupCombo = QComboBox(self.bodyWidget)
        self.groupCombo.setObjectName(u"groupCombo")

        self.fieldsLayout.addWidget(self.groupCombo, 4, 1, 1, 1)

        self.lecturerLabel = QLabel(self.bodyWidget)
        self.lecturerLabel.setObjectName(u"lecturerLabel")

        self.fieldsLayout.addWidget(self.lecturerLabel, 4, 2, 1, 1)

        self.lecturerEdit = QLineEdit(self.bodyWidget)
        self.lecturerEdit.setObjectName(u"lecturerEdit")
        self.lecturerEdit.setMaxLength(50)

        self.fieldsLayout.addWidget(self.lecturerEdit, 4, 3, 1, 1)

        self.counterpartLabel = QLabel(self.bodyWidget)
        self.counterpartLabel.setObjectName(u"counterpartLabel")

        self.fieldsLayout.addWidget(self.counterpartLabel, 5, 0, 1, 1)

        self.counterpartEdit = QLineEdit(self.bodyWidget)
        self.counterpartEdit.setObjectName(u"counterpartEdit")
        self.counterpartEdit.setMaxLength(200)

        self.fieldsLayout.addWidget(self.counterpartEdit, 5, 1, 1, 3)

        self.typesLabel = QLabel(self.bodyWidget)
        self.typesLabel.setObjectName(u"typesLabel")

        self.fieldsLayout.addWidget(self.typesLabel, 6, 0, 1, 1)

        self.typesBox = QWidget(self.bodyWidget)
        self.typesBox.setObjectName(u"typesBox")
        self.typesLayout = QHBoxLayout(self.typesBox)
        self.typesLayout.setObjectName(u"typesLayout")
        self.typesLayout.setContentsMargins(0, 0, 0, 0)

        self.fieldsLayout.addWidget(self.typesBox, 6, 1, 1, 3)


        self.bodyLayout.addLayout(self.fieldsLayout)

        self.tabs = QTabWidget(self.bodyWidget)
        self.tabs.setObjectName(u"tabs")
        self.contentTab = QWidget()
        self.contentTab.setObjectName(u"contentTab")
        self.contentLayout = QVBoxLayout(self.contentTab)
        self.contentLayout.setObjectName(u"contentLayout")
        self.topicsLabel = QLabel(self.contentTab)
        self.topicsLabel.setObjectName(u"topicsLabel")

        self.contentLayout.addWidget(self.topicsLabel)

        self.topicsEdit = QPlainTextEdit(self.contentTab)
        self.topicsEdit.setObjectName(u"topicsEdit")

        self.contentLayout.addWidget(self.topicsEdit)

        self.minutesLabel = QLabel(self.contentTab)
        self.minutesLabel.setObjectName(u"minutesLabel")

        self.contentLayout.addWidget(self.minutesLabel)

        self.minutesEdit = QPlainTextEdit(self.contentTab)
        self.minutesEdit.setObjectName(u"minutesEdit")

        self.contentLayout.addWidget(self.minutesEdit)

        self.resolutionsLabel = QLabel(self.contentTab)
        self.resolutionsLabel.setObjectName(u"resolutionsLabel")

        self.contentLayout.addWidget(self.resolutionsLabel)

        self.resolutionsEdit = QPlainTextEdit(self.contentTab)
        self.resolutionsEdit.setObjectName(u"resolutionsEdit")

        self.contentLayout.addWidget(self.resolutionsEdit)

        self.tabs.addTab(self.contentTab, "")
        self.attendanceTab = QWidget()
        self.attendanceTab.setObjectName(u"attendanceTab")
        self.attendanceLayout = QVBoxLayout(self.attendanceTab)
        self.attendanceLayout.setObjectName(u"attendanceLayout")
        self.attendanceUnknownCheck = QCheckBox(self.attendanceTab)
        self.attendanceUnknownCheck.setObjectName(u"attendanceUnknownCheck")

        self.attendanceLayout.addWidget(self.attendanceUnknownCheck)

        self.attendanceSummary = QLabel(self.attendanceTab)
        self.attendanceSummary.setObjectName(u"attendanceSummary")
        self.attendanceSummary.setWordWrap(True)

        self.attendanceLayout.addWidget(self.attendanceSummary)

        self.attendanceView = QTableView(self.attendanceTab)
        self.attendanceView.setObjectName(u"attendanceView")
        self.attendanceView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.attendanceView.setAlternatingRowColors(True)

        self.attendanceLayout.addWidget(self.attendanceView)

        self.attendanceButtons = QHBoxLayout()
        self.attendanceButtons.setObjectName(u"attendanceButtons")
        self.markLabel = QLabel(self.attendanceTab)
        self.markLabel.setObjectName(u"markLabel")

        self.attendanceButtons.addWidget(self.markLabel)

        self.presentButton = QPushButton(self.attendanceTab)
        self.presentButton.setObjectName(u"presentButton")
        self.presentButton.setAutoDefault(False)

        self.attendanceButtons.addWidget(self.presentButton)

        self.leaveButton = QPushButton(self.attendanceTab)
        self.leaveButton.setObjectName(u"leaveButton")
        self.leaveButton.setAutoDefault(False)

        self.attendanceButtons.addWidget(self.leaveButton)

        self.absentButton = QPushButton(self.attendanceTab)
        self.absentButton.setObjectName(u"absentButton")
        self.absentButton.setAutoDefault(False)

        self.attendanceButtons.addWidget(self.absentButton)

        self.attendanceSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.attendanceButtons.addItem(self.attendanceSpacer)

        self.allPresentButton = QPushButton(self.attendanceTab)
        self.allPresentButton.setObjectName(u"allPresentButton")
        self.allPresentButton.setAutoDefault(False)

        self.attendanceButtons.addWidget(self.allPresentButton)

        self.regenerateButton = QPushButton(self.attendanceTab)
        self.regenerateButton.setObjectName(u"regenerateButton")
        self.regenerateButton.setAutoDefault(False)

        self.attendanceButtons.addWidget(self.regenerateButton)


        self.attendanceLayout.addLayout(self.attendanceButtons)

        self.tabs.addTab(self.attendanceTab, "")
        self.votesTab = QWidget()
        self.votesTab.setObjectName(u"votesTab")
        self.votesLayout = QVBoxLayout(self.votesTab)
        self.votesLayout.setObjectName(u"votesLayout")
        self.votesHint = QLabel(self.votesTab)
        self.votesHint.setObjectName(u"votesHint")
        self.votesHint.setWordWrap(True)

        self.votesLayout.addWidget(self.votesHint)

        self.votesView = QTableView(self.votesTab)
        self.votesView.setObjectName(u"votesView")
        self.votesView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.votesView.setAlternatingRowColors(True)

        self.votesLayout.addWidget(self.votesView)

        self.votesButtons = QHBoxLayout()
        self.votesButtons.setObjectName(u"votesButtons")
        self.addVoteButton = QPushButton(self.votesTab)
        self.addVoteButton.setObjectName(u"addVoteButton")
        self.addVoteButton.setAutoDefault(False)

        self.votesButtons.addWidget(self.addVoteButton)

        self.removeVoteButton = QPushButton(self.votesTab)
        self.removeVoteButton.setObjectName(u"removeVoteButton")
        self.removeVoteButton.setAutoDefault(False)

        self.votesButtons.addWidget(self.removeVoteButton)

        self.votesSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.votesButtons.addItem(self.votesSpacer)


        self.votesLayout.addLayout(self.votesButtons)

        self.tabs.addTab(self.votesTab, "")
        self.appraisalTab = QWidget()
        self.appraisalTab.setObjectName(u"appraisalTab")
        self.appraisalLayout = QVBoxLayout(self.appraisalTab)
        self.appraisalLayout.setObjectName(u"appraisalLayout")
        self.appraisalHint = QLabel(self.appraisalTab)
        self.appraisalHint.setObjectName(u"appraisalHint")
        self.appraisalHint.setWordWrap(True)

        self.appraisalLayout.addWidget(self.appraisalHint)

        self.appraisalView = QTableView(self.appraisalTab)
        self.appraisalView.setObjectName(u"appraisalView")
        self.appraisalView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.appraisalView.setAlternatingRowColors(True)

        self.appraisalLayout.addWidget(self.appraisalView)

        self.appraisalButtons = QHBoxLayout()
        self.appraisalButtons.setObjectName(u"appraisalButtons")
        self.outcomeLabel = QLabel(self.appraisalTab)
        self.outcomeLabel.setObjectName(u"outcomeLabel")

        self.appraisalButtons.addWidget(self.outcomeLabel)

        self.excellentButton = QPushButton(self.appraisalTab)
        self.excellentButton.setObjectName(u"excellentButton")
        self.excellentButton.setAutoDefault(False)

        self.appraisalButtons.addWidget(self.excellentButton)

        self.qualifiedButton = QPushButton(self.appraisalTab)
        self.qualifiedButton.setObjectName(u"qualifiedButton")
        self.qualifiedButton.setAutoDefault(False)

        self.appraisalButtons.addWidget(self.qualifiedButton)

        self.basicButton = QPushButton(self.appraisalTab)
        self.basicButton.setObjectName(u"basicButton")
        self.basicButton.setAutoDefault(False)

        self.appraisalButtons.addWidget(self.basicButton)

        self.unqualifiedButton = QPushButton(self.appraisalTab)
        self.unqualifiedButton.setObjectName(u"unqualifiedButton")
        self.unqualifiedButton.setAutoDefault(False)

        self.appraisalButtons.addWidget(self.unqualifiedButton)

        self.clearOutcomeButton = QPushButton(self.appraisalTab)
        self.clearOutcomeButton.setObjectName(u"clearOutcomeButton")
        self.clearOutcomeButton.setAutoDefault(False)

        self.appraisalButtons.addWidget(self.clearOutcomeButton)

        self.appraisalSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.appraisalButtons.addItem(self.appraisalSpacer)

        self.restQualifiedButton = QPushButton(self.appraisalTab)
        self.restQualifiedButton.setObjectName(u"restQualifiedButton")
        self.restQualifiedButton.setAutoDefault(False)

        self.appraisalButtons.addWidget(self.restQualifiedButton)


        self.appraisalLayout.addLayout(self.appraisalButtons)

        self.tabs.addTab(self.appraisalTab, "")
        self.attachmentsTab = QWidget()
        self.attachmentsTab.setObjectName(u"attachmentsTab")
        self.attachmentsLayout = QVBoxLayout(self.attachmentsTab)
        self.attachmentsLayout.setObjectName(u"attachmentsLayout")
        self.attachmentsHint = QLabel(self.attachmentsTab)
        self.attachmentsHint.setObjectName(u"attachmentsHint")
        self.attachmentsHint.setWordWrap(True)

        self.attachmentsLayout.addWidget(self.attachmentsHint)

        self.attachmentsPanel = AttachmentsPanel(self.attachmentsTab)
        self.attachmentsPanel.setObjectName(u"attachmentsPanel")

        self.attachmentsLayout.addWidget(self.attachmentsPanel)

        self.tabs.addTab(self.attachmentsTab, "")
        self.historyTab = QWidget()
        self.historyTab.setObjectName(u"historyTab")
        self.historyLayout = QVBoxLayout(self.historyTab)
        self.historyLayout.setObjectName(u"historyLayout")
        self.historyText = QPlainTextEdit(self.historyTab)
        self.historyText.setObjectName(u"historyText")
        self.historyText.setReadOnly(True)

        self.historyLayout.addWidget(self.historyText)

        self.tabs.addTab(self.historyTab, "")

        self.bodyLayout.addWidget(self.tabs)

        self.bodyScroll.setWidget(self.bodyWidget)

        self.mainLayout.addWidget(self.bodyScroll)

        self.bottomLayout = QHBoxLayout()
        self.bottomLayout.setObjectName(u"bottomLayout")
        self.statusLabel = QLabel(MeetingEditorDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.bottomLayout.addWidget(self.statusLabel)

        self.bottomSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bottomLayout.addItem(self.bottomSpacer)

        self.finaliseButton = QPushButton(MeetingEditorDialog)
        self.finaliseButton.setObjectName(u"finaliseButton")
        self.finaliseButton.setAutoDefault(False)

        self.bottomLayout.addWidget(self.finaliseButton)

        self.amendButton = QPushButton(MeetingEditorDialog)
        self.amendButton.setObjectName(u"amendButton")
        self.amendButton.setAutoDefault(False)

        self.bottomLayout.addWidget(self.amendButton)

        self.saveButton = QPushButton(MeetingEditorDialog)
        self.saveButton.setObjectName(u"saveButton")
        self.saveButton.setAutoDefault(False)

        self.bottomLayout.addWidget(self.saveButton)

        self.previewButton = QPushButton(MeetingEditorDialog)
        self.previewButton.setObjectName(u"previewButton")
        self.previewButton.setAutoDefault(False)

        self.bottomLayout.addWidget(self.previewButton)

        self.pdfButton = QPushButton(MeetingEditorDialog)
        self.pdfButton.setObjectName(u"pdfButton")
        self.pdfButton.setAutoDefault(False)

        self.bottomLayout.addWidget(self.pdfButton)

        self.wordButton = QPushButton(MeetingEditorDialog)
        self.wordButton.setObjectName(u"wordButton")
        self.wordButton.setAutoDefault(False)

        self.bottomLayout.addWidget(self.wordButton)

        self.closeButton = QPushButton(MeetingEditorDialog)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setAutoDefault(False)

        self.bottomLayout.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.bottomLayout)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.dateLabel.setBuddy(self.dateEdit)
        self.placeLabel.setBuddy(self.placeEdit)
        self.hostLabel.setBuddy(self.hostEdit)
        self.recorderLabel.setBuddy(self.recorderEdit)
        self.guestsLabel.setBuddy(self.guestsEdit)
        self.groupLabel.setBuddy(self.groupCombo)
        self.lecturerLabel.setBuddy(self.lecturerEdit)
        self.counterpartLabel.setBuddy(self.counterpartEdit)
        self.topicsLabel.setBuddy(self.topicsEdit)
        self.minutesLabel.setBuddy(self.minutesEdit)
        self.resolutionsLabel.setBuddy(self.resolutionsEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MeetingEditorDialog)

        QMetaObject.connectSlotsByName(MeetingEditorDialog)
    # setupUi

    def retranslateUi(self, MeetingEditorDialog):
        MeetingEditorDialog.setWindowTitle(QCoreApplication.translate("MeetingEditorDialog", u"\u4f1a\u8bae\u8bb0\u5f55", None))
        self.titleLabel.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u4f1a\u8bae\u540d\u79f0(&M)\uff1a", None))
        self.dateLabel.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u65e5\u671f(&D)\uff1a", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("MeetingEditorDialog", u"yyyy-MM-dd", None))
        self.placeLabel.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u5730\u70b9(&P)\uff1a", None))
        self.hostLabel.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u4e3b\u6301\u4eba(&H)\uff1a", None))
        self.recorderLabel.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u8bb0\u5f55\u4eba(&R)\uff1a", None))
        self.guestsLabel.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u5217\u5e2d\u4eba\u5458\uff1a", None))
        self.groupLabel.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u515a\u5c0f\u7ec4(&G)\uff1a", None))
        self.lecturerLabel.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u4e3b\u8bb2\u4eba(&L)\uff1a", None))
        self.counterpartLabel.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u8c08\u8bdd\u5bf9\u8c61(&W)\uff1a", None))
        self.counterpartEdit.setPlaceholderText(QCoreApplication.translate("MeetingEditorDialog", u"\u591a\u4eba\u7528\u987f\u53f7\u5206\u9694", None))
        self.typesLabel.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u4f1a\u8bae\u7c7b\u578b\uff1a", None))
#if QT_CONFIG(tooltip)
        self.typesBox.setToolTip(QCoreApplication.translate("MeetingEditorDialog", u"\u4e00\u6b21\u4f1a\u8bae\u540c\u65f6\u5f00\u5c55\u51e0\u9879\uff08\u5982\u4e3b\u9898\u515a\u65e5\u66a8\u652f\u90e8\u515a\u5458\u5927\u4f1a\u3001\u7ec4\u7ec7\u751f\u6d3b\u4f1a\u66a8\u6c11\u4e3b\u8bc4\u8bae\u515a\u5458\uff09\u65f6\u52fe\u9009\u6bcf\u4e00\u9879\uff1a\u8fd9\u6761\u8bb0\u5f55\u5728\u6bcf\u4e00\u7c7b\u4e2d\u90fd\u7b97\u5df2\u5f00\u3002\u7b2c\u4e00\u9879\u662f\u8fd9\u6761\u8bb0\u5f55\u7684\u4e3b\u8981\u7c7b\u578b\u3002", None))
#endif // QT_CONFIG(tooltip)
        self.topicsLabel.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u8bae\u9898(&T)\uff1a", None))
        self.topicsEdit.setPlaceholderText(QCoreApplication.translate("MeetingEditorDialog", u"\u6bcf\u4e2a\u8bae\u9898\u4e00\u884c", None))
        self.minutesLabel.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u8ba8\u8bba\u53d1\u8a00\uff08\u4f1a\u8bae\u5185\u5bb9\uff09(&N)\uff1a", None))
        self.minutesEdit.setPlaceholderText(QCoreApplication.translate("MeetingEditorDialog", u"\u8c01\u8bb2\u4e86\u4ec0\u4e48\uff1a\u53d1\u8a00\u4eba\uff1a\u53d1\u8a00\u8981\u70b9", None))
        self.resolutionsLabel.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u51b3\u8bae\uff08\u51b3\u5b9a\u4e8b\u9879\uff09(&J)\uff1a", None))
        self.tabs.setTabText(self.tabs.indexOf(self.contentTab), QCoreApplication.translate("MeetingEditorDialog", u"\u8bae\u9898\u4e0e\u5185\u5bb9", None))
        self.attendanceUnknownCheck.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u51fa\u5e2d\u60c5\u51b5\u672a\u8bb0\u5f55\uff08\u5982\u6ca1\u6709\u7b7e\u5230\u540d\u5355\u7684\u65e7\u7eb8\u8d28\u8bb0\u5f55\uff09\uff1a\u4e0d\u7b97\u7f3a\u5e2d\uff0c\u4e5f\u4e0d\u7b97\u51fa\u5e2d(&U)", None))
        self.markLabel.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u9009\u4e2d\u7684\u4eba\u6807\u4e3a\uff1a", None))
        self.presentButton.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u51fa\u5e2d", None))
        self.leaveButton.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u8bf7\u5047", None))
        self.absentButton.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u7f3a\u5e2d", None))
        self.allPresentButton.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u5168\u90e8\u51fa\u5e2d", None))
        self.regenerateButton.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u6309\u4f1a\u8bae\u65e5\u671f\u91cd\u65b0\u751f\u6210\u540d\u5355", None))
        self.tabs.setTabText(self.tabs.indexOf(self.attendanceTab), QCoreApplication.translate("MeetingEditorDialog", u"\u51fa\u5e2d\u60c5\u51b5", None))
        self.addVoteButton.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u65b0\u589e\u8868\u51b3\u4e8b\u9879", None))
        self.removeVoteButton.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u5220\u9664\u9009\u4e2d\u7684\u8868\u51b3\u4e8b\u9879", None))
        self.tabs.setTabText(self.tabs.indexOf(self.votesTab), QCoreApplication.translate("MeetingEditorDialog", u"\u8868\u51b3", None))
        self.outcomeLabel.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u9009\u4e2d\u7684\u4eba\u8bc4\u4e3a\uff1a", None))
        self.excellentButton.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u4f18\u79c0", None))
        self.qualifiedButton.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u5408\u683c", None))
        self.basicButton.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u57fa\u672c\u5408\u683c", None))
        self.unqualifiedButton.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u4e0d\u5408\u683c", None))
        self.clearOutcomeButton.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u6e05\u9664", None))
        self.restQualifiedButton.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u672a\u8bc4\u5b9a\u7684\u5168\u90e8\u8bc4\u4e3a\u5408\u683c", None))
        self.tabs.setTabText(self.tabs.indexOf(self.appraisalTab), QCoreApplication.translate("MeetingEditorDialog", u"\u8bc4\u8bae\u7ed3\u679c", None))
        self.tabs.setTabText(self.tabs.indexOf(self.attachmentsTab), QCoreApplication.translate("MeetingEditorDialog", u"\u9644\u4ef6", None))
        self.tabs.setTabText(self.tabs.indexOf(self.historyTab), QCoreApplication.translate("MeetingEditorDialog", u"\u4fee\u6539\u8bb0\u5f55", None))
        self.finaliseButton.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u5b9a\u7a3f", None))
        self.amendButton.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u4fee\u6539\u5df2\u5b9a\u7a3f\u7684\u8bb0\u5f55\u2026", None))
        self.saveButton.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u4fdd\u5b58", None))
        self.previewButton.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u6253\u5370\u9884\u89c8", None))
        self.pdfButton.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u5bfc\u51faPDF\u2026", None))
        self.wordButton.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u5bfc\u51faWord\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("MeetingEditorDialog", u"\u5173\u95ed", None))
    # retranslateUi

