# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'community_report.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_CommunityReportDialog(object):
    def setupUi(self, CommunityReportDialog):
        if not CommunityReportDialog.objectName():
            CommunityReportDialog.setObjectName(u"CommunityReportDialog")
        self.mainLayout = QVBoxLayout(CommunityReportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(CommunityReportDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.nameLabel = QLabel(CommunityReportDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(CommunityReportDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(50)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.unitLabel = QLabel(CommunityReportDialog)
        self.unitLabel.setObjectName(u"unitLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unitEdit = QLineEdit(CommunityReportDialog)
        self.unitEdit.setObjectName(u"unitEdit")
        self.unitEdit.setMaxLength(200)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.unitEdit)

        self.dateLabel = QLabel(CommunityReportDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(CommunityReportDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.serviceLabel = QLabel(CommunityReportDialog)
        self.serviceLabel.setObjectName(u"serviceLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.serviceLabel)

        self.serviceEdit = QLineEdit(CommunityReportDialog)
        self.serviceEdit.setObjectName(u"serviceEdit")
        self.serviceEdit.setMaxLength(500)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.serviceEdit)

        self.phoneLabel = QLabel(CommunityReportDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(CommunityReportDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(30)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.phoneEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(CommunityReportDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setVisible(False)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(CommunityReportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.unitLabel.setBuddy(self.unitEdit)
        self.dateLabel.setBuddy(self.dateEdit)
        self.serviceLabel.setBuddy(self.serviceEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CommunityReportDialog)

        QMetaObject.connectSlotsByName(CommunityReportDialog)
    # setupUi

    def retranslateUi(self, CommunityReportDialog):
        CommunityReportDialog.setWindowTitle(QCoreApplication.translate("CommunityReportDialog", u"\u5728\u804c\u515a\u5458\u5230\u793e\u533a\u62a5\u5230", None))
        self.nameLabel.setText(QCoreApplication.translate("CommunityReportDialog", u"\u59d3\u540d(&N)\uff1a", None))
        self.unitLabel.setText(QCoreApplication.translate("CommunityReportDialog", u"\u6240\u5728\u5355\u4f4d(&U)\uff1a", None))
        self.unitEdit.setPlaceholderText(QCoreApplication.translate("CommunityReportDialog", u"\u5de5\u4f5c\u5355\u4f4d\u53ca\u5176\u515a\u7ec4\u7ec7", None))
        self.dateLabel.setText(QCoreApplication.translate("CommunityReportDialog", u"\u62a5\u5230\u65e5\u671f(&D)\uff1a", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("CommunityReportDialog", u"yyyy-MM-dd", None))
        self.serviceLabel.setText(QCoreApplication.translate("CommunityReportDialog", u"\u8ba4\u9886\u5c97\u4f4d\u3001\u670d\u52a1\u5185\u5bb9\uff1a", None))
        self.serviceEdit.setPlaceholderText(QCoreApplication.translate("CommunityReportDialog", u"\u5982\uff1a\u793e\u533a\u6587\u660e\u529d\u5bfc\u3001\u52a9\u8001\u670d\u52a1", None))
        self.phoneLabel.setText(QCoreApplication.translate("CommunityReportDialog", u"\u8054\u7cfb\u7535\u8bdd\uff1a", None))
    # retranslateUi

