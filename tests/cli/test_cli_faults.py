"""A fault of the program inside a command: one Chinese line on stderr naming the log, never a traceback."""

from __future__ import annotations

import logging
import logging.handlers
import re

from dangjian_desktop import logs

ENGLISH = re.compile(r"[A-Za-z]{4,}")
PERSONAL = "身份证号 110101199003071234，电话 13812345678"


def _remove_file_logs() -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            root.removeHandler(handler)
            handler.close()


def test_the_command_line_says_one_line_and_logs_the_traceback(db, workdir, monkeypatch, capsys):
    """A fault inside a command: one Chinese line on stderr naming the log, exit code 1, no traceback."""
    import dangjian_desktop.services.members as members
    from dangjian_desktop.cli import main
    from dangjian_desktop.services.branches import create_branch

    create_branch(db, "测试支部")

    def broken(*_args, **_kwargs):
        raise AttributeError(f"'NoneType' object has no attribute 'name'（{PERSONAL}）")

    monkeypatch.setattr(members, "list_members", broken)
    try:
        code = main(["--db", str(db.path), "members", "list"])
        out, err = capsys.readouterr()
        log = workdir / "数据" / logs.LOG_NAME
        assert code == 1 and out == ""
        assert err.count("\n") == 1 and "Traceback" not in err and "NoneType" not in err
        assert err.startswith("程序出错了。") and str(log) in err
        logged = log.read_text(encoding="utf-8")
        assert "Traceback" in logged and "AttributeError" in logged
        assert "110101199003071234" not in logged and "13812345678" not in logged
    finally:
        _remove_file_logs()


def test_the_command_line_names_an_unwritable_file_in_chinese(db, workdir, capsys):
    from dangjian_desktop.cli import main
    from dangjian_desktop.services.branches import create_branch

    create_branch(db, "测试支部")
    blocker = workdir / "导出"
    blocker.write_text("一个文件，不是文件夹", encoding="utf-8")
    out = blocker / "花名册.xlsx"
    code = main(["--db", str(db.path), "export", "roster", "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("无法读写文件") and not ENGLISH.search(err.replace(str(workdir), ""))
