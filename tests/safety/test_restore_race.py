"""Restore racing an import: an import that says "新增 300 人" (exit 0) has its people in the
restored database or in the 恢复前 backup, never in neither; the other one is refused (exit 3).

Before, restore did not hold the database for its whole run, and 2 of 32 such races lost the
import's people.
"""

from __future__ import annotations

import os
import random
import re
import sqlite3
import subprocess
import sys
import time
import zipfile
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from tests.roster_files import id_for
from tests.safety.cli_process import dangjian

RACES = int(os.environ.get("DANGJIAN_RACES", "16"))
SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"


def _roster(path: Path, count: int = 300) -> tuple[Path, set[str]]:
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "性别", "公民身份号码", "入党时间", "转正时间"])
    names = set()
    for n in range(count):
        name = SURNAMES[n % 20] + GIVEN[(n // 20) % 20] + GIVEN[(n // 400 + n) % 20]
        name = f"{name}{'甲乙丙丁'[n // 100]}"
        names.add(name)
        ws.append([name, "男", id_for(date(1950 + n % 25, 1 + n % 12, 1 + n % 28), True, seq=n + 1),
                   "2000-07-01", "2001-07-01"])
    wb.save(path)
    return path, names


def _names(db_file: Path) -> set[str]:
    con = sqlite3.connect(db_file)
    try:
        return {r[0] for r in con.execute("SELECT name FROM members")}
    finally:
        con.close()


def _names_in_archive(archive: Path, tmp: Path) -> set[str]:
    with zipfile.ZipFile(archive) as zf:
        zf.extract("database.db", tmp)
    return _names(tmp / "database.db")


def _start(*args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "dangjian_desktop.cli", *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")


def test_restore_racing_an_import_never_loses_what_the_import_reported(workdir, tmp_path):
    template = workdir / "模板.db"
    code, _, err = dangjian("--db", template, "demo", "--members", "12", "--years", "1")
    assert code == 0, err
    archive = Path(dangjian("--db", template, "backup")[1].strip().rsplit("：", 1)[1])
    roster, imported = _roster(workdir / "新党员.xlsx")
    rng = random.Random(32)
    outcomes = {"import, then restore": 0, "restore, then import": 0, "import refused during restore": 0,
                "import; restore refused": 0}
    for n in range(RACES):
        path = workdir / f"第{n}次.db"
        path.write_bytes(template.read_bytes())
        first, second = (("import", "restore") if rng.random() < 0.5 else ("restore", "import"))
        procs = {}
        for which in (first, second):
            procs[which] = (_start("--db", path, "members", "import", roster) if which == "import"
                            else _start("--db", path, "restore", archive))
            time.sleep(rng.uniform(0, 0.6) if which == first else 0)
        results = {k: (p.wait(120), *p.communicate()) for k, p in procs.items()}
        (ic, iout, ierr), (rc, rout, rerr) = results["import"], results["restore"]
        assert ic in (0, 3) and rc in (0, 3) and (ic, rc) != (3, 3), (ic, ierr, rc, rerr)
        now = _names(path)
        if ic == 0:
            assert "新增 300 人" in iout
            safety = Path(re.search(r"恢复前的数据已另存为备份：(.+)", rout).group(1).strip()) if rc == 0 else None
            before_restore = safety is not None and imported <= _names_in_archive(safety, tmp_path / str(n))
            if before_restore:  # in the 恢复前 backup, so the restore replaced them knowingly
                assert not imported & now
                outcomes["import, then restore"] += 1
            else:  # after the restore (or the restore gave way to it): in the database
                assert imported <= now, (n, rc, rerr)
                outcomes["restore, then import" if rc == 0 else "import; restore refused"] += 1
        else:  # the import came while the restore held the database: refused, nothing written
            assert ierr.strip() == "数据库正在从备份恢复，请等恢复完成后再试"
            assert not imported & now
            outcomes["import refused during restore"] += 1
    print(f"\nrestore/import races: {RACES}, {outcomes}, no import reported as saved was lost")
    assert sum(outcomes.values()) == RACES
