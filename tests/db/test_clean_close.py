"""The note a window leaves when it closes its database cleanly (db.filecheck.closed_cleanly): the
next start may skip the quick_check only for the very file the window left, with no WAL beside it."""

from __future__ import annotations

import os
import shutil
import sqlite3

from dangjian_desktop.db.engine import READ, WINDOW, WRITE, open_database
from dangjian_desktop.db.filecheck import CLEAN_MARK, closed_cleanly


def _window_closes(path):
    open_database(path, access=WINDOW).close()
    return path.parent / f"{path.stem}-文件" / CLEAN_MARK


def test_a_window_that_closes_cleanly_leaves_a_note_used_once(demo_db):
    path = demo_db.path
    demo_db.close()
    assert not closed_cleanly(path)  # a command closed it: no note
    mark = _window_closes(path)
    assert mark.exists() and (os.stat(mark).st_mode & 0o077) == 0
    assert closed_cleanly(path)
    assert not mark.exists() and not closed_cleanly(path)  # used up: a window that dies leaves none


def test_commands_that_only_read_leave_the_note_valid(demo_db):
    path = demo_db.path
    demo_db.close()
    _window_closes(path)
    open_database(path, access=READ).close()
    assert closed_cleanly(path)


def test_a_write_a_truncation_or_a_wal_since_the_close_means_check_again(demo_db):
    path = demo_db.path
    demo_db.close()
    _window_closes(path)
    db = open_database(path, access=WRITE)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE members SET notes = notes || '。' WHERE id = (SELECT min(id) FROM members)")
    db.close()
    assert not closed_cleanly(path)

    _window_closes(path)
    with open(path, "r+b") as fh:
        fh.truncate(path.stat().st_size - 4096)
    assert not closed_cleanly(path)

    good = path.with_name("好的.db")
    open_database(good, create=True).close()
    shutil.copy2(good, path)
    _window_closes(path)
    shutil.copy2(path, good)  # the same bytes, size and time, but another file put in its place
    os.replace(good, path)
    assert not closed_cleanly(path)


def test_a_window_killed_with_its_wal_left_is_checked(demo_db):
    path = demo_db.path
    demo_db.close()
    _window_closes(path)
    keeper = sqlite3.connect(path)  # a WAL beside the file, as a killed window leaves it
    keeper.execute("PRAGMA journal_mode=WAL")
    keeper.execute("CREATE TABLE scratch(x)")
    assert os.path.exists(f"{path}-wal")
    try:
        assert not closed_cleanly(path)
    finally:
        keeper.close()
