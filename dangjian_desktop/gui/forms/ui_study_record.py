# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'study_record.ui'
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
    QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_StudyRecordDialog(object):
    def setupUi(self, StudyRecordDialog):
        if not StudyRecordDialog.objectName():
            StudyRecordDialog.setObjectName(u"StudyRecordDialog")
        self.mainLayout = QVBoxLayout(StudyRecordDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.dateLabel = QLabel(StudyRecordDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(StudyRecordDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.kindLabel = QLabel(StudyRecordDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(StudyRecordDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.hoursLabel = QLabel(StudyRecordDialog)
        self.hoursLabel.setObjectName(u"hoursLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.hoursLabel)

        self.hoursSpin = QDoubleSpinBox(StudyRecordDialog)
        self.hoursSpin.setObjectName(u"hoursSpin")
        self.hoursSpin.setDecimals(1)
        self.hoursSpin.setMinimum(0.500000000000000)
        self.hoursSpin.setMaximum(200.000000000000000)
        self.hoursSpin.setSingleStep(0.500000000000000)
        self.hoursSpin.setValue(2.000000000000000)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.hoursSpin)

        self.topicLabel = QLabel(StudyRecordDialog)
        self.topicLabel.setObjectName(u"topicLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.topicLabel)

        self.topicEdit = QLineEdit(StudyRecordDialog)
        self.topicEdit.setObjectName(u"topicEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.topicEdit)

        self.sourceLabel = QLabel(StudyRecordDialog)
        self.sourceLabel.setObjectName(u"sourceLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.sourceLabel)

        self.sourceEdit = QLineEdit(StudyRecordDialog)
        self.sourceEdit.setObjectName(u"sourceEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.sourceEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.pickLayout = QHBoxLayout()
        self.pickLayout.setObjectName(u"pickLayout")
        self.membersLabel = QLabel(StudyRecordDialog)
        self.membersLabel.setObjectName(u"membersLabel")

        self.pickLayout.addWidget(self.membersLabel)

        self.filterEdit = QLineEdit(StudyRecordDialog)
        self.filterEdit.setObjectName(u"filterEdit")
        self.filterEdit.setClearButtonEnabled(True)

        self.pickLayout.addWidget(self.filterEdit)

        self.allButton = QPushButton(StudyRecordDialog)
        self.allButton.setObjectName(u"allButton")

        self.pickLayout.addWidget(self.allButton)

        self.noneButton = QPushButton(StudyRecordDialog)
        self.noneButton.setObjectName(u"noneButton")

        self.pickLayout.addWidget(self.noneButton)


        self.mainLayout.addLayout(self.pickLayout)

        self.memberList = QListWidget(StudyRecordDialog)
        self.memberList.setObjectName(u"memberList")
        self.memberList.setAlternatingRowColors(True)

        self.mainLayout.addWidget(self.memberList)

        self.countLabel = QLabel(StudyRecordDialog)
        self.countLabel.setObjectName(u"countLabel")

        self.mainLayout.addWidget(self.countLabel)

        self.errorLabel = QLabel(StudyRecordDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setVisible(False)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(StudyRecordDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.hoursLabel.setBuddy(self.hoursSpin)
        self.topicLabel.setBuddy(self.topicEdit)
        self.sourceLabel.setBuddy(self.sourceEdit)
        self.membersLabel.setBuddy(self.filterEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(StudyRecordDialog)

        QMetaObject.connectSlotsByName(StudyRecordDialog)
    # setupUi

    def retranslateUi(self, StudyRecordDialog):
        StudyRecordDialog.setWindowTitle(QCoreApplication.translate("StudyRecordDialog", u"\u767b\u8bb0\u5b66\u4e60", None))
        self.dateLabel.setText(QCoreApplication.translate("StudyRecordDialog", u"\u65e5\u671f(&D)\uff1a", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("StudyRecordDialog", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.kindLabel.setText(QCoreApplication.translate("StudyRecordDialog", u"\u5b66\u4e60\u5f62\u5f0f(&K)\uff1a", None))
        self.hoursLabel.setText(QCoreApplication.translate("StudyRecordDialog", u"\u5b66\u65f6(&H)\uff1a", None))
        self.hoursSpin.setSuffix(QCoreApplication.translate("StudyRecordDialog", u" \u5b66\u65f6", None))
        self.topicLabel.setText(QCoreApplication.translate("StudyRecordDialog", u"\u4e3b\u9898(&T)\uff1a", None))
        self.topicEdit.setPlaceholderText(QCoreApplication.translate("StudyRecordDialog", u"\u5b66\u4e60\u5185\u5bb9\u6216\u8bfe\u7a0b\u540d\u79f0", None))
        self.sourceLabel.setText(QCoreApplication.translate("StudyRecordDialog", u"\u6765\u6e90(&S)\uff1a", None))
        self.sourceEdit.setPlaceholderText(QCoreApplication.translate("StudyRecordDialog", u"\u5982 \u672c\u652f\u90e8\u3001\u5b66\u4e60\u5f3a\u56fd\u3001\u8857\u9053\u515a\u5de5\u59d4", None))
        self.membersLabel.setText(QCoreApplication.translate("StudyRecordDialog", u"\u53c2\u52a0\u5b66\u4e60\u7684\u515a\u5458(&M)\uff1a", None))
        self.filterEdit.setPlaceholderText(QCoreApplication.translate("StudyRecordDialog", u"\u8f93\u5165\u59d3\u540d\u7b5b\u9009", None))
        self.allButton.setText(QCoreApplication.translate("StudyRecordDialog", u"\u5168\u9009", None))
        self.noneButton.setText(QCoreApplication.translate("StudyRecordDialog", u"\u5168\u4e0d\u9009", None))
    # retranslateUi

