"""The note a window or a command leaves when it closes its database cleanly (db.filecheck.closed_cleanly):
the next open may skip the quick_check only for the very file left, with no WAL beside it."""

from __future__ import annotations

import os
import shutil
import sqlite3

from dangjian_desktop.db.engine import READ, WINDOW, WRITE, open_database
from dangjian_desktop.db.filecheck import CLEAN_MARK, closed_cleanly


def _window_closes(path):
    open_database(path, access=WINDOW).close()
    return path.parent / f"{path.stem}-文件" / CLEAN_MARK


def _note(path):
    return path.parent / f"{path.stem}-文件" / CLEAN_MARK


def test_a_window_that_closes_cleanly_leaves_a_note_used_once(demo_db):
    path = demo_db.path
    demo_db.close()
    assert not closed_cleanly(path)  # the command that made it left no folder of files: no note
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


def test_a_command_skips_the_check_after_a_clean_close_and_leaves_the_note_after_its_own(demo_db, monkeypatch):
    """`dangjian` commands, like the window, skip the quick_check (a second on a 党委's file) when the
    file is just as a clean close left it, and leave the note again when they close cleanly, alone:
    their own writes then are in the file, as a window's are."""
    from dangjian_desktop.db import engine

    path = demo_db.path
    demo_db.close()
    _window_closes(path)
    quick = []
    real = engine.check_file
    monkeypatch.setattr(engine, "check_file", lambda *a, **k: quick.append(k.get("quick", True)) or real(*a, **k))
    db = open_database(path, access=WRITE)
    assert quick == [False] and not _note(path).exists()  # used up while the command runs
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE members SET notes = notes || '。' WHERE id = (SELECT min(id) FROM members)")
    db.close()
    assert _note(path).exists()
    open_database(path, access=READ).close()
    assert quick == [False, False] and _note(path).exists()

    killed = open_database(path, access=WRITE)  # a command that dies: it never closes
    assert not _note(path).exists()
    killed.engine.dispose()
    killed._keeper.close()
    killed.lock.release()
    open_database(path, access=READ).close()
    assert quick == [False, False, False, True]  # checked, since nothing noted a clean close


def test_a_command_beside_another_leaves_no_note(demo_db):
    """Two commands at once (both may write): the one that leaves first cannot know what the other
    is doing, so it notes nothing; the last to leave, alone then, notes the close (its own open ran
    the check, since the first had used the note up)."""
    path = demo_db.path
    demo_db.close()
    _window_closes(path)
    first = open_database(path, access=WRITE)
    second = open_database(path, access=WRITE)
    first.close()
    assert not _note(path).exists()
    second.close()
    assert _note(path).exists()  # it was alone as it left and its own check passed at open
    assert closed_cleanly(path)


def test_a_write_a_truncation_or_a_wal_since_the_close_means_check_again(demo_db):
    path = demo_db.path
    demo_db.close()
    _window_closes(path)
    other = sqlite3.connect(path)  # another program writes to the file
    other.execute("UPDATE members SET notes = notes || '。' WHERE id = (SELECT min(id) FROM members)")
    other.commit()
    other.close()
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
