"""PostgreSQL fixtures: one real PostgreSQL 15 cluster per test session, started here.

In this folder `db` and `demo_db` are databases on that server, so existing service tests
imported into a module here run against PostgreSQL unchanged; `any_db` runs a test on both
SQLite and PostgreSQL. Without PostgreSQL installed these tests are skipped, saying why.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dangjian_desktop.db.engine import Database, open_database
from tests.conftest import TODAY
from tests.pg.server import PgServer, find_pg_bin, start_server


@pytest.fixture(scope="session")
def pg_server() -> PgServer:
    """A PostgreSQL 15 cluster in a temporary folder on a free loopback port; stopped at the end."""
    bin_dir = find_pg_bin()
    if bin_dir is None:
        pytest.skip("未安装 PostgreSQL 15（找不到 /usr/lib/postgresql/15/bin/initdb），跳过 PostgreSQL 测试；"
                    "Debian/Ubuntu 上用 apt-get install postgresql 安装，或用 DANGJIAN_PG_BIN 指定目录")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("未安装 psycopg（pip install 'psycopg[binary]'），跳过 PostgreSQL 测试")
    server = start_server(bin_dir)
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """The URL of a new, empty database on the test server (dropped afterwards)."""
    name = pg_server.create_database()
    yield pg_server.url(name)
    pg_server.drop_database(name)


@pytest.fixture(scope="session")
def pg_schema_template(pg_server: PgServer) -> str:
    """A database migrated to the head once; copying it is much faster than migrating each time."""
    name = pg_server.create_database("schema_template")
    open_database(pg_server.url(name)).close()
    return name


@pytest.fixture
def db(pg_server: PgServer, pg_schema_template: str, workdir: Path) -> Database:
    """Like tests/conftest.py's `db`, but on PostgreSQL: a new database at the current schema."""
    name = pg_server.create_database(template=pg_schema_template)
    database = open_database(pg_server.url(name))
    yield database
    database.close()
    pg_server.drop_database(name)


@pytest.fixture(scope="session")
def pg_demo_template(pg_server: PgServer) -> str:
    """The demo (seed 1, TODAY) written once on the server; tests get copies of it."""
    from dangjian_desktop.services.demo import make_demo

    name = pg_server.create_database("demo_template")
    database = open_database(pg_server.url(name))
    make_demo(database, seed=1, today=TODAY)
    database.close()  # a template must have no open connections to be copied
    return name


@pytest.fixture
def demo_db(pg_server: PgServer, pg_demo_template: str, workdir: Path) -> Database:
    """Like tests/conftest.py's `demo_db`, but a private PostgreSQL copy of the demo."""
    name = pg_server.create_database(template=pg_demo_template)
    database = open_database(pg_server.url(name))
    yield database
    database.close()
    pg_server.drop_database(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db(request, workdir: Path) -> Database:
    """An empty database on each backend in turn: the test must hold on both."""
    if request.param == "sqlite":
        database = open_database(workdir / "测试.db", create=True)
        yield database
        database.close()
        return
    server: PgServer = request.getfixturevalue("pg_server")
    name = server.create_database(template=request.getfixturevalue("pg_schema_template"))
    database = open_database(server.url(name))
    yield database
    database.close()
    server.drop_database(name)
