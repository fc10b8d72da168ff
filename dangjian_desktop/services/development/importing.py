"""发展党员: importing a 发展党员台账 (all rows or none)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from dangjian_desktop.core import development_rules as dr
from dangjian_desktop.core import rules
from dangjian_desktop.core.development import Step
from dangjian_desktop.core.glossary import ApplicantStatus, ProbationOutcome
from dangjian_desktop.core.step_details import ProbationVoteDetails, read_details
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.errors import NotFound
from dangjian_desktop.io.development_import import step_label
from dangjian_desktop.services.development.facts import _overrides, _step_fact
from dangjian_desktop.services.development.steps import _admit, _approve, _clean_people, _decide
from dangjian_desktop.services.importing import Importer, ImportReport, PlannedRow, preview, run_import

# the one result type of every import (services/importing); the old name stays for callers
ImportResult = ImportReport

_PERSON = ("gender", "birth_date", "id_number", "ethnicity", "native_place", "education", "work_unit", "phone",
           "notes")
_PERSON_LABELS = {"gender": "性别", "birth_date": "出生日期", "id_number": "公民身份号码", "ethnicity": "民族",
                  "native_place": "籍贯", "education": "学历", "work_unit": "工作单位及职务", "phone": "联系电话",
                  "notes": "备注"}


@dataclass
class _RowPlan:
    row: object  # io.development_import.LedgerRow
    applicant_id: int | None
    group_id: int | None
    people: dict[int, list[dict]]


def _plan(s: Session, branch_id: int, ledger, progress) -> tuple[ImportReport, list[_RowPlan]]:
    """What importing the read ledger would do, looking at the database only (nothing is written)."""
    report = ImportReport("发展党员台账", "人", ledger.file, ledger.sheet, columns=ledger.table.accounting,
                          refused=list(ledger.errors), notices=list(ledger.warnings))
    errors = report.refused
    if s.get(m.Branch, branch_id) is None:
        raise NotFound(f"没有编号为 {branch_id} 的支部。")
    groups = {n: i for i, n in s.execute(select(m.PartyGroup.id, m.PartyGroup.name)
                                         .where(m.PartyGroup.branch_id == branch_id)).tuples()}
    branch_names = dict(s.execute(select(m.Branch.id, m.Branch.name)).tuples().all())
    overrides = _overrides(s)
    seen: dict[str, int] = {}
    plans: list[_RowPlan] = []
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
        people = {no: [{"role": dr.STEP_ROLES[no], "name": n} for n in names] for no, names in row.people.items()}
        members: dict = {}
        steps = {no: _step_fact(no, d, [], {}, members) for no, d in row.steps.items()}
        for no, ppl in people.items():
            if no in steps:
                steps[no] = dr.StepFact(no, steps[no].done_on, tuple(dr.PersonFact(p["role"], p["name"]) for p in ppl))
        facts = dr.ApplicantFacts(row.name, row.birth_date, rules.CURRENT_VERSION, steps)
        row_ok = True
        for v in dr.all_violations(facts, overrides):
            if v.rule == "DEV-PREREQ" and v.refuse:  # a date that contradicts a real prerequisite
                errors.append(f"{row.where}：{v.message}")
                row_ok = False
            elif v.rule in ("DEV-PREREQ", "DEV-AGE-18", "DEV-ACTIVIST-1Y", "DEV-APPROVAL-3M", "DEV-LEAVING-3M"):
                report.notices.append(f"{row.where}：{v.message}")
        if not row_ok:
            continue
        # an ID number that belongs to someone else is named, never merged (issue 17, defect 4)
        if row.id_number:
            owner = s.scalar(select(m.Member).where(m.Member.id_number == row.id_number))
            if owner is not None and (owner.name != row.name or owner.branch_id != branch_id):
                where = "本支部" if owner.branch_id == branch_id else f"“{branch_names.get(owner.branch_id, '')}”"
                errors.append(f"{row.where}：身份证号 {row.id_number} 已登记为{where}党员{owner.name}的号码，"
                              f"与这一行的“{row.name}”不是同一人；请核对身份证号，不会把两人合并。")
                continue
        q = select(m.Applicant).where(m.Applicant.id_number == row.id_number) if row.id_number else \
            select(m.Applicant).where(m.Applicant.branch_id == branch_id, m.Applicant.name == row.name,
                                      m.Applicant.id_number.is_(None))
        a = s.scalar(q.options(selectinload(m.Applicant.steps)))
        if a is not None and a.branch_id != branch_id:
            errors.append(f"{row.where}：身份证号相同的{a.name}已在另一个支部登记为入党申请人。")
            continue
        if a is not None and a.name != row.name:
            errors.append(f"{row.where}：身份证号 {row.id_number} 已登记为入党申请人{a.name}的号码，"
                          f"与这一行的“{row.name}”不是同一人；请核对身份证号，不会把两人合并。")
            continue
        group_id = groups.get(row.group) if row.group else None
        if row.group and group_id is None:
            report.notices.append(f"{row.where}：党小组“{row.group}”不在本支部的党小组中，未填写党小组。")
        if a is None:
            action, changes = "new", []
        else:
            stored = {st.step_no: st.done_on for st in a.steps}
            changes = [step_label(no) for no, d in sorted(row.steps.items()) if stored.get(no) != d]
            changes += [_PERSON_LABELS[attr] for attr in _PERSON
                        if getattr(row, attr) not in (None, "") and getattr(row, attr) != getattr(a, attr)]
            action = "update" if changes else "same"
        report.rows.append(PlannedRow(row.number, row.name, action, changes, []))
        plans.append(_RowPlan(row, a.id if a is not None else None, group_id, people))
    return report, plans


def _write(s: Session, branch_id: int, plans: list[_RowPlan], progress) -> None:
    for k, plan in enumerate(plans):
        row, people = plan.row, plan.people
        if progress:
            progress(k, len(plans), row.name)
        a = s.get(m.Applicant, plan.applicant_id) if plan.applicant_id else None
        if a is None:
            a = m.Applicant(branch_id=branch_id, name=row.name, rule_catalog_version=rules.CURRENT_VERSION,
                            status=ApplicantStatus.ACTIVE)
            s.add(a)
        for attr in _PERSON:
            value = getattr(row, attr)
            if value not in (None, ""):  # a blank cell never erases
                setattr(a, attr, value)
        if plan.group_id:
            a.group_id = plan.group_id
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


def ledger_importer(db: Database, path: str | Path, branch_id: int, *, sheet: str | None = None,
                    today: date | None = None):
    """The 发展党员台账's part in the one import pipeline: the file is read once, here."""
    from dangjian_desktop.io.development_import import read_ledger

    ledger = read_ledger(path, sheet=sheet, today=today)
    return Importer("导入发展台账前", lambda s, progress: _plan(s, branch_id, ledger, progress),
                    lambda s, work, report, progress: _write(s, branch_id, work, progress))


def preview_ledger_import(db: Database, path: str | Path, branch_id: int, *, sheet: str | None = None,
                          today: date | None = None,
                          progress: Callable[[int, int, str], None] | None = None) -> ImportReport:
    """What importing the ledger would do, read-only (no write lock): rows, refusals, every column."""
    return preview(db, ledger_importer(db, path, branch_id, sheet=sheet, today=today), progress)


def import_ledger(db: Database, path: str | Path, branch_id: int, *, dry_run: bool = False, sheet: str | None = None,
                  today: date | None = None,
                  progress: Callable[[int, int, str], None] | None = None) -> ImportReport:
    """A 发展党员台账 from Excel: all or nothing. Unreadable cells, steps out of order, date columns
    that cannot be placed and ID numbers of someone else refuse the whole file (one line per
    problem); other rule breaches are imported and reported as notices."""
    return run_import(db, ledger_importer(db, path, branch_id, sheet=sheet, today=today),
                      dry_run=dry_run, progress=progress)
