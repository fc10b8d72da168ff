"""psycopg is optional (the `server` extra): without it, a shared database is refused in words."""

from __future__ import annotations

import sys

import pytest

from dangjian_desktop.cli import main as cli_main
from dangjian_desktop.db.engine import open_database
from dangjian_desktop.errors import DatabaseError

URL = "postgresql+psycopg://书记:口令@127.0.0.1:9/党委"


def test_a_shared_database_without_the_driver_says_what_to_install(monkeypatch, capsys, tmp_path):
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if it were not installed
    with pytest.raises(DatabaseError, match=r"psycopg.*dangjian-desktop\[server\]"):
        open_database(URL)
    assert cli_main(["--db", URL, "check"]) == 1
    err = capsys.readouterr().err
    assert "没有安装连接共享数据库" in err and "Traceback" not in err
    # a database in a file needs nothing of it
    db = open_database(tmp_path / "本机.db", create=True)
    db.close()
