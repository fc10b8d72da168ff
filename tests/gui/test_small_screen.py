"""A 1366×768 screen at 150 % display scaling leaves 910×512 logical px: every page and editor must fit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLineEdit, QTabWidget
from sqlalchemy import select

from dangjian_desktop.db import models as m
from dangjian_desktop.gui.app import setup_application
from dangjian_desktop.gui.context import AppContext
from dangjian_desktop.gui.development_editor import StepDialog
from dangjian_desktop.gui.meeting_editor import MeetingEditorDialog
from dangjian_desktop.gui.pages import page_specs
from dangjian_desktop.services import development as dev
from dangjian_desktop.userconfig import UserConfig
from tests.conftest import TODAY

SCREEN_W, SCREEN_H = 910, 512  # 1366×768 at 150 %, in logical px
# the window's frame and title bar (and the taskbar) need a little of the screen too
MAX_W, MAX_H = 900, 500


@pytest.fixture
def small_screen(monkeypatch):
    """Screens report the free area of a 1366×768 screen at 150 % (the taskbar left out)."""
    from PySide6.QtGui import QScreen

    monkeypatch.setattr(QScreen, "availableGeometry", lambda self: QRect(0, 0, SCREEN_W, SCREEN_H - 30))


def _fits(size, what):
    assert size.width() <= MAX_W and size.height() <= MAX_H, f"{what}：{size.width()}×{size.height()}"


def _tabs_of(page):
    return [t for t in page.findChildren(QTabWidget) if t.isVisibleTo(page)]


def _every_view(window, page):
    """Yield once for each tab of `page` (and its tabs' tabs) shown in turn."""
    yield
    for tabs in _tabs_of(page):
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            QApplication.processEvents()
            yield
        tabs.setCurrentIndex(0)


@pytest.fixture
def window(make_window, demo_db):
    setup_application(QApplication.instance())  # the program's font, as on a secretary's computer
    w = make_window(demo_db)
    yield w
    w.ctx.lane.wait(10000)


def test_every_page_fits_a_1366x768_screen_at_150_percent(window):
    for spec in page_specs():
        page = window.show_page(spec.key)
        if hasattr(page, "as_of"):
            page.as_of = TODAY
        window.ctx.runner.wait(10000)
        for _ in _every_view(window, page):
            _fits(window.minimumSizeHint(), f"{spec.title}：主窗口最小尺寸")
            _fits(window.minimumSize(), f"{spec.title}：主窗口最小尺寸")
    dev_page = window.show_page("development")
    dev_page.today = TODAY
    dev_page.open_applicant(dev_page.columns[1].model.rows[0].id)  # the person view
    window.ctx.runner.wait(10000)
    for _ in _every_view(window, dev_page.person):
        _fits(window.minimumSizeHint(), "发展党员（个人）：主窗口最小尺寸")


def test_at_910x512_no_control_is_cut_off(window, qtbot):
    window.resize(SCREEN_W, SCREEN_H)
    qtbot.waitUntil(lambda: window.width() == SCREEN_W, timeout=3000)
    inside = window.rect()
    for spec in page_specs():
        page = window.show_page(spec.key)
        window.ctx.runner.wait(10000)
        for _ in _every_view(window, page):
            QApplication.processEvents()
            controls = [c for kind in (QAbstractButton, QComboBox, QLineEdit) for c in page.findChildren(kind)]
            for control in controls:
                if not control.isVisibleTo(window) or control.window() is not window:
                    continue
                if any(t.isAncestorOf(control) and not t.currentWidget().isAncestorOf(control)
                       for t in page.findChildren(QTabWidget)):
                    continue
                if any(area.isAncestorOf(control) for area in _scroll_areas(page)):
                    continue  # a tab that scrolls: reachable by scrolling
                rect = QRect(control.mapTo(window, control.rect().topLeft()), control.size())
                assert inside.contains(rect), f"{spec.title}：{control.objectName() or control.text()} 超出窗口"
                assert control.width() >= control.minimumSizeHint().width(), \
                    f"{spec.title}：{getattr(control, 'text', lambda: '')()} 被压窄"


def _scroll_areas(page):
    from PySide6.QtWidgets import QScrollArea

    return [a for a in page.findChildren(QScrollArea) if a.widget() is not None and a.widgetResizable()]


def test_the_meeting_editor_fits_for_every_kind_of_meeting(qtbot, demo_db, asker, small_screen):
    setup_application(QApplication.instance())
    ctx = AppContext(db=demo_db, config=UserConfig(), asker=asker)
    with demo_db.session() as s:
        first_of_type = {}
        for meeting_id, mtype in s.execute(select(m.Meeting.id, m.Meeting.type)).all():
            first_of_type.setdefault(mtype, meeting_id)
    assert len(first_of_type) >= 5
    for mtype, meeting_id in first_of_type.items():
        dialog = MeetingEditorDialog(ctx, meeting_id)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.loaded)
        _fits(dialog.minimumSizeHint(), f"会议记录（{mtype}）")
        _fits(dialog.minimumSize(), f"会议记录（{mtype}）")
        _fits(dialog.size(), f"会议记录（{mtype}）打开时")
        dialog.dirty = False
        dialog.close()


def test_the_step_editor_fits_for_every_step(qtbot, demo_db, asker, small_screen):
    setup_application(QApplication.instance())
    ctx = AppContext(db=demo_db, config=UserConfig(), asker=asker)
    with demo_db.session() as s:
        applicant_id = s.execute(select(m.Applicant.id)).scalars().first()
    detail = dev.applicant_detail(demo_db, applicant_id, TODAY)
    for no in range(1, 26):
        dialog = StepDialog(ctx, detail, no, today=TODAY)
        qtbot.addWidget(dialog)
        dialog.show()
        _fits(dialog.size(), f"第{no}步（读取中）")
        qtbot.waitUntil(lambda: dialog.loaded)
        _fits(dialog.minimumSizeHint(), f"第{no}步")
        _fits(dialog.minimumSize(), f"第{no}步")
        _fits(dialog.size(), f"第{no}步打开时")
        dialog.close()
