"""The shared office database on a PostgreSQL server: the connection kept in the user config, and 测试连接."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass

from dangjian_desktop.errors import DatabaseError, ValidationError
from dangjian_desktop.userconfig import UserConfig

DRIVER = "postgresql+psycopg"
CONFIG_KEY = "server"  # {"host", "port", "database", "user", "password"}
USE_KEY = "use_server"  # True: the program opens the server database at start instead of the file


@dataclass
class ServerSettings:
    """Where the shared database is and who connects to it."""

    host: str = ""
    port: int = 5432
    database: str = "dangjian"
    user: str = ""
    password: str = ""

    def validated(self) -> ServerSettings:
        """Trimmed copy, or ValidationError saying which field is wrong."""
        s = ServerSettings(self.host.strip(), self.port, self.database.strip(), self.user.strip(), self.password)
        if not s.host:
            raise ValidationError("请填写数据库服务器的地址（例如 192.168.1.10）。")
        if not isinstance(s.port, int) or not 1 <= s.port <= 65535:
            raise ValidationError("端口应是 1 到 65535 之间的整数，PostgreSQL 通常是 5432。")
        if not s.database:
            raise ValidationError("请填写数据库名称（由管理员在服务器上建立）。")
        if not s.user:
            raise ValidationError("请填写登录数据库的用户名。")
        return s

    def url(self) -> str:
        """The SQLAlchemy URL, password included (only for connecting; never shown)."""
        from sqlalchemy.engine import URL  # here: the program starts without the data layer

        s = self.validated()
        return URL.create(DRIVER, username=s.user, password=s.password or None, host=s.host, port=s.port,
                          database=s.database).render_as_string(hide_password=False)


def settings_from_url(url: str) -> ServerSettings:
    """The fields of a `postgresql+psycopg://user:pw@host:port/db` URL."""
    from sqlalchemy.engine import make_url

    try:
        u = make_url(url)
    except Exception as exc:  # noqa: BLE001 - any unparsable text is the user's input
        raise ValidationError(f"“{url}”不是有效的数据库地址，应写成 postgresql+psycopg://用户名:密码@服务器:端口/数据库。") from exc
    if not u.drivername.startswith("postgresql"):
        raise ValidationError("共享数据库只支持 PostgreSQL，地址应以 postgresql+psycopg:// 开头。")
    return ServerSettings(u.host or "", u.port or 5432, u.database or "", u.username or "", u.password or "")


def load(config: UserConfig) -> tuple[ServerSettings | None, bool]:
    """The saved connection (None if never saved) and whether to use it at start."""
    raw = config.get(CONFIG_KEY)
    if not isinstance(raw, dict):
        return None, False
    fields = {k: raw[k] for k in ("host", "port", "database", "user", "password") if k in raw}
    try:
        saved = ServerSettings(**fields)
    except TypeError:
        return None, False
    return saved, bool(config.get(USE_KEY, False))


def save(config: UserConfig, settings: ServerSettings, use: bool) -> None:
    """Keep the connection in the user's config; `use` makes the program open it at the next start."""
    config.set(CONFIG_KEY, asdict(settings.validated()))
    config.set(USE_KEY, bool(use))
    if os.name == "posix":  # the password is in there: readable by this user only
        os.chmod(config.path, 0o600)


def local_database(config: UserConfig):
    """The local database file the program opens when it does not use the server."""
    from pathlib import Path

    from dangjian_desktop import paths

    last = config.get("last_database")
    return Path(last) if last and Path(last).exists() else paths.default_database()


def stop_using(config: UserConfig) -> None:
    """Open the local file again at the next start (the saved connection is kept)."""
    config.set(USE_KEY, False)


def startup_target(config: UserConfig) -> str | None:
    """The server URL to open at start, if the user chose the shared database."""
    saved, use = load(config)
    if saved is None or not use:
        return None
    try:
        return saved.url()
    except ValidationError:
        return None


@dataclass
class ConnectionReport:
    server: str  # e.g. PostgreSQL 15.8
    message: str  # one Chinese sentence on what opening it would do


def test_connection(settings: ServerSettings) -> ConnectionReport:
    """Connect without changing anything: is the server there, and is the database ours and current?"""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from sqlalchemy import inspect

    from dangjian_desktop.db.engine import alembic_config, make_engine
    from dangjian_desktop.db.shared import check_reachable, server_version

    engine = make_engine(settings.url())
    try:
        check_reachable(engine)
        version = server_version(engine)
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
            tables = set(inspect(conn).get_table_names())
    finally:
        engine.dispose()
    script = ScriptDirectory.from_config(alembic_config())
    if current is None:
        if tables:
            raise DatabaseError(f"已连接到 {version}，但数据库“{settings.database}”里已有其他程序的表，"
                                "不是党支部工作台的数据库。请换一个数据库名称。")
        return ConnectionReport(version, f"已连接到 {version}。数据库“{settings.database}”是空的，"
                                         "第一次打开时会建立党支部工作台的数据表。")
    if current == script.get_current_head():
        return ConnectionReport(version, f"已连接到 {version}，数据库“{settings.database}”可以使用。")
    try:
        known = script.get_revision(current) is not None
    except Exception:  # noqa: BLE001 - an unknown revision id
        known = False
    if not known:
        raise DatabaseError(f"已连接到 {version}，但数据库“{settings.database}”由更新版本的党支部工作台建立，"
                            "请先升级本程序。")
    return ConnectionReport(version, f"已连接到 {version}。数据库“{settings.database}”的结构较旧，"
                                     "打开时会自动升级（请先确认其他人已更新程序）。")
