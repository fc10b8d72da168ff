"""The demo branch's whole 党员积分 ranking, pinned as it was before the ranking was read with fewer
statements (issue 26): every member's rank, total, and each item's points month by month and count, for
three years (one with the 学时达标 of December, one under way). A change that moves one point fails here.

To pin again after a deliberate change of the rules: `python -m tests.services.test_points_pinned`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from dangjian_desktop.db import models as m
from dangjian_desktop.services import points as ps

PINNED = Path(__file__).resolve().parent.parent / "fixtures" / "points" / "demo-ranking.json"
TODAY = date(2026, 11, 23)  # conftest's TODAY, the demo's "today"
YEARS = (2024, 2025, 2026)


def ranking(db) -> dict:
    """Every year's ranking of every branch as plain JSON: items (name, points, cap) and rows in rank order."""
    from sqlalchemy import select

    with db.session() as s:
        branch_ids = list(s.scalars(select(m.Branch.id).order_by(m.Branch.id)))
    out = {}
    for bid in branch_ids:
        for year in YEARS:
            p = ps.year_points(db, bid, year, today=TODAY)
            out[f"{bid}/{year}"] = {
                "as_of": p.as_of.isoformat(),
                "items": [[i.name, str(i.points), None if i.yearly_cap is None else str(i.yearly_cap), i.source]
                          for i in p.items],
                "entries": len(p.entries),
                "rows": [{"member": r.member_id, "name": r.name, "group": r.group, "rank": r.rank,
                          "total": str(r.total), "counts": list(r.counts),
                          "months": [" ".join(str(v) for v in months) for months in r.grid]}
                         for r in p.rows],
            }
    return out


def dumps(pinned: dict) -> str:
    """One member a line, so that a diff of the file says whose points moved."""
    def one(v) -> str:
        return json.dumps(v, ensure_ascii=False)

    parts = []
    for key, year in pinned.items():
        rows = ",\n".join(f"   {one(r)}" for r in year["rows"])
        parts.append(f' {one(key)}: {{"as_of": {one(year["as_of"])}, "entries": {year["entries"]},\n'
                     f'  "items": {one(year["items"])},\n  "rows": [\n{rows}]}}')
    return "{\n" + ",\n".join(parts) + "\n}\n"


def test_the_demo_ranking_is_the_pinned_one(demo_db):
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))
    got = ranking(demo_db)
    assert set(got) == set(pinned)
    for key in pinned:
        assert got[key]["items"] == pinned[key]["items"], key
        assert got[key]["entries"] == pinned[key]["entries"], key
        for g, p in zip(got[key]["rows"], pinned[key]["rows"], strict=True):
            assert g == p, key
    # the pin means something: members earned points from every kind of item the demo records
    rows = [r for v in pinned.values() for r in v["rows"]]
    assert len(rows) > 90 and len({r["total"] for r in rows}) > 10
    items = pinned["1/2025"]["items"]
    earned = {items[i][0] for r in pinned["1/2025"]["rows"] for i, c in enumerate(r["counts"]) if c}
    assert {"参加组织生活", "按时交纳党费", "学时达标"} <= earned, earned


if __name__ == "__main__":
    import tempfile

    from dangjian_desktop.db.engine import open_database
    from dangjian_desktop.services.demo import make_demo

    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "demo.db", create=True)
        make_demo(db, seed=1, today=TODAY)
        PINNED.write_text(dumps(ranking(db)), encoding="utf-8")
        db.close()
    print(f"written {PINNED}")
