"""No ID number, phone number or password in an error message, a traceback or the log, even when
the database fails in the middle of an import (a full disk forced with SQLite's max_page_count)."""

from __future__ import annotations

import logging
import re
import traceback
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event, insert

from dangjian_desktop import logs
from dangjian_desktop.cli import main
from dangjian_desktop.db import engine as engine_module
from dangjian_desktop.db import models as m
from dangjian_desktop.errors import DatabaseError
from dangjian_desktop.services.branches import create_branch
from dangjian_desktop.services.members import import_roster, member_count
from tests.roster_files import id_for, messy_roster

ID_OR_PHONE = re.compile(r"(?<!\d)(\d{17}[\dXx]|1[3-9]\d{9})(?!\d)")


def big_roster(path: Path, people: int = 300) -> tuple[Path, list[str]]:
    """A 花名册 of `people` members (the messy layout secretaries keep) and its ID numbers."""
    extra = [(f"测试{i:03d}号", "男" if i % 2 else "女", date(1940 + i % 40, 1 + i % 12, 1 + i % 28),
              "2001.7", "2002.7", "第一党小组") for i in range(people)]
    messy_roster(path, people=[], extra_rows=extra)
    numbers = [id_for(born, sex == "男", seq=i) for i, (_, sex, born, *_rest) in enumerate(extra, start=1)]
    return path, numbers


def _fill_the_disk(engine) -> None:
    """From now on the database may not grow by a single page: SQLite answers SQLITE_FULL
    ("database or disk is full"), as it does when the disk is full."""

    @event.listens_for(engine, "connect")
    def limit(dbapi_connection, _record):
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    engine.dispose()  # connections made before keep no limit


@pytest.fixture
def log_file(workdir):
    """The GUI's log set up as at start, in a folder of the test's own; removed afterwards."""
    handler = logs.setup_file_log(workdir / "日志")
    yield Path(handler.baseFilename)
    logging.getLogger().removeHandler(handler)
    handler.close()


def test_a_full_disk_during_a_roster_import_says_so_and_names_no_one(db, workdir, log_file):
    branch = create_branch(db, "测试第一党支部", groups=["第一党小组"])
    roster, numbers = big_roster(workdir / "花名册.xlsx")
    _fill_the_disk(db.engine)
    with pytest.raises(DatabaseError) as caught:
        import_roster(db, branch.id, roster)
    message = str(caught.value)
    assert "磁盘已满" in message and "没有保存" in message
    full_traceback = "".join(traceback.format_exception(caught.value))
    assert "database or disk is full" in full_traceback  # the cause is kept, for support
    assert member_count(db, branch.id) == 0  # all or nothing
    for text in (message, full_traceback, log_file.read_text(encoding="utf-8")):
        assert not ID_OR_PHONE.search(text), text
        assert not any(n in text for n in numbers)
    assert "a write was refused by the database" in log_file.read_text(encoding="utf-8")


def test_a_full_disk_during_a_command_line_import_is_one_line_without_numbers(demo_db, workdir, capsys, monkeypatch):
    roster, numbers = big_roster(workdir / "花名册.xlsx")
    sqlite_engine = engine_module.sqlite_engine

    def full_disk_engine(path, **kwargs):
        made = sqlite_engine(path, **kwargs)
        _fill_the_disk(made)
        return made

    path = demo_db.path
    demo_db.close()
    monkeypatch.setattr(engine_module, "sqlite_engine", full_disk_engine)
    code = main(["--db", str(path), "members", "import", str(roster)])
    out, err = capsys.readouterr()
    assert code == 1
    assert err.strip().count("\n") == 0 and "磁盘已满" in err
    assert not ID_OR_PHONE.search(out + err)


def test_an_error_of_the_database_carries_the_statement_but_not_its_values(db):
    """hide_parameters: SQLAlchemy would print every bound value (a batch of members) in the error."""
    branch = create_branch(db, "测试第一党支部")
    number = id_for(date(1970, 3, 5), True)
    row = {"branch_id": branch.id, "name": "张三", "id_number": number, "phone": "13912345678", "version": 1,
           "status": "full", "name_sort_key": "x", "name_pinyin": "zhangsan", "name_initials": "zs"}
    with db.transaction() as s:
        s.execute(insert(m.Member.__table__), [row])
    with pytest.raises(Exception) as caught:
        with db.transaction() as s:
            s.execute(insert(m.Member.__table__), [row])  # the same ID number again
    text = "".join(traceback.format_exception(caught.value))
    assert "INSERT INTO members" in text and "parameters hidden" in text
    assert number not in text and "13912345678" not in text


def test_a_traceback_in_the_log_keeps_its_shape_but_loses_the_numbers(log_file):
    def parse(value):
        raise ValueError(f"身份证号“{value}”无法识别，电话 13812345678，连接 postgresql+psycopg://u:pw-123@h/db")

    try:
        parse("110101199003071234")
    except ValueError:
        logging.getLogger("dangjian_desktop.test").exception("import failed for %s", "110101199003071234")
    text = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "in parse" in text and "ValueError" in text
    assert "110101199003071234" not in text and "13812345678" not in text and "pw-123" not in text
    assert "import failed for ***" in text and "u:***@h" in text


def test_a_password_typed_into_the_program_never_reaches_the_log(db, log_file):
    from dangjian_desktop.services import security

    security.set_password(db, "my-Secret-9")
    security.check_password(db, "my-Secret-8")  # a typo is nearly the password: kept out too
    logging.getLogger("dangjian_desktop.test").warning("user typed my-Secret-9 then my-Secret-8")
    text = log_file.read_text(encoding="utf-8")
    assert "my-Secret" not in text and "user typed *** then ***" in text


def test_every_engine_the_program_makes_hides_parameters():
    import ast

    package = Path(__file__).resolve().parents[2] / "dangjian_desktop"
    calls = []
    for source in package.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "create_engine":
                hidden = any(k.arg == "hide_parameters" and getattr(k.value, "value", None) is True
                             for k in node.keywords)
                calls.append((source.name, node.lineno, hidden))
    assert calls and all(hidden for *_, hidden in calls), calls


def test_a_log_an_older_version_wrote_is_redacted_once_and_made_owner_only(workdir):
    import os
    import stat

    folder = workdir / "旧日志"
    folder.mkdir()
    old = folder / logs.LOG_NAME
    old.write_text("2025-01-01 ERROR job failed: Traceback ...\n"
                   "[parameters: ('110101199003071234', '13812345678', '张三')]\n", encoding="utf-8")
    os.chmod(old, 0o644)
    handler = logs.setup_file_log(folder)
    try:
        logging.getLogger("dangjian_desktop.test").info("started again")
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    text = old.read_text(encoding="utf-8")
    assert text.splitlines()[0] == logs.HEADER
    assert "110101199003071234" not in text and "13812345678" not in text
    assert "张三" in text and "job failed" in text and "started again" in text
    if os.name == "posix":
        assert stat.S_IMODE(old.stat().st_mode) == 0o600
    assert not logs.scrub_old_log(old)  # once is enough: the header says so


def test_the_log_rotates_and_every_file_is_the_owners(workdir, monkeypatch):
    import os
    import stat

    monkeypatch.setattr(logs, "LOG_BYTES", 4000)
    folder = workdir / "日志"
    handler = logs.setup_file_log(folder)
    try:
        for i in range(200):
            logging.getLogger("dangjian_desktop.test").info("line %d of a long day, 电话 13812345678", i)
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    files = sorted(folder.iterdir())
    assert [p.name for p in files] == [logs.LOG_NAME, f"{logs.LOG_NAME}.1", f"{logs.LOG_NAME}.2"]
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert text.startswith(logs.HEADER) and "13812345678" not in text and "电话 ***" in text
        if os.name == "posix":
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
