"""A throw-away PostgreSQL 15 cluster for tests and benchmarks: initdb, pg_ctl, loopback port."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

PG_BIN_DIRS = (Path("/usr/lib/postgresql/15/bin"),)
SUPERUSER = "dangjian"


def find_pg_bin() -> Path | None:
    """The folder holding initdb and pg_ctl of PostgreSQL 15, or None if it is not installed."""
    override = os.environ.get("DANGJIAN_PG_BIN")
    candidates = [Path(override)] if override else list(PG_BIN_DIRS)
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_cluster_owner(cmd: list[str]) -> list[str]:
    # initdb refuses to run as root: run the server as the `postgres` system user instead
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@dataclass
class PgServer:
    """A running cluster; `url(dbname)` gives a SQLAlchemy URL for one of its databases."""

    bin_dir: Path
    root: Path
    port: int

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{dbname}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user=SUPERUSER, dbname="postgres",
                             autocommit=True) as con:
            con.execute(sql)

    def create_database(self, name: str | None = None, template: str | None = None) -> str:
        """A new, empty database (or a copy of `template`); returns its name."""
        name = name or f"t_{uuid.uuid4().hex[:12]}"
        self._admin(f'CREATE DATABASE "{name}" TEMPLATE "{template or "template0"}"')
        return name

    def drop_database(self, name: str) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        subprocess.run(_as_cluster_owner([str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-m", "immediate",
                                          "-w", "stop"]), capture_output=True, check=False)
        shutil.rmtree(self.root, ignore_errors=True)


def start_server(bin_dir: Path) -> PgServer:
    """initdb a new cluster in a temporary folder and start it on a free loopback port."""
    root = Path(tempfile.mkdtemp(prefix="dangjian-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    server = PgServer(bin_dir, root, _free_port())
    log = root / "server.log"
    try:
        subprocess.run(_as_cluster_owner([
            str(bin_dir / "initdb"), "-D", str(server.data_dir), "-A", "trust", "-U", SUPERUSER,
            "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
        ]), capture_output=True, check=True)
        # fsync off: a test cluster is thrown away, so durability only costs time
        subprocess.run(_as_cluster_owner([
            str(bin_dir / "pg_ctl"), "-D", str(server.data_dir), "-l", str(log), "-w", "-t", "60", "-o",
            f"-p {server.port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            "start",
        ]), capture_output=True, check=True)
    except subprocess.CalledProcessError as exc:
        detail = (exc.stderr or b"").decode(errors="replace")
        if log.exists():
            detail += log.read_text(errors="replace")
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"PostgreSQL test cluster did not start: {detail}") from exc
    return server
