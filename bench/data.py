"""The benchmark data: the 党委-sized demo database, made once and cached under bench/.cache/."""

from __future__ import annotations

import hashlib
import shutil
import time
from datetime import date
from pathlib import Path

from dangjian_desktop.db.engine import MIGRATIONS, backup_sqlite, open_database

CACHE = Path(__file__).parent / ".cache"
TODAY = date(2026, 11, 23)  # fixed, so that every run measures the same database
SIZE = dict(seed=1, branches=20, members=500, years=10)  # 500 per branch: 10,000 on the roll, 2,000 applicants


def _fingerprint() -> str:
    """Changes when the generator or the schema changes, so a stale cache is rebuilt."""
    import dangjian_desktop.services.demo as demo
    import dangjian_desktop.services.demo_data as demo_data

    h = hashlib.sha256(repr((SIZE, TODAY)).encode())
    for source in (Path(demo.__file__), Path(demo_data.__file__), *sorted((MIGRATIONS / "versions").glob("*.py"))):
        h.update(source.read_bytes())
    return h.hexdigest()[:12]


def party_committee_db(rebuild: bool = False, log=print) -> tuple[Path, float | None]:
    """The cached 党委 database file; (path, seconds it took to build or None if cached)."""
    from dangjian_desktop.services.demo import make_demo

    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"党委-{_fingerprint()}.db"
    if path.exists() and not rebuild:
        return path, None
    for old in CACHE.glob("党委-*"):
        if old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
        else:
            old.unlink()
    log(f"正在生成基准测试数据库（{SIZE['branches']} 个支部 × {SIZE['members']} 名党员，{SIZE['years']} 年）…")
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    started = time.perf_counter()
    db = open_database(tmp, create=True)
    try:
        make_demo(db, today=TODAY, **SIZE)
    finally:
        db.close()
    seconds = time.perf_counter() - started
    for side in (tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
        side.unlink(missing_ok=True)
    tmp.rename(path)
    return path, seconds


def working_copy(source: Path, folder: Path) -> Path:
    """A private copy to measure on, so that a benchmark that writes never spoils the cache."""
    folder.mkdir(parents=True, exist_ok=True)
    return backup_sqlite(source, folder / source.name)


def copy_to_server(source: Path, url: str, log=print) -> float:
    """The cached 党委 database copied into an empty PostgreSQL database at `url` (its schema made by
    the program's own migrations), row for row; seconds it took."""
    from sqlalchemy import delete, select

    from dangjian_desktop.db import models
    from dangjian_desktop.db.shared import gather_statistics, insert_rows, reset_sequences

    started = time.perf_counter()
    target = open_database(url, create=True)
    sqlite = open_database(source)
    try:
        tables = [t for t in models.Base.metadata.sorted_tables if t.name != "alembic_version"]
        with target.transaction() as out:
            for table in reversed(tables):  # whatever a new database starts with
                out.execute(delete(table))
            for table in tables:
                with sqlite.session() as src:
                    rows = [dict(r._mapping) for r in src.execute(select(table))]
                insert_rows(out.connection(), table, rows)  # one COPY: minutes less than row by row
                if rows:
                    log(f"  {table.name}：{len(rows)} 行")
            reset_sequences(out)
            gather_statistics(out)  # as the server's autovacuum would soon after: measured with statistics
    finally:
        sqlite.close()
        target.close()
    return time.perf_counter() - started
