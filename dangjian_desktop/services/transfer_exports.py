"""Export kinds of 组织关系: the 党员组织关系介绍信 of one 转出, and the year's six tables of member admin
(申请人登记, 党员登记, 年度新发展, 年度转正, 转入, 转出) as one workbook."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from dangjian_desktop.core import idcard
from dangjian_desktop.core.development import Step
from dangjian_desktop.core.glossary import MemberStatus, TransferDirection
from dangjian_desktop.core.membership import age_on
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import Database
from dangjian_desktop.errors import ValidationError
from dangjian_desktop.services import transfers
from dangjian_desktop.services.branches import get_branch
from dangjian_desktop.services.exports import ExportKind, ExportRequest, register

# ---------------------------------------------------------------- 组织关系介绍信


@dataclass(frozen=True)
class TransferLetter:
    """What the 介绍信 (存根, 介绍信, 回执) says of one 转出."""

    branch: str
    parent_org: str
    letter_no: str
    name: str
    gender: str
    age: int | None
    ethnicity: str
    status: str  # 正式 / 预备, on the day before leaving
    id_number: str
    from_org: str
    to_org: str
    reason: str
    dues_paid_to: date | None
    valid_days: int | None
    issued_on: date
    phone: str


def transfer_letter(db: Database, branch_id: int, member_id: int, *, mask: bool = False) -> TransferLetter:
    """The letter of a member's latest 转出; `mask` hides the middle of the ID and phone numbers (a copy that
    leaves the office; the letter the member carries has them whole)."""
    from dangjian_desktop.services.meetings.attendance import status_on

    t = transfers.find_transfer_out(db, branch_id, member_id)
    branch = get_branch(db, branch_id)
    with db.session() as s:
        member = s.scalar(select(m.Member).where(m.Member.id == member_id)
                          .options(selectinload(m.Member.status_changes)))
        before = status_on(member, t.moved_on - timedelta(days=1))
        status = {MemberStatus.FULL: "正式", MemberStatus.PROBATIONARY: "预备"}.get(before, "")
        return TransferLetter(
            branch.name, branch.parent_org, t.letter_no, member.name, member.gender.label if member.gender else "",
            age_on(member.birth_date, t.moved_on) if member.birth_date else None, member.ethnicity, status,
            (idcard.mask if mask else str)(member.id_number or ""), branch.name, t.other_org, t.reason, t.dues_paid_to,
            t.valid_days, t.moved_on, idcard.mask_phone(member.phone) if mask else member.phone)


def export_transfer_letter(db: Database, req: ExportRequest) -> Path:
    """`export transfer-letter --id N`: N is the member's id (`members list`)."""
    from dangjian_desktop.reports.transfer_letter import write_transfer_letter

    return write_transfer_letter(req.out, transfer_letter(db, req.branch_id, req.record_id, mask=req.mask))


def _letter_choices(db: Database, branch_id: int, _year: int | None) -> list[tuple[int, str]]:
    return [(t.member_id, f"{t.name}（{t.moved_on.isoformat()} 转往{t.other_org}）")
            for t in transfers.list_transfers(db, branch_id, TransferDirection.OUT)]


# ---------------------------------------------------------------- the six tables


@dataclass(frozen=True)
class MemberTable:
    """One sheet: its tab name, the title over it, the columns and the rows (plain values)."""

    sheet: str
    title: str
    headers: tuple[str, ...]
    widths: tuple[float, ...]
    rows: list[tuple] = field(default_factory=list)


@dataclass(frozen=True)
class MemberTables:
    branch: str
    year: int
    as_of: date
    tables: list[MemberTable]


def _g(gender) -> str:
    return gender.label if gender else ""


def member_tables(db: Database, branch_id: int, year: int, *, mask: bool = False,
                  today: date | None = None) -> MemberTables:
    """The six tables of member admin for `year`, as on its last day (today while it runs)."""
    from dangjian_desktop.services.birthdays import year_end
    from dangjian_desktop.services.member_exports import roster_on

    today = today or date.today()
    as_of = year_end(year, today)
    start, end = date(year, 1, 1), as_of
    branch = get_branch(db, branch_id)
    number = idcard.mask if mask else (lambda n: n or "")
    name = branch.name

    with db.session() as s:
        applicants = list(s.scalars(select(m.Applicant).where(m.Applicant.branch_id == branch_id)
                                    .options(selectinload(m.Applicant.steps))))
        promoted = s.execute(select(m.Member).where(
            m.Member.branch_id == branch_id, m.Member.full_member_on >= start, m.Member.full_member_on <= end)
            .order_by(m.Member.full_member_on, m.Member.name_strokes)).scalars().all()
        promoted_rows = [(p.name, _g(p.gender), p.joined_on, p.full_member_on, p.probation_extension_months or "",
                          "延长预备期后转正" if p.probation_extension_months else "按期转正")
                         for p in promoted if p.arrived_on is None or p.arrived_on <= p.full_member_on]

    def step_on(a: m.Applicant, no: int) -> date | None:
        st = next((x for x in a.steps if x.step_no == no), None)
        return st.done_on if st is not None and st.done_on and st.done_on <= as_of else None

    def people(a: m.Applicant, no: int) -> str:
        st = next((x for x in a.steps if x.step_no == no), None)
        return "、".join(p.get("name", "") for p in (st.people or [])) if st is not None and st.done_on else ""

    applied = sorted((a for a in applicants if (d := step_on(a, Step.APPLICATION)) and d >= start),
                     key=lambda a: (step_on(a, Step.APPLICATION), a.name))
    admitted = sorted((a for a in applicants if (d := step_on(a, Step.BRANCH_CONGRESS_ADMIT)) and d >= start),
                      key=lambda a: (step_on(a, Step.BRANCH_CONGRESS_ADMIT), a.name))
    roster = roster_on(db, branch_id, as_of)
    moved = [t for t in transfers.list_transfers(db, branch_id, year=year) if t.moved_on <= as_of]
    moved.sort(key=lambda t: (t.moved_on, t.id))
    outs = [(t.moved_on, t.name, _g(t.gender), number(t.id_number), t.other_org, t.reason, t.letter_no,
             t.receipt_on if t.receipt_on and t.receipt_on <= as_of else "未收到")
            for t in moved if t.direction is TransferDirection.OUT]
    with db.session() as s:  # 转出 recorded before transfers had their own record (or imported): no letter
        recorded = {(t.member_id, t.moved_on) for t in moved if t.direction is TransferDirection.OUT}
        for mid, on, dest, reason, who, gender, id_number in s.execute(
                select(m.MemberStatusChange.member_id, m.MemberStatusChange.changed_on,
                       m.MemberStatusChange.destination, m.MemberStatusChange.reason, m.Member.name,
                       m.Member.gender, m.Member.id_number)
                .join(m.Member, m.Member.id == m.MemberStatusChange.member_id)
                .where(m.Member.branch_id == branch_id,
                       m.MemberStatusChange.status == MemberStatus.TRANSFERRED_OUT,
                       m.MemberStatusChange.changed_on >= start, m.MemberStatusChange.changed_on <= end)).all():
            if (mid, on) not in recorded:
                outs.append((on, who, _g(gender), number(id_number), dest, reason, "", "（未登记）"))
    outs.sort(key=lambda r: r[0])

    def numbered(rows):
        return [(i, *r) for i, r in enumerate(rows, 1)]

    tables = [
        MemberTable("申请人登记", f"{name}{year}年入党申请人登记表",
                    ("序号", "姓名", "性别", "民族", "出生日期", "学历", "工作单位及职务", "递交申请书日期",
                     "谈话日期", "确定入党积极分子日期"),
                    (6, 10, 6, 8, 12, 10, 26, 14, 12, 14),
                    numbered([(a.name, _g(a.gender), a.ethnicity, a.birth_date, a.education, a.work_unit,
                               step_on(a, Step.APPLICATION), step_on(a, Step.APPLICATION_TALK),
                               step_on(a, Step.ACTIVIST)) for a in applied])),
        MemberTable("党员登记", f"{name}党员登记表（截至{as_of.year}年{as_of.month}月{as_of.day}日）",
                    ("序号", "姓名", "性别", "民族", "出生日期", "公民身份号码", "学历", "入党日期", "转正日期",
                     "人员类别", "工作单位及职务", "党小组"),
                    (6, 10, 6, 8, 12, 21, 10, 12, 12, 10, 26, 12),
                    numbered([(p.name, _g(p.gender), p.ethnicity, p.birth_date, number(p.id_number), p.education,
                               p.joined_on, p.full_member_on, p.status.label, p.work_unit, p.group)
                              for p in roster])),
        MemberTable("年度新发展", f"{name}{year}年新发展党员登记表",
                    ("序号", "姓名", "性别", "民族", "出生日期", "学历", "工作单位及职务", "支部大会通过日期（入党日期）",
                     "上级党委审批日期", "入党介绍人"),
                    (6, 10, 6, 8, 12, 10, 26, 16, 14, 18),
                    numbered([(a.name, _g(a.gender), a.ethnicity, a.birth_date, a.education, a.work_unit,
                               step_on(a, Step.BRANCH_CONGRESS_ADMIT), step_on(a, Step.ADMISSION_APPROVAL),
                               people(a, Step.SPONSORS)) for a in admitted])),
        MemberTable("年度转正", f"{name}{year}年预备党员转正登记表",
                    ("序号", "姓名", "性别", "入党日期", "转正日期", "延长预备期（月）", "转正情况"),
                    (6, 10, 6, 12, 12, 14, 18),
                    numbered(promoted_rows)),
        MemberTable("转入", f"{name}{year}年党员组织关系转入登记表",
                    ("序号", "姓名", "性别", "公民身份号码", "转入日期", "从何处转来", "介绍信编号", "原因"),
                    (6, 10, 6, 21, 12, 30, 12, 18),
                    numbered([(t.name, _g(t.gender), number(t.id_number), t.moved_on, t.other_org, t.letter_no,
                               t.reason) for t in moved if t.direction is TransferDirection.IN])),
        MemberTable("转出", f"{name}{year}年党员组织关系转出登记表",
                    ("序号", "姓名", "性别", "公民身份号码", "转出日期", "转往何处", "原因", "介绍信编号",
                     "回执收到日期"),
                    (6, 10, 6, 21, 12, 30, 16, 12, 14),
                    numbered([(who, gender, idn, on, dest, reason, letter, receipt)
                              for on, who, gender, idn, dest, reason, letter, receipt in outs])),
    ]
    return MemberTables(name, year, as_of, tables)


def export_member_tables(db: Database, req: ExportRequest, *, today: date | None = None) -> Path:
    """`export member-tables --year Y`: the six tables as one .xlsx, one sheet each."""
    from dangjian_desktop.reports.member_tables import write_member_tables

    year = req.year or date.today().year
    if not 1921 <= year <= 2200:
        raise ValidationError(f"年份 {year} 不合理。")
    return write_member_tables(req.out, member_tables(db, req.branch_id, year, mask=req.mask, today=today))


register(ExportKind("transfer-letter", "党员组织关系介绍信（存根、介绍信、回执）", ".docx", export_transfer_letter,
                    needs_id=True, id_label="党员编号", order=33, choices=_letter_choices))
register(ExportKind("member-tables", "党员管理六张表（申请人、党员、新发展、转正、转入、转出）", ".xlsx",
                    export_member_tables, needs_year=True, order=34))
