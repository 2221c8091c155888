"""A transaction that collided with another counter's runs again (clientdesk.postgres.transactions)."""

from __future__ import annotations

import contextlib
import threading

import psycopg
import pytest

from clientdesk.errors import StorageError
from clientdesk.postgres.database import open_server
from clientdesk.postgres.errors import storage_error_for
from clientdesk.postgres.transactions import retrying


def conflict() -> StorageError:
    return storage_error_for(psycopg.errors.lookup("40001")("could not serialize access"))


def test_a_conflict_runs_the_work_again():
    calls = []

    def work():
        calls.append(1)
        if len(calls) < 3:
            raise conflict()
        return "sold"

    assert retrying(work, sleep=lambda s: None) == "sold" and len(calls) == 3


def test_the_last_conflict_and_other_errors_go_on():
    with pytest.raises(StorageError):
        retrying(lambda: (_ for _ in ()).throw(conflict()), attempts=2, sleep=lambda s: None)
    calls = []

    def bug():
        calls.append(1)
        raise KeyError("bug")

    with pytest.raises(KeyError):
        retrying(bug, sleep=lambda s: None)
    assert len(calls) == 1


def test_a_real_serialization_failure_is_sorted_and_retried(server_url):
    """Two serializable transactions that each read what the other writes: the server fails one
    (40001), it comes back as a conflict and runs again; both writes are there."""
    with contextlib.closing(psycopg.connect(server_url, autocommit=True)) as admin:
        admin.execute("INSERT INTO setting (key, value) VALUES ('a', '0'), ('b', '0')")
    db = open_server(server_url)
    db.write_lock = False  # here the collision is wanted
    both_read = threading.Barrier(2)
    attempts = []

    def move(source, target):
        def work():
            attempts.append(target)
            with db.atomic(isolation_level="SERIALIZABLE"):
                db.execute_sql("SELECT value FROM setting WHERE key = %s", (source,)).fetchone()
                with contextlib.suppress(threading.BrokenBarrierError):
                    both_read.wait(timeout=2)
                db.execute_sql("UPDATE setting SET value = '1' WHERE key = %s", (target,))
        retrying(work, sleep=lambda s: None)
        db.close()

    threads = [threading.Thread(target=move, args=("a", "b")), threading.Thread(target=move, args=("b", "a"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with contextlib.closing(psycopg.connect(server_url)) as conn:
        assert conn.execute("SELECT key, value FROM setting ORDER BY key").fetchall() == [("a", "1"), ("b", "1")]
    assert len(attempts) == 3  # one of the two ran twice
    db.close()  # open_server's own connection, this thread's
