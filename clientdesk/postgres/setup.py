"""Setting up the shop's server (`server-setup URL`), and what the command line asks a server
before it opens a client book there.

`setup_server` is run once by whoever looks after the server, as its admin user (the owner of
the database, or a superuser): it makes the client book's schema (clientdesk.postgres.schema)
and a login role for the counters with the least privilege a counter needs:

- CONNECT on the database, USAGE on the schema (no CREATE: no new tables, no DDL);
- SELECT, INSERT, UPDATE, DELETE on the client book's tables (SELECT only on the schema version
  table: a newer ClientDesk's migration is run by the admin, with server-setup);
- USAGE and SELECT on the sequences (numbers for new rows; SELECT lets pg_dump read them, so a
  counter can make a backup);
- never superuser, CREATEDB or CREATEROLE; the tables stay the admin's, so a counter cannot DROP,
  ALTER or TRUNCATE them.

The same grants become the schema's default privileges, so tables a later migration adds (made
by the admin) are the counters' too. Running it again is harmless: the schema is brought up to
date, the role and grants are made again as they should be, and a password is only changed
when one is given. The password is sent to the server already hashed (SCRAM-SHA-256, made by
libpq on this PC), so it never appears in the server's statement log.
"""

from __future__ import annotations

import contextlib
import logging
import re
from dataclasses import dataclass

from clientdesk.errors import StorageError, ValidationError
from clientdesk.postgres.address import ServerAddress, parse_server_url, resolve_password

log = logging.getLogger(__name__)

DEFAULT_COUNTER_ROLE = "clientdesk_counter"
_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
TABLE_RIGHTS = "SELECT, INSERT, UPDATE, DELETE"
# UPDATE: setval, which a bulk load by COPY (an import) uses to move the numbering past the ids it gave.
SEQUENCE_RIGHTS = "USAGE, SELECT, UPDATE"


def _database(url_or_address):
    """A ServerDatabase on `url` (not registered with the models: the caller closes it)."""
    from clientdesk.postgres.database import ServerDatabase

    address = url_or_address if isinstance(url_or_address, ServerAddress) else parse_server_url(url_or_address)
    db = ServerDatabase(resolve_password(address))
    db.connect()
    return db


def server_state(url: str) -> str:
    """What the database at `url` holds: "ready" (a ClientDesk client book), "empty" (nothing yet)
    or "foreign" (other tables). Raises StorageError when the server cannot be used (not
    answering, refused, no such database), ValidationError for a bad URL."""
    from clientdesk.postgres import schema

    db = _database(url)
    try:
        if schema.stored_version(db) is not None:
            return "ready"
        return "foreign" if schema._has_tables(db) else "empty"
    finally:
        db.close()


def client_book_tables() -> list[str]:
    """The names of every table of a client book on a server (the models', the search index's, the version's)."""
    from clientdesk.postgres import schema
    from clientdesk.schema import PHONE_SEARCH_TABLE, SEARCH_TABLE

    return [m._meta.table_name for m in schema.table_models()] + [SEARCH_TABLE, PHONE_SEARCH_TABLE,
                                                                   schema.VERSION_TABLE]


def drop_client_book(url: str) -> None:
    """Remove the client book's tables again (a command that made it in an empty database
    failed: exit 2 writes nothing). Only ClientDesk's own tables are dropped."""
    from psycopg import sql

    from clientdesk.postgres import schema

    db = _database(url)
    try:
        with db.atomic():
            db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (schema._CREATE_LOCK,))
            names = sql.SQL(", ").join(map(sql.Identifier, client_book_tables()))
            db.execute_sql(sql.SQL("DROP TABLE IF EXISTS {} CASCADE").format(names).as_string(None))
    finally:
        db.close()


# ----- server-setup ------------------------------------------------------------------------------
@dataclass(frozen=True)
class SetupOutcome:
    counter_url: str  # the URL a counter uses, without its password
    role: str
    role_created: bool
    password_set: bool
    schema_version: int


def check_role_name(name: str) -> str:
    if not _ROLE_NAME.match(name or ""):
        raise ValidationError("counter_role", "invalid",
                              f"--counter-role: {name[:70]!r} is not a role name (lower-case letters, digits and _, "
                              "at most 63, not starting with a digit)")
    if name.startswith("pg_"):
        raise ValidationError("counter_role", "reserved", f"--counter-role: names starting with pg_ are the server's own")
    return name


def counter_url(address: ServerAddress, role: str) -> str:
    """postgresql://ROLE@host:port/dbname[?options] (no password) for the counters."""
    from urllib.parse import quote, urlencode

    host = address.host
    if host.startswith("/"):
        host = quote(host, safe="")
    elif ":" in host:
        host = f"[{host}]"
    options = [(k, v) for k, v in address.options if k.lower() != "password"]  # never the admin's password
    query = f"?{urlencode(options)}" if options else ""
    return f"postgresql://{quote(role, safe='')}@{host}:{address.port}/{quote(address.dbname, safe='')}{query}"


def setup_server(url: str, role: str = DEFAULT_COUNTER_ROLE, password: str | None = None) -> SetupOutcome:
    """Make (or bring up to date) the client book at `url` and the counters' role `role` (see the
    module's docstring). `password`: the counters' password (None keeps the existing role's; a
    new role needs one). Raises StorageError (server, permission), ValidationError (names)."""
    from psycopg import sql

    from clientdesk.postgres import schema
    from clientdesk.postgres.database import open_server

    check_role_name(role)
    address = parse_server_url(url)
    if role == address.user:
        raise ValidationError("counter_role", "admin", f"--counter-role: {role} is the admin user of this URL; the "
                                                       "counters need a role of their own")
    with _admin_errors(address):
        db = open_server(address)  # the schema, made or brought up to date
    try:
        version = schema.stored_version(db)
        with _admin_errors(address):
            with db.atomic():
                existing = db.execute_sql("SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles "
                                          "WHERE rolname = %s", (role,)).fetchone()
                if existing is None and password is None:
                    raise ValidationError("counter_password", "missing",
                                          f"the new role {role} needs a password: give it with "
                                          "--counter-password-stdin (or type it when asked)")
                if existing is not None and existing[0]:
                    raise ValidationError("counter_role", "powerful",
                                          f"--counter-role: {role} is a role that may create databases or roles (or a "
                                          "superuser); choose another name for the counters")
                ident = sql.Identifier(role)
                if existing is None:
                    db.execute_sql(_sql(sql.SQL("CREATE ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE "
                                                "NOREPLICATION").format(ident)))
                if password is not None:
                    hashed = _hashed_password(db, password, role)
                    db.execute_sql(_sql(sql.SQL("ALTER ROLE {} PASSWORD {}").format(ident, sql.Literal(hashed))))
                _grant(db, ident)
    finally:
        db.close()
    log.info("server-setup: client book at %s (schema %s), counter role %s", address.display, version, role)
    return SetupOutcome(counter_url(address, role), role, existing is None, password is not None, version)


def _sql(composed) -> str:
    return composed.as_string(None)


def _hashed_password(db, password: str, role: str) -> str:
    """The SCRAM-SHA-256 verifier of `password`, made on this PC by libpq (PQencryptPasswordConn)."""
    if not password or "\n" in password or "\x00" in password:
        raise ValidationError("counter_password", "invalid", "the counters' password must be one line, not empty")
    conn = db.connection()
    return conn.pgconn.encrypt_password(password.encode("utf-8"), role.encode("utf-8"), b"scram-sha-256").decode()


def _grant(db, ident) -> None:
    """The counters' privileges (see the module's docstring), in the caller's transaction."""
    from psycopg import sql

    from clientdesk.postgres.schema import VERSION_TABLE

    schema_name = sql.Identifier(db.execute_sql("SELECT current_schema()").fetchone()[0])
    database = sql.Identifier(db.database)
    statements = [
        sql.SQL("REVOKE CREATE ON SCHEMA {} FROM PUBLIC").format(schema_name),
        sql.SQL("REVOKE ALL ON SCHEMA {} FROM {}").format(schema_name, ident),
        sql.SQL("GRANT CONNECT, TEMPORARY ON DATABASE {} TO {}").format(database, ident),
        sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(schema_name, ident),
        sql.SQL(f"GRANT {TABLE_RIGHTS} ON ALL TABLES IN SCHEMA {{}} TO {{}}").format(schema_name, ident),
        sql.SQL("REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {} FROM {}").format(sql.Identifier(VERSION_TABLE), ident),
        sql.SQL(f"GRANT {SEQUENCE_RIGHTS} ON ALL SEQUENCES IN SCHEMA {{}} TO {{}}").format(schema_name, ident),
        sql.SQL(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {{}} GRANT {TABLE_RIGHTS} ON TABLES TO {{}}").format(
            schema_name, ident),
        sql.SQL(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {{}} GRANT {SEQUENCE_RIGHTS} ON SEQUENCES TO {{}}").format(
            schema_name, ident),
    ]
    for statement in statements:
        db.execute_sql(_sql(statement))


@contextlib.contextmanager
def _admin_errors(address: ServerAddress):
    """A permission error while setting up means the URL's user is not the server's admin."""
    try:
        yield
    except StorageError as exc:
        if exc.details.get("reason") == "permission":
            raise StorageError(f"server-setup needs the server's admin user (one that owns the database and may "
                               f"create roles); {address.user} may not.", reason="permission",
                               host=address.host) from exc
        raise
