"""The program password covers the command line too (cli.md, Password): no command runs, and no
ID or phone number leaves the database, before the password was given."""

from __future__ import annotations

import io
import json
import os
import pty
import re
import select
import sys
import time
from pathlib import Path

import pytest

from dangjian_desktop.cli import PASSWORD_ENV, build_parser, main
from dangjian_desktop.db.engine import open_database
from dangjian_desktop.services import security

PASSWORD = "支部密码-2026"
ID_NUMBER = re.compile(r"\d{17}[\dX]")


def run(*args: str, capsys) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def locked(demo_db, monkeypatch):
    """The demo database with a password, used from a script (stdin is not a terminal)."""
    security.set_password(demo_db, PASSWORD)
    path = demo_db.path
    demo_db.close()
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    return path


def _failures(path) -> int:
    db = open_database(path)
    try:
        from dangjian_desktop.services import settings

        return (settings.get(db, security.FAILURES_KEY) or {}).get("count", 0)
    finally:
        db.close()


@pytest.mark.parametrize("command", [
    ["members", "list", "--json"],
    ["export", "roster", "--out", "{dir}/花名册.xlsx"],
    ["backup", "--out", "{dir}/全部数据.zip"],
])
def test_personal_data_does_not_leave_without_the_password(locked, workdir, capsys, monkeypatch, command):
    argv = ["--db", str(locked), *[a.format(dir=workdir) for a in command]]
    code, out, err = run(*argv, capsys=capsys)
    assert code == 1
    assert err.count("\n") == 1 and PASSWORD_ENV in err and "密码" in err
    assert not ID_NUMBER.search(out) and out == ""
    assert not (workdir / "花名册.xlsx").exists() and not (workdir / "全部数据.zip").exists()

    monkeypatch.setenv(PASSWORD_ENV, "not-the-password")
    code, out, err = run(*argv, capsys=capsys)
    assert code == 1 and "密码不对" in err and "已连续错 1 次" in err and out == ""
    assert not (workdir / "花名册.xlsx").exists() and not (workdir / "全部数据.zip").exists()

    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    code, out, err = run(*argv, capsys=capsys)
    assert code == 0, err
    if command[0] == "members":
        assert any(ID_NUMBER.fullmatch(m["id_number"] or "") for m in json.loads(out))
    else:
        assert Path(argv[-1]).stat().st_size > 0
    assert _failures(locked) == 0  # the right password clears the count, as in the window


def _every_command() -> list[list[str]]:
    """One invocation of every command the parser knows, so a new command cannot skip the password."""
    examples = {
        "init": ["init", "--branch", "又一个支部"],
        "demo": ["demo"],
        "check": ["check"],
        "export": ["export", "roster", "--out", "x.xlsx"],
        "backup": ["backup"],
        "restore": ["restore", "x.zip"],
    }
    sub_examples = {  # subcommands with required arguments
        ("calendar", "set"): ["calendar", "set", "2031-01-01", "--as", "holiday"],
        ("dues", "record"): ["dues", "record", "张三", "--month", "2026-01"],
        ("dues", "list"): ["dues", "list", "--year", "2026"],
        ("study", "record"): ["study", "record", "张三", "--date", "2026-01-05", "--kind", "online", "--hours", "1"],
        ("study", "list"): ["study", "list", "--year", "2026"],
        ("points", "add"): ["points", "add", "张三", "--date", "2026-01-05", "--points", "2", "--reason", "志愿服务"],
        ("points", "list"): ["points", "list", "--year", "2026"],
        ("members", "transfer-out"): ["members", "transfer-out", "张三", "--to", "别处", "--on", "2026-01-05"],
        ("members", "transfer-in"): ["members", "transfer-in", "--name", "王五", "--id-number", "110105199003076638",
                                     "--from", "别处", "--on", "2026-01-05"],
        ("members", "transfer-edit"): ["members", "transfer-edit", "1", "--letter-no", "7"],
        ("members", "transfer-cancel"): ["members", "transfer-cancel", "1"],
        ("study", "edit"): ["study", "edit", "1", "--hours", "2"],
    }
    found = []
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, command_parser in sub.choices.items():
        inner = [a for a in command_parser._actions if getattr(a, "choices", None) and a.dest.endswith("_command")]
        if inner:
            for sub_name in inner[0].choices:
                found.append(sub_examples.get((name, sub_name))
                             or [name, sub_name] + (["x.xlsx"] if sub_name == "import" else []))
        else:
            assert name in examples, f"add an example invocation of `{name}` here"
            found.append(examples[name])
    return found


def test_every_command_asks_for_the_password(locked, capsys):
    commands = _every_command()
    assert len(commands) >= 12
    before = locked.read_bytes()
    for command in commands:
        code, out, err = run("--db", str(locked), *command, capsys=capsys)
        assert (code, out) == (1, ""), command
        assert PASSWORD_ENV in err, (command, err)
    assert locked.read_bytes() == before  # nothing was written, not even a failure count


def test_the_growing_delay_applies_to_the_command_line(locked, capsys, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, "wrong-one")
    waits = []
    for _ in range(3):
        code, _, err = run("--db", str(locked), "check", capsys=capsys)
        assert code == 1
        waits.append(err)
    assert "秒后再试" not in waits[0] and "请 2 秒后再试" in waits[2]
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    code, _, err = run("--db", str(locked), "check", capsys=capsys)
    assert code == 1 and "密码错误次数过多" in err  # even the right one, too early
    time.sleep(2.1)
    code, _, err = run("--db", str(locked), "check", capsys=capsys)
    assert code == 0, err


def test_a_database_without_a_password_asks_nothing(demo_db, capsys, monkeypatch):
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    demo_db.close()
    code, out, _ = run("--db", str(demo_db.path), "members", "list", "--json", capsys=capsys)
    assert code == 0 and json.loads(out)


def test_restore_over_a_locked_database_needs_its_password(locked, workdir, capsys, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    code, out, err = run("--db", str(locked), "backup", "--out", str(workdir / "全部.zip"), capsys=capsys)
    assert code == 0, err
    monkeypatch.delenv(PASSWORD_ENV)
    before = locked.read_bytes()
    code, _, err = run("--db", str(locked), "restore", str(workdir / "全部.zip"), capsys=capsys)
    assert code == 1 and PASSWORD_ENV in err and locked.read_bytes() == before
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    code, _, err = run("--db", str(locked), "restore", str(workdir / "全部.zip"), capsys=capsys)
    assert code == 0, err


def _read_until(fd: int, pattern: str, timeout: float = 60.0) -> str:
    seen = b""
    end = time.monotonic() + timeout
    while pattern.encode() not in seen and time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    return seen.decode("utf-8", "replace")


def _spawn(args: list[str], env: dict) -> tuple[int, int]:
    pid, fd = pty.fork()
    if pid == 0:  # the child: a terminal of its own, as when a secretary types the command
        os.execve(sys.executable, [sys.executable, "-m", "dangjian_desktop.cli", *args], env)
    return pid, fd


def _finish(pid: int, fd: int) -> tuple[int, str]:
    rest = _read_until(fd, "\x00", timeout=60)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), rest


@pytest.mark.skipif(os.name != "posix", reason="a pseudo-terminal is a Unix thing")
def test_on_a_terminal_the_password_is_asked_without_echo(demo_db):
    security.set_password(demo_db, PASSWORD)
    demo_db.close()
    env = {k: v for k, v in os.environ.items() if k != PASSWORD_ENV}
    env["PYTHONIOENCODING"] = "utf-8"
    pid, fd = _spawn(["--db", str(demo_db.path), "members", "list"], env)
    prompt = _read_until(fd, "请输入密码")
    assert "请输入密码" in prompt
    os.write(fd, b"typo-typo\n")
    again = _read_until(fd, "请输入密码")
    assert "密码不对" in again and "typo-typo" not in again  # a second chance, and no echo
    os.write(fd, PASSWORD.encode() + b"\n")
    code, rest = _finish(pid, fd)
    assert code == 0, rest
    assert PASSWORD not in prompt + again + rest
    assert "在册党员" in rest


@pytest.mark.skipif(os.name != "posix", reason="a pseudo-terminal is a Unix thing")
def test_on_a_terminal_three_wrong_passwords_end_the_command(demo_db):
    security.set_password(demo_db, PASSWORD)
    demo_db.close()
    env = {k: v for k, v in os.environ.items() if k != PASSWORD_ENV}
    env["PYTHONIOENCODING"] = "utf-8"
    pid, fd = _spawn(["--db", str(demo_db.path), "members", "list", "--json"], env)
    for _ in range(3):
        assert "请输入密码" in _read_until(fd, "请输入密码")
        os.write(fd, b"wrong-wrong\n")
    code, rest = _finish(pid, fd)
    assert code == 1 and "已连续错 3 次" in rest and "请 2 秒后再试" in rest
    assert not ID_NUMBER.search(rest)
