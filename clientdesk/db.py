"""The one database proxy and how to open it.

Every model binds to `database`; `open_database(path)` initialises it with the pragmas the
house style asks for. Tests call the same function on a file in `tmp_path`.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
import time
from pathlib import Path
from typing import Iterator

import peewee

from clientdesk.errors import StorageError

log = logging.getLogger(__name__)

database = peewee.DatabaseProxy()

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "cache_size": -64000,
    "busy_timeout": 5000,
    "secure_delete": "on",  # deleted and erased text is overwritten, not left in free space
}


# How long a write waits for another process's write to end before giving up (PRAGMAS' busy_timeout).
BUSY_TIMEOUT_MS = PRAGMAS["busy_timeout"]
LOCK_POLL_SECONDS = 0.002  # between two tries for the write lock while another process holds it


class ClientDeskDatabase(peewee.SqliteDatabase):
    """SQLite where every transaction starts with `BEGIN IMMEDIATE`: it takes the write lock first,
    waiting up to the busy timeout while another process (the second counter's import) writes.

    A plain `BEGIN` (DEFERRED) reads first and asks for the write lock at its first write; if
    another connection holds it then, SQLite cannot wait (its snapshot would be stale afterwards)
    and fails at once with "database is locked", whatever the busy timeout: measured, a sale
    failed in 3 ms while another process held the lock for 2 s. Nested atomic() blocks are
    savepoints inside the outer transaction and take no lock of their own. Statements outside any
    transaction are their own transactions, and SQLite waits for them with the busy timeout."""

    def __init__(self, database, *args, lock_type: str = "IMMEDIATE", **kwargs):
        super().__init__(database, *args, lock_type=lock_type, **kwargs)

    def begin(self, lock_type: str | None = None) -> None:
        """BEGIN IMMEDIATE, asking for the lock every LOCK_POLL_SECONDS until the connection's
        busy timeout has passed. SQLite's own waiting sleeps 100 ms between tries once it has
        waited a third of a second, and its locks are not fair: an import that commits block after
        block took the lock back within a millisecond each time, and a sale waiting beside it was
        refused after 5 s (4 of 104 during a 100,000-row import). Polling finds the pause the
        import leaves after each block (importer.PAUSE_SECONDS)."""
        lock_type = lock_type or self._lock_type
        if (lock_type or "").upper() != "IMMEDIATE":
            super().begin(lock_type)
            return
        conn = self.connection()
        timeout_ms = conn.execute("PRAGMA busy_timeout").fetchone()[0]
        conn.execute("PRAGMA busy_timeout = 0")
        try:
            deadline = time.monotonic() + timeout_ms / 1000
            while True:
                try:
                    super().begin(lock_type)
                    return
                except peewee.OperationalError as exc:
                    if not is_busy(exc) or time.monotonic() >= deadline:
                        raise
                time.sleep(LOCK_POLL_SECONDS)
        finally:
            conn.execute(f"PRAGMA busy_timeout = {int(timeout_ms)}")


class BaseModel(peewee.Model):
    class Meta:
        database = database
        legacy_table_names = False


def open_database(path: Path | str) -> peewee.SqliteDatabase:
    """Open (creating if needed) the SQLite file at `path`, bring its schema up to date, and bind it."""
    from clientdesk import migrations

    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"Cannot create the folder {path.parent}: {exc.strerror}") from exc
    if path.exists():
        with storage_errors():
            migrations.check_version(_stored_version(path))
    db = ClientDeskDatabase(str(path), pragmas=PRAGMAS, thread_safe=True)
    database.initialize(db)
    with storage_errors():
        db.connect(reuse_if_open=True)
        db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
        migrations.upgrade(db, path)
    return db


def _stored_version(path: Path) -> int:
    """The schema version of an existing file, read without changing a byte of it."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def needs_upgrade(path: Path | str) -> bool:
    """True when opening the file at `path` will bring its schema up to date (it was written by an
    older version): a big file can take a while, so the window says so first."""
    from clientdesk import migrations

    path = Path(path)
    if not path.exists():
        return False
    try:
        version = _stored_version(path)
    except sqlite3.Error:
        return False  # not a database: opening it says so
    return 0 < version < migrations.latest_version()


# SQLite's own default: after a commit that leaves this many pages in the WAL, it copies them
# into the database file (a checkpoint) before the commit returns.
AUTOCHECKPOINT_PAGES = 1000


class BackgroundCheckpoints:
    """Checkpoints run on their own connection after big writes. The Desk owns one and waits for
    them before it closes the database."""

    def __init__(self) -> None:
        self._threads: list[threading.Thread] = []

    @contextlib.contextmanager
    def after(self, db: peewee.SqliteDatabase) -> Iterator[None]:
        """For work that writes a lot in one transaction (a big import, its undo): the commit
        returns without copying what it wrote from the WAL into the database file (72 MB, 0.4 s
        for 100,000 clients); a helper thread does that right after, while the window already
        shows the result. The data is committed either way, and readers see it at once."""
        db.execute_sql("PRAGMA wal_autocheckpoint = 0")
        try:
            yield
        finally:
            try:
                db.execute_sql(f"PRAGMA wal_autocheckpoint = {AUTOCHECKPOINT_PAGES}")
            except peewee.DatabaseError as exc:  # the work's own error, if any, matters more
                log.warning("Could not turn automatic checkpoints back on: %s", exc)
            if db.database != ":memory:":
                self._threads = [t for t in self._threads if t.is_alive()]
                thread = threading.Thread(target=_checkpoint, args=(Path(db.database),), name="checkpoint",
                                          daemon=True)
                self._threads.append(thread)
                thread.start()

    def wait(self) -> None:
        """Let the checkpoints under way finish."""
        while self._threads:
            self._threads.pop().join()


def _checkpoint(path: Path) -> None:
    try:  # mode=rw: a file moved or deleted meanwhile is not created again, empty
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=5)
        try:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:  # the next commit or the close checkpoints instead
        log.warning("Background checkpoint of %s failed: %s", path, exc)


def close_database() -> None:
    """Close the current connection, if any."""
    obj = database.obj
    if obj is not None and not obj.is_closed():
        obj.close()


# SQLite's primary result codes for "another connection holds the lock" (extended codes add bits above 0xff).
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6
BUSY_MESSAGE = ("The client book is in use by another program: another counter or ClientDesk window is saving a "
                "big change (an import or its undo) and did not finish in time. Nothing was saved; try again in "
                "a moment.")


def sqlite_code(exc: BaseException) -> int | None:
    """SQLite's primary result code carried by `exc` (sqlite3's error, or peewee's wrapping of it)."""
    for candidate in (exc, *exc.args[:1], exc.__cause__, exc.__context__):
        code = getattr(candidate, "sqlite_errorcode", None)
        if code is not None:
            return code & 0xFF
    return None


def is_busy(exc: BaseException) -> bool:
    """True when `exc` says another connection held the lock for longer than the busy timeout.
    Sorted by SQLite's result code, the message only when the driver gave none."""
    code = sqlite_code(exc)
    if code is not None:
        return code in (_SQLITE_BUSY, _SQLITE_LOCKED)
    text = str(exc)
    return "locked" in text or "busy" in text


# SQLite's result codes that say something about the file or the machine, not about our SQL:
# READONLY, IOERR, CORRUPT, FULL, CANTOPEN, NOTADB (BUSY and LOCKED above). Any other code (a
# syntax error, a missing column, a wrong number of bindings) is a bug and is not turned into a
# StorageError: it reaches the excepthook with its details.
_READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 8, 10, 11, 13, 14, 26


def storage_error_for(exc: BaseException) -> StorageError | None:
    """The StorageError a shopkeeper can act on for a driver error, or None when it is a bug.
    One place sorts driver errors, by code (a PostgreSQL driver's SQLSTATE classes plug in here)."""
    code = sqlite_code(exc)
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return StorageError(BUSY_MESSAGE, reason="busy")
    if code == _FULL:
        return StorageError("The disk is full. Free some space and try again; nothing was saved.", reason="full")
    if code in (_CORRUPT, _NOTADB):
        return StorageError(f"The database file is damaged or is not a ClientDesk database ({exc}). "
                            "Restore a backup.", reason="damaged")
    if code == _READONLY:
        return StorageError(f"The database file cannot be written ({exc}): check that the folder and the file "
                            "may be written and the disk is not full or read-only.", reason="readonly")
    if code in (_IOERR, _CANTOPEN):
        return StorageError(f"The database file could not be used: {exc}", reason="io")
    return None


@contextlib.contextmanager
def storage_errors():
    """Turn SQLite's storage conditions (by code: see storage_error_for) and OS failures into a
    StorageError with a message a shopkeeper can act on; any other database error is a bug and
    goes on as it is."""
    try:
        yield
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        error = storage_error_for(exc)
        if error is None:
            raise
        raise error from exc
    except OSError as exc:
        raise StorageError(f"The database file could not be used: {exc.strerror or exc}") from exc
