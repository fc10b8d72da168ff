"""A database shared by several secretaries: concurrent edits, lock waits, PostgreSQL specifics."""

from __future__ import annotations

import logging
import re
from typing import Any

from sqlalchemy import Connection, Engine, Table, insert, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from dangjian_desktop.errors import ConcurrentEdit, DatabaseError

log = logging.getLogger(__name__)

# how long a statement may wait for a row someone else is writing before the user is told
LOCK_TIMEOUT_MS = 5000
CONNECT_TIMEOUT_S = 5

_RECORD_LABELS = {
    "branches": "支部信息",
    "members": "党员信息",
    "meetings": "会议记录",
    "applicants": "入党申请人的材料",
    "transfers": "组织关系转接记录",
    "unqualified_disposals": "不合格党员的处置",
    "study_records": "学时记录",
}
_TABLE_IN_MESSAGE = re.compile(r"table '(\w+)'")


MISSING_DRIVER = ("没有安装连接共享数据库（PostgreSQL）所需的组件 psycopg。请使用完整的安装包重新安装本程序，"
                  "或在命令行运行：pip install \"dangjian-desktop[server]\"。数据保存在本机文件中时不需要它。")


def require_driver() -> None:
    """psycopg is an optional part of the program (the `server` extra; the installers include it):
    opening a shared database without it says so in words."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise DatabaseError(MISSING_DRIVER) from None


def postgres_connect_args() -> dict[str, Any]:
    """Connection options for psycopg: give up on a busy row after a few seconds, never hang."""
    require_driver()
    # jit=off: PostgreSQL's JIT compiled check's per-member query for over a second a branch, against
    # 50 ms to run it (bench pg-check; the queries here are many small ones, never worth compiling)
    return {"connect_timeout": CONNECT_TIMEOUT_S, "options": f"-c lock_timeout={LOCK_TIMEOUT_MS} -c jit=off"}


def stale_record_error(exc: StaleDataError) -> ConcurrentEdit:
    """The Chinese message for a row that another user changed since it was read."""
    found = _TABLE_IN_MESSAGE.search(str(exc))
    what = _RECORD_LABELS.get(found.group(1), "这条记录") if found else "这条记录"
    return ConcurrentEdit(f"{what}刚刚已被其他人修改，您的修改没有保存。请刷新后查看对方的修改，再重新修改。")


def is_lock_wait(exc: BaseException) -> bool:
    """True if a statement gave up waiting for another user's write (SQLite busy, PostgreSQL lock_timeout)."""
    if isinstance(exc, OperationalError) and "database is locked" in str(exc):
        return True
    if isinstance(exc, DBAPIError):
        code = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
        return code in ("55P03", "40P01", "40001")  # lock_not_available, deadlock, serialization
    return False


_NOT_SAVED = "这次的修改没有保存，已有的数据没有受影响。"


def storage_error(exc: DBAPIError) -> DatabaseError | None:
    """A write the server could not make for a reason outside the data (its disk is full, the
    connection went away), as one Chinese sentence; None otherwise. (A local file's faults, such as a
    full disk or a read-only folder, are put in words by db.faults as SQLite reports them.)

    The statement and its values are not part of the message; the cause is logged (the engine
    hides bound parameters, the log redacts what is left), so support can still see what failed.
    """
    orig = getattr(exc, "orig", None)
    text = str(orig or "").lower()
    sqlstate = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None) or ""
    if sqlstate == "53100":
        message = f"数据库服务器的磁盘已满，{_NOT_SAVED}请联系服务器管理员。"
    elif exc.connection_invalidated or sqlstate.startswith("08") or "server closed the connection" in text:
        message = f"与数据库服务器的连接中断，{_NOT_SAVED}请检查网络后再试一次。"
    else:
        return None
    log.warning("a write was refused by the database: %s", exc)
    return DatabaseError(message)


def busy_error() -> ConcurrentEdit:
    return ConcurrentEdit("其他人正在修改同一批数据，等待超时，您的修改没有保存。请稍后再试一次。")


def expect_version(row: Any, seen_version: int | None) -> None:
    """Refuse to save over a row that changed since the user opened it (version read earlier).

    Services that load a record in one transaction and save it in a later one pass the
    version the form was filled from; inside one transaction `version_id_col` does the rest.
    """
    if seen_version is not None and getattr(row, "version", None) != seen_version:
        table = getattr(row, "__tablename__", "")
        what = _RECORD_LABELS.get(table, "这条记录")
        raise ConcurrentEdit(f"{what}在您打开之后已被其他人修改，您的修改没有保存。请刷新后查看对方的修改，再重新修改。")


def safe_url(url: str) -> str:
    """The URL to show people and logs: the password replaced by ***."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a URL we cannot parse is shown as typed, minus anything after ':' and before '@'
        return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)


def insert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Many rows with the same keys into `table`, in the caller's transaction. On PostgreSQL one COPY:
    an executemany sends one INSERT per row, and a 党委's four million attendance rows took minutes
    that way (`demo`, bench's copy of its database). Elsewhere an executemany."""
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(insert(table), rows)
        return
    from psycopg import sql

    given = list(rows[0])
    # what an INSERT would fill in on the Python side (e.g. JSON default=list); the server's own
    # defaults (server_default) COPY fills in itself
    filled = [c for c in table.c if c.name not in rows[0] and c.default is not None
              and (c.default.is_scalar or c.default.is_callable)]
    columns = given + [c.name for c in filled]
    processors = [table.c[c].type._cached_bind_processor(conn.dialect) for c in columns]  # enums, JSON ...
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table.name), sql.SQL(", ").join(sql.Identifier(c) for c in columns))
    with conn.connection.dbapi_connection.cursor() as cur, cur.copy(statement) as copy:
        for row in rows:
            values = [row[c] for c in given]
            values += [c.default.arg if c.default.is_scalar else c.default.arg(None) for c in filled]
            copy.write_row([v if p is None else p(v) for v, p in zip(values, processors)])


def reset_sequences(s: Session) -> None:
    """After rows were written with explicit ids (demo, restore), let PostgreSQL's id counters catch up."""
    if s.get_bind().dialect.name != "postgresql":
        return
    inspector = inspect(s.get_bind())
    for table in inspector.get_table_names():
        if "id" not in {c["name"] for c in inspector.get_columns(table)}:  # alembic_version, attachment_chunks
            continue
        s.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
        ))


def gather_statistics(s: Session) -> None:
    """After a bulk load (demo, bench's copy of a 党委): PostgreSQL's planner statistics are gathered now,
    not whenever autovacuum comes by. Until then every query over the 党委's 4 million attendance rows is
    planned blind (no statistics: sequential scans where an index serves), and `check` took 4.4–5.0 s
    instead of 2.9 s. ANALYZE reads a sample of each table: a second or two."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("ANALYZE"))


def server_version(engine: Engine) -> str:
    """A short description of the server, e.g. 'PostgreSQL 15.8'."""
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            return "PostgreSQL " + str(conn.exec_driver_sql("SHOW server_version").scalar()).split()[0]
        return "SQLite " + str(conn.exec_driver_sql("select sqlite_version()").scalar())


def check_reachable(engine: Engine) -> None:
    """Connect once, so that a wrong address or password is one clear sentence, not a traceback."""
    from dangjian_desktop.errors import DatabaseError

    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except DBAPIError as exc:
        url = engine.url
        lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        reason = lines[0] if lines else ""
        if "password" in reason.lower() or "authentication" in reason.lower():
            hint = "用户名或密码不对"
        elif "does not exist" in reason:
            hint = f"服务器上没有名为“{url.database}”的数据库，请管理员先建立"
        else:
            hint = "服务器没有响应，请检查地址和端口，确认服务器已开启且网络畅通"
        raise DatabaseError(
            f"无法连接数据库服务器 {url.host or 'localhost'}:{url.port or 5432}（{hint}），未做任何改动。"
            f"详细原因：{reason}"
        ) from exc
