"""A throwaway PostgreSQL cluster for the test run (registered in tests/conftest.py).

`pg_cluster` (session): initdb into a temporary folder, pg_ctl start on a free port of 127.0.0.1
with its socket in that folder; stopped and deleted at the end of the run. PostgreSQL refuses to
run as root: as root (CI), initdb and pg_ctl run as the `postgres` system user (made by Debian's
package) through runuser, and the folder belongs to that user. Without the server programs the
fixture FAILS with what to install: CI must never skip the PostgreSQL tests silently
(`.ci/postgres` installs them).

`pg_database` (function): a fresh, empty database on that cluster for one test, dropped after.
`server_url` (function): an empty client book (current schema, no rows), `fresh_server_url` one
of the test's own (for tests that change its schema); both from a template made once per run.
`bind_models(db)`: the ONE place tests point the models at a database (see its docstring).
`launch_cluster()` is the same start without pytest (the benches use it): it raises
ClusterError, which `start_cluster()` turns into the fixture's failure. The tests' cluster runs
with SPEED_SETTINGS (nothing waits for the disk: a throwaway cluster never has to survive a power
cut); `durable=True` starts it with the server's own settings instead, as a shop's server runs
(the benches).
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

SUPERUSER = "clientdesk_test"
PASSWORD = "test-password-ß-१२३"  # non-ASCII on purpose: the URL and keyring paths must carry it
SPEED_SETTINGS = "-c fsync=off -c full_page_writes=off -c synchronous_commit=off"


class ClusterError(RuntimeError):
    """The throwaway cluster could not be made or started (the message says what to do)."""


def find_bindir() -> Path | None:
    """The folder of initdb/pg_ctl: on PATH, else Debian's /usr/lib/postgresql/<newest>/bin."""
    found = shutil.which("initdb")
    if found:
        return Path(os.path.realpath(found)).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                        key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)
    return Path(candidates[-1]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class PgCluster:
    bindir: Path
    folder: Path
    port: int
    run_as: list[str]  # ["runuser", "-u", "postgres", "--"] when the tests run as root
    durable: bool = False  # the server's own fsync, full_page_writes and synchronous_commit (on)

    host = "127.0.0.1"
    user = SUPERUSER
    password = PASSWORD

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def socket_dir(self) -> str:
        return str(self.folder)

    def url(self, dbname: str, password: bool = True) -> str:
        """A postgresql:// URL over TCP (password authentication) for `dbname`."""
        from urllib.parse import quote

        secret = f":{quote(self.password, safe='')}" if password else ""
        return f"postgresql://{self.user}{secret}@{self.host}:{self.port}/{dbname}"

    def admin(self):
        """A psycopg connection as the superuser over the socket (autocommit), for set-up and checks."""
        import psycopg

        return psycopg.connect(host=self.socket_dir, port=self.port, user=self.user, dbname="postgres",
                               autocommit=True)

    def pg_ctl(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run([*self.run_as, str(self.bindir / "pg_ctl"), "-D", str(self.data), *args],
                              capture_output=True, text=True, check=check, timeout=120)

    def start(self) -> None:
        settings = "" if self.durable else SPEED_SETTINGS
        options = f"-p {self.port} -k {self.socket_dir} -c listen_addresses={self.host} {settings} -c max_connections=50"
        result = self.pg_ctl("-l", str(self.folder / "server.log"), "-w", "-t", "60", "-o", options, "start",
                             check=False)
        if result.returncode:
            log = (self.folder / "server.log")
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise ClusterError(f"pg_ctl start failed ({result.returncode}): {result.stderr.strip()}\n{tail}")

    def stop(self) -> None:
        self.pg_ctl("-m", "fast", "-w", "stop", check=False)

    def is_running(self) -> bool:
        return self.pg_ctl("status", check=False).returncode == 0

    def remove(self) -> None:
        """Stop the cluster and delete its folder."""
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def start_cluster() -> PgCluster:
    """launch_cluster() for a fixture: its error fails the test with the message alone."""
    try:
        return launch_cluster()
    except ClusterError as exc:
        pytest.fail(str(exc), pytrace=False)


def launch_cluster(durable: bool = False) -> PgCluster:
    """initdb and start a throwaway cluster (see the module's docstring; `durable`: with the
    server's own durability settings); raises ClusterError."""
    bindir = find_bindir()
    if bindir is None:
        raise ClusterError("PostgreSQL's server programs (initdb, pg_ctl) are not installed: run `bash .ci/postgres` "
                    "(apt-get install postgresql) before the tests.")
    run_as: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="clientdesk-pg-"))
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        try:
            shutil.chown(folder, user="postgres", group="postgres")
        except (LookupError, OSError) as exc:
            raise ClusterError(f"Running as root, PostgreSQL needs the `postgres` system user (Debian's package "
                               f"makes it): {exc}") from exc
        os.chmod(folder, 0o700)
        run_as = ["runuser", "-u", "postgres", "--"]
    pwfile = folder / "pw"
    pwfile.write_text(PASSWORD + "\n", encoding="utf-8")
    if run_as:
        shutil.chown(pwfile, user="postgres", group="postgres")
    init = subprocess.run([*run_as, str(bindir / "initdb"), "-D", str(folder / "data"), "-U", SUPERUSER,
                           f"--pwfile={pwfile}", "--auth-local=trust", "--auth-host=scram-sha-256",
                           "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
                          capture_output=True, text=True, timeout=300)
    pwfile.unlink()
    if init.returncode:
        shutil.rmtree(folder, ignore_errors=True)
        raise ClusterError(f"initdb failed ({init.returncode}): {init.stderr.strip()[-2000:]}")
    cluster = PgCluster(bindir=bindir, folder=folder, port=_free_port(), run_as=run_as, durable=durable)
    try:
        cluster.start()
    except ClusterError:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return cluster


@pytest.fixture(scope="session")
def pg_cluster():
    """The run's PostgreSQL cluster (see the module's docstring)."""
    cluster = start_cluster()
    try:
        yield cluster
    finally:
        cluster.remove()


@pytest.fixture
def pg_database(pg_cluster):
    """The name of a fresh, empty database on the run's cluster, dropped after the test."""
    name = "t_" + uuid.uuid4().hex[:12]
    with contextlib.closing(pg_cluster.admin()) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
    yield name
    if pg_cluster.is_running():
        with contextlib.closing(pg_cluster.admin()) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def client_book_template(pg_cluster):
    """A database with the current schema made once per run; each test's client book is a copy
    (CREATE DATABASE ... TEMPLATE, far quicker than making the schema again)."""
    name = "clientdesk_template"
    with contextlib.closing(pg_cluster.admin()) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
    from clientdesk.postgres.database import open_server

    open_server(pg_cluster.url(name)).close()
    return name


@pytest.fixture
def fresh_server_url(pg_cluster, client_book_template):
    """The URL of a client book of its own (a copy of the template, about a second), for tests
    that change the schema or its version."""
    name = "s_" + uuid.uuid4().hex[:12]
    with contextlib.closing(pg_cluster.admin()) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{client_book_template}"')
    yield pg_cluster.url(name)
    if pg_cluster.is_running():
        with contextlib.closing(pg_cluster.admin()) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def shared_client_book(pg_cluster, client_book_template):
    name = "clientdesk_shared"
    with contextlib.closing(pg_cluster.admin()) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{client_book_template}"')
    return name


@pytest.fixture
def server_url(pg_cluster, shared_client_book):
    """The URL of an empty client book (the current schema, no rows): the run's shared one, every
    table emptied and its numbering restarted (quicker than a copy)."""
    from clientdesk.postgres.schema import VERSION_TABLE

    url = pg_cluster.url(shared_client_book)
    with contextlib.closing(psycopg.connect(url, autocommit=True)) as conn:
        conn.execute("SET lock_timeout = '10s'")  # a connection a test left open would hold it up
        names = [t for (t,) in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                                            "AND tablename <> %s", (VERSION_TABLE,))]
        conn.execute(sql.SQL("TRUNCATE {} RESTART IDENTITY CASCADE").format(sql.SQL(", ").join(map(sql.Identifier, names))))
    return url


def bind_models(db) -> None:
    """Let the models find `db` for a test (counted among the open databases: the only one open is
    the one they use). close_database(db) forgets it again."""
    from clientdesk.db import register_database

    register_database(db)
