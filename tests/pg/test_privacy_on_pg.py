"""Privacy on a shared PostgreSQL database: the server password is never printed, the program
password covers the CLI there too, and a server lost in the middle of an import names no one."""

from __future__ import annotations

import logging
import re
import sys
import traceback
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.engine import make_url

from dangjian_desktop import logs
from dangjian_desktop.cli import PASSWORD_ENV, main
from dangjian_desktop.errors import DatabaseError
from dangjian_desktop.services import security
from dangjian_desktop.services.branches import create_branch
from dangjian_desktop.services.members import import_roster, member_count
from tests.safety.test_personal_data_leaks import ID_OR_PHONE, big_roster

SERVER_PASSWORD = "Srv-Pass-7731"


def _with_password(url: str) -> str:
    # the test cluster trusts loopback connections: any password is accepted, and must never be shown
    return make_url(url).set(password=SERVER_PASSWORD).render_as_string(hide_password=False)


def run(*args: str, capsys) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_init_and_demo_never_print_the_server_password(pg_server, pg_url, capsys):
    url = _with_password(pg_url)
    assert SERVER_PASSWORD in url
    code, out, err = run("--db", url, "init", "--branch", "测试支部", capsys=capsys)
    assert code == 0, err
    assert SERVER_PASSWORD not in out + err and "***" in out
    other = pg_server.create_database()
    try:
        code, out, err = run("--db", _with_password(pg_server.url(other)), "demo", "--as-of", "2026-11-23",
                             capsys=capsys)
        assert code == 0, err
        assert SERVER_PASSWORD not in out + err and "***" in out
    finally:
        pg_server.drop_database(other)


def test_the_program_password_covers_the_cli_on_a_server(demo_db, capsys, monkeypatch):
    import io

    security.set_password(demo_db, "支部密码-2026")
    url = _with_password(demo_db.engine.url.render_as_string(hide_password=False))
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, out, err = run("--db", url, "members", "list", "--json", capsys=capsys)
    assert (code, out) == (1, "") and PASSWORD_ENV in err and SERVER_PASSWORD not in err
    monkeypatch.setenv(PASSWORD_ENV, "支部密码-2026")
    code, out, err = run("--db", url, "members", "list", "--json", capsys=capsys)
    assert code == 0 and re.search(r"\d{17}[\dX]", out)


def test_a_server_lost_during_a_roster_import_names_no_one(pg_server, db, workdir):
    import psycopg

    handler = logs.setup_file_log(workdir / "日志")
    try:
        branch = create_branch(db, "测试第一党支部", groups=["第一党小组"])
        roster, numbers = big_roster(workdir / "花名册.xlsx", people=200)

        @event.listens_for(db.engine, "before_cursor_execute")
        def lose_the_server(conn, cursor, statement, parameters, context, executemany):
            if statement.lstrip().upper().startswith("INSERT INTO MEMBERS"):
                pid = conn.connection.dbapi_connection.info.backend_pid
                with psycopg.connect(host="127.0.0.1", port=pg_server.port, user="dangjian", dbname="postgres",
                                     autocommit=True) as admin:
                    admin.execute("SELECT pg_terminate_backend(%s)", (pid,))

        with pytest.raises(DatabaseError) as caught:
            import_roster(db, branch.id, roster)
        event.remove(db.engine, "before_cursor_execute", lose_the_server)
        message = str(caught.value)
        assert "连接中断" in message and "没有保存" in message
        full = "".join(traceback.format_exception(caught.value))
        log_text = Path(handler.baseFilename).read_text(encoding="utf-8")
        for text in (message, full, log_text):
            assert not ID_OR_PHONE.search(text) and not any(n in text for n in numbers)
        assert "INSERT INTO members" in full  # the statement is kept for support, its values are not
        assert member_count(db, branch.id) == 0
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
