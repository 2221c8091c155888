"""Driver errors are sorted by SQLite's result code at one boundary: storage conditions become a
StorageError a shopkeeper can act on; a mistake in our SQL is a bug and stays one."""

from __future__ import annotations

import sqlite3

import peewee
import pytest

from clientdesk.db import storage_error_for, storage_errors
from clientdesk.errors import StorageError


def _error(sql: str, path=":memory:") -> sqlite3.Error:
    conn = sqlite3.connect(path)
    try:
        conn.execute(sql)
    except sqlite3.Error as exc:
        return exc
    finally:
        conn.close()
    raise AssertionError("no error")


@pytest.mark.parametrize("sql", ["SELECT no_such_column FROM sqlite_master", "SELEC 1", "SELECT ?"])
def test_a_mistake_in_our_sql_is_a_bug_not_a_damaged_file(sql):
    exc = _error(sql)
    assert storage_error_for(exc) is None
    with pytest.raises(sqlite3.Error):
        with storage_errors():
            raise exc


def test_peewees_wrapping_is_sorted_the_same_way(tmp_path):
    db = peewee.SqliteDatabase(str(tmp_path / "x.sqlite"))
    with pytest.raises(peewee.OperationalError):
        with storage_errors():
            db.execute_sql("SELECT no_such_column FROM sqlite_master")
    db.close()


def test_a_file_that_is_not_a_database_is_a_storage_error(tmp_path):
    path = tmp_path / "not.sqlite"
    path.write_bytes(b"this is a spreadsheet, not a database" * 200)
    exc = _error("SELECT * FROM sqlite_master", str(path))
    error = storage_error_for(exc)
    assert isinstance(error, StorageError) and error.details["reason"] == "damaged"


def test_a_locked_database_is_the_busy_message(tmp_path):
    path = tmp_path / "d.sqlite"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")
    try:
        exc = _error_with_timeout(path)
        with pytest.raises(StorageError) as raised:
            with storage_errors():
                raise exc
        assert raised.value.details["reason"] == "busy"
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def _error_with_timeout(path) -> sqlite3.Error:
    conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        return exc
    finally:
        conn.close()
    raise AssertionError("no error")
