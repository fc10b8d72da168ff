# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'development_step.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QDoubleSpinBox,
    QFormLayout, QFrame, QGridLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QSpinBox, QVBoxLayout, QWidget)

from dangjian_desktop.gui.attachments_panel import AttachmentsPanel

class Ui_DevelopmentStepDialog(object):
    def setupUi(self, DevelopmentStepDialog):
        if not DevelopmentStepDialog.objectName():
            DevelopmentStepDialog.setObjectName(u"DevelopmentStepDialog")
        self.mainLayout = QVBoxLayout(DevelopmentStepDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.bodyScroll = QScrollArea(DevelopmentStepDialog)
        self.bodyScroll.setObjectName(u"bodyScroll")
        self.bodyScroll.setFrameShape(QFrame.NoFrame)
        self.bodyScroll.setWidgetResizable(True)
        self.bodyWidget = QWidget()
        self.bodyWidget.setObjectName(u"bodyWidget")
        self.bodyLayout = QVBoxLayout(self.bodyWidget)
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.bodyLayout.setContentsMargins(0, 0, 0, 0)
        self.stepTitleLabel = QLabel(self.bodyWidget)
        self.stepTitleLabel.setObjectName(u"stepTitleLabel")
        self.stepTitleLabel.setWordWrap(True)

        self.bodyLayout.addWidget(self.stepTitleLabel)

        self.columnsLayout = QHBoxLayout()
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.leftLayout = QVBoxLayout()
        self.leftLayout.setObjectName(u"leftLayout")
        self.dateLayout = QFormLayout()
        self.dateLayout.setObjectName(u"dateLayout")
        self.dateLabel = QLabel(self.bodyWidget)
        self.dateLabel.setObjectName(u"dateLabel")

        self.dateLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(self.bodyWidget)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.dateLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dateEdit)


        self.leftLayout.addLayout(self.dateLayout)

        self.peopleBox = QGroupBox(self.bodyWidget)
        self.peopleBox.setObjectName(u"peopleBox")
        self.peopleLayout = QGridLayout(self.peopleBox)
        self.peopleLayout.setObjectName(u"peopleLayout")
        self.person1Label = QLabel(self.peopleBox)
        self.person1Label.setObjectName(u"person1Label")

        self.peopleLayout.addWidget(self.person1Label, 0, 0, 1, 1)

        self.person1Combo = QComboBox(self.peopleBox)
        self.person1Combo.setObjectName(u"person1Combo")
        self.person1Combo.setEditable(True)

        self.peopleLayout.addWidget(self.person1Combo, 0, 1, 1, 1)

        self.person1Disciplined = QCheckBox(self.peopleBox)
        self.person1Disciplined.setObjectName(u"person1Disciplined")

        self.peopleLayout.addWidget(self.person1Disciplined, 0, 2, 1, 1)

        self.person2Label = QLabel(self.peopleBox)
        self.person2Label.setObjectName(u"person2Label")

        self.peopleLayout.addWidget(self.person2Label, 1, 0, 1, 1)

        self.person2Combo = QComboBox(self.peopleBox)
        self.person2Combo.setObjectName(u"person2Combo")
        self.person2Combo.setEditable(True)

        self.peopleLayout.addWidget(self.person2Combo, 1, 1, 1, 1)

        self.person2Disciplined = QCheckBox(self.peopleBox)
        self.person2Disciplined.setObjectName(u"person2Disciplined")

        self.peopleLayout.addWidget(self.person2Disciplined, 1, 2, 1, 1)

        self.peopleHint = QLabel(self.peopleBox)
        self.peopleHint.setObjectName(u"peopleHint")
        self.peopleHint.setWordWrap(True)

        self.peopleLayout.addWidget(self.peopleHint, 2, 0, 1, 3)

        self.peopleLayout.setColumnStretch(1, 1)

        self.leftLayout.addWidget(self.peopleBox)

        self.reviewBox = QGroupBox(self.bodyWidget)
        self.reviewBox.setObjectName(u"reviewBox")
        self.reviewLayout = QFormLayout(self.reviewBox)
        self.reviewLayout.setObjectName(u"reviewLayout")
        self.conclusionLabel = QLabel(self.reviewBox)
        self.conclusionLabel.setObjectName(u"conclusionLabel")

        self.reviewLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.conclusionLabel)

        self.conclusionCombo = QComboBox(self.reviewBox)
        self.conclusionCombo.setObjectName(u"conclusionCombo")
        self.conclusionCombo.setEditable(True)

        self.reviewLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.conclusionCombo)


        self.leftLayout.addWidget(self.reviewBox)

        self.trainingBox = QGroupBox(self.bodyWidget)
        self.trainingBox.setObjectName(u"trainingBox")
        self.trainingLayout = QFormLayout(self.trainingBox)
        self.trainingLayout.setObjectName(u"trainingLayout")
        self.daysLabel = QLabel(self.trainingBox)
        self.daysLabel.setObjectName(u"daysLabel")

        self.trainingLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.daysLabel)

        self.daysSpin = QDoubleSpinBox(self.trainingBox)
        self.daysSpin.setObjectName(u"daysSpin")
        self.daysSpin.setDecimals(1)
        self.daysSpin.setMaximum(60.000000000000000)

        self.trainingLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.daysSpin)

        self.hoursLabel = QLabel(self.trainingBox)
        self.hoursLabel.setObjectName(u"hoursLabel")

        self.trainingLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.hoursLabel)

        self.hoursSpin = QSpinBox(self.trainingBox)
        self.hoursSpin.setObjectName(u"hoursSpin")
        self.hoursSpin.setMaximum(500)

        self.trainingLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.hoursSpin)

        self.organiserLabel = QLabel(self.trainingBox)
        self.organiserLabel.setObjectName(u"organiserLabel")

        self.trainingLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.organiserLabel)

        self.organiserEdit = QLineEdit(self.trainingBox)
        self.organiserEdit.setObjectName(u"organiserEdit")

        self.trainingLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.organiserEdit)

        self.trainingHint = QLabel(self.trainingBox)
        self.trainingHint.setObjectName(u"trainingHint")
        self.trainingHint.setWordWrap(True)

        self.trainingLayout.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.trainingHint)


        self.leftLayout.addWidget(self.trainingBox)

        self.noticeBox = QGroupBox(self.bodyWidget)
        self.noticeBox.setObjectName(u"noticeBox")
        self.noticeLayout = QFormLayout(self.noticeBox)
        self.noticeLayout.setObjectName(u"noticeLayout")
        self.noticeCheck = QCheckBox(self.noticeBox)
        self.noticeCheck.setObjectName(u"noticeCheck")

        self.noticeLayout.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.noticeCheck)

        self.noticeFromLabel = QLabel(self.noticeBox)
        self.noticeFromLabel.setObjectName(u"noticeFromLabel")

        self.noticeLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.noticeFromLabel)

        self.noticeFromEdit = QDateEdit(self.noticeBox)
        self.noticeFromEdit.setObjectName(u"noticeFromEdit")
        self.noticeFromEdit.setCalendarPopup(True)

        self.noticeLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.noticeFromEdit)

        self.noticeToLabel = QLabel(self.noticeBox)
        self.noticeToLabel.setObjectName(u"noticeToLabel")

        self.noticeLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.noticeToLabel)

        self.noticeToEdit = QDateEdit(self.noticeBox)
        self.noticeToEdit.setObjectName(u"noticeToEdit")
        self.noticeToEdit.setCalendarPopup(True)

        self.noticeLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.noticeToEdit)

        self.noticeHint = QLabel(self.noticeBox)
        self.noticeHint.setObjectName(u"noticeHint")
        self.noticeHint.setWordWrap(True)

        self.noticeLayout.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.noticeHint)


        self.leftLayout.addWidget(self.noticeBox)

        self.voteBox = QGroupBox(self.bodyWidget)
        self.voteBox.setObjectName(u"voteBox")
        self.voteLayout = QGridLayout(self.voteBox)
        self.voteLayout.setObjectName(u"voteLayout")
        self.expectedLabel = QLabel(self.voteBox)
        self.expectedLabel.setObjectName(u"expectedLabel")

        self.voteLayout.addWidget(self.expectedLabel, 0, 0, 1, 1)

        self.expectedSpin = QSpinBox(self.voteBox)
        self.expectedSpin.setObjectName(u"expectedSpin")
        self.expectedSpin.setMaximum(9999)

        self.voteLayout.addWidget(self.expectedSpin, 0, 1, 1, 1)

        self.voteSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.voteLayout.addItem(self.voteSpacer, 0, 4, 1, 1)

        self.presentLabel = QLabel(self.voteBox)
        self.presentLabel.setObjectName(u"presentLabel")

        self.voteLayout.addWidget(self.presentLabel, 0, 2, 1, 1)

        self.presentSpin = QSpinBox(self.voteBox)
        self.presentSpin.setObjectName(u"presentSpin")
        self.presentSpin.setMaximum(9999)

        self.voteLayout.addWidget(self.presentSpin, 0, 3, 1, 1)

        self.favourLabel = QLabel(self.voteBox)
        self.favourLabel.setObjectName(u"favourLabel")

        self.voteLayout.addWidget(self.favourLabel, 1, 0, 1, 1)

        self.favourSpin = QSpinBox(self.voteBox)
        self.favourSpin.setObjectName(u"favourSpin")
        self.favourSpin.setMaximum(9999)

        self.voteLayout.addWidget(self.favourSpin, 1, 1, 1, 1)

        self.againstLabel = QLabel(self.voteBox)
        self.againstLabel.setObjectName(u"againstLabel")

        self.voteLayout.addWidget(self.againstLabel, 1, 2, 1, 1)

        self.againstSpin = QSpinBox(self.voteBox)
        self.againstSpin.setObjectName(u"againstSpin")
        self.againstSpin.setMaximum(9999)

        self.voteLayout.addWidget(self.againstSpin, 1, 3, 1, 1)

        self.abstainLabel = QLabel(self.voteBox)
        self.abstainLabel.setObjectName(u"abstainLabel")

        self.voteLayout.addWidget(self.abstainLabel, 2, 0, 1, 1)

        self.abstainSpin = QSpinBox(self.voteBox)
        self.abstainSpin.setObjectName(u"abstainSpin")
        self.abstainSpin.setMaximum(9999)

        self.voteLayout.addWidget(self.abstainSpin, 2, 1, 1, 1)

        self.writtenLabel = QLabel(self.voteBox)
        self.writtenLabel.setObjectName(u"writtenLabel")

        self.voteLayout.addWidget(self.writtenLabel, 2, 2, 1, 1)

        self.writtenSpin = QSpinBox(self.voteBox)
        self.writtenSpin.setObjectName(u"writtenSpin")
        self.writtenSpin.setMaximum(9999)

        self.voteLayout.addWidget(self.writtenSpin, 2, 3, 1, 1)

        self.fromMeetingButton = QPushButton(self.voteBox)
        self.fromMeetingButton.setObjectName(u"fromMeetingButton")

        self.voteLayout.addWidget(self.fromMeetingButton, 3, 0, 1, 4)


        self.leftLayout.addWidget(self.voteBox)

        self.voteResultLabel = QLabel(self.bodyWidget)
        self.voteResultLabel.setObjectName(u"voteResultLabel")
        self.voteResultLabel.setWordWrap(True)

        self.leftLayout.addWidget(self.voteResultLabel)

        self.outcomeBox = QGroupBox(self.bodyWidget)
        self.outcomeBox.setObjectName(u"outcomeBox")
        self.outcomeLayout = QFormLayout(self.outcomeBox)
        self.outcomeLayout.setObjectName(u"outcomeLayout")
        self.outcomeLabel = QLabel(self.outcomeBox)
        self.outcomeLabel.setObjectName(u"outcomeLabel")

        self.outcomeLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.outcomeLabel)

        self.outcomeCombo = QComboBox(self.outcomeBox)
        self.outcomeCombo.setObjectName(u"outcomeCombo")

        self.outcomeLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.outcomeCombo)

        self.extensionLabel = QLabel(self.outcomeBox)
        self.extensionLabel.setObjectName(u"extensionLabel")

        self.outcomeLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.extensionLabel)

        self.extensionSpin = QSpinBox(self.outcomeBox)
        self.extensionSpin.setObjectName(u"extensionSpin")
        self.extensionSpin.setMinimum(0)
        self.extensionSpin.setMaximum(24)

        self.outcomeLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.extensionSpin)


        self.leftLayout.addWidget(self.outcomeBox)

        self.approvalBox = QGroupBox(self.bodyWidget)
        self.approvalBox.setObjectName(u"approvalBox")
        self.approvalLayout = QFormLayout(self.approvalBox)
        self.approvalLayout.setObjectName(u"approvalLayout")
        self.approvalNoLabel = QLabel(self.approvalBox)
        self.approvalNoLabel.setObjectName(u"approvalNoLabel")

        self.approvalLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.approvalNoLabel)

        self.approvalNoEdit = QLineEdit(self.approvalBox)
        self.approvalNoEdit.setObjectName(u"approvalNoEdit")

        self.approvalLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.approvalNoEdit)


        self.leftLayout.addWidget(self.approvalBox)

        self.leftSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leftLayout.addItem(self.leftSpacer)


        self.columnsLayout.addLayout(self.leftLayout)

        self.rightLayout = QVBoxLayout()
        self.rightLayout.setObjectName(u"rightLayout")
        self.notesLabel = QLabel(self.bodyWidget)
        self.notesLabel.setObjectName(u"notesLabel")

        self.rightLayout.addWidget(self.notesLabel)

        self.notesEdit = QPlainTextEdit(self.bodyWidget)
        self.notesEdit.setObjectName(u"notesEdit")

        self.rightLayout.addWidget(self.notesEdit)

        self.attachmentsBox = QGroupBox(self.bodyWidget)
        self.attachmentsBox.setObjectName(u"attachmentsBox")
        self.attachmentsLayout = QVBoxLayout(self.attachmentsBox)
        self.attachmentsLayout.setObjectName(u"attachmentsLayout")
        self.attachmentsPanel = AttachmentsPanel(self.attachmentsBox)
        self.attachmentsPanel.setObjectName(u"attachmentsPanel")

        self.attachmentsLayout.addWidget(self.attachmentsPanel)


        self.rightLayout.addWidget(self.attachmentsBox)


        self.columnsLayout.addLayout(self.rightLayout)

        self.columnsLayout.setStretch(0, 3)
        self.columnsLayout.setStretch(1, 2)

        self.bodyLayout.addLayout(self.columnsLayout)

        self.bodyScroll.setWidget(self.bodyWidget)

        self.mainLayout.addWidget(self.bodyScroll)

        self.errorLabel = QLabel(DevelopmentStepDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(DevelopmentStepDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
        self.person1Label.setBuddy(self.person1Combo)
        self.person2Label.setBuddy(self.person2Combo)
        self.conclusionLabel.setBuddy(self.conclusionCombo)
        self.daysLabel.setBuddy(self.daysSpin)
        self.hoursLabel.setBuddy(self.hoursSpin)
        self.organiserLabel.setBuddy(self.organiserEdit)
        self.noticeFromLabel.setBuddy(self.noticeFromEdit)
        self.noticeToLabel.setBuddy(self.noticeToEdit)
        self.expectedLabel.setBuddy(self.expectedSpin)
        self.presentLabel.setBuddy(self.presentSpin)
        self.favourLabel.setBuddy(self.favourSpin)
        self.againstLabel.setBuddy(self.againstSpin)
        self.abstainLabel.setBuddy(self.abstainSpin)
        self.writtenLabel.setBuddy(self.writtenSpin)
        self.outcomeLabel.setBuddy(self.outcomeCombo)
        self.extensionLabel.setBuddy(self.extensionSpin)
        self.approvalNoLabel.setBuddy(self.approvalNoEdit)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.dateEdit, self.person1Combo)
        QWidget.setTabOrder(self.person1Combo, self.person1Disciplined)
        QWidget.setTabOrder(self.person1Disciplined, self.person2Combo)
        QWidget.setTabOrder(self.person2Combo, self.person2Disciplined)
        QWidget.setTabOrder(self.person2Disciplined, self.conclusionCombo)
        QWidget.setTabOrder(self.conclusionCombo, self.daysSpin)
        QWidget.setTabOrder(self.daysSpin, self.hoursSpin)
        QWidget.setTabOrder(self.hoursSpin, self.organiserEdit)
        QWidget.setTabOrder(self.organiserEdit, self.noticeCheck)
        QWidget.setTabOrder(self.noticeCheck, self.noticeFromEdit)
        QWidget.setTabOrder(self.noticeFromEdit, self.noticeToEdit)
        QWidget.setTabOrder(self.noticeToEdit, self.expectedSpin)
        QWidget.setTabOrder(self.expectedSpin, self.presentSpin)
        QWidget.setTabOrder(self.presentSpin, self.favourSpin)
        QWidget.setTabOrder(self.favourSpin, self.againstSpin)
        QWidget.setTabOrder(self.againstSpin, self.abstainSpin)
        QWidget.setTabOrder(self.abstainSpin, self.writtenSpin)
        QWidget.setTabOrder(self.writtenSpin, self.outcomeCombo)
        QWidget.setTabOrder(self.outcomeCombo, self.extensionSpin)
        QWidget.setTabOrder(self.extensionSpin, self.approvalNoEdit)
        QWidget.setTabOrder(self.approvalNoEdit, self.notesEdit)

        self.retranslateUi(DevelopmentStepDialog)

        QMetaObject.connectSlotsByName(DevelopmentStepDialog)
    # setupUi

    def retranslateUi(self, DevelopmentStepDialog):
        DevelopmentStepDialog.setWindowTitle(QCoreApplication.translate("DevelopmentStepDialog", u"\u8bb0\u5f55\u53d1\u5c55\u515a\u5458\u6b65\u9aa4", None))
        self.dateLabel.setText(QCoreApplication.translate("DevelopmentStepDialog", u"\u65e5\u671f(&D)\uff1a", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("DevelopmentStepDialog", u"yyyy-MM-dd", None))
        self.peopleBox.setTitle(QCoreApplication.translate("DevelopmentStepDialog", u"\u6709\u5173\u4eba\u5458", None))
        self.person1Label.setText(QCoreApplication.translate("DevelopmentStepDialog", u"\u57f9\u517b\u8054\u7cfb\u4eba1\uff1a", None))
        self.person1Disciplined.setText(QCoreApplication.translate("DevelopmentStepDialog", u"\u53d7\u7559\u515a\u5bdf\u770b\u5904\u5206", None))
        self.person2Label.setText(QCoreApplication.translate("DevelopmentStepDialog", u"\u57f9\u517b\u8054\u7cfb\u4eba2\uff1a", None))
        self.person2Disciplined.setText(QCoreApplication.translate("DevelopmentStepDialog", u"\u53d7\u7559\u515a\u5bdf\u770b\u5904\u5206", None))
        self.peopleHint.setText("")
        self.reviewBox.setTitle(QCoreApplication.translate("DevelopmentStepDialog", u"\u653f\u6cbb\u5ba1\u67e5", None))
        self.conclusionLabel.setText(QCoreApplication.translate("DevelopmentStepDialog", u"\u653f\u5ba1\u7ed3\u8bba(&C)\uff1a", None))
        self.trainingBox.setTitle(QCoreApplication.translate("DevelopmentStepDialog", u"\u96c6\u4e2d\u57f9\u8bad", None))
        self.daysLabel.setText(QCoreApplication.translate("DevelopmentStepDialog", u"\u57f9\u8bad\u5929\u6570\uff1a", None))
        self.hoursLabel.setText(QCoreApplication.translate("DevelopmentStepDialog", u"\u5b66\u65f6\uff1a", None))
        self.organiserLabel.setText(QCoreApplication.translate("DevelopmentStepDialog", u"\u57f9\u8bad\u5355\u4f4d\uff1a", None))
        self.trainingHint.setText("")
        self.noticeBox.setTitle(QCoreApplication.translate("DevelopmentStepDialog", u"\u516c\u793a", None))
        self.noticeCheck.setText(QCoreApplication.translate("DevelopmentStepDialog", u"\u5df2\u8fdb\u884c\u516c\u793a\uff08\u63a5\u6536\u9884\u5907\u515a\u5458\u524d\u5e94\u5f53\u516c\u793a\uff09", None))
        self.noticeFromLabel.setText(QCoreApplication.translate("DevelopmentStepDialog", u"\u516c\u793a\u5f00\u59cb\uff1a", None))
        self.noticeFromEdit.setDisplayFormat(QCoreApplication.translate("DevelopmentStepDialog", u"yyyy-MM-dd", None))
        self.noticeToLabel.setText(QCoreApplication.translate("DevelopmentStepDialog", u"\u516c\u793a\u7ed3\u675f\uff1a", None))
        self.noticeToEdit.setDisplayFormat(QCoreApplication.translate("DevelopmentStepDialog", u"yyyy-MM-dd", None))
        self.noticeHint.setText("")
        self.voteBox.setTitle(QCoreApplication.translate("DevelopmentStepDialog", u"\u652f\u90e8\u5927\u4f1a\u8868\u51b3\uff08\u6709\u8868\u51b3\u6743\u7684\u6b63\u5f0f\u515a\u5458\uff09", None))
        self.expectedLabel.setText(QCoreApplication.translate("DevelopmentStepDialog", u"\u5e94\u5230\uff1a", None))
        self.presentLabel.setText(QCoreApplication.translate("DevelopmentStepDialog", u"\u5b9e\u5230\uff1a", None))
        self.favourLabel.setText(QCoreApplication.translate("DevelopmentStepDialog", u"\u8d5e\u6210\uff1a", None))
        self.againstLabel.setText(QCoreApplication.translate("DevelopmentStepDialog", u"\u53cd\u5bf9\uff1a", None))
        self.abstainLabel.setText(QCoreApplication.translate("DevelopmentStepDialog", u"\u5f03\u6743\uff1a", None))
        self.writtenLabel.setText(QCoreApplication.translate("DevelopmentStepDialog", u"\u4e66\u9762\u8d5e\u6210\uff1a", None))
        self.fromMeetingButton.setText(QCoreApplication.translate("DevelopmentStepDialog", u"\u4ece\u4f1a\u8bae\u8bb0\u5f55\u5e26\u5165", None))
        self.outcomeBox.setTitle(QCoreApplication.translate("DevelopmentStepDialog", u"\u8ba8\u8bba\u7ed3\u679c", None))
        self.outcomeLabel.setText(QCoreApplication.translate("DevelopmentStepDialog", u"\u7ed3\u679c(&O)\uff1a", None))
        self.extensionLabel.setText(QCoreApplication.translate("DevelopmentStepDialog", u"\u5ef6\u957f\u9884\u5907\u671f\uff08\u6708\uff09\uff1a", None))
        self.approvalBox.setTitle(QCoreApplication.translate("DevelopmentStepDialog", u"\u5ba1\u6279", None))
        self.approvalNoLabel.setText(QCoreApplication.translate("DevelopmentStepDialog", u"\u6279\u590d\u6587\u53f7\uff1a", None))
        self.notesLabel.setText(QCoreApplication.translate("DevelopmentStepDialog", u"\u5907\u6ce8(&M)\uff1a", None))
        self.attachmentsBox.setTitle(QCoreApplication.translate("DevelopmentStepDialog", u"\u9644\u4ef6\uff08\u626b\u63cf\u4ef6\u3001\u7167\u7247\uff09", None))
    # retranslateUi

