"""发展党员: importing a 发展党员台账 (all rows or none)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from dangjian_desktop.core import development_rules as dr
from dangjian_desktop.core import rules
from dangjian_desktop.core.development import Step
from dangjian_desktop.core.glossary import ApplicantStatus, ProbationOutcome
from dangjian_desktop.core.step_details import ProbationVoteDetails, read_details
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.errors import NotFound
from dangjian_desktop.services.development.facts import _overrides, _step_fact
from dangjian_desktop.services.development.steps import _admit, _approve, _clean_people, _decide


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False


def _import_ledger(db: Database, path: str | Path, branch_id: int, *, dry_run: bool,
                   progress: Callable[[int, int, str], None] | None) -> ImportResult:
    from dangjian_desktop.errors import InputErrors
    from dangjian_desktop.io.development_import import read_ledger

    ledger = read_ledger(path)
    errors = list(ledger.errors)
    warnings: list[str] = []
    result = ImportResult(dry_run=dry_run)
    with db.transaction() as s:
        if s.get(m.Branch, branch_id) is None:
            raise NotFound(f"没有编号为 {branch_id} 的支部。")
        groups = {n: i for i, n in s.execute(select(m.PartyGroup.id, m.PartyGroup.name)
                                                 .where(m.PartyGroup.branch_id == branch_id)).tuples()}
        overrides = _overrides(s)
        seen: dict[str, int] = {}
        for k, row in enumerate(ledger.rows):
            if progress:
                progress(k, len(ledger.rows), row.name)
            key = row.id_number or row.name
            if key in seen:
                errors.append(f"{row.where}：{row.name}与第{seen[key]}行是同一人（{'身份证号' if row.id_number else '姓名'}相同）。")
                continue
            seen[key] = row.number
            if Step.APPLICATION not in row.steps:
                errors.append(f"{row.where}：{row.name}没有递交入党申请书的日期，无法建立发展档案。")
                continue
            people = {no: [{"role": dr.STEP_ROLES[no], "name": n} for n in names]
                      for no, names in row.people.items()}
            members = {}
            steps = {no: _step_fact(no, d, [], {}, members) for no, d in row.steps.items()}
            for no, ppl in people.items():
                if no in steps:
                    steps[no] = dr.StepFact(no, steps[no].done_on, tuple(dr.PersonFact(p["role"], p["name"]) for p in ppl))
            facts = dr.ApplicantFacts(row.name, row.birth_date, rules.CURRENT_VERSION, steps)
            for v in dr.all_violations(facts, overrides):
                if v.rule == "DEV-PREREQ" and v.refuse:  # a date that contradicts a real prerequisite
                    errors.append(f"{row.where}：{v.message}")
                elif v.rule in ("DEV-PREREQ", "DEV-AGE-18", "DEV-ACTIVIST-1Y", "DEV-APPROVAL-3M", "DEV-LEAVING-3M"):
                    warnings.append(f"{row.where}：{v.message}")
            if errors:
                continue
            q = select(m.Applicant).where(m.Applicant.id_number == row.id_number) if row.id_number else \
                select(m.Applicant).where(m.Applicant.branch_id == branch_id, m.Applicant.name == row.name,
                                          m.Applicant.id_number.is_(None))
            a = s.scalar(q.options(selectinload(m.Applicant.steps)))
            if a is not None and a.branch_id != branch_id:
                errors.append(f"{row.where}：身份证号相同的{a.name}已在另一个支部登记为入党申请人。")
                continue
            group_id = groups.get(row.group) if row.group else None
            if row.group and group_id is None:
                warnings.append(f"{row.where}：党小组“{row.group}”不在本支部的党小组中，未填写党小组。")
            if a is None:
                a = m.Applicant(branch_id=branch_id, name=row.name, rule_catalog_version=rules.CURRENT_VERSION,
                                status=ApplicantStatus.ACTIVE)
                s.add(a)
                result.created += 1
            else:
                result.updated += 1
            for attr in ("gender", "birth_date", "id_number", "ethnicity", "native_place", "education",
                         "work_unit", "phone"):
                value = getattr(row, attr)
                if value not in (None, ""):
                    setattr(a, attr, value)
            if group_id:
                a.group_id = group_id
            s.flush()
            existing = {st.step_no: st for st in a.steps}
            for no, d in sorted(row.steps.items()):
                st = existing.get(no)
                if st is None:
                    st = m.DevelopmentStep(applicant_id=a.id, step_no=no, people=[], details={}, notes="")
                    s.add(st)
                    a.steps.append(st)
                st.done_on = d
                if no in people:
                    st.people = _clean_people(s, branch_id, no, people[no])
                if no == Step.BRANCH_CONGRESS_FULL:  # a ledger records only 转正 that happened
                    x = read_details(no, st.details)
                    if x.outcome is None:
                        st.details = replace(x, outcome=ProbationOutcome.ON_TIME).to_json()
            for no in sorted(set(people) - set(row.steps)):  # names without a date: kept, step not done
                st = existing.get(no)
                if st is None:
                    st = m.DevelopmentStep(applicant_id=a.id, step_no=no, done_on=None, details={}, notes="")
                    s.add(st)
                    a.steps.append(st)
                st.people = _clean_people(s, branch_id, no, people[no])
            s.flush()
            if Step.BRANCH_CONGRESS_ADMIT in row.steps:
                _admit(s, a, row.steps[Step.BRANCH_CONGRESS_ADMIT])
            if (Step.BRANCH_CONGRESS_FULL in row.steps or Step.FULL_MEMBERSHIP_APPROVAL in row.steps) \
                    and a.probation_outcome is None:  # a ledger records only 转正 that happened
                _decide(s, a, ProbationVoteDetails(outcome=ProbationOutcome.ON_TIME))
            if Step.FULL_MEMBERSHIP_APPROVAL in row.steps and a.status is ApplicantStatus.ACTIVE:
                _approve(s, a, row.steps[Step.FULL_MEMBERSHIP_APPROVAL])
        if errors:
            raise InputErrors(errors, summary=f"发现 {len(errors)} 处问题，未导入任何数据。")
        result.warnings = ledger.warnings + warnings
        if dry_run:
            raise _DryRun(result)
    return result


class _DryRun(Exception):
    """Leaves db.transaction() by rolling back: a dry run writes nothing."""

    def __init__(self, result: ImportResult) -> None:
        super().__init__("dry run")
        self.result = result


def import_ledger(db: Database, path: str | Path, branch_id: int, *, dry_run: bool = False,
                  progress: Callable[[int, int, str], None] | None = None) -> ImportResult:
    """A 发展党员台账 from Excel: all or nothing. Unreadable cells and steps out of order refuse the
    whole file (one line per problem); other rule breaches are imported and reported as warnings."""
    if not dry_run:  # issue 7: a backup of the state before the import (skipped if unchanged since the last)
        from dangjian_desktop.services.backup import snapshot

        snapshot(db, "导入发展台账前")
    try:
        return _import_ledger(db, path, branch_id, dry_run=dry_run, progress=progress)
    except _DryRun as done:
        return done.result
