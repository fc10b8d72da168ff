"""The demo at 党委 scale: same data in every process, and every member old enough when admitted."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

from sqlalchemy import select

from dangjian_desktop.core import idcard
from dangjian_desktop.db import models as m
from dangjian_desktop.db.engine import open_database
from dangjian_desktop.services.demo import make_demo
from tests.conftest import TODAY

_MINUTES = """
import sys
from datetime import date
from sqlalchemy import select
from dangjian_desktop.db.engine import open_database
from dangjian_desktop.db import models as m
from dangjian_desktop.services.demo import make_demo
db = open_database(sys.argv[1], create=True)
make_demo(db, seed=4, today=date(2026, 11, 23))
with db.session() as s:
    print(repr(s.scalars(select(m.Meeting.minutes).order_by(m.Meeting.id)).all()))
"""


def test_same_seed_same_minutes_in_another_process(workdir):
    # set iteration order depends on PYTHONHASHSEED: the speakers in the minutes must not
    outputs = []
    for n, hash_seed in enumerate(("1", "2")):
        env = dict(os.environ, PYTHONHASHSEED=hash_seed)
        done = subprocess.run([sys.executable, "-c", _MINUTES, str(workdir / f"{n}.db")], env=env,
                              capture_output=True, text=True, encoding="utf-8", check=True)
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] and "同志主持会议" in outputs[0]


def test_ten_years_of_records_admit_nobody_under_eighteen(workdir):
    db = open_database(workdir / "十年.db", create=True)
    make_demo(db, seed=1, branches=1, members=120, years=10, today=TODAY)
    with db.session() as s:
        members = s.scalars(select(m.Member)).all()
    db.close()
    assert len(members) > 120
    for x in members:
        if x.joined_on and x.birth_date:
            eighteen = date(x.birth_date.year + 18, x.birth_date.month, min(x.birth_date.day, 28))
            assert x.joined_on >= eighteen, (x.name, x.birth_date, x.joined_on)
    assert sum(not idcard.is_valid(x.id_number) for x in members) == 1  # only the deliberate one
