"""`dangjian` for meetings: exports by kind, check subjects as cli.md says, refusals exit 1."""

from __future__ import annotations

import json

from docx import Document
from openpyxl import load_workbook

from dangjian_desktop.cli import main
from tests.conftest import TODAY


def test_exports_of_the_meeting_documents(demo_db, workdir, capsys):
    db = str(demo_db.path)
    minutes, book, ledger = workdir / "记录.docx", workdir / "记录本.docx", workdir / "台账.xlsx"
    assert main(["--db", db, "export", "minutes", "--id", "5", "--out", str(minutes)]) == 0
    assert main(["--db", db, "export", "minutes-book", "--year", "2025", "--out", str(book)]) == 0
    assert main(["--db", db, "export", "meetings-ledger", "--year", "2025", "--out", str(ledger)]) == 0
    assert any(p.text.endswith("记录") for p in Document(str(minutes)).paragraphs)
    assert "2025年度会议记录本" in "\n".join(p.text for p in Document(str(book)).paragraphs[:12])  # the cover
    assert load_workbook(ledger).sheetnames == ["三会一课台账", "完成情况"]
    capsys.readouterr()
    assert main(["--db", db, "export", "minutes", "--id", "999999", "--out", str(minutes)]) == 1
    assert "没有编号为 999999 的会议记录" in capsys.readouterr().err
    assert main(["--db", db, "export", "minutes-book", "--out", str(book)]) == 1
    assert "--year" in capsys.readouterr().err


def test_check_json_reports_meeting_periods_and_inactive_members(demo_db, capsys):
    assert main(["--db", str(demo_db.path), "check", "--as-of", TODAY.isoformat(), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    meet = {(f["rule"], f["subject"], f["severity"]) for f in data["findings"] if f["rule"].startswith("MEET-")}
    assert ("MEET-COMMITTEE-M", "committee 2025-03", "overdue") in meet
    assert ("MEET-LECTURE-Q", "lecture 2025-Q2", "overdue") in meet
    assert ("MEET-ORG-LIFE-Y", "org_life 2026", "due") in meet
    assert any(f["rule"] == "MEMBER-INACTIVE-6M" for f in data["findings"])


def test_check_for_people_is_chinese_with_articles_and_no_rule_ids(demo_db, capsys):
    """What a secretary reads (and an inspector signs): Chinese subjects and periods, the document and
    article of each rule, and never a rule id or an English code (those are in --json)."""
    import re

    from dangjian_desktop.core import rules

    assert main(["--db", str(demo_db.path), "check", "--as-of", TODAY.isoformat()]) == 0
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line.startswith("[")]
    assert lines
    ids = [r.id for r in rules.catalog().rules]
    for line in lines:
        assert not any(rule_id in line for rule_id in ids), line
        assert not re.search(r"\b(committee|lecture|group|org_life|theme_day|branch_congress|appraisal|heart_talk)\b",
                             line), line
        if "的政治生日是" in line:  # a reminder of a celebration, no rule to cite
            continue
        assert "《" in line or "GB 11643" in line or "本地常见做法" in line, line  # every finding cites its source
    assert any("支部委员会会议 2025年3月" in line and "第十二条" in line for line in lines)
    assert any("党课 2025年第二季度" in line and "本地常见做法" in line for line in lines)
