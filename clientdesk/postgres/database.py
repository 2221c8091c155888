"""The client book on the shop's PostgreSQL server: peewee's PostgresqlDatabase through psycopg 3.

Driver errors are sorted at this one boundary (connect, every statement, begin, commit,
rollback) by `storage_error_for`, the same hook the SQLite database class has: storage
conditions become StorageError, anything else is a bug and goes on as it is. A connection that
broke (the server's PC was off for a while) is opened again by the next statement outside a
transaction, so a counter recovers by itself when the server is back; a transaction that was
under way is never half-written (the server rolls it back) and its error says so.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from typing import Iterator

import peewee

from clientdesk.errors import StorageError
from clientdesk.postgres import errors
from clientdesk.postgres.address import ServerAddress, parse_server_url, resolve_password

log = logging.getLogger(__name__)


# Every transaction on the server takes this transaction-level advisory lock first, so the
# counters' transactions run one after another, as SQLite's BEGIN IMMEDIATE makes them on one PC:
# the services' read-then-write logic (balance, lots to redeem, the next card number, stamps)
# was written for that and stays correct with several counters at once. Reads outside a
# transaction never wait. Statements inside run at READ COMMITTED, so each sees what the
# transaction before it committed (REPEATABLE READ would keep a snapshot from before the wait).
# Sales are milliseconds long; a big import waits between its blocks (importer.PAUSE_SECONDS).
# Finer locks (a row lock per client) can replace it where two counters must not wait for each other.
WRITE_LOCK = 0x436C4465736B57  # "ClDeskW"
LOCK_WAIT_MS = 5000  # as SQLite's busy_timeout (clientdesk.db.PRAGMAS)
SQLITE_LOCK_TYPES = ("DEFERRED", "IMMEDIATE", "EXCLUSIVE")  # BEGIN's, which atomic() may be given


class ServerDatabase(peewee.PostgresqlDatabase):
    """A ClientDesk database on a PostgreSQL server. `address` says where (never its password).
    `search_index`: the engine's search index (clientdesk.postgres.search), which the client
    search uses instead of SQLite's FTS5 tables."""

    from clientdesk.postgres import search as search_index
    # greetings' indexes: made with the schema (schema.create_all), not again as a desk opens (a counter's
    # login may not create indexes: clientdesk.postgres.setup)
    client_indexes = ()

    from clientdesk.dialect import SERVER as sql  # the engine's pieces of hand-written SQL

    write_lock = True
    lock_wait_ms = LOCK_WAIT_MS

    def __init__(self, address: ServerAddress, **kwargs):
        self.address = address
        self._opened: list[tuple[threading.Thread, object]] = []  # every connection made, by thread
        from clientdesk.postgres.dialect import QmarkCursor

        params = address.connect_params()
        super().__init__(address.dbname, prefer_psycopg3=True, cursor_factory=QmarkCursor, **params, **kwargs)

    # ----- errors ----------------------------------------------------------------------------
    def storage_error_for(self, exc: BaseException) -> StorageError | None:
        """The StorageError for a driver error on this server, or None when it is a bug."""
        return errors.storage_error_for(exc, host=self.address.host, user=self.address.user,
                                        dbname=self.address.dbname)

    @contextlib.contextmanager
    def storage_errors(self) -> Iterator[None]:
        try:
            yield
        except StorageError:
            raise
        except Exception as exc:
            error = self.storage_error_for(exc) if _is_driver_error(exc) else None
            if error is None:
                raise
            raise error from exc

    # ----- the points every statement passes -------------------------------------------------
    def _connect(self):
        import psycopg

        try:
            conn = super()._connect()
            self._opened.append((threading.current_thread(), conn))
            return conn
        except psycopg.OperationalError as exc:
            if exc.sqlstate is None:  # libpq gives none for a failed attempt: ask the server
                params = {k: v for k, v in self.connect_params.items() if k != "cursor_factory"}
                exc.clientdesk_sqlstate = errors.diagnose_connect_failure({**params, "dbname": self.database})
            raise

    def connect(self, reuse_if_open: bool = False) -> bool:
        with self.storage_errors():
            return super().connect(reuse_if_open)

    def cursor(self, named_cursor=None):
        if not self.is_closed() and not self.in_transaction() and not self._usable():
            log.info("The connection to %s broke; opening it again", self.address.display)
            self._drop_connection()
        return super().cursor(named_cursor)

    def execute_sql(self, sql, params=None):
        with self.storage_errors():
            return super().execute_sql(sql, params)

    def begin(self, isolation_level=None):
        """BEGIN, then the client book's write lock (see WRITE_LOCK): SQLite's BEGIN IMMEDIATE on
        a server. Waits up to LOCK_WAIT_MS for another counter's transaction to end. SQLite's lock
        types are understood: "DEFERRED" (a reading that must be consistent, atomic("DEFERRED"))
        is a REPEATABLE READ snapshot without the write lock; "IMMEDIATE" and "EXCLUSIVE" the default."""
        reading = isinstance(isolation_level, str) and isolation_level.upper() == "DEFERRED"
        if isinstance(isolation_level, str) and isolation_level.upper() in SQLITE_LOCK_TYPES:
            isolation_level = "REPEATABLE READ" if reading else None
        with self.storage_errors():
            super().begin(isolation_level)
            if self.write_lock and not reading:
                cursor = self.cursor()
                try:
                    # one round trip (three statements, no parameters: the simple query protocol)
                    cursor.execute(f"SET LOCAL lock_timeout = {int(self.lock_wait_ms)}; "
                                   f"SELECT pg_advisory_xact_lock({int(WRITE_LOCK)}); "
                                   "SET LOCAL lock_timeout = DEFAULT")
                except Exception:
                    with contextlib.suppress(Exception):  # peewee has no transaction to end yet: end it here
                        self._state.conn.rollback()
                    raise

    def commit(self):
        with self.storage_errors():
            super().commit()

    def rollback(self):
        conn = self._state.conn
        if conn is not None and not conn.closed and _busy(conn):
            # A command was cut short where the driver could not end it (Ctrl-C as a COPY began):
            # the connection cannot even roll back ("another command is already in progress").
            # Closing it ends its transaction on the server; the caller's next statement (taking
            # an import back) runs on a new connection, in the same thread.
            log.warning("The connection to %s was busy with a command cut short; replacing it to roll back",
                        self.address.display)
            conn.close()
            with self.storage_errors():
                self._state.conn = self._connect()  # peewee's transaction stack stays as it is
            return
        with self.storage_errors():
            super().rollback()

    def close(self) -> bool:
        """Close this thread's connection, and those of threads that have ended (a background job's:
        peewee gives each thread a connection of its own and nobody else closes it)."""
        closed = super().close()
        with self._lock:
            keep = []
            for thread, conn in self._opened:
                if thread is threading.current_thread() or not thread.is_alive():
                    if not conn.closed:
                        conn.close()
                else:
                    keep.append((thread, conn))
            self._opened = keep
        return closed

    def _usable(self) -> bool:
        conn = self._state.conn
        return conn is not None and not conn.closed and not _busy(conn) and self.is_connection_usable()

    def _drop_connection(self) -> None:
        conn = self._state.conn
        self._state.reset()
        try:
            conn.close()
        except Exception:  # noqa: BLE001 - already broken; closing is only tidying up
            pass

    # ----- what the SQLite class has that callers use -----------------------------------------
    def checkpoints_held(self):
        """Nothing to hold: the server checkpoints its own log (clientdesk.db.BackgroundCheckpoints)."""
        return contextlib.nullcontext()

    checkpoint_file = None

    def pragma(self, *args, **kwargs):
        raise peewee.NotSupportedError("PRAGMA is SQLite's; on PostgreSQL see clientdesk.postgres.schema")


def _busy(conn) -> bool:
    """Whether a psycopg connection is still inside a command (nothing else can run on it)."""
    import psycopg

    return conn.info.transaction_status == psycopg.pq.TransactionStatus.ACTIVE


def _is_driver_error(exc: BaseException) -> bool:
    import psycopg

    return isinstance(exc, (peewee.DatabaseError, peewee.InterfaceError, psycopg.Error))


def open_server(url_or_address: str | ServerAddress, create: bool = True) -> ServerDatabase:
    """Connect to the client book at a server URL (password from the URL or the keyring) and bring
    its schema up to date (`create`: make it in an empty database). Raises StorageError when the
    server cannot be used, ValidationError for a bad URL."""
    from clientdesk.postgres import schema

    address = url_or_address if isinstance(url_or_address, ServerAddress) else parse_server_url(url_or_address)
    db = ServerDatabase(resolve_password(address))
    db.connect()
    try:
        schema.prepare(db, create=create)
    except BaseException:
        db.close()
        raise
    return db
