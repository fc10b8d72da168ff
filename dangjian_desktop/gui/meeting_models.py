"""The meeting editor's tables: attendance (出席/请假/缺席 and reasons), the motions voted on at a
支部党员大会, and the 民主评议 outcome of each member."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from dangjian_desktop.core.glossary import AppraisalOutcome, AttendanceStatus, VoteKind, VoteMethod
from dangjian_desktop.core.votes import tally
from dangjian_desktop.gui.table_model import RowsModel
from dangjian_desktop.services import meetings as svc

STATUS_BRUSH = {
    AttendanceStatus.PRESENT: QBrush(QColor("#e2efda")),
    AttendanceStatus.LEAVE: QBrush(QColor("#ffe699")),
    AttendanceStatus.ABSENT: QBrush(QColor("#f8cbad")),
}


class AttendanceModel(RowsModel):
    """应到 people with 出席/请假/缺席 and the reason (the only editable cell)."""

    COL_NAME, COL_GROUP, COL_VOTE, COL_STATUS, COL_REASON = range(5)
    HEADERS = ("姓名", "党小组", "表决权", "出席情况", "请假或缺席原因")
    sig_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[svc.AttendanceRow] = []
        self.read_only = False

    def load(self, rows: list[svc.AttendanceRow]) -> None:
        self.beginResetModel()
        self.rows = [svc.AttendanceRow(**vars(r)) for r in rows]
        self.endResetModel()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, col = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return {self.COL_NAME: r.name, self.COL_GROUP: r.group,
                    self.COL_VOTE: "有" if r.can_vote else "无表决权（预备党员）",
                    self.COL_STATUS: r.status.label, self.COL_REASON: r.reason}[col]
        if role == Qt.ItemDataRole.BackgroundRole and col == self.COL_STATUS:
            return STATUS_BRUSH[r.status]
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_REASON and r.status is not AttendanceStatus.PRESENT:
            return "双击填写原因"
        return None

    def flags(self, index):
        base = super().flags(index)
        if (index.isValid() and index.column() == self.COL_REASON and not self.read_only
                and self.rows[index.row()].status is not AttendanceStatus.PRESENT):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != self.COL_REASON:
            return False
        self.rows[index.row()].reason = str(value).strip()
        self.dataChanged.emit(index, index)
        self.sig_changed.emit()
        return True

    def mark(self, rows: list[int], status: AttendanceStatus) -> None:
        for i in rows:
            self.rows[i].status = status
            if status is AttendanceStatus.PRESENT:
                self.rows[i].reason = ""
        if rows:
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), self.COL_REASON))
            self.sig_changed.emit()

    @property
    def expected(self) -> int:
        return len(self.rows)

    @property
    def present(self) -> int:
        return sum(1 for r in self.rows if r.status is AttendanceStatus.PRESENT)

    @property
    def voters(self) -> tuple[int, int]:
        """(应到, 实到) members with a vote."""
        return (sum(1 for r in self.rows if r.can_vote),
                sum(1 for r in self.rows if r.can_vote and r.status is AttendanceStatus.PRESENT))


class ChoiceDelegate(QStyledItemDelegate):
    """A cell edited by choosing from a list (表决方式): the choice is written as soon as it is made."""

    def __init__(self, choices: tuple[str, ...], parent=None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt API
        combo = QComboBox(parent)
        combo.addItems(list(self.choices))
        combo.activated.connect(lambda _i, c=combo: (self.commitData.emit(c), self.closeEditor.emit(c)))
        return combo

    def setEditorData(self, editor, index) -> None:  # noqa: N802 - Qt API
        editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor, model, index) -> None:  # noqa: N802 - Qt API
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


class VotesModel(RowsModel):
    """Motions voted on; the numbers are typed, 应到/实到 come from attendance, the result is computed."""

    COL_KIND, COL_SUBJECT, COL_METHOD, COL_FOR, COL_AGAINST, COL_ABSTAIN, COL_WRITTEN_FOR, COL_WRITTEN_AGAINST, \
        COL_VOTERS, COL_RESULT = range(10)
    HEADERS = ("类型", "表决事项", "表决方式", "赞成", "反对", "弃权", "书面赞成", "书面反对", "应到/实到（有表决权）",
               "结果（自动计算）")
    NO_METHOD = "未记录"
    METHODS = (NO_METHOD, *(m.label for m in VoteMethod))
    NUMBERS = {COL_FOR: "in_favour", COL_AGAINST: "against", COL_ABSTAIN: "abstain",
               COL_WRITTEN_FOR: "written_in_favour", COL_WRITTEN_AGAINST: "written_against"}
    sig_changed = Signal()

    def __init__(self, attendance: AttendanceModel, parent=None) -> None:
        super().__init__(parent)
        self.attendance = attendance
        self.rows: list[svc.VoteRow] = []
        self.read_only = False

    def load(self, rows: list[svc.VoteRow]) -> None:
        self.beginResetModel()
        self.rows = [svc.VoteRow(**vars(r)) for r in rows]
        self.endResetModel()

    def voters(self, v: svc.VoteRow) -> tuple[int, int]:
        if self.attendance.rows:
            return self.attendance.voters
        return (v.expected_voters or 0, v.present_voters or 0)

    def result(self, v: svc.VoteRow) -> str:
        """The result by core.votes.tally, exactly as the service will store it."""
        expected, present = self.voters(v)
        try:
            r = tally(expected, present, v.in_favour, v.against, v.abstain, v.written_in_favour)
        except ValueError as exc:
            return f"票数有误：{exc}"
        if not r.quorum:
            return "未达到法定人数，不能表决"
        return "通过" if r.passed else "未通过"

    def summary(self, v: svc.VoteRow) -> str:
        expected, present = self.voters(v)
        try:
            return tally(expected, present, v.in_favour, v.against, v.abstain, v.written_in_favour).summary
        except ValueError as exc:
            return f"票数有误：{exc}"

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        v, col = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == self.COL_KIND:
                return v.kind.label
            if col == self.COL_SUBJECT:
                return v.subject
            if col == self.COL_METHOD:
                return VoteMethod(v.method).label if v.method else self.NO_METHOD
            if col in self.NUMBERS:
                value = getattr(v, self.NUMBERS[col])
                return value if role == Qt.ItemDataRole.EditRole else str(value)
            if col == self.COL_VOTERS:
                return "%d / %d" % self.voters(v)
            return self.result(v)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_RESULT:
            return self.summary(v)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_RESULT and self.result(v) != "通过":
            return QBrush(QColor("#b00020"))
        return None

    def flags(self, index):
        base = super().flags(index)
        if index.isValid() and not self.read_only and (index.column() in (self.COL_SUBJECT, self.COL_METHOD)
                                                       or index.column() in self.NUMBERS):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole:
            return False
        v, col = self.rows[index.row()], index.column()
        if col == self.COL_SUBJECT:
            v.subject = str(value).strip()
        elif col == self.COL_METHOD:
            text = str(value).strip()
            if text not in self.METHODS:
                return False
            v.method = VoteMethod.from_label(text) if text != self.NO_METHOD else None
        elif col in self.NUMBERS:
            try:
                number = int(str(value).strip() or 0)
            except ValueError:
                return False
            if number < 0:
                return False
            setattr(v, self.NUMBERS[col], number)
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.COL_RESULT))
        self.sig_changed.emit()
        return True

    def add(self, kind: VoteKind, subject: str) -> None:
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append(svc.VoteRow(kind, subject))
        self.endInsertRows()
        self.sig_changed.emit()

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.rows[row]
        self.endRemoveRows()
        self.sig_changed.emit()

    def attendance_changed(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, self.COL_VOTERS), self.index(len(self.rows) - 1, self.COL_RESULT))


class AppraisalModel(RowsModel):
    """民主评议: one row per member on the attendance list (`rows`), with the outcome chosen."""

    COL_NAME, COL_GROUP, COL_OUTCOME, COL_NOTE = range(4)
    HEADERS = ("姓名", "党小组", "评定等次", "说明")
    sig_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[svc.AttendanceRow] = []
        self.outcomes: dict[int, svc.AppraisalRow] = {}
        self.read_only = False

    def load(self, people: list[svc.AttendanceRow], results: list[svc.AppraisalRow]) -> None:
        self.beginResetModel()
        self.rows = list(people)
        self.outcomes = {a.member_id: svc.AppraisalRow(**vars(a)) for a in results}
        self.endResetModel()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        p, col = self.rows[index.row()], index.column()
        a = self.outcomes.get(p.member_id)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return {self.COL_NAME: p.name, self.COL_GROUP: p.group,
                    self.COL_OUTCOME: a.outcome.label if a else "未评定", self.COL_NOTE: a.note if a else ""}[col]
        return None

    def flags(self, index):
        base = super().flags(index)
        if (index.isValid() and index.column() == self.COL_NOTE and not self.read_only
                and self.rows[index.row()].member_id in self.outcomes):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != self.COL_NOTE:
            return False
        a = self.outcomes.get(self.rows[index.row()].member_id)
        if a is None:
            return False
        a.note = str(value).strip()
        self.dataChanged.emit(index, index)
        self.sig_changed.emit()
        return True

    def set_outcome(self, rows: list[int], outcome: AppraisalOutcome | None) -> None:
        for i in rows:
            p = self.rows[i]
            if outcome is None:
                self.outcomes.pop(p.member_id, None)
            elif p.member_id in self.outcomes:
                self.outcomes[p.member_id].outcome = outcome
            else:
                self.outcomes[p.member_id] = svc.AppraisalRow(p.member_id, outcome, p.name)
        if rows:
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), self.COL_NOTE))
            self.sig_changed.emit()

    def results(self) -> list[svc.AppraisalRow]:
        order = {p.member_id: i for i, p in enumerate(self.rows)}
        return sorted(self.outcomes.values(), key=lambda a: order.get(a.member_id, 10**9))
