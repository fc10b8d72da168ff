"""argparse's own messages reach a secretary in Chinese: a mistyped command says what is wrong, where,
in one line, with no English from the parser (argparse asks gettext; cli_words answers)."""

from __future__ import annotations

import pytest

from dangjian_desktop.cli import main

ENGLISH = ("invalid", "required", "argument", "usage", "unrecognized", "expected", "choose from", "error", "value")


@pytest.mark.parametrize(("argv", "said"), [
    (["frob"], "参数 COMMAND：“frob”不是可选的值（可选：init, demo,"),
    (["meetings", "list", "--type", "foo"], "参数 --type：“foo”不是可选的值（可选：branch_congress,"),
    (["dues", "record"], "缺少必须给出的参数：MEMBER, --month"),
    (["demo", "--seed", "x"], "参数 --seed：“x”不是整数"),
    (["members", "list", "--bogus"], "无法识别的参数：--bogus"),
    (["check", "--as-of"], "参数 --as-of：后面要跟一个值"),
])
def test_usage_errors_are_chinese(argv, said, capsys, workdir):
    with pytest.raises(SystemExit) as ended:
        main(["--db", str(workdir / "x.db"), *argv])
    assert ended.value.code == 2
    err = capsys.readouterr().err
    last = err.strip().splitlines()[-1]
    assert "用法错误：" in last and said in last
    assert err.startswith("用法：dangjian")
    assert not [w for w in ENGLISH if w in err.lower()], err


def test_help_is_chinese(capsys):
    with pytest.raises(SystemExit):
        main(["dues", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("用法：dangjian dues") and "\n选项:\n" in out
    assert "显示这段帮助后退出" in out and "show this help" not in out
