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
def _stroke_table() -> dict[str, tuple[str, int]]:
    """Each character's place in 笔画 order (stroke count, then the strokes 横竖撇点折 in writing order;
    the code point breaks the last ties, so 人 and 入 never share a place) and its stroke count.

    resources/strokes/stroke_order.tsv: 20,897 basic CJK characters, made by
    tools/make_stroke_data.py from cn-sort (MIT) and Unicode's Unihan (Unicode License); see the
    README.md beside it. The places are those the earlier data gave, so stored keys stay valid.
    """
    data = resources.files("dangjian_desktop.resources").joinpath("strokes/stroke_order.tsv")
    text = data.read_text(encoding="utf-8")
    table: dict[str, tuple[str, int]] = {}
    for line in text.splitlines():
        place, ch, count = line.split("\t")
        if place.isdigit():
            table[ch] = (place.zfill(_RANK_WIDTH), int(count))
    return table


@lru_cache(maxsize=1)
def _stroke_ranks() -> dict[str, str]:
    """Each character's place in 笔画 order, as a fixed-width key."""
    return {ch: place for ch, (place, _) in _stroke_table().items()}


def stroke_count(ch: str) -> int | None:
    """The number of strokes of one character (simplified form), or None if not known."""
    entry = _stroke_table().get(ch)
    return entry[1] if entry else None


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
