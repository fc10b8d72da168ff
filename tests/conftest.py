"""Shared fixtures: every test runs in a temporary folder whose name has Chinese characters."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dangjian_desktop.db.engine import Database, open_database  # noqa: E402

TODAY = date(2026, 11, 23)  # the demo's fixed "today", so tests do not drift with the calendar


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch) -> Path:
    """A folder named like a secretary's (中文 and a space), used as data and config folder."""
    folder = tmp_path / "党支部 资料"
    folder.mkdir()
    monkeypatch.setenv("DANGJIAN_DATA_DIR", str(folder / "数据"))
    monkeypatch.setenv("DANGJIAN_CONFIG_DIR", str(folder / "配置"))
    return folder


@pytest.fixture
def db(workdir: Path) -> Database:
    """A new, empty database at the current schema."""
    database = open_database(workdir / "测试.db", create=True)
    yield database
    database.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """A demo database (seed 1, one branch, 3 years) made once per session; copy it to change it."""
    from dangjian_desktop.services.demo import make_demo

    path = tmp_path_factory.mktemp("演示") / "demo.db"
    database = open_database(path, create=True)
    make_demo(database, seed=1, today=TODAY)
    database.close()
    return path


@pytest.fixture
def demo_db(demo_template: Path, workdir: Path) -> Database:
    """A private copy of the demo database."""
    from dangjian_desktop.db.engine import backup_sqlite

    path = backup_sqlite(demo_template, workdir / "演示.db")
    database = open_database(path)
    yield database
    database.close()


@pytest.fixture(autouse=True)
def _cycles_collected_between_tests():
    """Once a window's lane exists, the program collects reference cycles only on its GUI thread's
    timer (gui/gcguard.py). Tests that spin no event loop would never let that timer run: collect
    here, between tests, on the same thread and with the same thresholds."""
    yield
    import gc
    import sys

    guard = sys.modules.get("dangjian_desktop.gui.gcguard")
    if guard is not None and not gc.isenabled():
        guard.collect_if_due()
        # the next test starts as the program does: collection is automatic until a lane is made (the
        # command line never makes one); a test that makes a window turns it off again
        gc.enable()
