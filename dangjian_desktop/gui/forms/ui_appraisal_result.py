# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'appraisal_result.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

class Ui_AppraisalResultDialog(object):
    def setupUi(self, AppraisalResultDialog):
        if not AppraisalResultDialog.objectName():
            AppraisalResultDialog.setObjectName(u"AppraisalResultDialog")
        self.mainLayout = QVBoxLayout(AppraisalResultDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.whoLabel = QLabel(AppraisalResultDialog)
        self.whoLabel.setObjectName(u"whoLabel")
        self.whoLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.whoLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.outcomeLabel = QLabel(AppraisalResultDialog)
        self.outcomeLabel.setObjectName(u"outcomeLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.outcomeLabel)

        self.outcomeCombo = QComboBox(AppraisalResultDialog)
        self.outcomeCombo.setObjectName(u"outcomeCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.outcomeCombo)

        self.excellentLabel = QLabel(AppraisalResultDialog)
        self.excellentLabel.setObjectName(u"excellentLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.excellentLabel)

        self.excellentSpin = QSpinBox(AppraisalResultDialog)
        self.excellentSpin.setObjectName(u"excellentSpin")
        self.excellentSpin.setMaximum(100000)
        self.excellentSpin.setMinimum(-1)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.excellentSpin)

        self.qualifiedLabel = QLabel(AppraisalResultDialog)
        self.qualifiedLabel.setObjectName(u"qualifiedLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.qualifiedLabel)

        self.qualifiedSpin = QSpinBox(AppraisalResultDialog)
        self.qualifiedSpin.setObjectName(u"qualifiedSpin")
        self.qualifiedSpin.setMaximum(100000)
        self.qualifiedSpin.setMinimum(-1)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.qualifiedSpin)

        self.basicLabel = QLabel(AppraisalResultDialog)
        self.basicLabel.setObjectName(u"basicLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.basicLabel)

        self.basicSpin = QSpinBox(AppraisalResultDialog)
        self.basicSpin.setObjectName(u"basicSpin")
        self.basicSpin.setMaximum(100000)
        self.basicSpin.setMinimum(-1)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.basicSpin)

        self.unqualifiedLabel = QLabel(AppraisalResultDialog)
        self.unqualifiedLabel.setObjectName(u"unqualifiedLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.unqualifiedLabel)

        self.unqualifiedSpin = QSpinBox(AppraisalResultDialog)
        self.unqualifiedSpin.setObjectName(u"unqualifiedSpin")
        self.unqualifiedSpin.setMaximum(100000)
        self.unqualifiedSpin.setMinimum(-1)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.unqualifiedSpin)

        self.noteLabel = QLabel(AppraisalResultDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QLineEdit(AppraisalResultDialog)
        self.noteEdit.setObjectName(u"noteEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.noteEdit)

        self.reasonLabel = QLabel(AppraisalResultDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QLineEdit(AppraisalResultDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(AppraisalResultDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setVisible(False)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AppraisalResultDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.outcomeLabel.setBuddy(self.outcomeCombo)
        self.excellentLabel.setBuddy(self.excellentSpin)
        self.qualifiedLabel.setBuddy(self.qualifiedSpin)
        self.basicLabel.setBuddy(self.basicSpin)
        self.unqualifiedLabel.setBuddy(self.unqualifiedSpin)
        self.noteLabel.setBuddy(self.noteEdit)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AppraisalResultDialog)

        QMetaObject.connectSlotsByName(AppraisalResultDialog)
    # setupUi

    def retranslateUi(self, AppraisalResultDialog):
        AppraisalResultDialog.setWindowTitle(QCoreApplication.translate("AppraisalResultDialog", u"\u8bc4\u5b9a\u7ed3\u679c", None))
        self.outcomeLabel.setText(QCoreApplication.translate("AppraisalResultDialog", u"\u8bc4\u5b9a\u7b49\u6b21(&O)\uff1a", None))
        self.excellentLabel.setText(QCoreApplication.translate("AppraisalResultDialog", u"\u4f18\u79c0\u7968\uff1a", None))
        self.excellentSpin.setSpecialValueText(QCoreApplication.translate("AppraisalResultDialog", u"\uff08\u672a\u8bb0\u5f55\uff09", None))
        self.qualifiedLabel.setText(QCoreApplication.translate("AppraisalResultDialog", u"\u5408\u683c\u7968\uff1a", None))
        self.qualifiedSpin.setSpecialValueText(QCoreApplication.translate("AppraisalResultDialog", u"\uff08\u672a\u8bb0\u5f55\uff09", None))
        self.basicLabel.setText(QCoreApplication.translate("AppraisalResultDialog", u"\u57fa\u672c\u5408\u683c\u7968\uff1a", None))
        self.basicSpin.setSpecialValueText(QCoreApplication.translate("AppraisalResultDialog", u"\uff08\u672a\u8bb0\u5f55\uff09", None))
        self.unqualifiedLabel.setText(QCoreApplication.translate("AppraisalResultDialog", u"\u4e0d\u5408\u683c\u7968\uff1a", None))
        self.unqualifiedSpin.setSpecialValueText(QCoreApplication.translate("AppraisalResultDialog", u"\uff08\u672a\u8bb0\u5f55\uff09", None))
        self.noteLabel.setText(QCoreApplication.translate("AppraisalResultDialog", u"\u5907\u6ce8(&N)\uff1a", None))
        self.reasonLabel.setText(QCoreApplication.translate("AppraisalResultDialog", u"\u4fee\u6539\u539f\u56e0(&R)\uff1a", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("AppraisalResultDialog", u"\u8bb0\u5f55\u5df2\u5b9a\u7a3f\uff1a\u5199\u660e\u4e3a\u4ec0\u4e48\u4fee\u6539", None))
    # retranslateUi

