# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'development_review.ui'
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
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_DevelopmentReviewDialog(object):
    def setupUi(self, DevelopmentReviewDialog):
        if not DevelopmentReviewDialog.objectName():
            DevelopmentReviewDialog.setObjectName(u"DevelopmentReviewDialog")
        self.mainLayout = QVBoxLayout(DevelopmentReviewDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.kindLabel = QLabel(DevelopmentReviewDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(DevelopmentReviewDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.dateLabel = QLabel(DevelopmentReviewDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(DevelopmentReviewDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.reviewerLabel = QLabel(DevelopmentReviewDialog)
        self.reviewerLabel.setObjectName(u"reviewerLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reviewerLabel)

        self.reviewerCombo = QComboBox(DevelopmentReviewDialog)
        self.reviewerCombo.setObjectName(u"reviewerCombo")
        self.reviewerCombo.setEditable(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reviewerCombo)

        self.contentLabel = QLabel(DevelopmentReviewDialog)
        self.contentLabel.setObjectName(u"contentLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.contentLabel)

        self.contentEdit = QPlainTextEdit(DevelopmentReviewDialog)
        self.contentEdit.setObjectName(u"contentEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.contentEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(DevelopmentReviewDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(DevelopmentReviewDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.dateLabel.setBuddy(self.dateEdit)
        self.reviewerLabel.setBuddy(self.reviewerCombo)
        self.contentLabel.setBuddy(self.contentEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kindCombo, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.reviewerCombo)
        QWidget.setTabOrder(self.reviewerCombo, self.contentEdit)

        self.retranslateUi(DevelopmentReviewDialog)

        QMetaObject.connectSlotsByName(DevelopmentReviewDialog)
    # setupUi

    def retranslateUi(self, DevelopmentReviewDialog):
        DevelopmentReviewDialog.setWindowTitle(QCoreApplication.translate("DevelopmentReviewDialog", u"\u601d\u60f3\u6c47\u62a5\u548c\u8003\u5bdf", None))
        self.kindLabel.setText(QCoreApplication.translate("DevelopmentReviewDialog", u"\u7c7b\u578b(&K)\uff1a", None))
        self.dateLabel.setText(QCoreApplication.translate("DevelopmentReviewDialog", u"\u65e5\u671f(&D)\uff1a", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("DevelopmentReviewDialog", u"yyyy-MM-dd", None))
        self.reviewerLabel.setText(QCoreApplication.translate("DevelopmentReviewDialog", u"\u8003\u5bdf\u4eba / \u8054\u7cfb\u4eba\uff1a", None))
        self.contentLabel.setText(QCoreApplication.translate("DevelopmentReviewDialog", u"\u5185\u5bb9\u6458\u8981\uff1a", None))
        self.errorLabel.setText("")
    # retranslateUi

