# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'member_editor.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_MemberEditorDialog(object):
    def setupUi(self, MemberEditorDialog):
        if not MemberEditorDialog.objectName():
            MemberEditorDialog.setObjectName(u"MemberEditorDialog")
        self.mainLayout = QVBoxLayout(MemberEditorDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.columnsLayout = QHBoxLayout()
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.leftForm = QFormLayout()
        self.leftForm.setObjectName(u"leftForm")
        self.nameLabel = QLabel(MemberEditorDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.leftForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEditBox = QVBoxLayout()
        self.nameEditBox.setObjectName(u"nameEditBox")
        self.nameEdit = QLineEdit(MemberEditorDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(50)

        self.nameEditBox.addWidget(self.nameEdit)

        self.nameError = QLabel(MemberEditorDialog)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setWordWrap(True)
        self.nameError.setVisible(False)

        self.nameEditBox.addWidget(self.nameError)


        self.leftForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.nameEditBox)

        self.idNumberLabel = QLabel(MemberEditorDialog)
        self.idNumberLabel.setObjectName(u"idNumberLabel")

        self.leftForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.idNumberLabel)

        self.idNumberEditBox = QVBoxLayout()
        self.idNumberEditBox.setObjectName(u"idNumberEditBox")
        self.idNumberEdit = QLineEdit(MemberEditorDialog)
        self.idNumberEdit.setObjectName(u"idNumberEdit")
        self.idNumberEdit.setMaxLength(18)

        self.idNumberEditBox.addWidget(self.idNumberEdit)

        self.idNumberError = QLabel(MemberEditorDialog)
        self.idNumberError.setObjectName(u"idNumberError")
        self.idNumberError.setWordWrap(True)
        self.idNumberError.setVisible(False)

        self.idNumberEditBox.addWidget(self.idNumberError)


        self.leftForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.idNumberEditBox)

        self.genderLabel = QLabel(MemberEditorDialog)
        self.genderLabel.setObjectName(u"genderLabel")

        self.leftForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.genderLabel)

        self.genderBox = QVBoxLayout()
        self.genderBox.setObjectName(u"genderBox")
        self.genderCombo = QComboBox(MemberEditorDialog)
        self.genderCombo.setObjectName(u"genderCombo")

        self.genderBox.addWidget(self.genderCombo)

        self.genderError = QLabel(MemberEditorDialog)
        self.genderError.setObjectName(u"genderError")
        self.genderError.setWordWrap(True)
        self.genderError.setVisible(False)

        self.genderBox.addWidget(self.genderError)


        self.leftForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.genderBox)

        self.birthDateLabel = QLabel(MemberEditorDialog)
        self.birthDateLabel.setObjectName(u"birthDateLabel")

        self.leftForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.birthDateLabel)

        self.birthDateEditBox = QVBoxLayout()
        self.birthDateEditBox.setObjectName(u"birthDateEditBox")
        self.birthDateEdit = QLineEdit(MemberEditorDialog)
        self.birthDateEdit.setObjectName(u"birthDateEdit")

        self.birthDateEditBox.addWidget(self.birthDateEdit)

        self.birthDateError = QLabel(MemberEditorDialog)
        self.birthDateError.setObjectName(u"birthDateError")
        self.birthDateError.setWordWrap(True)
        self.birthDateError.setVisible(False)

        self.birthDateEditBox.addWidget(self.birthDateError)


        self.leftForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.birthDateEditBox)

        self.ethnicityLabel = QLabel(MemberEditorDialog)
        self.ethnicityLabel.setObjectName(u"ethnicityLabel")

        self.leftForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.ethnicityLabel)

        self.ethnicityEdit = QLineEdit(MemberEditorDialog)
        self.ethnicityEdit.setObjectName(u"ethnicityEdit")
        self.ethnicityEdit.setMaxLength(20)

        self.leftForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.ethnicityEdit)

        self.nativePlaceLabel = QLabel(MemberEditorDialog)
        self.nativePlaceLabel.setObjectName(u"nativePlaceLabel")

        self.leftForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.nativePlaceLabel)

        self.nativePlaceEdit = QLineEdit(MemberEditorDialog)
        self.nativePlaceEdit.setObjectName(u"nativePlaceEdit")
        self.nativePlaceEdit.setMaxLength(100)

        self.leftForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.nativePlaceEdit)

        self.educationLabel = QLabel(MemberEditorDialog)
        self.educationLabel.setObjectName(u"educationLabel")

        self.leftForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.educationLabel)

        self.educationCombo = QComboBox(MemberEditorDialog)
        self.educationCombo.setObjectName(u"educationCombo")
        self.educationCombo.setEditable(True)

        self.leftForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.educationCombo)

        self.phoneLabel = QLabel(MemberEditorDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.leftForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEditBox = QVBoxLayout()
        self.phoneEditBox.setObjectName(u"phoneEditBox")
        self.phoneEdit = QLineEdit(MemberEditorDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(30)

        self.phoneEditBox.addWidget(self.phoneEdit)

        self.phoneError = QLabel(MemberEditorDialog)
        self.phoneError.setObjectName(u"phoneError")
        self.phoneError.setWordWrap(True)
        self.phoneError.setVisible(False)

        self.phoneEditBox.addWidget(self.phoneError)


        self.leftForm.setLayout(7, QFormLayout.ItemRole.FieldRole, self.phoneEditBox)

        self.addressLabel = QLabel(MemberEditorDialog)
        self.addressLabel.setObjectName(u"addressLabel")

        self.leftForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(MemberEditorDialog)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setMaxLength(200)

        self.leftForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.categoryLabel = QLabel(MemberEditorDialog)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.leftForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.categoryEdit = QLineEdit(MemberEditorDialog)
        self.categoryEdit.setObjectName(u"categoryEdit")
        self.categoryEdit.setMaxLength(50)

        self.leftForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.categoryEdit)


        self.columnsLayout.addLayout(self.leftForm)

        self.rightForm = QFormLayout()
        self.rightForm.setObjectName(u"rightForm")
        self.groupLabel = QLabel(MemberEditorDialog)
        self.groupLabel.setObjectName(u"groupLabel")

        self.rightForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.groupLabel)

        self.groupCombo = QComboBox(MemberEditorDialog)
        self.groupCombo.setObjectName(u"groupCombo")

        self.rightForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.groupCombo)

        self.statusLabel = QLabel(MemberEditorDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.rightForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCombo = QComboBox(MemberEditorDialog)
        self.statusCombo.setObjectName(u"statusCombo")

        self.rightForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.joinedOnLabel = QLabel(MemberEditorDialog)
        self.joinedOnLabel.setObjectName(u"joinedOnLabel")

        self.rightForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.joinedOnLabel)

        self.joinedOnEditBox = QVBoxLayout()
        self.joinedOnEditBox.setObjectName(u"joinedOnEditBox")
        self.joinedOnEdit = QLineEdit(MemberEditorDialog)
        self.joinedOnEdit.setObjectName(u"joinedOnEdit")

        self.joinedOnEditBox.addWidget(self.joinedOnEdit)

        self.joinedOnError = QLabel(MemberEditorDialog)
        self.joinedOnError.setObjectName(u"joinedOnError")
        self.joinedOnError.setWordWrap(True)
        self.joinedOnError.setVisible(False)

        self.joinedOnEditBox.addWidget(self.joinedOnError)


        self.rightForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.joinedOnEditBox)

        self.extensionLabel = QLabel(MemberEditorDialog)
        self.extensionLabel.setObjectName(u"extensionLabel")

        self.rightForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.extensionLabel)

        self.extensionBox = QVBoxLayout()
        self.extensionBox.setObjectName(u"extensionBox")
        self.extensionSpin = QSpinBox(MemberEditorDialog)
        self.extensionSpin.setObjectName(u"extensionSpin")
        self.extensionSpin.setMaximum(24)

        self.extensionBox.addWidget(self.extensionSpin)

        self.extensionError = QLabel(MemberEditorDialog)
        self.extensionError.setObjectName(u"extensionError")
        self.extensionError.setWordWrap(True)
        self.extensionError.setVisible(False)

        self.extensionBox.addWidget(self.extensionError)


        self.rightForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.extensionBox)

        self.fullMemberOnLabel = QLabel(MemberEditorDialog)
        self.fullMemberOnLabel.setObjectName(u"fullMemberOnLabel")

        self.rightForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.fullMemberOnLabel)

        self.fullMemberOnEditBox = QVBoxLayout()
        self.fullMemberOnEditBox.setObjectName(u"fullMemberOnEditBox")
        self.fullMemberOnEdit = QLineEdit(MemberEditorDialog)
        self.fullMemberOnEdit.setObjectName(u"fullMemberOnEdit")

        self.fullMemberOnEditBox.addWidget(self.fullMemberOnEdit)

        self.fullMemberOnError = QLabel(MemberEditorDialog)
        self.fullMemberOnError.setObjectName(u"fullMemberOnError")
        self.fullMemberOnError.setWordWrap(True)
        self.fullMemberOnError.setVisible(False)

        self.fullMemberOnEditBox.addWidget(self.fullMemberOnError)


        self.rightForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.fullMemberOnEditBox)

        self.partyPostLabel = QLabel(MemberEditorDialog)
        self.partyPostLabel.setObjectName(u"partyPostLabel")

        self.rightForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.partyPostLabel)

        self.partyPostEdit = QLineEdit(MemberEditorDialog)
        self.partyPostEdit.setObjectName(u"partyPostEdit")
        self.partyPostEdit.setMaxLength(50)

        self.rightForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.partyPostEdit)

        self.workUnitLabel = QLabel(MemberEditorDialog)
        self.workUnitLabel.setObjectName(u"workUnitLabel")

        self.rightForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.workUnitLabel)

        self.workUnitEdit = QLineEdit(MemberEditorDialog)
        self.workUnitEdit.setObjectName(u"workUnitEdit")
        self.workUnitEdit.setMaxLength(200)

        self.rightForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.workUnitEdit)

        self.duesBaseLabel = QLabel(MemberEditorDialog)
        self.duesBaseLabel.setObjectName(u"duesBaseLabel")

        self.rightForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.duesBaseLabel)

        self.duesBaseEditBox = QVBoxLayout()
        self.duesBaseEditBox.setObjectName(u"duesBaseEditBox")
        self.duesBaseEdit = QLineEdit(MemberEditorDialog)
        self.duesBaseEdit.setObjectName(u"duesBaseEdit")
        self.duesBaseEdit.setMaxLength(12)

        self.duesBaseEditBox.addWidget(self.duesBaseEdit)

        self.duesBaseError = QLabel(MemberEditorDialog)
        self.duesBaseError.setObjectName(u"duesBaseError")
        self.duesBaseError.setWordWrap(True)
        self.duesBaseError.setVisible(False)

        self.duesBaseEditBox.addWidget(self.duesBaseError)


        self.rightForm.setLayout(7, QFormLayout.ItemRole.FieldRole, self.duesBaseEditBox)

        self.flagsLayout = QHBoxLayout()
        self.flagsLayout.setObjectName(u"flagsLayout")
        self.floatingCheck = QCheckBox(MemberEditorDialog)
        self.floatingCheck.setObjectName(u"floatingCheck")

        self.flagsLayout.addWidget(self.floatingCheck)

        self.lostContactCheck = QCheckBox(MemberEditorDialog)
        self.lostContactCheck.setObjectName(u"lostContactCheck")

        self.flagsLayout.addWidget(self.lostContactCheck)


        self.rightForm.setLayout(8, QFormLayout.ItemRole.FieldRole, self.flagsLayout)


        self.columnsLayout.addLayout(self.rightForm)


        self.mainLayout.addLayout(self.columnsLayout)

        self.notesForm = QFormLayout()
        self.notesForm.setObjectName(u"notesForm")
        self.notesLabel = QLabel(MemberEditorDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.notesForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(MemberEditorDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.notesForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.mainLayout.addLayout(self.notesForm)

        self.summaryLabel = QLabel(MemberEditorDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.summaryLabel)

        self.buttonBox = QDialogButtonBox(MemberEditorDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.idNumberLabel.setBuddy(self.idNumberEdit)
        self.genderLabel.setBuddy(self.genderCombo)
        self.birthDateLabel.setBuddy(self.birthDateEdit)
        self.ethnicityLabel.setBuddy(self.ethnicityEdit)
        self.nativePlaceLabel.setBuddy(self.nativePlaceEdit)
        self.educationLabel.setBuddy(self.educationCombo)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.categoryLabel.setBuddy(self.categoryEdit)
        self.groupLabel.setBuddy(self.groupCombo)
        self.statusLabel.setBuddy(self.statusCombo)
        self.joinedOnLabel.setBuddy(self.joinedOnEdit)
        self.extensionLabel.setBuddy(self.extensionSpin)
        self.fullMemberOnLabel.setBuddy(self.fullMemberOnEdit)
        self.partyPostLabel.setBuddy(self.partyPostEdit)
        self.workUnitLabel.setBuddy(self.workUnitEdit)
        self.duesBaseLabel.setBuddy(self.duesBaseEdit)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MemberEditorDialog)

        QMetaObject.connectSlotsByName(MemberEditorDialog)
    # setupUi

    def retranslateUi(self, MemberEditorDialog):
        MemberEditorDialog.setWindowTitle(QCoreApplication.translate("MemberEditorDialog", u"\u515a\u5458\u4fe1\u606f", None))
        self.nameLabel.setText(QCoreApplication.translate("MemberEditorDialog", u"\u59d3\u540d(&N)\uff1a", None))
        self.idNumberLabel.setText(QCoreApplication.translate("MemberEditorDialog", u"\u516c\u6c11\u8eab\u4efd\u53f7\u7801(&I)\uff1a", None))
        self.idNumberEdit.setPlaceholderText(QCoreApplication.translate("MemberEditorDialog", u"18\u4f4d\uff0c\u672b\u4f4d\u53ef\u4e3aX", None))
        self.genderLabel.setText(QCoreApplication.translate("MemberEditorDialog", u"\u6027\u522b\uff1a", None))
        self.birthDateLabel.setText(QCoreApplication.translate("MemberEditorDialog", u"\u51fa\u751f\u65e5\u671f\uff1a", None))
        self.birthDateEdit.setPlaceholderText(QCoreApplication.translate("MemberEditorDialog", u"\u7559\u7a7a\u5219\u6309\u8eab\u4efd\u8bc1\u53f7", None))
        self.ethnicityLabel.setText(QCoreApplication.translate("MemberEditorDialog", u"\u6c11\u65cf\uff1a", None))
        self.ethnicityEdit.setPlaceholderText(QCoreApplication.translate("MemberEditorDialog", u"\u6c49\u65cf", None))
        self.nativePlaceLabel.setText(QCoreApplication.translate("MemberEditorDialog", u"\u7c4d\u8d2f\uff1a", None))
        self.educationLabel.setText(QCoreApplication.translate("MemberEditorDialog", u"\u5b66\u5386\uff1a", None))
        self.phoneLabel.setText(QCoreApplication.translate("MemberEditorDialog", u"\u8054\u7cfb\u7535\u8bdd\uff1a", None))
        self.addressLabel.setText(QCoreApplication.translate("MemberEditorDialog", u"\u5bb6\u5ead\u4f4f\u5740\uff1a", None))
        self.categoryLabel.setText(QCoreApplication.translate("MemberEditorDialog", u"\u4eba\u5458\u7c7b\u522b\uff1a", None))
        self.categoryEdit.setPlaceholderText(QCoreApplication.translate("MemberEditorDialog", u"\u5982\uff1a\u5728\u804c\u804c\u5de5\u3001\u79bb\u9000\u4f11\u4eba\u5458", None))
        self.groupLabel.setText(QCoreApplication.translate("MemberEditorDialog", u"\u6240\u5728\u515a\u5c0f\u7ec4\uff1a", None))
        self.statusLabel.setText(QCoreApplication.translate("MemberEditorDialog", u"\u515a\u5458\u72b6\u6001\uff1a", None))
        self.joinedOnLabel.setText(QCoreApplication.translate("MemberEditorDialog", u"\u5165\u515a\u65e5\u671f(&J)\uff1a", None))
        self.joinedOnEdit.setPlaceholderText(QCoreApplication.translate("MemberEditorDialog", u"\u5982 2005-07-01 \u6216 2005.7.1", None))
        self.extensionLabel.setText(QCoreApplication.translate("MemberEditorDialog", u"\u5ef6\u957f\u9884\u5907\u671f\uff1a", None))
        self.extensionSpin.setSuffix(QCoreApplication.translate("MemberEditorDialog", u" \u4e2a\u6708", None))
        self.extensionSpin.setSpecialValueText(QCoreApplication.translate("MemberEditorDialog", u"\u672a\u5ef6\u957f", None))
        self.fullMemberOnLabel.setText(QCoreApplication.translate("MemberEditorDialog", u"\u8f6c\u6b63\u65e5\u671f(&F)\uff1a", None))
        self.partyPostLabel.setText(QCoreApplication.translate("MemberEditorDialog", u"\u515a\u5185\u804c\u52a1\uff1a", None))
        self.workUnitLabel.setText(QCoreApplication.translate("MemberEditorDialog", u"\u5de5\u4f5c\u5355\u4f4d\u53ca\u804c\u52a1\uff1a", None))
        self.duesBaseLabel.setText(QCoreApplication.translate("MemberEditorDialog", u"\u515a\u8d39\u57fa\u6570\uff08\u5143\uff09\uff1a", None))
        self.floatingCheck.setText(QCoreApplication.translate("MemberEditorDialog", u"\u6d41\u52a8\u515a\u5458", None))
        self.lostContactCheck.setText(QCoreApplication.translate("MemberEditorDialog", u"\u5931\u8054\u515a\u5458", None))
        self.notesLabel.setText(QCoreApplication.translate("MemberEditorDialog", u"\u5907\u6ce8\uff1a", None))
    # retranslateUi

