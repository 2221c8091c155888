"""Moving up (issue 14): copy a one-PC client book, a SQLite file, into an empty client book on the
shop's PostgreSQL server.

    result = copy_to_server(Path("shop.sqlite"), "postgresql://shop@server/clientdesk", progress)

- The file is opened read-only, and read in ONE read transaction: the shop may keep selling on
  it meanwhile; the copy is the book as it was when the copy started.
- Everything is written in ONE server transaction: the schema when the database is empty, every
  table of clientdesk.schema.all_models() except SQLite's FTS5 index tables (the server builds its
  own search index, clientdesk.postgres.search, from the copied clients), each with COPY into
  tables whose secondary indexes and links are made again once all rows are in; then each
  table's id numbering is moved past the largest copied id, and the copy is checked (rows per
  table, and a checksum of the loyalty ledger computed the same way on both sides) BEFORE the
  commit. A failure, a mismatch or Cancel rolls all of it back: the server is left as it was.
- A server client book that already holds anything is refused (CopyRefused "not_empty"). The only
  rows tolerated are the built-in greeting templates a counter writes when it first opens an empty
  book; they are replaced by the file's own.

Types: SQLite keeps booleans as 0/1 and dates and times as ISO text; COPY's text format hands
each value to the server as text, and the server reads 0/1 as false/true and ISO text as DATE or
TIMESTAMP (the column types peewee's fields gave the server's tables). A value the server cannot
read (a damaged date, a link to a row that is not there) stops the copy with the table and the
server's reason (CopyRefused "bad_row"); nothing stays on the server.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import peewee

from clientdesk.errors import ClientDeskError, StorageError
from clientdesk.progress import NO_PROGRESS, Progress
from clientdesk.schema import PHONE_SEARCH_TABLE, SEARCH_TABLE

log = logging.getLogger(__name__)

BATCH_ROWS = 10_000  # rows between two progress reports (and Cancel checks)
SEARCH_STEP = "search"  # progress labels besides the table names
CHECK_STEP = "check"
INDEX_STEP = "indexes"
SEARCH_TABLES = (SEARCH_TABLE, PHONE_SEARCH_TABLE)
TOLERATED = "greeting_template"  # a counter that opened the empty book wrote its built-in templates


class CopyRefused(ClientDeskError):
    """The copy cannot be made; nothing was written on the server. `reason`: not_found, not_client_book,
    older, newer, not_empty, same_place, bad_row, mismatch."""

    code = "copy_refused"

    def __init__(self, reason: str, message: str, **details):
        super().__init__(message, reason=reason, **details)
        self.reason = reason


@dataclass(frozen=True)
class LedgerFigure:
    """The loyalty ledger summed up the same way on both sides: entries and uses, points and unspent
    points, and a digest of every entry and use (ids, clients, kinds, points, dates, links)."""

    entries: int
    uses: int
    points: int
    remaining: int
    digest: str

    @property
    def short(self) -> str:
        return self.digest[:16]


@dataclass(frozen=True)
class TableCopied:
    table: str
    rows: int  # read from the file
    server_rows: int  # counted on the server before the commit (equal, or nothing was kept)
    seconds: float


@dataclass
class CopyResult:
    source: Path
    server: str  # user@host:port/dbname (no password)
    tables: list[TableCopied] = field(default_factory=list)
    ledger: LedgerFigure | None = None
    clients: int = 0
    indexed: int = 0  # clients put in the server's search index
    created_schema: bool = False
    seconds: float = 0.0
    steps: dict[str, float] = field(default_factory=dict)  # seconds of the steps besides the tables

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


def copied_models() -> list:
    """The models whose tables are copied, parents before children (SQLite's FTS5 tables left out)."""
    from clientdesk.postgres.schema import table_models

    return peewee.sort_models(table_models())


def url_without_password(url: str) -> str:
    """The server's URL as this PC keeps it (clientdesk.location): everything but the password."""
    from urllib.parse import quote, urlencode

    from clientdesk.postgres.address import parse_server_url

    address = parse_server_url(url)
    host = f"[{address.host}]" if ":" in address.host else quote(address.host, safe=".-_~")
    query = f"?{urlencode(address.options)}" if address.options else ""
    return (f"postgresql://{quote(address.user, safe='')}@{host}:{address.port}/{quote(address.dbname, safe='')}"
            f"{query}")


# ----- the file ------------------------------------------------------------------------------------
def open_source(path: Path) -> sqlite3.Connection:
    """The client book at `path`, opened read-only and checked: a ClientDesk file of this program's
    schema version. Raises CopyRefused (not_found, not_client_book, older, newer)."""
    from clientdesk.migrations import latest_version

    path = Path(path)
    if path.is_dir():
        raise CopyRefused("not_client_book", f"{path} is a folder, not a client book.", path=str(path))
    if not path.is_file():
        raise CopyRefused("not_found", f"No client book at {path}.", path=str(path))
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None,
                               check_same_thread=False)
    except sqlite3.Error as exc:
        raise CopyRefused("not_client_book", f"{path} cannot be opened as a client book: {exc}.") from exc
    try:
        conn.execute("PRAGMA query_only = 1")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        missing = [m._meta.table_name for m in copied_models() if m._meta.table_name not in tables]
        if version == 0 or "client" not in tables:
            raise CopyRefused("not_client_book", f"{path} is not a ClientDesk client book.", path=str(path))
        latest = latest_version()
        if version > latest:
            raise CopyRefused("newer", f"{path} was written by a newer ClientDesk (schema {version}, this program "
                                       f"knows {latest}); copy it with that version.", path=str(path))
        if version < latest or missing:
            raise CopyRefused("older", f"{path} was written by an older ClientDesk (schema {version}); open it once "
                                       "with this ClientDesk (it brings the file up to date), then copy it.",
                              path=str(path))
        for model in copied_models():
            have = {row[1] for row in conn.execute(f'PRAGMA table_info("{model._meta.table_name}")')}
            lacking = [f.column_name for f in model._meta.sorted_fields if f.column_name not in have]
            if lacking:
                raise CopyRefused("not_client_book", f"{path} is not a complete client book: table "
                                                     f"{model._meta.table_name} has no {', '.join(lacking)}.")
    except sqlite3.DatabaseError as exc:  # not a database at all, or damaged
        conn.close()
        raise CopyRefused("not_client_book", f"{path} is not a ClientDesk client book ({exc}).",
                          path=str(path)) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def _columns(model) -> list[str]:
    return [f.column_name for f in model._meta.sorted_fields]


def _self_links(model) -> list[str]:
    """Columns that point at another row of the same table (a client referred by a client, a ledger
    entry reversing another): copied empty first, filled once every row is there."""
    return [f.column_name for f in model._meta.sorted_fields
            if isinstance(f, peewee.ForeignKeyField) and f.rel_model is model]


def _quoted(names: Iterable[str]) -> str:
    return ", ".join(f'"{n}"' for n in names)


# ----- the ledger's figure ------------------------------------------------------------------------
LEDGER_COLUMNS = ("id", "client_id", "at", "date", "kind", "points", "remaining", "expires_on", "value_paise",
                  "reason", "sale_id", "purchase_id", "reverses_id")
USE_COLUMNS = ("id", "entry_id", "lot_id", "points")


def _canonical(value) -> str:
    """One text for a value whichever engine gave it: SQLite's ISO text and the server's date and
    timestamp objects alike ("2026-11-22 10:00:00"), 0/1 and booleans alike."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat(" ") if hasattr(value, "hour") else value.isoformat()
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] in "T ":
        return value[:10] + " " + value[11:]  # a datetime written with a "T"
    return str(value)


def ledger_figure(execute: Callable[[str], Iterable[tuple]]) -> LedgerFigure:
    """The ledger's figure from rows read with `execute(sql)` (one engine or the other)."""
    digest = hashlib.sha256()
    entries = points = remaining = 0
    for row in execute(f"SELECT {_quoted(LEDGER_COLUMNS)} FROM ledger_entry ORDER BY id"):
        entries += 1
        points += row[5]
        remaining += row[6]
        digest.update(("\x1f".join(map(_canonical, row)) + "\x1e").encode("utf-8"))
    digest.update(b"\x1d")
    uses = 0
    for row in execute(f"SELECT {_quoted(USE_COLUMNS)} FROM ledger_use ORDER BY id"):
        uses += 1
        digest.update(("\x1f".join(map(_canonical, row)) + "\x1e").encode("utf-8"))
    return LedgerFigure(entries=entries, uses=uses, points=points, remaining=remaining, digest=digest.hexdigest())


# ----- the copy -------------------------------------------------------------------------------------
class _Counter:
    """Rows done so far, reported to `progress` every BATCH_ROWS (Cancel raises there)."""

    def __init__(self, progress: Progress, total: int):
        self.progress, self.total, self.done = progress, total, 0

    def report(self, label: str) -> None:
        self.progress.update(min(self.done, self.total), self.total, label)


def copy_to_server(source: Path, url: str, progress: Progress = NO_PROGRESS,
                   on_table: Callable[[TableCopied], None] | None = None, password: str | None = None) -> CopyResult:
    """Copy the client book in the file `source` into the empty client book at the server `url`
    (its password from the URL or the keyring). `progress` gets (rows done, rows in all, step),
    the step being a table's name, INDEX_STEP, SEARCH_STEP or CHECK_STEP; Cancel rolls it all back.
    `on_table` hears of each table once it is copied. `password`, when given, is used instead of
    the URL's or the keyring's (the window asks for it). Raises CopyRefused, StorageError (server
    unreachable, refused, full...), ValidationError (a bad URL), Cancelled; in every case nothing
    is left on the server."""
    from clientdesk.postgres.address import is_server_url, parse_server_url, resolve_password
    from clientdesk.postgres.database import ServerDatabase

    started = time.perf_counter()
    address = parse_server_url(url)  # a bad URL is refused before anything is opened
    if password:
        address = address.with_password(password)
    if is_server_url(str(source)):
        raise CopyRefused("same_place", "The client book to copy is already on a server; copy-to copies a file.")
    conn = open_source(Path(source))
    try:
        conn.execute("BEGIN")  # one snapshot of the file for the whole copy
        counts = {m._meta.table_name: conn.execute(f'SELECT count(*) FROM "{m._meta.table_name}"').fetchone()[0]
                  for m in copied_models()}
        clients = counts["client"]
        result = CopyResult(source=Path(source), server=address.display, clients=clients)
        counter = _Counter(progress, sum(counts.values()) + clients)
        counter.report(copied_models()[0]._meta.table_name)
        db = ServerDatabase(resolve_password(address))
        try:
            mark = time.perf_counter()

            def step(name: str) -> None:
                nonlocal mark
                now = time.perf_counter()
                result.steps[name] = now - mark
                mark = now

            db.connect()
            step("connect")
            with db.atomic():
                result.created_schema = _prepare(db)
                _refuse_unless_empty(db)
                aside = _set_aside(db)
                step("schema")
                for model in copied_models():
                    result.tables.append(_copy_table(conn, db, model, counts[model._meta.table_name], counter))
                    if on_table is not None:
                        on_table(result.tables[-1])
                mark = time.perf_counter()
                rows_maker = _SearchRows(conn)  # Python's work, while the server builds indexes
                rows_maker.start()
                try:
                    _put_back(db, aside.without(SEARCH_TABLES), counter)
                    step(INDEX_STEP)
                    result.indexed = _write_search_index(db, rows_maker.rows(), counter)
                    _put_back(db, aside.only(SEARCH_TABLES), counter)
                    step(SEARCH_STEP)
                finally:
                    rows_maker.stop()
                _move_numbering(db)
                counter.report(CHECK_STEP)
                result.ledger = _check(conn, db, result)
                counter.report(CHECK_STEP)  # the last chance to cancel: after it, the commit
                step(CHECK_STEP)
            step("commit")
        finally:
            db.close()
        conn.execute("COMMIT")
    finally:
        conn.close()
    result.seconds = time.perf_counter() - started
    log.info("Copied %s to %s: %s rows in %.1f s", source, address.display, result.rows, result.seconds)
    return result


def _prepare(db) -> bool:
    """The current schema on the server, made in this transaction when the database is empty."""
    from clientdesk.postgres import schema

    had = schema.stored_version(db) is not None
    schema.prepare(db, create=True)
    return not had


def _refuse_unless_empty(db) -> None:
    """CopyRefused unless the server's client book holds nothing (see the module's docstring)."""
    filled = []
    for model in copied_models():
        table = model._meta.table_name
        if table == TOLERATED:
            if db.execute_sql(f'SELECT EXISTS (SELECT 1 FROM "{table}" WHERE NOT builtin)').fetchone()[0]:
                filled.append(table)
        elif db.execute_sql(f'SELECT EXISTS (SELECT 1 FROM "{table}")').fetchone()[0]:
            filled.append(table)
    for table in (SEARCH_TABLE, PHONE_SEARCH_TABLE):
        if db.execute_sql(f'SELECT EXISTS (SELECT 1 FROM "{table}")').fetchone()[0]:
            filled.append(table)
    if filled:
        clients = db.execute_sql("SELECT count(*) FROM client").fetchone()[0]
        raise CopyRefused("not_empty", f"The client book on the shop's server at {db.address.host} is not empty "
                                       f"({clients:,} clients; rows in {', '.join(filled[:4])}"
                                       f"{'…' if len(filled) > 4 else ''}); copy-to only fills an empty one.",
                          clients=clients, tables=filled)
    db.execute_sql(f'DELETE FROM "{TOLERATED}"')


# ----- indexes and links, made once after the rows instead of row by row ---------------------------
@dataclass(frozen=True)
class _Aside:
    """What _set_aside dropped: (table, SQL) to make each again, indexes before links."""

    indexes: list[tuple[str, str]]
    links: list[tuple[str, str]]

    def only(self, tables) -> "_Aside":
        return _Aside([i for i in self.indexes if i[0] in tables], [k for k in self.links if k[0] in tables])

    def without(self, tables) -> "_Aside":
        return _Aside([i for i in self.indexes if i[0] not in tables], [k for k in self.links if k[0] not in tables])


def _copied_tables() -> list[str]:
    return [m._meta.table_name for m in copied_models()] + list(SEARCH_TABLES)


def _set_aside(db) -> _Aside:
    """Drop the copied tables' secondary indexes and their links to other tables (foreign keys),
    inside the copy's transaction, and return how to make them again: COPY into bare tables, then
    one index build and one check of each link over all the rows, is what pg_restore does, and 3-4
    times quicker than keeping them up to date row by row. Primary keys and unique constraints stay.
    A user who does not own the tables (a counter's role) may not drop them: then nothing is set
    aside and the rows go into the indexed tables (slower, the same result)."""
    tables = _copied_tables()
    scope = "r.relnamespace = to_regnamespace(current_schema())::oid AND r.relname = ANY(%s)"
    links = [(t, f'ALTER TABLE "{t}" ADD CONSTRAINT "{name}" {definition}') for t, name, definition in db.execute_sql(
        "SELECT r.relname, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c "
        f"JOIN pg_class r ON r.oid = c.conrelid WHERE c.contype = 'f' AND {scope} ORDER BY c.conname",
        (tables,)).fetchall()]
    indexes = [(t, name, definition) for t, name, definition in db.execute_sql(
        "SELECT r.relname, x.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i "
        "JOIN pg_class r ON r.oid = i.indrelid JOIN pg_class x ON x.oid = i.indexrelid "
        f"WHERE {scope} AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid "
        "AND c.contype IN ('p', 'u', 'x')) ORDER BY x.relname", (tables,)).fetchall()]
    try:
        with db.atomic():  # a savepoint: refused for want of ownership, nothing of it stays
            for table, definition in links:
                name = definition.split('ADD CONSTRAINT "', 1)[1].split('"', 1)[0]
                db.execute_sql(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
            for _table, name, _definition in indexes:
                db.execute_sql(f'DROP INDEX "{name}"')
    except StorageError as exc:
        if exc.details.get("reason") != "permission":
            raise
        log.info("Copying into indexed tables: %s", exc)
        return _Aside([], [])
    return _Aside([(t, d) for t, _n, d in indexes], links)


def _put_back(db, aside: _Aside, counter: _Counter) -> None:
    """Make the indexes and links _set_aside dropped, over all the copied rows. A row that breaks
    one (a link to a row that is not there, a phone twice for one client) stops the copy. The
    planner's figures are left to autovacuum, which analyses the new tables within a minute of the
    commit (ANALYZE here would add a tenth to the copy)."""
    import psycopg

    db.execute_sql("SET LOCAL maintenance_work_mem = '256MB'")  # index builds in memory
    for table, sql in [*aside.indexes, *aside.links]:
        counter.report(INDEX_STEP)
        started = time.perf_counter()
        try:
            db.cursor().execute(sql)
        except psycopg.Error as exc:
            raise _row_problem(db, exc, table) from exc
        log.debug("%.2f s: %s", time.perf_counter() - started, sql)


def _copy_table(conn: sqlite3.Connection, db, model, expected: int, counter: _Counter) -> TableCopied:
    import psycopg

    table = model._meta.table_name
    started = time.perf_counter()
    columns = _columns(model)
    links = _self_links(model)
    link_positions = [columns.index(c) for c in links]
    pk = model._meta.primary_key
    key_position = columns.index(pk.column_name) if links else None
    later: dict[str, tuple[list, list]] = {c: ([], []) for c in links}
    counter.report(table)
    rows = 0
    cursor = db.cursor()
    try:
        with cursor.copy(f'COPY "{table}" ({_quoted(columns)}) FROM STDIN') as copy:
            source = conn.execute(f'SELECT {_quoted(columns)} FROM "{table}"')
            while True:
                batch = source.fetchmany(BATCH_ROWS)
                if not batch:
                    break
                if links:
                    for row in batch:
                        if any(row[p] is not None for p in link_positions):
                            row = list(row)
                            for name, p in zip(links, link_positions):
                                if row[p] is not None:
                                    later[name][0].append(row[key_position])
                                    later[name][1].append(row[p])
                                    row[p] = None
                        copy.write_row(row)
                else:
                    for row in batch:
                        copy.write_row(row)
                rows += len(batch)
                counter.done += len(batch)
                counter.report(table)
        for name, (ids, targets) in later.items():
            if ids:
                cursor.execute(f'UPDATE "{table}" AS t SET "{name}" = v.target FROM unnest(%s::bigint[], '
                               f'%s::bigint[]) AS v(id, target) WHERE t."{pk.column_name}" = v.id', (ids, targets))
    except psycopg.Error as exc:
        raise _row_problem(db, exc, table) from exc
    if rows != expected:  # the snapshot cannot change under us; a mismatch is a bug
        raise AssertionError(f"{table}: read {rows} rows of {expected}")
    server_rows = db.execute_sql(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    return TableCopied(table, rows, server_rows, time.perf_counter() - started)


def _row_problem(db, exc: Exception, table: str) -> ClientDeskError | Exception:
    """A StorageError for the server's conditions (gone, full...); CopyRefused for a row of the file
    the server cannot take (a value it cannot read, a broken link: SQLSTATE classes 22 and 23);
    anything else is a bug and goes on as it is."""
    error = db.storage_error_for(exc)
    if error is not None:
        return error
    import psycopg

    code = getattr(exc, "sqlstate", None) or ""
    if code[:2] in ("22", "23") or isinstance(exc, (psycopg.DataError, psycopg.IntegrityError)):
        diag = getattr(exc, "diag", None)
        reason = (getattr(diag, "message_primary", None) or str(exc)).strip()
        where = [line for line in ((getattr(diag, "message_detail", None) or "").strip(),
                                   *(getattr(diag, "context", None) or "").strip().splitlines()[:1]) if line]
        hint = f" ({'; '.join(where)})" if where else ""
        return CopyRefused("bad_row", f"A row of table {table} cannot be put on the server: {reason}{hint}. "
                                      "Nothing was copied; run `check` on the file.", table=table, sqlstate=code)
    return exc


class _SearchRows(threading.Thread):
    """The search index rows of every client (clientdesk.search.index_row, the rows the file's own
    index is made of), made from the file on a thread of their own while the server builds the
    other tables' indexes: folding names in Python and sorting on the server overlap."""

    def __init__(self, conn: sqlite3.Connection):
        super().__init__(name="copy-to search rows", daemon=True)
        self.conn = conn
        self._rows: list[tuple] = []
        self._error: BaseException | None = None
        self._halt = threading.Event()

    def run(self) -> None:
        from clientdesk import search

        try:
            phones: dict[int, list[str]] = {}
            for client_id, number in self.conn.execute("SELECT client_id, number FROM phone ORDER BY id"):
                phones.setdefault(client_id, []).append(number)
            source = self.conn.execute("SELECT id, name, father_name, business_name, email, gstin FROM client")
            while not self._halt.is_set():
                batch = source.fetchmany(BATCH_ROWS)
                if not batch:
                    break
                self._rows += [(cid, *search.index_row(name, father, business, phones.get(cid, []), email, gstin))
                               for cid, name, father, business, email, gstin in batch]
        except BaseException as exc:  # handed to the copy's thread by rows()
            self._error = exc

    def rows(self) -> list[tuple]:
        self.join()
        if self._error is not None:
            raise self._error
        return self._rows

    def stop(self) -> None:
        self._halt.set()
        self.join()


def _write_search_index(db, rows: list[tuple], counter: _Counter) -> int:
    """The server's search index (clientdesk.postgres.search) for every copied client, with COPY."""
    import psycopg

    counter.report(SEARCH_STEP)
    for start in range(0, len(rows), BATCH_ROWS):
        batch = rows[start:start + BATCH_ROWS]
        try:
            db.search_index.replace_rows(db, batch, fresh=True)
        except psycopg.Error as exc:
            raise _row_problem(db, exc, SEARCH_TABLE) from exc
        counter.done += len(batch)
        counter.report(SEARCH_STEP)
    return len(rows)


def _move_numbering(db) -> None:
    """Each table's id sequence just past its largest copied id, so the next sale, client or ledger
    entry made on the server gets a new number (setval; an empty table starts at 1)."""
    for model in copied_models():
        pk = model._meta.primary_key
        if not isinstance(pk, peewee.AutoField):
            continue
        table = model._meta.table_name
        db.execute_sql(f"SELECT setval(pg_get_serial_sequence(%s, %s), coalesce(max(\"{pk.column_name}\"), 1), "
                       f"max(\"{pk.column_name}\") IS NOT NULL) FROM \"{table}\"", (f'"{table}"', pk.column_name))


def _check(conn: sqlite3.Connection, db, result: CopyResult) -> LedgerFigure:
    """Rows per table and the ledger's figure, on both sides, before the commit: a difference rolls
    the whole copy back (CopyRefused "mismatch")."""
    different = [t for t in result.tables if t.server_rows != t.rows]
    indexed = db.execute_sql(f'SELECT count(*) FROM "{SEARCH_TABLE}"').fetchone()[0]
    if indexed != result.clients:
        different.append(TableCopied(SEARCH_TABLE, result.clients, indexed, 0.0))
    if different:
        listed = ", ".join(f"{t.table} {t.rows:,} → {t.server_rows:,}" for t in different[:4])
        raise CopyRefused("mismatch", f"The copy on the server does not match the file ({listed}); nothing was kept.")
    mine = ledger_figure(lambda sql: conn.execute(sql))
    theirs = ledger_figure(lambda sql: _server_rows(db, sql))
    if mine != theirs:
        raise CopyRefused("mismatch", "The loyalty ledger on the server does not match the file (file "
                                      f"{mine.entries:,} "
                                      f"entries, {mine.points:,} points, {mine.short}; server {theirs.entries:,}, "
                                      f"{theirs.points:,}, {theirs.short}); nothing was kept.")
    return mine


def _server_rows(db, sql: str):
    cursor = db.execute_sql(sql)
    while True:
        rows = cursor.fetchmany(BATCH_ROWS)
        if not rows:
            return
        yield from rows
