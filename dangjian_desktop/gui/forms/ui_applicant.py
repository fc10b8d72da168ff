# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'applicant.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_ApplicantDialog(object):
    def setupUi(self, ApplicantDialog):
        if not ApplicantDialog.objectName():
            ApplicantDialog.setObjectName(u"ApplicantDialog")
        self.mainLayout = QVBoxLayout(ApplicantDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ApplicantDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.nameLabel = QLabel(ApplicantDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(ApplicantDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(50)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.appliedLabel = QLabel(ApplicantDialog)
        self.appliedLabel.setObjectName(u"appliedLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.appliedLabel)

        self.appliedEdit = QDateEdit(ApplicantDialog)
        self.appliedEdit.setObjectName(u"appliedEdit")
        self.appliedEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.appliedEdit)

        self.idLabel = QLabel(ApplicantDialog)
        self.idLabel.setObjectName(u"idLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.idLabel)

        self.idNumberEdit = QLineEdit(ApplicantDialog)
        self.idNumberEdit.setObjectName(u"idNumberEdit")
        self.idNumberEdit.setMaxLength(18)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.idNumberEdit)

        self.genderLabel = QLabel(ApplicantDialog)
        self.genderLabel.setObjectName(u"genderLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.genderLabel)

        self.genderCombo = QComboBox(ApplicantDialog)
        self.genderCombo.setObjectName(u"genderCombo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.genderCombo)

        self.birthLabel = QLabel(ApplicantDialog)
        self.birthLabel.setObjectName(u"birthLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.birthLabel)

        self.birthEdit = QDateEdit(ApplicantDialog)
        self.birthEdit.setObjectName(u"birthEdit")
        self.birthEdit.setCalendarPopup(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.birthEdit)

        self.ethnicityLabel = QLabel(ApplicantDialog)
        self.ethnicityLabel.setObjectName(u"ethnicityLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.ethnicityLabel)

        self.ethnicityEdit = QLineEdit(ApplicantDialog)
        self.ethnicityEdit.setObjectName(u"ethnicityEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.ethnicityEdit)

        self.nativeLabel = QLabel(ApplicantDialog)
        self.nativeLabel.setObjectName(u"nativeLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.nativeLabel)

        self.nativePlaceEdit = QLineEdit(ApplicantDialog)
        self.nativePlaceEdit.setObjectName(u"nativePlaceEdit")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.nativePlaceEdit)

        self.educationLabel = QLabel(ApplicantDialog)
        self.educationLabel.setObjectName(u"educationLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.educationLabel)

        self.educationCombo = QComboBox(ApplicantDialog)
        self.educationCombo.setObjectName(u"educationCombo")
        self.educationCombo.setEditable(True)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.educationCombo)

        self.unitLabel = QLabel(ApplicantDialog)
        self.unitLabel.setObjectName(u"unitLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.workUnitEdit = QLineEdit(ApplicantDialog)
        self.workUnitEdit.setObjectName(u"workUnitEdit")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.workUnitEdit)

        self.phoneLabel = QLabel(ApplicantDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(ApplicantDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.groupLabel = QLabel(ApplicantDialog)
        self.groupLabel.setObjectName(u"groupLabel")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.groupLabel)

        self.groupCombo = QComboBox(ApplicantDialog)
        self.groupCombo.setObjectName(u"groupCombo")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.groupCombo)

        self.leavesLabel = QLabel(ApplicantDialog)
        self.leavesLabel.setObjectName(u"leavesLabel")

        self.formLayout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.leavesLabel)

        self.leavesEdit = QDateEdit(ApplicantDialog)
        self.leavesEdit.setObjectName(u"leavesEdit")
        self.leavesEdit.setCalendarPopup(True)

        self.formLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.leavesEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(ApplicantDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ApplicantDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.appliedLabel.setBuddy(self.appliedEdit)
        self.idLabel.setBuddy(self.idNumberEdit)
        self.genderLabel.setBuddy(self.genderCombo)
        self.birthLabel.setBuddy(self.birthEdit)
        self.ethnicityLabel.setBuddy(self.ethnicityEdit)
        self.nativeLabel.setBuddy(self.nativePlaceEdit)
        self.educationLabel.setBuddy(self.educationCombo)
        self.unitLabel.setBuddy(self.workUnitEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.groupLabel.setBuddy(self.groupCombo)
        self.leavesLabel.setBuddy(self.leavesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.appliedEdit)
        QWidget.setTabOrder(self.appliedEdit, self.idNumberEdit)
        QWidget.setTabOrder(self.idNumberEdit, self.genderCombo)
        QWidget.setTabOrder(self.genderCombo, self.birthEdit)
        QWidget.setTabOrder(self.birthEdit, self.ethnicityEdit)
        QWidget.setTabOrder(self.ethnicityEdit, self.nativePlaceEdit)
        QWidget.setTabOrder(self.nativePlaceEdit, self.educationCombo)
        QWidget.setTabOrder(self.educationCombo, self.workUnitEdit)
        QWidget.setTabOrder(self.workUnitEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.groupCombo)
        QWidget.setTabOrder(self.groupCombo, self.leavesEdit)

        self.retranslateUi(ApplicantDialog)

        QMetaObject.connectSlotsByName(ApplicantDialog)
    # setupUi

    def retranslateUi(self, ApplicantDialog):
        ApplicantDialog.setWindowTitle(QCoreApplication.translate("ApplicantDialog", u"\u767b\u8bb0\u5165\u515a\u7533\u8bf7\u4eba", None))
        self.introLabel.setText(QCoreApplication.translate("ApplicantDialog", u"\u767b\u8bb0\u9012\u4ea4\u5165\u515a\u7533\u8bf7\u4e66\u7684\u4eba\uff1a\u8fd9\u662f\u53d1\u5c55\u515a\u5458\u7684\u7b2c1\u6b65\u3002\u515a\u7ec4\u7ec7\u6536\u5230\u7533\u8bf7\u4e66\u540e\u4e00\u4e2a\u6708\u5185\u8981\u6d3e\u4eba\u8c08\u8bdd\u3002", None))
        self.nameLabel.setText(QCoreApplication.translate("ApplicantDialog", u"\u59d3\u540d(&N)\uff1a", None))
        self.appliedLabel.setText(QCoreApplication.translate("ApplicantDialog", u"\u9012\u4ea4\u5165\u515a\u7533\u8bf7\u4e66\u65e5\u671f(&A)\uff1a", None))
        self.appliedEdit.setDisplayFormat(QCoreApplication.translate("ApplicantDialog", u"yyyy-MM-dd", None))
        self.idLabel.setText(QCoreApplication.translate("ApplicantDialog", u"\u516c\u6c11\u8eab\u4efd\u53f7\u7801(&I)\uff1a", None))
        self.idNumberEdit.setPlaceholderText(QCoreApplication.translate("ApplicantDialog", u"18\u4f4d\uff0c\u586b\u5199\u540e\u81ea\u52a8\u5f97\u51fa\u51fa\u751f\u65e5\u671f\u548c\u6027\u522b", None))
        self.genderLabel.setText(QCoreApplication.translate("ApplicantDialog", u"\u6027\u522b\uff1a", None))
        self.birthLabel.setText(QCoreApplication.translate("ApplicantDialog", u"\u51fa\u751f\u65e5\u671f\uff1a", None))
        self.birthEdit.setDisplayFormat(QCoreApplication.translate("ApplicantDialog", u"yyyy-MM-dd", None))
        self.ethnicityLabel.setText(QCoreApplication.translate("ApplicantDialog", u"\u6c11\u65cf\uff1a", None))
        self.ethnicityEdit.setText(QCoreApplication.translate("ApplicantDialog", u"\u6c49\u65cf", None))
        self.nativeLabel.setText(QCoreApplication.translate("ApplicantDialog", u"\u7c4d\u8d2f\uff1a", None))
        self.educationLabel.setText(QCoreApplication.translate("ApplicantDialog", u"\u5b66\u5386\uff1a", None))
        self.unitLabel.setText(QCoreApplication.translate("ApplicantDialog", u"\u5de5\u4f5c\u5355\u4f4d\u53ca\u804c\u52a1\uff1a", None))
        self.phoneLabel.setText(QCoreApplication.translate("ApplicantDialog", u"\u8054\u7cfb\u7535\u8bdd\uff1a", None))
        self.groupLabel.setText(QCoreApplication.translate("ApplicantDialog", u"\u6240\u5728\u515a\u5c0f\u7ec4\uff1a", None))
        self.leavesLabel.setText(QCoreApplication.translate("ApplicantDialog", u"\u9884\u8ba1\u79bb\u5f00\u5355\u4f4d\u65e5\u671f\uff1a", None))
        self.leavesEdit.setDisplayFormat(QCoreApplication.translate("ApplicantDialog", u"yyyy-MM-dd", None))
        self.errorLabel.setText("")
    # retranslateUi

