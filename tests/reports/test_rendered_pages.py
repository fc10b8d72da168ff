"""The printed pages, as LibreOffice lays them out (installed by .ci/run): a short meeting fits one page,
no page holds only signatures, a talk prints as a talk, and the 记录本's contents give the right pages."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from dangjian_desktop.core.glossary import MeetingType
from dangjian_desktop.services import meetings as svc
from dangjian_desktop.services.exports import ExportRequest, run_export

pytestmark = pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                                reason="LibreOffice (soffice) and poppler-utils are installed by .ci/run")

SIGNATURE_ONLY = re.compile(r"^\s*(((主持人|记录人|谈话人|谈话对象|填表人|党支部书记)（签字）：_*\s*)+|党支部（盖章）.*|"
                            r"—\s*\d+\s*—|)\s*$")


def _pages(docx: Path, workdir: Path) -> list[str]:
    """The text of each page of the document as LibreOffice prints it."""
    out = workdir / "pdf"
    profile = workdir / "lo-profile"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "pdf",
                    "--outdir", str(out), str(docx)], check=True, capture_output=True, timeout=300)
    pdf = out / (docx.stem + ".pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          timeout=120).stdout.decode("utf-8")
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def _signature_only(page: str) -> bool:
    return all(SIGNATURE_ONLY.match(line) for line in page.splitlines())


def test_the_signature_check_sees_a_page_of_signatures_only():
    assert _signature_only("\n   主持人（签字）：________    记录人（签字）：________\n\n   — 55 —\n")
    assert not _signature_only("决议（决定事项）：\n  会议一致同意。\n 主持人（签字）：____\n")


def _first(db, mtype: MeetingType):
    return next(m for m in sorted(svc.list_meetings(db, 1, year=2025), key=lambda m: m.held_on) if m.type is mtype)


def test_a_short_meeting_and_a_talk_fit_one_page(demo_db, workdir):
    committee = run_export(demo_db, "minutes", ExportRequest(1, workdir / "支委会.docx",
                                                             record_id=_first(demo_db, MeetingType.COMMITTEE).id))
    assert len(_pages(committee, workdir)) == 1
    talk = run_export(demo_db, "minutes", ExportRequest(1, workdir / "谈话.docx",
                                                        record_id=_first(demo_db, MeetingType.HEART_TALK).id))
    pages = _pages(talk, workdir)
    assert len(pages) == 1
    text = pages[0]
    assert "谈心谈话记录" in text and "谈话内容" in text
    assert "议题" not in text and "讨论发言" not in text and "主持会议" not in text and "主持人" not in text
    # the three signatures on one line, not broken over two
    line = next(x for x in text.splitlines() if "谈话人（签字）" in x)
    assert "谈话对象（签字）" in line and "记录人（签字）" in line


def test_the_minutes_book_pages(demo_db, workdir):
    """No page of the 2025 book holds only signatures, and each 页码 of the contents is the page its
    record starts on."""
    book = run_export(demo_db, "minutes-book", ExportRequest(1, workdir / "记录本.docx", year=2025))
    pages = _pages(book, workdir)
    lonely = [i for i, p in enumerate(pages, start=1) if _signature_only(p)]
    assert lonely == []
    assert "年度会议记录本" in pages[0] and "保 管 人" in pages[0]
    starts = {}
    for no, page in enumerate(pages, start=1):
        for m in re.finditer(r"^\s*（(\d+)）\S+记录\s*$", page, re.M):
            starts.setdefault(int(m.group(1)), no)
    count = len(svc.list_meetings(demo_db, 1, year=2025))
    assert sorted(starts) == list(range(1, count + 1))
    # the contents: a row's number and date, then its page number (on the same line or the next)
    listed: dict[int, int] = {}
    row = None
    for line in "\n".join(pages[1:min(starts.values()) - 1]).splitlines():
        if m := re.match(r"^\s*(\d+)\s+\d+\s*月\s*\d+\s*日.*?(?:\s{2,}(\d+))?\s*$", line):
            row = int(m.group(1))
            if m.group(2):
                listed[row], row = int(m.group(2)), None
        elif row is not None and (m := re.match(r"^\s*(\d+)\s*$", line)):
            listed[row], row = int(m.group(1)), None
    assert listed == starts


def test_the_development_record_pages(demo_db, workdir):
    record = run_export(demo_db, "development-record", ExportRequest(1, workdir / "纪实表.docx", record_id=4))
    pages = _pages(record, workdir)
    assert 2 <= len(pages) <= 5
    assert not any(_signature_only(p) for p in pages)
    text = re.sub(r"\s", "", "".join(pages))
    assert "材料清单" in text and re.search(r"—\s*1\s*—", pages[0])
