"""`dangjian export birthday-messages` and `export rectification` on the command line: the notes that name who
has no phone, and the refusal of --year with --as-of."""

from __future__ import annotations

import csv

from dangjian_desktop.cli import main
from tests.services.test_birthday_messages import branch  # noqa: F401 - the fixture: four members, one without a phone


def test_cli_export_birthday_messages(db, branch, workdir, capsys):
    path = db.path
    db.close()
    out = workdir / "短信 七月.csv"
    assert main(["--db", str(path), "export", "birthday-messages", "--out", str(out), "--as-of", "2026-07-01"]) == 0
    text = capsys.readouterr().out
    assert "已导出" in text and "2026年7月共 2 人过政治生日" in text and "1 人没有手机号（李四）" in text
    with open(out, encoding="utf-8-sig", newline="") as fh:
        assert len(list(csv.reader(fh))) == 3
    assert main(["--db", str(path), "export", "birthday-messages", "--out", str(out), "--year", "2026",
                 "--as-of", "2026-07-01"]) == 1
    assert "只能给一个" in capsys.readouterr().err
    assert main(["--db", str(path), "export", "rectification", "--out", str(workdir / "整改台账.xlsx")]) == 0
    assert (workdir / "整改台账.xlsx").exists()
