"""Asking the shop's server whether this counter can use it, without changing anything there.

`check_server(url, password)` is Settings' "Test connection": it connects as the counter would,
reads the schema version and counts the clients, and returns a Verdict (a reason code and the
values the window puts into its own words, plus an English line for logs and the command line).
It never creates or migrates a schema: an empty database is reported as such.

`answers(url)` is the cheap question a window asks every few seconds while the server is away:
does anything accept connections there (PQping: no password, no database needed)?
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from clientdesk.errors import ClientDeskError, StorageError

log = logging.getLogger(__name__)

# reasons for which waiting helps (the server's PC is off, or it is starting): the window retries
WAITING_REASONS = frozenset({"unreachable", "not_ready"})


@dataclass(frozen=True)
class Verdict:
    """What the server said. `reason` is "ok", "empty" (connected; the database has no client book
    yet: the first start makes it), or a StorageError's reason ("unreachable", "auth",
    "no_database", "newer", "not_clientdesk", ...), or a ValidationError's ("no_host", ...).
    `message` is the English one line."""

    reason: str
    message: str
    host: str = ""
    dbname: str = ""
    user: str = ""
    version: int | None = None
    clients: int | None = None

    @property
    def ok(self) -> bool:
        return self.reason in ("ok", "empty")

    @property
    def waiting_helps(self) -> bool:
        return self.reason in WAITING_REASONS


def check_server(url: str, password: str | None = None) -> Verdict:
    """Connect to the server at `url` (the password given, else the URL's, else the keyring's) and
    say whether its client book can be used here: connected, its schema version and number of
    clients; or why not, in one line. Nothing is written to the server."""
    from clientdesk.postgres import schema
    from clientdesk.postgres.address import parse_server_url, resolve_password
    from clientdesk.postgres.database import ServerDatabase

    try:
        address = parse_server_url(url)
    except ClientDeskError as exc:
        return Verdict(reason=getattr(exc, "reason", "bad_url"), message=exc.message)
    address = address.with_password(password) if password else resolve_password(address)
    where = dict(host=address.host, dbname=address.dbname, user=address.user)
    db = ServerDatabase(address)
    try:
        db.connect()
        version = schema.stored_version(db)
        if version is None:
            if schema._has_tables(db):
                return Verdict(reason="not_clientdesk", message=f"The database {address.dbname} on the shop's server "
                               f"at {address.host} is not a ClientDesk client book (it has other tables).", **where)
            return Verdict(reason="empty", message=f"Connected to {address.host}. The database {address.dbname} has "
                           "no client book yet; it is made at the first start on the server.", **where)
        schema.check_version(version, address.host)
        (clients,) = db.execute_sql("SELECT count(*) FROM client WHERE NOT archived AND NOT erased").fetchone()
    except StorageError as exc:
        log.info("Test connection to %s: %s", address.display, exc.message)
        return Verdict(reason=exc.details.get("reason", "storage"), message=exc.message,
                       version=exc.details.get("version"), **where)
    finally:
        db.close()
    return Verdict(reason="ok", message=f"Connected to {address.host}: client book schema {version}, "
                   f"{clients} clients.", version=version, clients=int(clients), **where)


def answers(url: str) -> bool:
    """True when the server at `url` accepts connections now (whatever the password)."""
    from psycopg import pq
    from psycopg.conninfo import make_conninfo

    from clientdesk.postgres.address import parse_server_url

    try:
        params = parse_server_url(url).connect_params()
        conninfo = make_conninfo(**{k: v for k, v in params.items() if v is not None})
    except Exception as exc:  # noqa: BLE001 - a URL that cannot be used never answers
        log.info("Cannot ask %s: %s", url, exc)
        return False
    return pq.PGconn.ping(conninfo.encode()) == pq.Ping.OK
