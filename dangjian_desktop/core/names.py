"""Names: pinyin for type-ahead search and the keys official lists are ordered by."""

from __future__ import annotations

from dataclasses import dataclass

from pypinyin import Style, lazy_pinyin


@dataclass(frozen=True)
class NameKeys:
    pinyin: str  # "zhangsan"
    initials: str  # "zs"
    strokes: str  # sortable key for 按姓氏笔画 order


def name_keys(name: str) -> NameKeys:
    """Search and ordering keys for a Chinese name."""
    name = (name or "").strip()
    syllables = lazy_pinyin(name, errors="ignore")
    pinyin = "".join(syllables).lower()
    initials = "".join(s[0] for s in syllables if s).lower()
    return NameKeys(pinyin, initials, stroke_key(name))


def stroke_key(name: str) -> str:
    """Key for 按姓氏笔画 order; completed by the members work (see tests/core/test_names.py)."""
    return ""
