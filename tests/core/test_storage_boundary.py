"""Driver errors are sorted once, at the database (issue 13, point 2): a real locked, full,
damaged, read-only or failing file gives the StorageError a shopkeeper can act on through an
ordinary service call (no storage_errors() block around it), while a mistake in our SQL (no such
column, a syntax error, a wrong number of bindings) goes on as the driver's error: a bug."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import peewee
import pytest

from clientdesk.db import ClientDeskDatabase, StorageBoundary
from clientdesk.desk import Desk
from clientdesk.errors import StorageError
from clientdesk.clients.fields import ClientData, PhoneEntry
from clientdesk.services.history import InteractionRecord, LineItem, PurchaseRecord

ROOT = Path(__file__).resolve().parents[2]


def _client(desk: Desk, name: str = "Ravi Kumar", phone: str = "9876500001") -> int:
    return desk.clients.create(ClientData(name=name, phones=[PhoneEntry(phone, is_primary=True)]))


def _bill(client_id: int, lines: int = 1) -> PurchaseRecord:
    return PurchaseRecord(client_id, dt.date(2026, 11, 20), 100 * lines,
                          lines=[LineItem(f"Product {i} " + "x" * 200, "Cloth", 1, 100) for i in range(lines)])


@pytest.mark.sqlite_only  # SQLite's file lock (a server's write lock: tests/postgres)
def test_a_locked_file_is_busy(desk):
    cid = _client(desk)
    desk.db.execute_sql("PRAGMA busy_timeout = 300")  # this thread's connection: no 5 s wait in the test
    other = sqlite3.connect(desk.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another counter is writing
    try:
        with pytest.raises(StorageError) as raised:
            desk.history.record_purchase(_bill(cid))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert raised.value.details["reason"] == "busy"
    assert isinstance(raised.value.__cause__, sqlite3.OperationalError)
    assert desk.history.purchases(cid) == []
    assert desk.history.record_purchase(_bill(cid))  # the lock gone, the same call goes through


@pytest.mark.sqlite_only  # SQLite's max_page_count on its file
def test_a_full_disk_is_full(desk):
    cid = _client(desk)
    pages = desk.db.execute_sql("PRAGMA page_count").fetchone()[0]
    desk.db.execute_sql(f"PRAGMA max_page_count = {pages}")  # SQLite's own "database or disk is full"
    with pytest.raises(StorageError) as raised:
        desk.history.record_purchase(_bill(cid, lines=200))
    assert raised.value.details["reason"] == "full"
    desk.db.execute_sql("PRAGMA max_page_count = 1073741823")
    assert desk.history.purchases(cid) == []  # nothing half-written


@pytest.mark.skipif(os.name != "posix", reason="a file size limit (RLIMIT_FSIZE) needs POSIX")
def test_a_write_the_disk_refuses_is_an_io_error(tmp_path):
    """A real failing write: the process may not grow any file (EFBIG), which SQLite reports as an
    I/O error. In a child process, so the limit does not reach this one."""
    path = tmp_path / "desk.sqlite"
    Desk.open(path).close()
    script = textwrap.dedent(f"""
        import datetime as dt, os, resource, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        from clientdesk.desk import Desk
        from clientdesk.errors import StorageError
        from clientdesk.clients.fields import ClientData, PhoneEntry
        from clientdesk.services.history import LineItem, PurchaseRecord
        desk = Desk.open({str(path)!r})
        cid = desk.clients.create(ClientData(name="Ravi", phones=[PhoneEntry("9876500001", is_primary=True)]))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        size = max(os.path.getsize(p) for p in ({str(path)!r}, {str(path)!r} + "-wal"))
        resource.setrlimit(resource.RLIMIT_FSIZE, (size + 4096, resource.RLIM_INFINITY))
        lines = [LineItem("P" + "x" * 500, "C", 1, 1) for i in range(2000)]
        try:
            desk.history.record_purchase(PurchaseRecord(cid, dt.date(2026, 11, 20), 2000, lines=lines))
        except StorageError as exc:
            print("storage", exc.details["reason"])
        else:
            print("written")
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["storage", "io"], out.stderr


def _damage_client_pages(path: Path) -> None:
    """Overwrite the client table's leaf pages past the first with garbage (a disk that lost them)."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    leaves = [p for (p,) in conn.execute("SELECT pageno FROM dbstat WHERE name = 'client' AND pagetype = 'leaf' "
                                         "ORDER BY pageno")]
    conn.close()
    assert len(leaves) > 3
    with open(path, "r+b") as f:
        for page in leaves[len(leaves) // 2:]:
            f.seek((page - 1) * page_size)
            f.write(b"\xde\xad\xbe\xef" * (page_size // 4))


def test_a_damaged_file_is_damaged_also_when_found_while_reading_rows(tmp_path):
    path = tmp_path / "desk.sqlite"
    desk = Desk.open(path)
    csv = tmp_path / "many.csv"
    csv.write_text("Name,Phone,Email\n" + "".join(f"Client number {i},98{i:08d},c{i}@example.com\n" for i in range(1500)),
                   encoding="utf-8")
    assert desk.imports.import_file(csv).created == 1500
    desk.close()
    _damage_client_pages(path)
    desk = Desk.open(path)
    try:
        with pytest.raises(StorageError) as raised:  # reads the client table in id order, row by row
            desk.segments.client_ids("visits >= 0")
        assert raised.value.details["reason"] == "damaged"
        with pytest.raises(StorageError) as raised:  # sorted by name: read in full before the first row
            desk.exports.client_ids(ids=range(1, 1501))
        assert raised.value.details["reason"] == "damaged"
    finally:
        desk.close()


def test_a_read_only_file_is_read_only(tmp_path):
    path = tmp_path / "desk.sqlite"
    desk = Desk.open(path)
    cid = _client(desk)
    try:
        if os.geteuid() == 0:  # root writes any file: SQLite's own read-only switch instead
            desk.db.execute_sql("PRAGMA query_only = 1")
        else:
            desk.close()
            for p in path.parent.iterdir():
                p.chmod(0o444)
            path.parent.chmod(0o555)
            desk = Desk.open(path)
        with pytest.raises(StorageError) as raised:
            desk.history.log_interaction(InteractionRecord(cid, dt.datetime(2026, 11, 20, 10, 0), summary="came in"))
        assert raised.value.details["reason"] in ("readonly", "io")
    finally:
        path.parent.chmod(0o755)
        desk.close()


@pytest.mark.parametrize("sql, params, driver_error", [
    ("SELECT no_such_column FROM client", (), peewee.OperationalError),
    ("SELEC 1", (), peewee.OperationalError),
    ("SELECT ?", (1, 2), peewee.ProgrammingError),
])
def test_a_mistake_in_our_sql_is_not_a_storage_error(desk, engine, sql, params, driver_error):
    if engine == "postgresql":  # psycopg reports each of these (SQLSTATE 42xxx, a bad binding) so
        driver_error = peewee.ProgrammingError
    with pytest.raises(driver_error) as raised:
        desk.db.execute_sql(sql, params)
    assert not isinstance(raised.value, StorageError)


def test_a_mistake_in_a_model_query_is_not_a_storage_error(desk, engine):
    from clientdesk.models import Client

    error, match = ((peewee.ProgrammingError, "does not exist") if engine == "postgresql"
                    else (peewee.OperationalError, "no such column"))
    with desk.using(), pytest.raises(error, match=match):
        list(Client.select(peewee.SQL("nonexistent")).tuples())


def test_a_file_that_is_not_a_database_cannot_be_opened_as_one(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"These are my notes, not a database. " * 200)
    with pytest.raises(StorageError) as raised:
        Desk.open(path)
    assert raised.value.details["reason"] == "damaged"


def test_another_engine_plugs_in_its_own_sorter(tmp_path):
    """The boundary asks the database class; an engine's sorter decides (PostgreSQL: SQLSTATE)."""

    class Picky(StorageBoundary, peewee.SqliteDatabase):
        def storage_error_for(self, exc):
            return StorageError("no such column, says this engine", reason="test") if "no such column" in str(exc) else None

    db = Picky(str(tmp_path / "p.sqlite"))
    with pytest.raises(StorageError, match="says this engine"):
        db.execute_sql("SELECT nothing_here")
    with pytest.raises(peewee.OperationalError):
        db.execute_sql("SELEC 1")
    db.close()
    assert issubclass(ClientDeskDatabase, StorageBoundary)


@pytest.fixture
def small_disk(tmp_path):
    """A real 2 MB file system (tmpfs), where it may be mounted (root on Linux)."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("mounting a small disk needs root on Linux")
    point = tmp_path / "disk"
    point.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(point)], capture_output=True).returncode:
        pytest.skip("no tmpfs may be mounted here")
    yield point
    subprocess.run(["umount", "-l", str(point)], check=True)


def test_a_real_full_disk_is_full(small_disk):
    desk = Desk.open(small_disk / "desk.sqlite")
    try:
        cid = _client(desk)
        filler = os.open(small_disk / "filler", os.O_WRONLY | os.O_CREAT)  # another program took the rest
        try:
            with pytest.raises(OSError):
                while True:
                    os.write(filler, b"\0" * 65536)
        finally:
            os.close(filler)
        with pytest.raises(StorageError) as raised:
            desk.history.record_purchase(_bill(cid, lines=2000))
        assert raised.value.details["reason"] == "full"
        (small_disk / "filler").unlink()
        assert desk.history.purchases(cid) == []  # nothing half-written
        assert desk.history.record_purchase(_bill(cid, lines=3))  # space again: the same call goes through
    finally:
        desk.close()
