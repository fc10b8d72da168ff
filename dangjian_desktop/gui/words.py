"""How the screens name a rule: its title and where it is written, never its id (ids are for JSON)."""

from __future__ import annotations

import re

from dangjian_desktop.core import rules


def cite(rule_id: str) -> str:
    """Where a rule is written, short: 《中国共产党发展党员工作细则》第七条."""
    r = rules.rule(rule_id)
    source = re.sub(r"（\d{4}年）", "", r.source)
    return f"{source}{r.article}"


def rule_words(rule_id: str) -> str:
    """A rule as people name it, for a tooltip: 依据：一个月内谈话，《…》第九条."""
    try:
        r = rules.rule(rule_id)
    except KeyError:
        return "本程序的提醒"
    return f"依据：{r.title}，{r.citation}"


def rule_title(rule_id: str) -> str:
    """A rule's name: 一个月内谈话."""
    try:
        return rules.rule(rule_id).title
    except KeyError:
        return ""
