"""Opening a database: SQLite pragmas, backup before migration, upgrade or refuse.

A database file is opened by one of three kinds of user (`access`), told apart by the lock beside
it (db.lock): the window (WINDOW), a command that may write (WRITE) and a command that only reads
(READ). A reading command that finds a window's lock becomes a guest: its connections are opened
read-only (`mode=ro`), so it can neither write nor, when it closes, checkpoint and delete the WAL
the window is writing to; SQLite needs a write lock for that, which a read-only descriptor cannot
take. Before each write the database checks that its files are still the ones on disk
(db.watch); a file that is not ours is looked at before any pragma that persists is set.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.orm import Session
from sqlalchemy.pool import QueuePool

from dangjian_desktop import private
from dangjian_desktop.db import faults, files_dir_for, is_url, swap, watch
from dangjian_desktop.db import lock as db_lock
from dangjian_desktop.db.filecheck import (  # noqa: F401 - check_file, integrity_problem re-exported
    FileState,
    check_file,
    closed_cleanly,
    connect,
    integrity_problem,
    mark_closed_cleanly,
    sqlite_uri,
)
from dangjian_desktop.errors import (
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseError,
    DatabaseFilesChanged,
    DatabaseMissing,
    DatabaseTooNew,
)

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


WINDOW = "window"  # a 党支部工作台 window: holds the database for as long as it shows it
WRITE = "write"  # a command that may write: refused while a window has the database
READ = "read"  # a command that only reads: a read-only guest while a window has the database


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


def _sqlite_pragmas_read_only(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def _sqlite_begin(conn) -> None:
    # A unit of work that will write takes the write lock up front (IMMEDIATE): a second
    # writer then waits (busy_timeout) instead of failing when it upgrades a read snapshot.
    immediate = conn.get_execution_options().get("sqlite_immediate")
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str) -> Engine:
    """An engine for a server `url` (or an SQLite URL a tool gives) with the program's settings."""
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


def sqlite_engine(path: Path, *, read_only: bool = False) -> Engine:
    """An engine for the database file `path`. Its connections are made from a quoted `file:` URI
    (no folder name is ever parsed as a URL) and never create the file; `read_only` ones cannot
    write, checkpoint or delete anything."""
    uri = sqlite_uri(path, mode="ro" if read_only else "rw")

    def connect_one() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, check_same_thread=False)

    engine = create_engine("sqlite://", creator=connect_one, poolclass=QueuePool, hide_parameters=True)
    event.listen(engine, "connect", _sqlite_pragmas_read_only if read_only else _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)

    def fault(context) -> None:
        # a full disk, a read-only folder, a removed file, another program's lock: one Chinese
        # sentence saying what was not saved, for the GUI and the command line alike
        conn = context.connection
        writing = bool(conn is not None and not conn.closed and conn.get_execution_options().get("sqlite_immediate"))
        found = faults.explain(context.original_exception, path, faults.NOT_SAVED if writing else faults.NOTHING_CHANGED)
        if found is not None:
            # the cause for support: the statement without its values (hide_parameters), redacted again by the log
            log.info("a write was refused by the database: %s", context.sqlalchemy_exception or context.original_exception)
            raise found

    event.listen(engine, "handle_error", fault)
    return engine


def sqlite_url(path: Path) -> str:
    """How a database file is named in messages and in Database.url (never parsed back)."""
    return f"sqlite:///{path}"


def backup_sqlite(source: Path | sqlite3.Connection, dest: Path) -> Path:
    """A consistent copy of a (possibly live) SQLite file through the online backup API; `source`
    may be a connection that already holds the file (a restore's exclusive one)."""
    private.create_file(dest)  # owner-only before SQLite writes the first page into it
    src = source if isinstance(source, sqlite3.Connection) else connect(Path(source), readonly=True)
    try:
        out = sqlite3.connect(dest)
        try:
            src.backup(out)
        finally:
            out.close()
    finally:
        if src is not source:
            src.close()
    return dest


@dataclass
class Database:
    """An open database: the engine plus the folders that belong to it."""

    url: str
    engine: Engine
    path: Path | None  # None for a server database
    files_dir: Path  # attachments, backups and exports that belong to this database
    lock: db_lock.DbLock | None = None  # our share of the lock beside the file (db.lock)
    guest: bool = False  # a reading command's read-only view of a database a window has open
    window: bool = False  # a window's (it holds the file alone for as long as it is open)
    _keeper: sqlite3.Connection | None = field(default=None, repr=False)
    _seen: watch.Seen | None = field(default=None, repr=False)
    _locks_visible: bool = field(default=False, repr=False)
    _broken: str | None = field(default=None, repr=False)
    _mutex: threading.RLock = field(default_factory=threading.RLock, repr=False)

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
        long for another user becomes ConcurrentEdit with a Chinese message, here only. On a
        database file the files are checked before and after (check_files).
        """
        from sqlalchemy.exc import DBAPIError
        from sqlalchemy.orm.exc import StaleDataError

        from dangjian_desktop.db import shared

        if self.guest:
            raise DatabaseBusy(db_lock.WINDOW_BUSY, holder=db_lock.WINDOW)
        if self.is_sqlite:
            self.check_files()
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
        if self.is_sqlite:
            self.check_files(committed=True)

    # -------------------------------------------------------------- keeping the files we write to

    def _arm(self) -> None:
        """Open the keeper connection and note which files the database uses from now on."""
        assert self.path is not None
        with self.engine.connect():
            pass  # the pragmas (WAL) are set before the keeper looks
        self._keeper = connect(self.path)
        self._keeper.execute("SELECT count(*) FROM sqlite_master").fetchone()
        self._seen = watch.Seen.now(self.path)
        self._locks_visible = bool(watch.posix_lock_held(self.path))

    def _disarm(self) -> None:
        """Close every connection: the pool's first, the keeper last (so that, if no other program
        has the file open, SQLite folds the WAL into the file as usual)."""
        self.engine.dispose()
        if self._keeper is not None:
            keeper, self._keeper = self._keeper, None
            keeper.close()

    def check_files(self, *, committed: bool = False) -> None:
        """Before (and after) a write: are the database and its WAL still the files on disk, does
        this process still hold SQLite's lock, is our lock file still the one on disk?

        A file deleted or replaced from outside: the write is not made (or, after a commit, is
        reported as not saved), what the window can still see is copied aside, the file is opened
        again, and DatabaseFilesChanged says all of that. A lost lock is taken again silently.
        """
        if self.path is None or self.guest:
            return
        with self._mutex:
            if self._broken is not None:
                raise DatabaseFilesChanged(self._broken)
            if self._keeper is None or self._seen is None:
                return
            changed = self._seen.changed(self.path)
            if changed:
                self._files_changed(changed, committed)
            if committed:
                return
            if self._locks_visible and watch.posix_lock_held(self.path) is False:
                log.warning("this process lost its lock on %s (a stray close()); reopening", self.path)
                self._disarm()
                self._arm()
                if watch.posix_lock_held(self.path) is False:  # a connection still out on another thread
                    log.warning("the lock on %s is still not held after reopening", self.path)
            if self.lock is not None and not self.lock.on_disk():
                self.lock.renew()

    def _files_changed(self, changed: list[str], committed: bool) -> None:
        assert self.path is not None and self._keeper is not None and self._seen is not None
        path, seen = self.path, self._seen
        what = "和".join(watch.SIDES[side] for side in changed)
        log.error("%s of %s changed behind the window's back", changed, path)
        rescue: Path | None = None
        try:
            rescue = watch.rescue_copy(self._keeper, path, self.backups_dir)
        except (sqlite3.Error, OSError) as exc:
            log.error("could not copy what the window sees of %s: %s", path, exc)
        self._disarm()
        text = f"{what}在本窗口之外被删除或替换了（可能是其他程序、同步盘或杀毒软件所为）。"
        text += ("这次的修改写进了已被替换的旧文件，没有保存到现在的数据库中，请再保存一次。" if committed
                 else "这次的修改没有保存，请再保存一次。")
        try:
            if "" in changed:  # our own WAL must never be replayed into whatever file is there now
                for stale in seen.stale_sides(path):
                    if rescue is not None:
                        stale.unlink()
                    else:
                        os.replace(stale, stale.with_name(f"{stale.name}.救回-{datetime.now():%Y%m%d-%H%M%S}"))
            if not path.exists() and rescue is not None:
                shutil.copyfile(rescue, path)
                rescue.unlink()
                rescue = None
                text += "数据库文件已不在原处，程序已用本窗口中的数据重新建立了它，之前保存的数据都在。"
            self._reconnect()
        except (DatabaseError, OSError) as exc:
            text += f"重新打开数据库时出错：{exc}"
            if rescue is not None:
                text += f"本窗口中之前保存的全部数据已另存为“{rescue}”（设置 → 数据安全 的备份列表中也有它）。"
            self._broken = text
            raise DatabaseFilesChanged(text) from None
        if rescue is not None:
            try:
                with self.engine.connect() as conn:
                    now_digest = watch.content_digest(conn.connection.dbapi_connection)
                old = connect(rescue, readonly=True)
                try:
                    same = watch.content_digest(old) == now_digest
                finally:
                    old.close()
            except (sqlite3.Error, DatabaseError):
                same = False
            if same:
                rescue.unlink()
                text += "程序已重新打开数据库文件，之前保存的数据都在，没有丢失。"
            else:
                text += (f"程序已重新打开数据库文件；它与本窗口之前看到的数据不同，本窗口中的全部数据已另存为“{rescue}”，"
                         "请核对（设置 → 数据安全 的备份列表中有它，需要时可以从它恢复）。")
        raise DatabaseFilesChanged(text)

    def _reconnect(self) -> None:
        """Open the file again (it may be another file now): check it, upgrade it, keep it."""
        assert self.path is not None
        self.engine.dispose()  # no connection made meanwhile may stay on a file that was replaced
        state = check_file(self.path)
        _refuse_what_is_not_ours(self.path, state, create=False, guest=self.guest)
        _migrate(self.engine, self.path, self.files_dir, state.revision)
        self._arm()

    def suspend(self) -> None:
        """Close every connection but keep the lock: the file is about to be replaced (restore)."""
        with self._mutex:
            self._disarm()
            self._seen = None

    def resume(self) -> None:
        """After `suspend`: open the (possibly replaced) file again, upgrading an older one."""
        with self._mutex:
            self._broken = None
            self._reconnect()

    def _closing_cleanly(self) -> bool:
        """After _disarm: may this close be noted, so that the next open, a window's or a command's,
        skips the quick_check (filecheck.closed_cleanly)? Only for the very file opened and checked,
        by a window, which holds it alone, or by a command that finds nobody else holding the lock as
        it leaves (another command could be writing beside it, or have died while writing) and the
        database's folder of files already there (a command makes no folder just for the note: `init`
        leaves nothing but the file)."""
        if self.path is None or self.guest or self._broken is not None or self._seen is None:
            return False
        if "" in self._seen.changed(self.path):
            return False
        return self.window or (self.files_dir.is_dir() and self.lock is not None and self.lock.alone())

    def close(self) -> None:
        """Close every connection and let go of the lock, noting a clean close (_closing_cleanly)."""
        self._disarm()
        if self._closing_cleanly():
            mark_closed_cleanly(self.path)  # while the lock is still ours: nobody has written since
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def _refuse_what_is_not_ours(path: Path, state: FileState, *, create: bool, guest: bool) -> None:
    """Refuse an empty file (unless creating), a foreign database and one from a newer program,
    before anything (the WAL pragma) has touched it."""
    if state.empty:
        if create and not guest:
            return
        if state.size == 0:
            raise DatabaseDamaged(
                f"数据库文件“{path}”是空的（0 字节），里面没有任何数据，未做任何改动。可以从最近一次完好的备份恢复"
                "（设置 → 数据安全，或 dangjian restore 备份文件）；如果要新建数据库，请用 init 或 demo 命令。"
                "技术信息：文件是空的（0 字节）")
        raise DatabaseError(f"文件“{path}”是一个没有任何数据表的 SQLite 数据库，不是党支部工作台的数据库，未做任何改动。"
                            "如果要新建数据库，请用 init 或 demo 命令。")
    if state.revision is None:
        raise DatabaseError("该文件是一个数据库，但不是党支部工作台的数据库，未做任何改动。")
    if state.revision != _head_from_files() and not _known_revision(state.revision):
        if {"branches", "members"} <= state.tables:
            raise DatabaseTooNew(
                f"该数据库由更新版本的程序创建（结构版本 {state.revision}），本程序无法打开。"
                "请升级党支部工作台后再打开，数据未做任何改动。"
            )
        raise DatabaseError("该文件是一个数据库，但不是党支部工作台的数据库，未做任何改动。")
    if guest and state.revision != _head_from_files() and state.revision != head_revision():
        raise DatabaseBusy("数据库需要升级到本程序的结构版本，但它正在被党支部工作台窗口使用，请先关闭窗口", holder=db_lock.WINDOW)


def _known_revision(revision: str) -> bool:
    from alembic.script import ScriptDirectory

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except Exception:  # noqa: BLE001 - Alembic raises several kinds for an unknown id
        return False


def _current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if "alembic_version" not in inspect(conn).get_table_names():
            return None
        versions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(versions) > 1:
        raise DatabaseError("数据库的结构版本记录有多条，无法判断能否打开，未做任何改动。")
    return versions[0] if versions else None


def _lock_for(path: Path, access: str) -> tuple[db_lock.DbLock | None, bool]:
    """Our lock for `access`, and whether we are a read-only guest of a window."""
    if access == WINDOW:
        return db_lock.acquire(path, db_lock.WINDOW, wait=db_lock.WINDOW_WAIT), False
    try:
        return db_lock.acquire(path, db_lock.SHARED), False
    except DatabaseBusy as busy:
        if access == READ and busy.holder == db_lock.WINDOW:
            return None, True
        raise


def open_database(target: str | Path, *, create: bool = False, checked: FileState | None = None,
                  access: str = WRITE, lock: db_lock.DbLock | None = None) -> Database:
    """Open (and if needed create or upgrade) a database file or server URL.

    `access`: WINDOW, WRITE or READ (see the module's docstring). `lock`: one the caller already
    holds (the window takes it before the file is checked); it is released if opening fails.
    `checked`: what filecheck.check_file found, made by the caller under that lock (the GUI does
    it while this module is still being imported), so that it is not done a second time.

    Before an upgrade the file is copied to the backups folder; the upgrade runs in one
    transaction, so a failure leaves the original as it was. A database written by a newer
    version of the program is refused, never touched.
    """
    if is_url(target):
        local = _sqlite_path_of(str(target))
        if local is None:
            return _open_server(str(target))
        target = local
    path = Path(target).expanduser().resolve()
    try:
        if not path.exists():
            if not create:
                raise DatabaseMissing(f"数据库文件“{path}”不存在。请先用 init 或 demo 命令创建，或检查路径。")
            try:
                private.make_dir(path.parent)
            except OSError as exc:
                raise faults.explain(exc, path, "没有建立数据库") or exc from None
        guest = False
        if lock is None:
            lock, guest = _lock_for(path, access)
        if guest:
            if swap.pending(path):
                raise DatabaseBusy(db_lock.RESTORE_BUSY, holder=db_lock.RESTORE)
        else:
            swap.tidy_up(path)
        if not path.exists():  # create: an empty file, filled by the first migration
            try:
                private.create_file(path)  # owner-only before SQLite writes the first page into it
                connect(path, create=True).close()
            except sqlite3.Error as exc:
                raise faults.explain(exc, path, "没有建立数据库") or DatabaseError(f"没有建立数据库：{exc}。") from None
        if checked is not None:
            state = checked
        else:  # after a clean close (a window's or a command's) of this very file, without the quick_check
            state = check_file(path, readonly=guest, quick=guest or not closed_cleanly(path))
        _refuse_what_is_not_ours(path, state, create=create, guest=guest)
        db = Database(url=sqlite_url(path), engine=sqlite_engine(path, read_only=guest), path=path,
                      files_dir=files_dir_for(path), lock=lock, guest=guest, window=access == WINDOW)
        try:
            if guest:
                with db.engine.connect():
                    pass
            else:
                _migrate(db.engine, path, db.files_dir, state.revision)
                db._arm()
                private.restrict_database(path, db.files_dir)  # a file an older version left readable by everyone
        except BaseException:
            db.engine.dispose()
            db.lock = None  # released below
            if db._keeper is not None:
                db._keeper.close()
            raise
        return db
    except BaseException:
        if lock is not None:
            lock.release()
        raise


def _sqlite_path_of(url: str) -> Path | None:
    """`sqlite:///x.db` → the file (opened like `--db x.db`); None for a server URL. Any other kind
    of database is refused in one sentence."""
    scheme = url.split("://", 1)[0].lower()
    dialect = scheme.split("+", 1)[0]
    if dialect == "sqlite":
        from sqlalchemy.engine import make_url

        try:
            database = make_url(url).database
        except Exception:  # noqa: BLE001 - any unreadable URL
            database = None
        if not database or database == ":memory:":
            raise DatabaseError("这个 SQLite 地址没有指明数据库文件，未做任何改动。请直接写文件路径，例如 --db 支部.db。")
        return Path(database)
    if dialect not in ("postgresql", "postgres"):
        raise DatabaseError(f"不支持“{scheme}://”这种数据库地址：党支部工作台只能打开本机的数据库文件，"
                            "或 PostgreSQL 共享数据库（postgresql+psycopg://用户名:密码@服务器:5432/数据库名），未做任何改动。")
    return None


def _open_server(url: str) -> Database:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    from dangjian_desktop import paths
    from dangjian_desktop.db.shared import check_reachable, safe_url

    try:
        parsed = make_url(url)
        if parsed.drivername in ("postgresql", "postgres"):  # the driver we ship
            url = parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
        engine = make_engine(url)
    except (ArgumentError, NoSuchModuleError, ImportError, ValueError):
        raise DatabaseError(f"无法识别数据库地址“{safe_url(url)}”，未做任何改动。地址应写成 "
                            "postgresql+psycopg://用户名:密码@服务器:5432/数据库名。") from None
    files = paths.data_dir() / "server"
    try:
        check_reachable(engine)
        _migrate(engine, None, files, _current_revision(engine), server=True)
    except Exception:
        engine.dispose()
        raise
    # `url` is shown in the window and used as a key in the config: never the password
    return Database(url=safe_url(url), engine=engine, path=None, files_dir=files)


def _migrate(engine: Engine, path: Path | None, files: Path, current: str | None, *, server: bool = False) -> None:
    """Bring the database from revision `current` to the head (nothing to do in the usual case)."""
    if current is not None and current == _head_from_files():
        return  # the usual case: nothing to do, and no Alembic to load
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    if current == head:
        return
    if current is not None:
        if not _known_revision(current):
            raise DatabaseTooNew(
                f"该数据库由更新版本的程序创建（结构版本 {current}），本程序无法打开。"
                "请升级党支部工作台后再打开，数据未做任何改动。"
            )
    elif server:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
        if tables:
            raise DatabaseError("该文件是一个数据库，但不是党支部工作台的数据库，未做任何改动。")
    if current is not None and path is not None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        dest = files / "backups" / f"{path.stem}-升级前-{current}-{stamp}.db"
        try:
            backup_sqlite(path, dest)
        except (OSError, sqlite3.Error) as exc:
            if isinstance(exc, OSError) or dest.exists():
                dest.unlink(missing_ok=True)
            raise faults.explain(exc, dest, "升级前的备份没有做成，所以没有升级，数据库未做任何改动") or \
                DatabaseError(f"升级前的备份没有做成（{exc}），所以没有升级，数据库未做任何改动。") from None
        log.info("backed up %s to %s before migrating from %s", path, dest, current)
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "head")
    except DatabaseError:
        raise
    except Exception as exc:
        log.exception("migration failed")
        found = faults.explain(getattr(exc, "orig", None) or exc, path, "数据库升级没有完成，原文件未做任何改动")
        if found is not None:
            raise found from exc
        raise DatabaseError(f"数据库升级失败（{exc}），原文件未做任何改动。") from exc
