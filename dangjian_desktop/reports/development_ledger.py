"""发展党员台账 (.xlsx): one row per person, one column per step date, plus 申请人登记, 年度新发展, 年度转正.

Overdue and due-soon cells are coloured with fills computed as of the export date (not Excel
conditional formatting): the rules need working days, extensions and catalog versions that a
spreadsheet formula cannot know, and a printed copy must show what the program showed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment

from dangjian_desktop.core import idcard
from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.development import STEPS, Step, stage_of
from dangjian_desktop.core.glossary import ProbationOutcome
from dangjian_desktop.db.engine import Database
from dangjian_desktop.reports import xlsx_base as x
from dangjian_desktop.services.development import ApplicantDetail, full_membership_date, list_applicants
from dangjian_desktop.services.exports import ExportKind, ExportRequest, register

LEDGER_SHEET = "发展党员台账"
BASE_HEADERS = ("序号", "姓名", "性别", "出生日期", "所处阶段", "下一步", "期限")
BASE_WIDTHS = (5, 8, 5, 11, 12, 18, 11)
DUE_COLUMN = 7


def _in_year(a: ApplicantDetail, year: int) -> bool:
    """On the ledger of `year`: applied by its end and not closed before it began."""
    applied = a.step(Step.APPLICATION).done_on
    if applied is None or applied.year > year:
        return False
    closed = a.step(Step.FULL_MEMBERSHIP_APPROVAL).done_on
    return closed is None or closed.year >= year


def _stage_short(step_no: int) -> str:
    stage = stage_of(step_no)
    return getattr(stage, "short", "") or stage.name


def _step_header(no: int) -> str:
    return f"{no}.{STEPS[no - 1].name}"


def write_ledger(people: list[ApplicantDetail], branch_name: str, year: int, out: Path, *,
                 as_of: date, mask: bool = False) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = LEDGER_SHEET
    headers = list(BASE_HEADERS) + [_step_header(s.no) for s in STEPS] + ["备注"]
    widths = list(BASE_WIDTHS) + [10.5] * len(STEPS) + [24]
    first = x.title_and_header(ws, f"{branch_name}发展党员台账（{year}年）",
                               f"截至{cn(as_of)}　红色：已逾期　黄色：即将到期", headers, widths)
    ws.row_dimensions[3].height = 72
    ws.freeze_panes = ws.cell(first, 3)
    rows = [a for a in people if _in_year(a, year)]
    step_col = len(BASE_HEADERS) + 1
    for i, a in enumerate(rows):
        r = first + i
        nxt = a.next_step
        values = [i + 1, a.name, a.gender.label if a.gender else "", a.birth_date,
                  _stage_short(nxt.no) if nxt else a.status.label,
                  f"第{nxt.no}步 {nxt.name}" if nxt else "", nxt.due if nxt and nxt.due else None]
        for c, v in enumerate(values, start=1):
            x.put(ws.cell(r, c), v)
        for st in a.steps:
            x.put(ws.cell(r, step_col + st.no - 1), st.done_on)
        notes = "；".join(f.message.split("（")[0] for f in a.findings if f.severity.value in ("overdue", "due"))
        x.put(ws.cell(r, step_col + len(STEPS)), notes)
        ws.row_dimensions[r].height = 30  # room for a wrapped 下一步 or 备注
    last = first + len(rows) - 1
    x.style_body(ws, first, max(last, first - 1), len(headers), centre_columns=[1, 3, 4, DUE_COLUMN] +
                 list(range(step_col, step_col + len(STEPS))))
    # colour what is late or due, as of the export date
    for i, a in enumerate(rows):
        r = first + i
        for t in a.timeline:
            if t.state in ("overdue", "due"):
                fill = x.RED_FILL if t.state == "overdue" else x.AMBER_FILL
                cell = ws.cell(r, step_col + t.no - 1)
                cell.fill = fill
                ws.cell(r, DUE_COLUMN).fill = fill
                cell.comment = Comment(f"应于{cn(t.due)}前完成" + ("（已逾期）" if t.state == "overdue" else ""), "党支部工作台")
        if any(f.severity.value == "overdue" for f in a.findings):
            ws.cell(r, 2).fill = x.RED_FILL
        elif any(f.severity.value == "due" for f in a.findings):
            ws.cell(r, 2).fill = x.AMBER_FILL
    x.print_setup(ws, landscape=True)
    ws.page_setup.paperSize = ws.PAPERSIZE_A3  # 25 step columns do not fit a readable A4
    ws.print_title_cols = "A:B"

    _applicants_sheet(wb, people, branch_name, year, mask)
    _new_members_sheet(wb, people, branch_name, year)
    _full_members_sheet(wb, people, branch_name, year)
    return x.save(wb, out)


def _simple_sheet(wb: Workbook, title: str, heading: str, subtitle: str, headers, widths, rows) -> None:
    ws = wb.create_sheet(title)
    first = x.title_and_header(ws, heading, subtitle, headers, widths)
    for i, values in enumerate(rows):
        for c, v in enumerate([i + 1, *values], start=1):
            x.put(ws.cell(first + i, c), v)
    x.style_body(ws, first, first + len(rows) - 1, len(headers), centre_columns=[1, 3])
    x.print_setup(ws, landscape=True)


def _people(a: ApplicantDetail, no: int) -> str:
    return "、".join(p.get("name", "") for p in a.step(no).people)


def _applicants_sheet(wb, people, branch_name, year, mask) -> None:
    rows = []
    for a in people:
        applied = a.step(Step.APPLICATION).done_on
        if applied is None or applied.year != year:
            continue
        rows.append([a.name, a.gender.label if a.gender else "", a.ethnicity, a.birth_date, a.education,
                     idcard.mask(a.id_number) if mask else (a.id_number or ""), a.work_unit, applied,
                     a.step(Step.APPLICATION_TALK).done_on, _people(a, Step.APPLICATION_TALK), a.status.label])
    _simple_sheet(wb, "入党申请人登记", f"{branch_name}入党申请人登记表（{year}年）", f"共{len(rows)}人",
                  ("序号", "姓名", "性别", "民族", "出生日期", "学历", "公民身份号码", "工作单位及职务",
                   "递交申请书日期", "谈话日期", "谈话人", "目前状态"),
                  (6, 10, 6, 8, 12, 10, 21, 24, 13, 12, 10, 12), rows)


def _new_members_sheet(wb, people, branch_name, year) -> None:
    rows = []
    for a in people:
        admitted = a.step(Step.BRANCH_CONGRESS_ADMIT)
        joined = admitted.done_on
        if joined is None or joined.year != year:
            continue
        x = admitted.details
        try:
            vote = x.result()
        except ValueError:
            vote = None
        tally = (f"应到{x.expected_voters}人，实到{x.present_voters}人，赞成{x.in_favour or 0}票，"
                 + ("通过" if vote.passed else "未通过")) if vote else ""
        rows.append([a.name, a.gender.label if a.gender else "", a.birth_date, a.education, a.group_name,
                     a.step(Step.ACTIVIST).done_on, a.step(Step.CANDIDATE).done_on, _people(a, Step.SPONSORS), joined,
                     tally, a.step(Step.ADMISSION_APPROVAL).done_on])
    _simple_sheet(wb, "年度新发展", f"{branch_name}{year}年新发展党员名单", f"共{len(rows)}人",
                  ("序号", "姓名", "性别", "出生日期", "学历", "党小组", "确定积极分子", "确定发展对象",
                   "入党介绍人", "入党日期（支部大会）", "表决情况", "上级党委审批"),
                  (6, 10, 6, 12, 10, 12, 13, 13, 16, 14, 24, 13), rows)


def _full_members_sheet(wb, people, branch_name, year) -> None:
    rows = []
    for a in people:
        decided = a.step(Step.BRANCH_CONGRESS_FULL).done_on
        approved = a.step(Step.FULL_MEMBERSHIP_APPROVAL).done_on
        if not any(d and d.year == year for d in (decided, approved)):
            continue
        joined = a.step(Step.BRANCH_CONGRESS_ADMIT).done_on
        outcome = a.probation_outcome.label if a.probation_outcome else ""
        full = full_membership_date(joined, a.extension_months, a.catalog_version) if joined and a.probation_outcome is ProbationOutcome.ON_TIME \
            and approved else None
        rows.append([a.name, a.gender.label if a.gender else "", joined, a.step(Step.FULL_MEMBERSHIP_REQUEST).done_on,
                     decided, outcome,
                     a.extension_months or "", approved, full])
    _simple_sheet(wb, "年度转正", f"{branch_name}{year}年预备党员转正名单", f"共{len(rows)}人",
                  ("序号", "姓名", "性别", "入党日期", "转正申请", "支部大会讨论", "讨论结果", "延长（月）",
                   "上级党委审批", "转正日期"),
                  (6, 10, 6, 13, 13, 13, 16, 10, 13, 13), rows)


def export_ledger(db: Database, request: ExportRequest) -> Path:
    from dangjian_desktop.services.branches import get_branch

    as_of = date.today()
    people = list_applicants(db, request.branch_id, as_of)
    return write_ledger(people, get_branch(db, request.branch_id).name, request.year, request.out,
                        as_of=as_of, mask=request.mask)


register(ExportKind("development-ledger", "发展党员台账", ".xlsx", export_ledger, needs_year=True, order=40))
