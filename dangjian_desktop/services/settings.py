"""Settings kept in the database, above all the branch's local variants of the rules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from dangjian_desktop.core import rules, workdays
from dangjian_desktop.db.engine import Database
from dangjian_desktop.db.models import Setting
from dangjian_desktop.errors import ValidationError

GLOBAL = "global"


def branch_scope(branch_id: int) -> str:
    return f"branch:{branch_id}"


def get(db: Database, key: str, default: Any = None, scope: str = GLOBAL) -> Any:
    t = Setting.__table__.c  # Core, not the ORM: a command that reads one setting (the password's, at
    with db.engine.connect() as conn:  # every open) does not pay for configuring every mapper
        value = conn.scalar(select(t.value).where(t.scope == scope, t.key == key))
    return default if value is None else value


def put(db: Database, key: str, value: Any, scope: str = GLOBAL) -> None:
    with db.transaction() as s:
        _put(s, key, value, scope)


def _put(s, key: str, value: Any, scope: str) -> None:
    row = s.scalar(select(Setting).where(Setting.scope == scope, Setting.key == key))
    if value is None:
        if row is not None:
            s.delete(row)
        return
    if row is None:
        s.add(Setting(scope=scope, key=key, value=value))
    else:
        row.value = value


def rule_overrides(db: Database) -> dict[str, Any]:
    """Local rule variants as {"RULE-ID.param": value}, for core.rules.param_value, with the user's
    additions to the holiday calendar under `workdays.SETTING_KEY` (for 公示 working days)."""
    with db.session() as s:
        return overrides_in(s)


def overrides_in(s) -> dict[str, Any]:
    """`rule_overrides` within an open session."""
    rows = s.execute(select(Setting.key, Setting.value)
                     .where(Setting.scope == GLOBAL,
                            Setting.key.like("rule:%") | (Setting.key == workdays.SETTING_KEY))).all()
    return {key.removeprefix("rule:"): value for key, value in rows}


@dataclass(frozen=True)
class LocalRuleParam:
    rule_id: str
    rule_title: str
    key: str
    label: str
    national: Any
    value: Any
    unit: str
    citation: str


def local_rule_params(db: Database) -> list[LocalRuleParam]:
    """Every rule parameter the branch may change, with the national value beside its own."""
    overrides = rule_overrides(db)
    out = []
    for rule, p in rules.local_params():
        value = overrides.get(f"{rule.id}.{p.key}", p.default)
        out.append(LocalRuleParam(rule.id, rule.title, p.key, p.label, p.default, value, p.unit, rule.citation))
    return out


def set_local_rule_params(db: Database, values: dict[tuple[str, str], Any]) -> None:
    """Save local variants; a value equal to the national one removes the override."""
    allowed = {(r.id, p.key): p for r, p in rules.local_params()}
    with db.transaction() as s:
        for (rule_id, key), value in values.items():
            p = allowed.get((rule_id, key))
            if p is None:
                raise ValidationError(f"{_title(rule_id)}的这一项不能在本地修改。")
            value = _coerce(p, value, _title(rule_id))
            _put(s, f"rule:{rule_id}.{key}", None if value == p.default else value, GLOBAL)


def _title(rule_id: str) -> str:
    """A rule as people name it, in a message: “党课” (its id stays out of sight)."""
    try:
        return f"“{rules.rule(rule_id).title}”"
    except KeyError:
        return "这项规则"


# what people write for a period, besides M/Q/Y
PERIOD_WORDS = {"M": "每月", "Q": "每季度", "Y": "每年"}
_PERIOD_FROM_WORD = {"每月": "M", "月": "M", "每季度": "Q", "季度": "Q", "每季": "Q", "每年": "Y", "年": "Y"}


def _coerce(p: rules.Param, value: Any, title: str) -> Any:
    label = p.label.split("（")[0]
    if isinstance(p.default, int):
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise ValidationError(f"{title}的“{label}”应为整数，收到“{value}”。") from None
        if number < 0 or number > 1000:
            raise ValidationError(f"{title}的“{label}”应在 0 到 1000 之间。")
        return number
    text = str(value).strip()
    text = _PERIOD_FROM_WORD.get(text, text.upper())
    if p.key == "period" and text not in ("M", "Q", "Y"):
        raise ValidationError(f"{title}的周期只能是每月、每季度或每年，收到“{value}”。")
    return text


# ---------------------------------------------------------------- the holiday calendar (公示 working days)


def work_calendar(db: Database) -> workdays.WorkCalendar:
    """The official calendar with the user's additions."""
    return workdays.WorkCalendar.from_setting(get(db, workdays.SETTING_KEY))


def calendar_days(db: Database, year: int) -> list[workdays.CalendarDay]:
    """The days of `year` that differ from Monday–Friday, official and the user's own."""
    return workdays.year_days(work_calendar(db), year)


def set_calendar_days(db: Database, days: list, kind: str) -> None:
    """Mark `days` as 放假 (holiday), 调休上班 (workday), or back to the official calendar (official):
    for next year's 放假安排, announced before the program knows it."""
    if kind not in (workdays.HOLIDAY, workdays.WORKDAY, workdays.OFFICIAL):
        raise ValidationError(f"日期只能设为放假（holiday）、调休上班（workday）或恢复国家安排（official），收到“{kind}”。")
    if not days:
        raise ValidationError("请至少给出一个日期。")
    with db.transaction() as s:
        row = s.scalar(select(Setting).where(Setting.scope == GLOBAL, Setting.key == workdays.SETTING_KEY))
        value = workdays.merged(row.value if row else None, days, "" if kind == workdays.OFFICIAL else kind)
        _put(s, workdays.SETTING_KEY, value or None, GLOBAL)
