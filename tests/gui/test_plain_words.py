"""No codes on screen: no visible text of any page or editor, and no line of `check`, shows a rule id
("DEV-ORDER") or an English name of the program's vocabulary ("committee", "branch_congress")."""

from __future__ import annotations

import re
from enum import Enum

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from dangjian_desktop.core import glossary, rules
from dangjian_desktop.core.meetings import PeriodState
from tests.conftest import TODAY
from tests.gui.conftest import wait_idle

RULE_IDS = {r.id for c in rules.CATALOGS.values() for r in c.rules}
# the English values of every labelled vocabulary (MeetingType, MemberStatus, Severity, ...)
ENUM_VALUES = {m.value for cls in vars(glossary).values()
               if isinstance(cls, type) and issubclass(cls, glossary.Labelled) and cls is not glossary.Labelled
               for m in cls} | {s.value for s in PeriodState}
RULE_ID = re.compile(r"\b[A-Z]{3,}(?:-[A-Z0-9]+)+\b")
PATH = re.compile(r"(?:[A-Za-z]:)?[\\/][^\s，。；：）]*")  # a folder or file the program names (not vocabulary)


def codes_in(text: str) -> list[str]:
    """The rule ids and English vocabulary words a text shows."""
    text = PATH.sub(" ", text or "")
    found = [m.group(0) for m in RULE_ID.finditer(text)]
    found += [w for w in re.findall(r"[A-Za-z_]+", text) if w in ENUM_VALUES or w.upper() in RULE_IDS]
    return found


def test_the_checker_itself_finds_codes():
    assert codes_in("committee 2025-03") == ["committee"]
    assert codes_in("步骤顺序（DEV-ORDER“步骤顺序”）") == ["DEV-ORDER"]
    assert codes_in("[已逾期] MEET-CONGRESS-Q branch_congress 2026-Q4") == ["MEET-CONGRESS-Q", "branch_congress"]
    assert codes_in("数据库：/tmp/full/委员会.db") == []
    assert codes_in("2025年3月 支部委员会会议") == []


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text a person can see in `root`: labels, buttons, fields, lists, tables."""
    out: list[tuple[str, str]] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root):
            continue
        name = type(w).__name__
        if isinstance(w, (QLabel, QAbstractButton)):
            out.append((name, w.text()))
        elif isinstance(w, QLineEdit):
            out += [(name, w.text()), (name, w.placeholderText())]
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            out.append((name, w.toPlainText()))
        elif isinstance(w, QComboBox):
            out += [(name, w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QGroupBox):
            out.append((name, w.title()))
        elif isinstance(w, QTabBar):
            out += [(name, w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            cols = _count(model.columnCount)
            out += [(name, str(model.headerData(c, Qt.Orientation.Horizontal) or "")) for c in range(cols)]
            for r in range(min(_count(model.rowCount), 200)):
                for c in range(cols):
                    value = model.data(model.index(r, c), Qt.ItemDataRole.DisplayRole)
                    if value is not None and not isinstance(value, Enum):
                        out.append((f"{name}[{r},{c}]", str(value)))
    return out


def _count(method) -> int:
    """rowCount/columnCount of any model (Qt's own list models want the parent, others refuse it)."""
    for args in ((), (QModelIndex(),)):
        try:
            return method(*args)
        except TypeError:
            pass
    return 1  # a list model: one column


def codes_on(root: QWidget) -> list[tuple[str, str]]:
    return [(where, text) for where, text in visible_texts(root) if codes_in(text)]


def test_no_page_or_tab_shows_a_code(qtbot, make_window, demo_db, settle):
    window = make_window(demo_db)
    seen = []
    for i in range(window.nav.count()):
        window.nav.setCurrentRow(i)
        settle()
        page = window.stack.currentWidget()
        if hasattr(page, "as_of"):  # 首页 judges as of the demo's day
            page.as_of = TODAY
            page.refresh()
            settle()
        tabs = [t for t in page.findChildren(QTabBar) if t.isVisibleTo(window)]
        for bar in tabs or [None]:
            for t in range(bar.count() if bar else 1):
                if bar:
                    bar.setCurrentIndex(t)
                    settle()
                seen += [(window.nav.item(i).text(), *found) for found in codes_on(window)]
    assert window.page("home").model.rowCount() > 0  # the demo has reminders, so 首页's table was read
    assert seen == []


def test_no_editor_shows_a_code(qtbot, make_window, demo_db, settle):
    window = make_window(demo_db)
    seen = []
    members = window.show_page("members")
    settle()
    members.view.selectRow(0)
    from dangjian_desktop.gui.member_editor import MemberEditorDialog

    dialog = MemberEditorDialog(members.ctx, members.ctx.branch_id, members.selected()[0], members, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    settle()
    seen += codes_on(dialog)
    dialog.reject()

    meetings = window.show_page("meetings")
    settle()
    editor = meetings.open_meeting(meetings.records.model.rows[0].id)
    settle()
    seen += codes_on(editor)
    editor.dirty = False
    editor.close()

    development = window.show_page("development")
    settle()
    development.open_ref(("applicant", 4))
    settle()
    seen += codes_on(development)
    from dangjian_desktop.gui.development_editor import ApplicantDialog, StepDialog

    detail = development.person.detail
    for no in (9, 15, 23):  # people, a vote, a probation decision
        step = StepDialog(development.ctx, detail, no, development, today=TODAY)
        qtbot.addWidget(step)
        step.show()
        qtbot.waitUntil(lambda: step.loaded)
        seen += [(f"第{no}步", *found) for found in codes_on(step)]
        step.done(0)
    particulars = ApplicantDialog(development.ctx, detail.branch_id, development, today=TODAY, existing=detail)
    qtbot.addWidget(particulars)
    particulars.show()
    settle()
    seen += codes_on(particulars)
    particulars.done(0)
    assert seen == []


def test_the_startup_reminder_shows_no_code_and_every_line(qtbot, make_window, demo_db, settle):
    from dangjian_desktop.gui.pages.home_page import StartupReminder
    from dangjian_desktop.services.check import run_check

    overdue = [f for f in run_check(demo_db, as_of=TODAY) if f.severity.rank <= 1]
    assert len(overdue) > 3
    dialog = StartupReminder(overdue, None)
    qtbot.addWidget(dialog)
    dialog.resize(600, 300)  # smaller than its lines need: they scroll
    dialog.show()
    wait_idle()
    assert codes_on(dialog) == []
    shown = dialog.body.text()
    assert all(f.heading in shown for f in overdue)  # every line is there, not the first eight
    assert dialog.scroll.verticalScrollBar().maximum() > 0
    QApplication.processEvents()


def test_check_prints_no_code(demo_db, capsys):
    from dangjian_desktop import cli

    code = cli.main(["--db", str(demo_db.path), "check", "--as-of", TODAY.isoformat()])
    out = capsys.readouterr().out
    assert code == 0 and len(out.splitlines()) > 5
    assert [line for line in out.splitlines() if codes_in(line)] == []
    assert "年第" in out or "月 " in out  # meeting periods in words: 2025年3月 支部委员会会议
