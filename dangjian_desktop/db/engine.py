"""Opening a database: SQLite pragmas, backup before migration, upgrade or refuse."""

from __future__ import annotations

import logging
import re
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.orm import Session

from dangjian_desktop import private
from dangjian_desktop.db import is_url  # noqa: F401 - re-exported (cli)
from dangjian_desktop.db.filecheck import SQLITE_HEADER, check_file, integrity_problem  # noqa: F401 - re-exported
from dangjian_desktop.errors import DatabaseError, DatabaseMissing, DatabaseTooNew

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(connection=None) -> Config:
    # Alembic is imported only when a migration is looked at: it costs half a second at
    # every start, and a database already at the head needs none of it (see _head_from_files)
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


_REVISION_LINE = re.compile(r"""^(down_revision|revision)\s*(?::[^=]*)?=\s*(.+?)\s*$""", re.M)


def _head_from_files() -> str | None:
    """The head revision read from the scripts' `revision =` lines, without importing Alembic;
    None when that is not clear-cut (then Alembic decides)."""
    revisions, parents = set(), set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        found = dict(m.groups() for m in _REVISION_LINE.finditer(script.read_text(encoding="utf-8")))
        if "revision" not in found:
            continue  # __init__.py and helpers
        rev = found["revision"].strip("'\"")
        if not re.fullmatch(r"\w+", rev):
            return None
        revisions.add(rev)
        down = found.get("down_revision", "None")
        if down != "None":
            if not re.fullmatch(r"""['"]\w+['"]""", down):
                return None  # a merge point or something unusual
            parents.add(down.strip("'\""))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # Take transaction control away from the sqlite3 module so that BEGIN is ours:
    # then DDL in a migration is transactional too and a failure rolls all of it back.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")  # a record reported saved survives a power cut
    cur.close()


def _sqlite_begin(conn) -> None:
    # A unit of work that will write takes the write lock up front (IMMEDIATE): a second
    # writer then waits (busy_timeout) instead of failing when it upgrades a read snapshot.
    immediate = conn.get_execution_options().get("sqlite_immediate")
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str) -> Engine:
    """An engine for `url` with the pragmas and transaction handling the program relies on."""
    # hide_parameters: an error's text (shown, logged, in a traceback) must not carry the values
    # of a statement, which are members' ID and phone numbers
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False}, hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    else:
        from dangjian_desktop.db.shared import postgres_connect_args

        engine = create_engine(url, pool_pre_ping=True, connect_args=postgres_connect_args(),
                               hide_parameters=True)
    return engine


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def backup_sqlite(source: Path, dest: Path) -> Path:
    """A consistent copy of a (possibly live) SQLite file through the online backup API."""
    private.create_file(dest)  # owner-only before SQLite writes the first page into it
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        out = sqlite3.connect(dest)
        try:
            src.backup(out)
        finally:
            out.close()
    finally:
        src.close()
    return dest


@dataclass
class Database:
    """An open database: the engine plus the folders that belong to it."""

    url: str
    engine: Engine
    path: Path | None  # None for a server database
    files_dir: Path  # attachments, backups and exports that belong to this database

    @property
    def attachments_dir(self) -> Path:
        return self.files_dir / "attachments"

    @property
    def backups_dir(self) -> Path:
        return self.files_dir / "backups"

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed at the end, rolled back on any error.

        A second user's edit of the same record (version_id_col) or a write that waited too
        long for another user becomes ConcurrentEdit with a Chinese message, here only.
        """
        from sqlalchemy.exc import DBAPIError
        from sqlalchemy.orm.exc import StaleDataError

        from dangjian_desktop.db import shared

        bind = self.engine.execution_options(sqlite_immediate=True) if self.is_sqlite else self.engine
        try:
            with Session(bind, expire_on_commit=False) as s, s.begin():
                yield s
        except StaleDataError as exc:
            raise shared.stale_record_error(exc) from exc
        except DBAPIError as exc:
            if shared.is_lock_wait(exc):
                raise shared.busy_error() from exc
            if (problem := shared.storage_error(exc)) is not None:  # disk full, server gone ...
                raise problem from exc
            raise

    def close(self) -> None:
        self.engine.dispose()


def files_dir_for(path: Path) -> Path:
    """Attachments and backups live beside the database: `dangjian.db` → `dangjian-文件/`."""
    return path.with_name(f"{path.stem}-文件")


def _current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if "alembic_version" not in inspect(conn).get_table_names():
            return None
        versions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(versions) > 1:
        raise DatabaseError("数据库的结构版本记录有多条，无法判断能否打开，未做任何改动。")
    return versions[0] if versions else None


def open_database(target: str | Path, *, create: bool = False, checked: bool = False) -> Database:
    """Open (and if needed create or upgrade) a database file or server URL.

    `checked`: the caller has just made filecheck.check_file on the file (the GUI does it while
    this module is still being imported), so it is not made a second time.

    Before an upgrade the file is copied to the backups folder; the upgrade runs in one
    transaction, so a failure leaves the original as it was. A database written by a newer
    version of the program is refused, never touched.
    """
    if is_url(target):
        url, path = str(target), None
        from dangjian_desktop import paths

        files = paths.data_dir() / "server"
    else:
        path = Path(target).expanduser().resolve()
        if not path.exists():
            if not create:
                raise DatabaseMissing(f"数据库文件“{path}”不存在。请先用 init 或 demo 命令创建，或检查路径。")
            private.create_file(path)  # SQLite takes an empty file as a new database
        elif not checked:
            check_file(path)
        url, files = sqlite_url(path), files_dir_for(path)
    engine = make_engine(url)
    try:
        if path is None:
            from dangjian_desktop.db.shared import check_reachable

            check_reachable(engine)
        _migrate(engine, path, files)
    except Exception:
        engine.dispose()
        raise
    if path is not None:  # a file an older version left readable by everyone
        private.restrict_database(path, files)
    if path is None:  # `url` is shown in the window and used as a key in the config: never the password
        from dangjian_desktop.db.shared import safe_url

        url = safe_url(url)
    return Database(url=url, engine=engine, path=path, files_dir=files)


def _migrate(engine: Engine, path: Path | None, files: Path) -> None:
    try:
        current = _current_revision(engine)
    except DatabaseError:
        raise
    except Exception as exc:  # unreadable file: never overwrite it
        raise DatabaseError(f"无法读取数据库（{exc}），文件可能已损坏，未做任何改动。") from exc
    if current is not None and current == _head_from_files():
        return  # the usual case: nothing to do, and no Alembic to load
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    if current == head:
        return
    if current is not None:
        try:
            known = script.get_revision(current)
        except Exception:
            known = None
        if known is None:
            raise DatabaseTooNew(
                f"该数据库由更新版本的程序创建（结构版本 {current}），本程序无法打开。"
                "请升级党支部工作台后再打开，数据未做任何改动。"
            )
    else:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
        if tables:
            raise DatabaseError("该文件是一个数据库，但不是党支部工作台的数据库，未做任何改动。")
    if current is not None and path is not None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        dest = files / "backups" / f"{path.stem}-升级前-{current}-{stamp}.db"
        backup_sqlite(path, dest)
        log.info("backed up %s to %s before migrating from %s", path, dest, current)
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "head")
    except Exception as exc:
        log.exception("migration failed")
        raise DatabaseError(f"数据库升级失败（{exc}），原文件未做任何改动。") from exc
