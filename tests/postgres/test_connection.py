"""A counter that cannot use the server says why in one line, and writes nothing anywhere."""

from __future__ import annotations

import contextlib
import shutil
import time

import psycopg
import pytest

from clientdesk.errors import StorageError
from clientdesk.models import Client
from clientdesk.postgres.database import open_server
from clientdesk.clients.fields import ClientData, PhoneEntry
from tests.postgres.cluster import _free_port, bind_models, start_cluster


def refused(url: str) -> StorageError:
    with pytest.raises(StorageError) as info:
        open_server(url)
    assert "\n" not in info.value.message
    return info.value


def test_wrong_password(pg_cluster, pg_database):
    error = refused(f"postgresql://{pg_cluster.user}:wrong@{pg_cluster.host}:{pg_cluster.port}/{pg_database}")
    assert error.details["reason"] == "auth"
    assert error.message.startswith(f"The shop's server at {pg_cluster.host} refused the connection as "
                                    f"{pg_cluster.user}: wrong user name or password")


def test_unknown_user(pg_cluster, pg_database):
    assert refused(f"postgresql://nobody:x@{pg_cluster.host}:{pg_cluster.port}/{pg_database}").details["reason"] == \
        "auth"


def test_no_such_database(pg_cluster):
    error = refused(pg_cluster.url("no_such_shop"))
    assert error.details["reason"] == "no_database" and "no_such_shop" in error.message


def test_nothing_listening(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    error = refused(f"postgresql://u:p@127.0.0.1:{_free_port()}/shop")
    assert error.message == "The shop's server at 127.0.0.1 is not answering; check that its PC is on."
    assert list(tmp_path.iterdir()) == []  # no local file instead


@pytest.fixture
def own_cluster():
    """A cluster of this test's own, to stop and start without disturbing the others."""
    cluster = start_cluster()
    with contextlib.closing(cluster.admin()) as conn:
        conn.execute("CREATE DATABASE shop")
    yield cluster
    cluster.stop()
    shutil.rmtree(cluster.folder, ignore_errors=True)


def test_server_going_away_and_coming_back(own_cluster, desk_factory):
    url = own_cluster.url("shop")
    db = open_server(url)
    bind_models(db)
    desk = desk_factory(db)
    first = desk.clients.create(ClientData(name="रमेश कुमार", phones=[PhoneEntry("9876543210")]))

    own_cluster.stop()
    with pytest.raises(StorageError) as info:
        desk.clients.create(ClientData(name="Suresh", phones=[PhoneEntry("9812345678")]))
    assert info.value.message == f"The shop's server at {own_cluster.host} is not answering; check that its PC is on."
    with pytest.raises(StorageError) as info:  # and again: still one line, no traceback of a bug
        desk.clients.count()
    assert info.value.details["reason"] == "unreachable"

    own_cluster.start()
    # the next statement opens a new connection by itself
    second = desk.clients.create(ClientData(name="Laxmi Narayan", phones=[PhoneEntry("9898989898")]))
    with contextlib.closing(psycopg.connect(url)) as conn:
        assert conn.execute("SELECT id, name FROM client ORDER BY id").fetchall() == \
            [(first, "रमेश कुमार"), (second, "Laxmi Narayan")]  # Suresh was not half-written
    assert [c.name for c in Client.select().order_by(Client.id)] == ["रमेश कुमार", "Laxmi Narayan"]
    desk.close()


def test_closing_closes_the_connections_of_background_jobs_too(server_url):
    import threading

    db = open_server(server_url)
    job = threading.Thread(target=lambda: db.execute_sql("SELECT 1").fetchone())  # a job's own connection
    job.start()
    job.join()
    dbname = server_url.rsplit("/", 1)[1]
    with contextlib.closing(psycopg.connect(server_url, autocommit=True)) as conn:
        count = "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND application_name = 'ClientDesk'"
        assert conn.execute(count, (dbname,)).fetchone() == (2,)
        db.close()
        deadline = time.monotonic() + 10  # a server process ends a moment after its connection closes
        while conn.execute(count, (dbname,)).fetchone() != (0,) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert conn.execute(count, (dbname,)).fetchone() == (0,)


def test_a_counter_waiting_too_long_for_the_write_lock_is_told_busy(server_url):
    """Another counter's transaction holds the write lock past the wait: one line, nothing written,
    and the next transaction goes through once the lock is free."""
    from clientdesk.postgres.database import WRITE_LOCK

    db = open_server(server_url)
    db.lock_wait_ms = 300
    with contextlib.closing(psycopg.connect(server_url)) as other:
        other.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))  # the other counter's long import
        with pytest.raises(StorageError) as info:
            with db.atomic():
                db.execute_sql("INSERT INTO setting (key, value) VALUES ('x', '1')")
        assert info.value.details["reason"] == "busy" and "\n" not in info.value.message
        other.rollback()
    with db.atomic():
        db.execute_sql("INSERT INTO setting (key, value) VALUES ('y', '1')")
    with contextlib.closing(psycopg.connect(server_url)) as conn:
        assert conn.execute("SELECT key FROM setting").fetchall() == [("y",)]
    db.close()
