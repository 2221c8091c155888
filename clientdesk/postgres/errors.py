"""PostgreSQL's errors sorted by SQLSTATE into what a shopkeeper can act on.

`storage_error_for(exc, ...)` is a pure function of the exception (testable without a server):
a StorageError for conditions of the server, the network or the set-up, None for anything else,
which is a bug and goes on to the excepthook. Sorted by code, never by message text (the
server's messages are translated by its lc_messages).

libpq gives no SQLSTATE for a failed connection attempt (psycopg issue #1188: "password
authentication failed" arrives as OperationalError with sqlstate None). `diagnose_connect_failure`
finds the code by asking the server, not by reading the message: PQping tells "not answering"
from "answering but not accepting connections now" (it reads the SQLSTATE 57P03 itself), and a
second attempt on the `postgres` database tells a missing database (3D000) from refused
credentials (28000). The database class stores that code on the exception as `clientdesk_sqlstate`.
"""

from __future__ import annotations

import logging

from clientdesk.errors import StorageError

log = logging.getLogger(__name__)

# Codes that mean "another counter changed the same rows at the same moment": the whole
# transaction is safe to run again (transactions.retrying does).
CONFLICT_CODES = frozenset({"40001", "40P01"})  # serialization_failure, deadlock_detected
CONNECTION_LOST = "08006"  # connection_failure: what a connection that died without a code counts as


def sqlstate_of(exc: BaseException) -> str | None:
    """The SQLSTATE carried by `exc`: psycopg's error, peewee's wrapping of it (args[0], the
    chained cause), or the code diagnose_connect_failure found for a failed connection."""
    seen = []
    for candidate in (exc, *exc.args[:1], exc.__cause__, exc.__context__):
        if isinstance(candidate, BaseException) and candidate not in seen:
            seen.append(candidate)
            code = getattr(candidate, "clientdesk_sqlstate", None) or getattr(candidate, "sqlstate", None)
            if code:
                return code
    for candidate in seen:  # a driver error without any code: the connection broke on the client's side
        if _is_connection_error(candidate):
            return CONNECTION_LOST
    return None


def _is_connection_error(exc: BaseException) -> bool:
    """psycopg raises OperationalError without a SQLSTATE when the connection itself fails: refused,
    timed out, closed by a dying server, already closed. Sorted by class, not by message."""
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a requirement
        return False
    return isinstance(exc, psycopg.OperationalError) and getattr(exc, "sqlstate", None) is None


def is_conflict(exc: BaseException) -> bool:
    """True for a serialization failure or deadlock (run the transaction again), whether raw or sorted."""
    if isinstance(exc, StorageError):
        return exc.details.get("reason") == "conflict"
    return sqlstate_of(exc) in CONFLICT_CODES


def unreachable(host: str) -> StorageError:
    return StorageError(f"The shop's server at {host} is not answering; check that its PC is on.",
                        reason="unreachable", host=host)


def storage_error_for(exc: BaseException, host: str = "the server", user: str = "",
                      dbname: str = "") -> StorageError | None:
    """The StorageError a shopkeeper can act on for a driver error, or None when it is a bug."""
    code = sqlstate_of(exc)
    if not code:
        return None
    cls = code[:2]
    if cls == "08" or code in ("57P01", "57P02", "57P05"):  # connection; server shut down or crashed
        return unreachable(host)
    if code == "57P03":
        return StorageError(f"The shop's server at {host} is starting up or shutting down; try again in a moment.",
                            reason="not_ready", host=host)
    if code == "57014":
        return StorageError(f"The shop's server at {host} took too long and the work was cancelled; nothing was "
                            "saved. Try again.", reason="timeout", host=host)
    if cls == "28":
        who = f" as {user}" if user else ""
        return StorageError(f"The shop's server at {host} refused the connection{who}: wrong user name or password, "
                            "or this PC is not allowed to connect.", reason="auth", host=host)
    if code == "3D000":
        name = f" named {dbname}" if dbname else ""
        return StorageError(f"The shop's server at {host} has no client book{name}. Check the name, or set the "
                            "server up first (server-setup).", reason="no_database", host=host)
    if code == "53100":
        return StorageError(f"The disk of the shop's server at {host} is full. Free some space on that PC and try "
                            "again; nothing was saved.", reason="full", host=host)
    if cls == "53":  # out of memory, too many connections, configuration limits
        return StorageError(f"The shop's server at {host} is out of resources (too many counters connected, or "
                            "memory); nothing was saved. Try again in a moment.", reason="server_resources",
                            host=host)
    if code == "55P03":  # lock_not_available: another counter's transaction held the write lock too long
        return StorageError(f"The client book on the shop's server at {host} is busy: another counter is saving a "
                            "big change (an import or its undo) and did not finish in time. Nothing was saved; try "
                            "again in a moment.", reason="busy", host=host)
    if code in CONFLICT_CODES:
        return StorageError("Another counter changed the same records at the same moment; nothing was saved. "
                            "Try again.", reason="conflict", host=host)
    if code == "22001":  # string_data_right_truncation: a book whose text columns still have a limit
        return StorageError(f"A text is longer than the client book on the shop's server at {host} takes; nothing "
                            "was saved. Shorten it, or run server-setup again to lift the limit.",
                            reason="too_long", host=host)
    if code == "25006":  # read_only_sql_transaction: a standby or a read-only database
        return StorageError(f"The client book on the shop's server at {host} is read-only; nothing was saved.",
                            reason="readonly", host=host)
    if code == "42501":  # insufficient_privilege: the counter's role lacks a grant (set-up)
        who = user or "this counter's user"
        return StorageError(f"The shop's server at {host} does not let {who} make this change (permission "
                            "denied). Run server-setup again or ask whoever set the server up.",
                            reason="permission", host=host)
    if cls == "58" or code in ("XX001", "XX002"):  # system I/O errors; damaged data or index
        return StorageError(f"The shop's server at {host} could not read or write its data ({exc}). Check that "
                            "PC's disk; restore a backup if this persists.", reason="damaged", host=host)
    return None


def diagnose_connect_failure(params: dict) -> str | None:
    """The SQLSTATE class of a failed connection attempt with these psycopg.connect parameters
    (see the module's docstring): 08001 not answering, 57P03 not accepting connections now,
    3D000 no such database, 28000 refused credentials; None when the parameters themselves are
    unusable (a bug or a bad URL)."""
    import psycopg
    from psycopg import pq
    from psycopg.conninfo import make_conninfo

    try:
        conninfo = make_conninfo(**{k: v for k, v in params.items() if v is not None})
    except psycopg.ProgrammingError:
        return None
    ping = pq.PGconn.ping(conninfo.encode())
    if ping == pq.Ping.NO_RESPONSE:
        return "08001"
    if ping == pq.Ping.REJECT:
        return "57P03"
    if ping != pq.Ping.OK:
        return None
    if params.get("dbname") != "postgres":
        try:
            psycopg.connect(**{**params, "dbname": "postgres"}).close()
        except psycopg.OperationalError:
            pass
        else:
            return "3D000"  # the same user gets into the server's own database: ours is missing
    return "28000"
