"""The schema on a PostgreSQL server: every table of clientdesk.schema.all_models(), the search
index's counterpart (clientdesk.postgres.search), and the schema version.

SQLite keeps its version in PRAGMA user_version; the server keeps it in a one-row table,
`clientdesk_schema`, with the program version that wrote it. Server schemas start at the SQLite
schema version current when PostgreSQL support came (FIRST_SERVER_VERSION); later versions get
steps of their own in SERVER_STEPS (fixed SQL, frozen in time like clientdesk.migration_steps).
A server schema newer than this program is refused with a clear message, before anything is
written. Two counters opening an empty server database at the same moment do not both create
it: the creation holds a transaction-level advisory lock.
"""

from __future__ import annotations

import logging
from typing import Callable

import peewee

from clientdesk.errors import StorageError

log = logging.getLogger(__name__)

VERSION_TABLE = "clientdesk_schema"
FIRST_SERVER_VERSION = 7
# version -> step that turns version-1 into version on a server (see the module's docstring)
SERVER_STEPS: dict[int, Callable] = {}
_CREATE_LOCK = 0x436C4465736B  # pg_advisory_xact_lock key: "ClDesk"

# The greetings indexes on the client table (clientdesk.greetings.models.CLIENT_INDEXES) in
# PostgreSQL's dialect: booleans are booleans, and a date's month-day is a number (to_char is not
# immutable, so it cannot be indexed).
CLIENT_INDEXES = (
    "CREATE INDEX IF NOT EXISTS client_inactive ON client (id) WHERE (archived OR erased)",
    *(f"CREATE INDEX IF NOT EXISTS client_{p}_md ON client ({p}_month, {p}_day, {p}_year, archived, erased) "
      f"WHERE {p}_month IS NOT NULL" for p in ("birth", "anniversary", "founded")),
    "CREATE INDEX IF NOT EXISTS client_first_purchase_md ON client "
    "((date_part('month', first_purchase_on)::int * 100 + date_part('day', first_purchase_on)::int), "
    "first_purchase_on, archived, erased)",
)


# Model indexes whose peewee rendering is SQLite's (a boolean compared with 1).
INDEX_OVERRIDES = {
    "client_archived_only": 'CREATE INDEX IF NOT EXISTS "client_archived_only" ON "client" ("id") WHERE "archived"',
}
# Model indexes a server book does without, each with the server's index that starts with the
# same columns and so answers every query it would: a big import builds each index again (0.1 s
# of 100,000 clients' 2 s), and every write updates it. Books made before 2026-12 have them:
# their owner's next open drops them (bring_up_to_date).
COVERED_INDEXES = {
    "client_archived_search_key_name": "client_list_name_order",  # (archived, search_key, name, id)
    "phone_client_id": "phone_client_id_number",  # UNIQUE (client_id, number)
}


# Schema 9 (as clientdesk.migration_steps 9): the branch and counter each bill and counter sale was
# rung up at; the rows already there name none (''). Adding a column with a constant default does
# not rewrite the table on PostgreSQL 11 and later.
STEP_9_BRANCH_AND_COUNTER = (
    "ALTER TABLE purchase ADD COLUMN IF NOT EXISTS branch VARCHAR(255) NOT NULL DEFAULT ''",
    "ALTER TABLE purchase ADD COLUMN IF NOT EXISTS counter VARCHAR(255) NOT NULL DEFAULT ''",
    "ALTER TABLE counter_sale ADD COLUMN IF NOT EXISTS branch VARCHAR(255) NOT NULL DEFAULT ''",
    "ALTER TABLE counter_sale ADD COLUMN IF NOT EXISTS counter VARCHAR(255) NOT NULL DEFAULT ''",
    'CREATE INDEX IF NOT EXISTS "purchase_branch_date_client_id_amount_paise" ON "purchase" ("branch", "date", "client_id", "amount_paise")',
)


# Also in step 9: the insight tables' figures in double precision, as SQLite's REAL (peewee's
# FloatField had made them float4 on a server, whose figures then differed from SQLite's).
STEP_9_DOUBLE_FIGURES = {
    "client_score": ("visits_per_month", "p_alive", "p30", "usual_gap_days"),
    "item_pair": ("support", "confidence", "lift"),
    "client_suggestion": ("confidence", "lift"),
    "insight_run": ("seconds",),
}


def _step_9_branch_and_counter(db) -> None:
    for sql in STEP_9_BRANCH_AND_COUNTER:
        db.execute_sql(sql)
    for table, columns in STEP_9_DOUBLE_FIGURES.items():
        kept = {name for (name,) in db.execute_sql(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = %s AND data_type = 'real'", (table,))}
        for column in columns:
            if column in kept:
                db.execute_sql(f'ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE double precision')


SERVER_STEPS[9] = _step_9_branch_and_counter


def latest_version() -> int:
    from clientdesk import migrations

    return migrations.latest_version()


def table_models() -> list:
    """The peewee models of the current schema that are plain tables on a server (SQLite's FTS5
    index tables are replaced by clientdesk.postgres.search)."""
    from playhouse.sqlite_ext import VirtualModel

    from clientdesk.schema import all_models

    return [m for m in all_models() if not issubclass(m, VirtualModel)]


def stored_version(db) -> int | None:
    """The schema version recorded on the server, None when the database has no ClientDesk schema."""
    exists = db.execute_sql("SELECT to_regclass(%s) IS NOT NULL", (VERSION_TABLE,)).fetchone()[0]
    if not exists:
        return None
    row = db.execute_sql(f"SELECT version FROM {VERSION_TABLE}").fetchone()
    return row[0] if row else None


def check_version(version: int, host: str) -> None:
    target = latest_version()
    if version > target:
        raise StorageError(
            f"The client book on the shop's server at {host} was written by a newer ClientDesk (schema {version}, "
            f"this program knows {target}). Install the newer ClientDesk on this counter to use it.",
            reason="newer", version=version, known=target)


def unbounded_text(db) -> list[str]:
    """ALTER statements taking the length limit off every VARCHAR(255) column of the book (peewee's
    CharField on PostgreSQL): SQLite stores text of any length, and a client's form allows an
    address line of 500 letters, a client many tags (their list is one column) — on a server such
    a save or import failed. The length is checked where the values are made; a column of text
    with no limit costs the same. Without a table rewrite (a binary-compatible change)."""
    found = db.execute_sql(
        "SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
        "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND NOT a.attisdropped "
        "AND a.atttypid = 'varchar'::regtype AND a.atttypmod > 0 ORDER BY 1, 2").fetchall()
    return [f'ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE varchar' for table, column in found]


def column_defaults(db, table: str) -> dict[str, str | None]:
    """Each column of `table` with its default expression (None: it has none, so NULL)."""
    return dict(db.execute_sql(
        "SELECT a.attname, pg_get_expr(d.adbin, d.adrelid) FROM pg_attribute a LEFT JOIN pg_attrdef d "
        "ON d.adrelid = a.attrelid AND d.adnum = a.attnum WHERE a.attrelid = %s::regclass AND a.attnum > 0 "
        "AND NOT a.attisdropped", (table,)).fetchall())


def client_defaults(db) -> list[str]:
    """ALTER statements giving the client table the model's constant defaults it lacks: peewee
    sends every field itself, but a big import's COPY leaves such columns to their default
    (bulk.ServerLoad.defaulted). Strings, integers and booleans; None is the default anyway."""
    from clientdesk.models import Client

    have = {name for name, expression in column_defaults(db, Client._meta.table_name).items() if expression}
    statements = []
    for field in Client._meta.sorted_fields:
        default = field.default
        if field.column_name in have or default is None or callable(default):
            continue
        if isinstance(default, bool):
            literal = "true" if default else "false"
        elif isinstance(default, int):
            literal = str(default)
        elif isinstance(default, str):
            literal = "'" + default.replace("'", "''") + "'"
        else:
            continue
        statements.append(f'ALTER TABLE client ALTER COLUMN "{field.column_name}" SET DEFAULT {literal}')
    return statements


def _has_tables(db) -> bool:
    return bool(db.execute_sql(
        "SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = current_schema() LIMIT 1").fetchone())


def create_all(db) -> None:
    """Create every table and index of the current schema, the search index, and record the
    version, in the caller's transaction."""
    from clientdesk.postgres import search

    models = table_models()
    with db.bind_ctx(models, bind_refs=False, bind_backrefs=False):
        for model in peewee.sort_models(models):
            model._schema.create_table(safe=True)
            for index in model._meta.fields_to_index():
                name = getattr(index, "_name", None)
                if name in COVERED_INDEXES:
                    continue
                if name in INDEX_OVERRIDES:
                    db.execute_sql(INDEX_OVERRIDES[name])
                else:
                    db.execute(model._schema._create_index(index, safe=True))
            model._schema.create_sequences()
    for sql in (*CLIENT_INDEXES, *client_defaults(db), *unbounded_text(db)):
        db.execute_sql(sql)
    search.create(db)
    db.execute_sql(f"CREATE TABLE {VERSION_TABLE} (id integer PRIMARY KEY CHECK (id = 1), "
                   "version integer NOT NULL, written_at timestamp NOT NULL DEFAULT now())")
    db.execute_sql(f"INSERT INTO {VERSION_TABLE} (id, version) VALUES (1, %s)", (latest_version(),))


def bring_up_to_date(db) -> None:
    """What a book made by an older ClientDesk of the same schema version lacks or keeps for
    nothing: drop the COVERED_INDEXES (once the index that covers each is there), give the client
    table its column defaults and take the length limit off its text columns. A counter's role,
    which may not, leaves the book as it is (a big import is slower on it, and a text longer than
    255 letters is refused with a message)."""
    covered = [name for (name,) in db.execute_sql(
        "SELECT name FROM unnest(%s::text[], %s::text[]) AS i(name, covering) "
        "WHERE to_regclass(name) IS NOT NULL AND to_regclass(covering) IS NOT NULL",
        (list(COVERED_INDEXES), list(COVERED_INDEXES.values())))]
    statements = [f'DROP INDEX IF EXISTS "{name}"' for name in covered] + client_defaults(db) + unbounded_text(db)
    if not statements:
        return
    try:
        with db.atomic():
            for sql in statements:
                db.execute_sql(sql)
    except (peewee.PeeweeException, StorageError) as exc:  # no privilege, say
        log.warning("The client book could not be brought up to date: %s", exc)


def write_version(db, version: int) -> None:
    db.execute_sql(f"UPDATE {VERSION_TABLE} SET version = %s, written_at = now()", (version,))


def prepare(db, create: bool = True) -> int:
    """Check the server's schema version and bring it up to date (creating it in an empty database
    when `create`); returns the version now in force."""
    from clientdesk.postgres import search

    host = db.address.host if hasattr(db, "address") else "the server"
    version = stored_version(db)
    if version is not None:
        check_version(version, host)
        if version == latest_version():
            search.ensure(db)
            bring_up_to_date(db)
            return version
    with db.atomic():
        db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (_CREATE_LOCK,))
        version = stored_version(db)  # another counter may have done it while we waited
        if version is None:
            if _has_tables(db):
                raise StorageError(f"The database {db.database} on the shop's server at {host} is not a ClientDesk "
                                   "client book (it has other tables).", reason="not_clientdesk")
            if not create:
                raise StorageError(f"The database {db.database} on the shop's server at {host} has no client book "
                                   "yet (server-setup makes it).", reason="empty")
            create_all(db)
            return latest_version()
        check_version(version, host)
        for step_version in range(version + 1, latest_version() + 1):
            step = SERVER_STEPS.get(step_version)
            if step is None:
                raise StorageError(f"The client book on the shop's server at {host} has schema {version}, and this "
                                   f"ClientDesk cannot bring it to {latest_version()}.", reason="no_step")
            log.info("Migrating the server's client book to schema %s", step_version)
            step(db)
            write_version(db, step_version)
    search.ensure(db)
    bring_up_to_date(db)
    return latest_version()
