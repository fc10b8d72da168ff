"""年度组织生活情况报告 (Word): the year in numbers, written as a report ready to complete and submit."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH

from dangjian_desktop.core.dates import cn
from dangjian_desktop.core.development import STAGES
from dangjian_desktop.core.glossary import AppraisalOutcome, BirthdayObservance
from dangjian_desktop.db.engine import Database
from dangjian_desktop.reports import docx_base as d
from dangjian_desktop.services.annual_report import AnnualReport, annual_report
from dangjian_desktop.services.exports import ExportKind, ExportRequest, register

PROMPT_FONT = d.KAITI


def _names(names: list[str], limit: int = 20) -> str:
    if not names:
        return ""
    shown = "、".join(names[:limit])
    return f"（{shown}{'等' if len(names) > limit else ''}）"


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def write_annual_report(r: AnnualReport, out: Path, today: date | None = None) -> Path:
    doc = d.new_document()
    d.add_title(doc, f"{r.branch}\n{r.year}年度组织生活情况报告")
    if r.parent_org:
        d.add_paragraph(doc, f"{r.parent_org}：", indent=False)
    d.add_paragraph(doc, f"{r.year}年，{r.branch}在上级党组织的领导下，认真落实“三会一课”、主题党日、组织生活会、"
                         "民主评议党员、谈心谈话等组织生活制度。现将全年组织生活开展情况报告如下。")

    d.add_heading(doc, "一、基本情况")
    groups = f"，设{len(r.groups)}个党小组" if r.groups else ""
    d.add_paragraph(doc, f"截至{cn(r.as_of)}，支部共有党员{r.members_total}名，其中正式党员{r.members_full}名、"
                         f"预备党员{r.members_probationary}名{groups}。"
                         + (f"支部书记：{r.secretary}。" if r.secretary else ""))

    d.add_heading(doc, "二、组织生活开展情况")
    done = [c for c in r.meetings if not c.missing and not c.pending]
    d.add_paragraph(doc, f"应开展的{len(r.meetings)}类组织生活中，{len(done)}类达到规定次数。"
                         f"有考勤记录的会议平均出勤率为{_pct(r.overall_attendance)}。具体情况见下表。")
    attendance = {a.type: a for a in r.attendance}
    rows = [("类型", "应开", "实开", "完成情况", "出勤率")]
    for c in r.meetings:
        a = attendance.get(c.type)
        rows.append((c.type.label, str(c.required), str(c.held), c.status, _pct(a.rate) if a else "—"))
    d.add_table(doc, rows, (50, 25, 25, 30, 25), size=d.SIZE_S4, centre_columns=(1, 2, 3, 4))
    d.add_paragraph(doc, "")

    d.add_heading(doc, "三、民主评议党员情况")
    total = sum(r.appraisal.values())
    if total:
        parts = "，".join(f"{o.label}{r.appraisal.get(o, 0)}名" for o in AppraisalOutcome)
        d.add_paragraph(doc, f"本年度参加民主评议的党员共{total}名，评议结果：{parts}。")
    else:
        d.add_paragraph(doc, "本年度尚未记录民主评议党员结果。")

    d.add_heading(doc, "四、党员队伍变化情况")
    d.add_paragraph(doc, f"本年度接收预备党员{len(r.admitted)}名{_names(r.admitted)}；"
                         f"预备党员转为正式党员{len(r.made_full)}名{_names(r.made_full)}；"
                         f"转出组织关系{len(r.transferred_out)}名{_names(r.transferred_out)}；"
                         f"去世{len(r.deceased)}名{_names(r.deceased)}"
                         + (f"；出党或停止党籍{len(r.removed)}名" if r.removed else "") + "。")

    d.add_heading(doc, "五、发展党员工作情况")
    d.add_paragraph(doc, f"本年度收到入党申请书{r.new_applications}份，确定入党积极分子{r.steps_in_year.get(3, 0)}名，"
                         f"确定发展对象{r.steps_in_year.get(7, 0)}名，支部大会讨论接收预备党员"
                         f"{r.steps_in_year.get(15, 0)}名，讨论预备党员转正{r.steps_in_year.get(23, 0)}名。"
                         f"截至{cn(r.as_of)}，各阶段在培养人数：" +
                         "，".join(f"{st.short}{r.applicants_by_stage.get(st.no, 0)}名" for st in STAGES) + "。")

    d.add_heading(doc, "六、政治生日活动情况")
    kinds = "，".join(f"{k.label}{r.observances[k]}人次" for k in BirthdayObservance if r.observances.get(k))
    d.add_paragraph(doc, f"本年度有{r.birthdays_due}名党员过政治生日，已为其中{r.birthdays_marked}名党员开展政治生日活动"
                         + (f"（{kinds}）" if kinds else "") + "。")

    d.add_heading(doc, "七、存在的不足")
    if r.missing:
        d.add_paragraph(doc, "对照组织生活制度要求，本年度有以下组织生活未按期开展：")
        for i, f in enumerate(r.missing, start=1):
            d.add_paragraph(doc, f"{i}. {f.message}")
    else:
        d.add_paragraph(doc, "对照组织生活制度要求，本年度各项组织生活均已按期开展。")
    d.add_paragraph(doc, "【请补充：组织生活质量、党员教育管理等方面存在的问题及原因。】", font=PROMPT_FONT)

    d.add_heading(doc, "八、下一步工作打算")
    d.add_paragraph(doc, "【请补充：针对上述不足的整改措施和下一年度的工作打算。】", font=PROMPT_FONT)

    doc.add_paragraph()
    d.add_paragraph(doc, r.branch, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    d.add_paragraph(doc, cn(today or date.today()), indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    return d.save(doc, out)


def export_annual_report(db: Database, req: ExportRequest) -> Path:
    return write_annual_report(annual_report(db, req.branch_id, req.year), req.out)


register(ExportKind("annual-report", "年度组织生活情况报告", ".docx", export_annual_report, needs_year=True, order=10))
