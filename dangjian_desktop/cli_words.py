"""argparse's own messages in Chinese.

argparse asks gettext for every message it prints (`argparse._`, `argparse.ngettext`); with no
Chinese catalogue on the machine the answer was English ("invalid choice", "the following arguments
are required", "usage:"). `install()` answers those questions for argparse alone, so a secretary who
mistypes a command reads what is wrong in Chinese. A message not in the table stays as argparse has it.
"""

from __future__ import annotations

import argparse
import re

WORDS: dict[str, str] = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "subcommands": "子命令",
    "show this help message and exit": "显示这段帮助后退出",
    "show program's version number and exit": "显示版本号后退出",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "“%(value)s”不是可选的值（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "“%(value)s”不是有效的%(type)s",
    "the following arguments are required: %s": "缺少必须给出的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "expected one argument": "后面要跟一个值",
    "expected at most one argument": "后面最多跟一个值",
    "expected at least one argument": "后面至少要跟一个值",
    "expected %s argument": "后面要跟 %s 个值",
    "expected %s arguments": "后面要跟 %s 个值",
    "not allowed with argument %s": "不能与 %s 同时使用",
    "one of the arguments %s is required": "%s 中必须给出一个",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是 %(matches)s",
    "ignored explicit argument %r": "多余的值 %r",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "没有子命令“%(parser_name)s”（可选：%(choices)s）",
    "unexpected option string: %s": "不应出现的选项：%s",
    "%(prog)s: error: %(message)s\n": "%(prog)s：用法错误：%(message)s\n",
}

# the type of a value, as argparse names it from the converting function
TYPES: dict[str, str] = {"int": "整数", "float": "数字", "_date": "日期", "_month": "月份", "Path": "路径"}
_TYPE = re.compile(r"不是有效的(\w+)$")


def _(text: str) -> str:
    return WORDS.get(text, text)


def ngettext(singular: str, plural: str, n: int) -> str:
    text = singular if n == 1 else plural
    return WORDS.get(text, text)


def install() -> None:
    """From now on argparse speaks Chinese (idempotent)."""
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


def tidy(message: str) -> str:
    """What argparse composed, in our words: a type's English name becomes its Chinese one, and the
    quotes repr() put around each choice go."""
    message = _TYPE.sub(lambda found: "不是" + TYPES.get(found.group(1), "有效的值"), message)
    return message.replace("'", "")
