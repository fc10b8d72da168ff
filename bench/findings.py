"""Every finding of `check` on a database, written to a file, so that a change meant only to make `check`
faster can prove it finds exactly what it found before (issue 26):

    python -m bench.findings dump --db COPY.db before.txt            # on the code before the change
    python -m bench.findings dump --db COPY.db after.txt             # on the code after it
    python -m bench.findings compare before.txt after.txt

`dump` checks a database (a copy of bench's 党委 database: opening may write to it) as of several days of
the year (Q4 with the year's 学时 and 谈心谈话 reminders, mid-year, early October, the turn of the year),
one `repr` a line in the order `check` gives them (ref, branch and label included), and prints the CPU
time and statements each took. Run `dump` with the old code first (e.g. `git stash`, or an exported
copy of the old commit on PYTHONPATH), then with the new.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

DAYS = (date(2026, 11, 23), date(2026, 6, 30), date(2026, 10, 8), date(2027, 1, 15))


def dump(db_path: Path, out: Path, days=DAYS) -> None:
    from sqlalchemy import event

    from dangjian_desktop.db.engine import open_database
    from dangjian_desktop.runtime import tune_garbage_collector
    from dangjian_desktop.services.check import run_check

    tune_garbage_collector()
    db = open_database(db_path)
    statements: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    lines = []
    try:
        for day in days:
            statements.clear()
            started = time.process_time()
            found = run_check(db, None, day)
            cpu = time.process_time() - started
            print(f"{day}: {len(found)} findings, {cpu:.2f} s CPU, {len(statements)} statements", file=sys.stderr)
            lines.append(f"# as of {day}: {len(found)}")
            lines.extend(repr(f) for f in found)
    finally:
        db.close()
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def compare(a: Path, b: Path) -> int:
    first, second = a.read_text(encoding="utf-8").splitlines(), b.read_text(encoding="utf-8").splitlines()
    if first == second:
        print(f"same: {len(first)} lines")
        return 0
    import difflib

    diff = list(difflib.unified_diff(first, second, str(a), str(b), lineterm="", n=0))
    print("\n".join(diff[:200]))
    print(f"DIFFERENT: {sum(1 for d in diff if d[:1] in '+-') - 2} lines differ")
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.findings")
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--db", type=Path, required=True, help="a copy of the database (opening may write to it)")
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = parser.parse_args(argv)
    if args.command == "compare":
        return compare(args.a, args.b)
    dump(args.db, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
