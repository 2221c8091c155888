"""The databases a process has open, the proxy every model binds to, and how to open one.

Every model binds to `database`, a proxy that resolves, at each use, to the database of the
desk in use: the one set by `using(db)` in this context (the Desk's services run every call inside
it, see clientdesk.desk), else the only database open in the process. Several open and none in
use is a RuntimeError, never a guess: a client of one desk must never land in another's file.
`open_database(path)` opens a file with the pragmas the house style asks for and returns the
database the desk keeps; `close_database(db)` closes that one only. Tests call the same functions
on files in `tmp_path`.

Driver errors are sorted once, here, at the database boundary (`StorageBoundary`): a storage
condition becomes a StorageError, anything else (a mistake in our SQL) goes on as the bug it is.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any, Iterator

import peewee

from clientdesk.errors import StorageError

log = logging.getLogger(__name__)

# ----- which database the models use -----------------------------------------------------------

_in_use: contextvars.ContextVar[peewee.Database | None] = contextvars.ContextVar("clientdesk_database",
                                                                                default=None)
_open: list[peewee.Database] = []  # opened by open_database and not yet closed by close_database
_open_lock = threading.Lock()


@contextlib.contextmanager
def using(db: peewee.Database) -> Iterator[peewee.Database]:
    """The models use `db` inside this block, in this thread (a context variable: other threads and
    other asyncio tasks are not affected). Blocks nest; the inner one wins."""
    token = _in_use.set(db)
    try:
        yield db
    finally:
        _in_use.reset(token)


def current_database() -> peewee.Database:
    """The database the models use here: the one of `using()`, else the only one open."""
    db = _in_use.get()
    if db is not None:
        return db
    with _open_lock:
        opened = list(_open)
    if len(opened) == 1:
        return opened[0]
    if not opened:
        raise RuntimeError("No ClientDesk database is open: open a desk first.")
    raise RuntimeError(f"{len(opened)} ClientDesk databases are open and none is in use here: call the desk's "
                       "services, or use the models inside `with using(desk.db):`.")


def open_databases() -> list[peewee.Database]:
    """The databases open in this process (opened by open_database, not yet closed)."""
    with _open_lock:
        return list(_open)


class DeskDatabaseProxy(peewee.DatabaseProxy):
    """peewee's DatabaseProxy, resolved at each use to `current_database()` instead of one object
    set once with initialize(): the models need no binding of their own per desk."""

    __slots__ = ()

    def __init__(self) -> None:
        object.__setattr__(self, "_callbacks", [])

    @property
    def obj(self) -> peewee.Database | None:  # peewee reads it to learn whether the proxy is bound
        db = _in_use.get()
        if db is not None:
            return db
        with _open_lock:
            if not _open:
                return None
        return current_database()

    def initialize(self, obj) -> None:
        raise TypeError("The database proxy follows the desk in use: open_database() and using(db) bind it.")

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__") or attr in ("_Model", "_callbacks"):
            raise AttributeError(attr)
        return getattr(current_database(), attr)

    def __enter__(self):
        return current_database().__enter__()

    def __exit__(self, *exc_info):
        return current_database().__exit__(*exc_info)


database = DeskDatabaseProxy()

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


# ----- driver errors, sorted at the boundary -----------------------------------------------------

class StorageBoundary:
    """Mix in before a peewee Database class: every way in to the driver (connect, a cursor's
    execute/executemany, fetching its rows, and so BEGIN, COMMIT and ROLLBACK, which peewee runs
    through cursors) passes its errors to `self.storage_error_for(exc)`. What that returns (a
    StorageError) is raised from the driver's error; when it returns None the error is a bug and is
    raised unchanged (peewee's wrapping of it, or the driver's own while fetching rows).

    An engine plugs in its own sorter by defining `storage_error_for(self, exc) -> StorageError |
    None`: SQLite sorts by `sqlite_errorcode` (ClientDeskDatabase below); a PostgreSQL class by
    SQLSTATE class, e.g.

        class ClientDeskPostgres(StorageBoundary, peewee.PostgresqlDatabase):
            def storage_error_for(self, exc):
                ...  # "08" connection, "53" resources, "57" operator intervention -> StorageError

    `exc` may be peewee's wrapping (the driver's error is its args[0] and __cause__/__context__),
    the driver's own error, or an OSError. Services need no `storage_errors()` block around their
    database work."""

    def storage_error_for(self, exc: BaseException) -> StorageError | None:
        """The StorageError for `exc`, or None when it is a bug. An engine that sorts none (this
        default) lets every driver error go on as the bug it is."""
        return None

    def _sorted(self, exc: Exception) -> Exception:
        """The exception to raise for `exc`: its StorageError, or `exc` itself (a bug)."""
        if isinstance(exc, StorageError):
            return exc
        error = self.storage_error_for(exc)
        if error is None:
            return exc
        error.__cause__ = exc
        return error

    def connect(self, *args, **kwargs):
        try:
            return super().connect(*args, **kwargs)
        except Exception as exc:
            error = self._sorted(exc)
            if error is exc:
                raise
            raise error from exc

    def cursor(self, *args, **kwargs):
        try:
            return SortedCursor(super().cursor(*args, **kwargs), self)
        except Exception as exc:
            error = self._sorted(exc)
            if error is exc:
                raise
            raise error from exc


class SortedCursor:
    """A driver cursor whose errors go through its database's `storage_error_for`: statements
    (execute, executemany) and the rows fetched afterwards, where SQLite finds a damaged page or a
    lock as it reads. Everything else is the driver cursor's own."""

    __slots__ = ("_cursor", "_db")

    def __init__(self, cursor, db: StorageBoundary) -> None:
        self._cursor = cursor
        self._db = db

    def _raise(self, exc: Exception):
        error = self._db._sorted(exc)
        if error is exc:
            raise exc
        raise error from exc

    def execute(self, *args, **kwargs) -> "SortedCursor":
        try:
            self._cursor.execute(*args, **kwargs)
        except Exception as exc:
            self._raise(exc)
        return self

    def executemany(self, *args, **kwargs) -> "SortedCursor":
        try:
            self._cursor.executemany(*args, **kwargs)
        except Exception as exc:
            self._raise(exc)
        return self

    def fetchone(self):
        try:
            return self._cursor.fetchone()
        except Exception as exc:
            self._raise(exc)

    def fetchmany(self, *args, **kwargs):
        try:
            return self._cursor.fetchmany(*args, **kwargs)
        except Exception as exc:
            self._raise(exc)

    def fetchall(self):
        try:
            return self._cursor.fetchall()
        except Exception as exc:
            self._raise(exc)

    def __iter__(self) -> "SortedCursor":
        return self

    def __next__(self):
        try:
            return next(self._cursor)
        except StopIteration:
            raise
        except Exception as exc:
            self._raise(exc)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cursor, name)


class ClientDeskDatabase(StorageBoundary, peewee.SqliteDatabase):
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

    def storage_error_for(self, exc: BaseException) -> StorageError | None:
        """SQLite's storage conditions by result code (see the module's storage_error_for)."""
        return storage_error_for(exc)

    def rollback(self) -> None:
        """ROLLBACK, unless SQLite has rolled the transaction back itself: a COMMIT that failed
        for a full disk or an I/O error ends the transaction, and peewee's ROLLBACK after it would
        fail with "no transaction is active", hiding the StorageError that says what happened."""
        if not self.is_closed() and not self._state.conn.in_transaction:
            return
        super().rollback()

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
                except (peewee.OperationalError, StorageError) as exc:  # StorageError: sorted by the cursor
                    if not is_busy(exc) or time.monotonic() >= deadline:
                        raise
                time.sleep(LOCK_POLL_SECONDS)
        finally:
            conn.execute(f"PRAGMA busy_timeout = {int(timeout_ms)}")

    # ----- checkpoints after big writes (BackgroundCheckpoints) ---------------------------------
    @contextlib.contextmanager
    def checkpoints_held(self) -> Iterator[None]:
        """No automatic checkpoint at this connection's commits inside the block (see
        BackgroundCheckpoints.after); they are back on after it, also after a failure."""
        self.execute_sql("PRAGMA wal_autocheckpoint = 0")
        try:
            yield
        finally:
            try:
                self.execute_sql(f"PRAGMA wal_autocheckpoint = {AUTOCHECKPOINT_PAGES}")
            except peewee.DatabaseError as exc:  # the work's own error, if any, matters more
                log.warning("Could not turn automatic checkpoints back on: %s", exc)

    @property
    def checkpoint_file(self) -> Path | None:
        """The file a background connection checkpoints after a big write (None in memory)."""
        return None if self.database == ":memory:" else Path(self.database)


class BaseModel(peewee.Model):
    class Meta:
        database = database
        legacy_table_names = False


def open_database(path: Path | str) -> peewee.Database:
    """Open (creating if needed) the SQLite file at `path`, bring its schema up to date, and return
    it (the desk keeps it; see `using` and `current_database` for how the models find it). A server
    URL (`postgresql://…`, see clientdesk.postgres.address) opens the client book on that server."""
    from clientdesk import migrations
    from clientdesk.postgres.address import is_server_url

    if is_server_url(path):
        from clientdesk.postgres.database import open_server

        return register_database(open_server(path))
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"Cannot create the folder {path.parent}: {exc.strerror}") from exc
    if path.exists():
        with storage_errors():
            migrations.check_version(_stored_version(path))
    db = ClientDeskDatabase(str(path), pragmas=PRAGMAS, thread_safe=True)
    try:
        with using(db), storage_errors():  # storage_errors: the migration's own backup and files
            db.connect(reuse_if_open=True)
            db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
            migrations.upgrade(db, path)
    except BaseException:
        if not db.is_closed():
            with contextlib.suppress(Exception):
                db.close()
        raise
    return register_database(db)


def register_database(db: peewee.Database) -> peewee.Database:
    """Count `db` among the open databases (the models fall back on it when it is the only one),
    until close_database(db). open_database does this for every database it opens."""
    with _open_lock:
        if db not in _open:
            _open.append(db)
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
    def after(self, db: peewee.Database) -> Iterator[None]:
        """For work that writes a lot in one transaction (a big import, its undo): the commit
        returns without copying what it wrote from the WAL into the database file (72 MB, 0.4 s
        for 100,000 clients); a helper thread does that right after, while the window already
        shows the result. The data is committed either way, and readers see it at once. What that
        means is the database class's (`checkpoints_held`, `checkpoint_file`): SQLite's WAL here; a
        server keeps its own write-ahead log and does nothing."""
        held = getattr(db, "checkpoints_held", None)
        try:
            with held() if held is not None else contextlib.nullcontext():
                yield
        finally:
            path = getattr(db, "checkpoint_file", None)
            if path is not None:
                self._threads = [t for t in self._threads if t.is_alive()]
                thread = threading.Thread(target=_checkpoint, args=(path,), name="checkpoint", daemon=True)
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


def close_database(db: peewee.Database | None = None) -> None:
    """Close `db` (this thread's connection to it) and forget it as open; without `db`, the one the
    models use here (`current_database`), if any is open. Other open databases are left alone."""
    if db is None:
        if _in_use.get() is None and not open_databases():
            return
        db = current_database()
    with _open_lock:
        _open[:] = [d for d in _open if d is not db]
    if not db.is_closed():
        db.close()


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
    One place sorts SQLite's errors, by code (ClientDeskDatabase.storage_error_for calls it; a
    PostgreSQL class brings its own, by SQLSTATE: see StorageBoundary). An OSError is a storage
    condition too."""
    if isinstance(exc, OSError):
        return StorageError(f"The database file could not be used: {exc.strerror or exc}", reason="io")
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
    goes on as it is. Work through a ClientDeskDatabase needs no such block (StorageBoundary sorts
    its errors already); it is for sqlite3 used directly (backups, reading a file's version) and
    for files around the database."""
    try:
        yield
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        error = storage_error_for(exc)
        if error is None:
            raise
        raise error from exc
    except OSError as exc:
        raise StorageError(f"The database file could not be used: {exc.strerror or exc}") from exc
