"""A client book on the run's PostgreSQL cluster (tests/postgres/cluster.py), and a Desk on it."""

from __future__ import annotations

import contextlib

import psycopg
import pytest

from clientdesk.db import close_database
from clientdesk.desk import Desk
from clientdesk.postgres.database import open_server
from tests.postgres.cluster import bind_models


@pytest.fixture
def server_db(server_url):
    """A fresh client book on the server, the models bound to it."""
    db = open_server(server_url)
    bind_models(db)
    yield db
    close_database(db)


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
