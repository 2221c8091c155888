"""A client book on the run's PostgreSQL cluster (tests/postgres/cluster.py), and a Desk on it."""

from __future__ import annotations

import contextlib
import uuid

import psycopg
import pytest

from clientdesk.desk import Desk
from clientdesk.postgres.database import open_server
from clientdesk.postgres.schema import VERSION_TABLE
from tests.postgres.cluster import bind_models


@pytest.fixture(scope="session")
def client_book_template(pg_cluster):
    """A database with the current schema made once per run; each test's client book is a copy
    (CREATE DATABASE ... TEMPLATE, far quicker than making the schema again)."""
    name = "clientdesk_template"
    with contextlib.closing(pg_cluster.admin()) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
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
    url = pg_cluster.url(shared_client_book)
    with contextlib.closing(psycopg.connect(url, autocommit=True)) as conn:
        conn.execute("SET lock_timeout = '10s'")  # a connection a test left open would hold it up
        names = [t for (t,) in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                                            "AND tablename <> %s", (VERSION_TABLE,))]
        conn.execute(f"TRUNCATE {', '.join(f'{n!r}'.replace(chr(39), chr(34)) for n in names)} "
                     "RESTART IDENTITY CASCADE")
    return url


@pytest.fixture
def server_db(server_url):
    """A fresh client book on the server, the models bound to it."""
    db = open_server(server_url)
    bind_models(db)
    yield db
    if not db.is_closed():
        db.close()


@pytest.fixture
def desk_factory(clock, monkeypatch):
    """desk_factory(db): a Desk whose services run on the server database `db` (Desk.open takes a
    URL later; until then its database comes from here)."""
    def make(db):
        monkeypatch.setattr("clientdesk.desk.open_database", lambda path: db)
        return Desk.open("postgresql-test", clock=clock)

    return make


@pytest.fixture
def server_desk(server_db, desk_factory):
    """A Desk on a fresh client book on the server."""
    desk = desk_factory(server_db)
    yield desk
    desk.close()


@pytest.fixture
def server_rows(server_url):
    """Read rows back from the server on a connection of its own: rows(sql, *params)."""
    with contextlib.closing(psycopg.connect(server_url, autocommit=True)) as conn:
        yield lambda sql, *params: conn.execute(sql, params or None).fetchall()
