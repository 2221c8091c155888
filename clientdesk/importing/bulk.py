"""Fast inserts for imports, straight to the driver, behind one small interface per engine
(`bulk_for(db)`): SQLite runs one prepared statement with executemany (`insert`), or multi-row
statements without Python's lock (`rows` + `run`, for the import pipeline); the shop's server
takes the same rows with COPY (psycopg's `cursor.copy()`), as its search index does
(clientdesk/postgres/search.py: 100,000 rows in 2.8 s instead of 11.3 s with executemany).
peewee's insert_many builds SQL text per row, which costs more than the insert itself at 100,000
rows. Call inside the import's transaction."""

from __future__ import annotations

import contextlib
import gc
import itertools
import sqlite3
from contextlib import contextmanager
from typing import ContextManager, Iterable, Iterator, Mapping, Sequence

import peewee as pw

from clientdesk import search
from clientdesk.dialect import sql_for


def _converter(field: pw.Field):
    if isinstance(field, (pw.DateTimeField, pw.DateField)):
        return lambda v: None if v is None else str(v)
    if isinstance(field, pw.DecimalField):
        return field.db_value
    if isinstance(field, pw.BooleanField):
        return lambda v: None if v is None else int(bool(v))
    return None


def db_values(fields: Sequence[pw.Field], values: Sequence) -> tuple:
    """`values` (in the order of `fields`) as the driver stores them (str dates and datetimes, int
    booleans), e.g. for the constants of insert_statements."""
    return tuple(v if c is None else c(v) for c, v in zip(map(_converter, fields), values))


def _literal(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, int):  # bool included
        return str(int(value))
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    raise TypeError(f"No SQL literal for {type(value).__name__}")


def bulk_insert(db, model, fields: Sequence[pw.Field], rows: Iterable[Sequence]) -> None:
    """Insert `rows` (tuples in the order of `fields`, converted to driver values here) into
    `model`'s table in one go (bulk_for(db).insert)."""
    bulk_for(db).insert(model, fields, rows)


def _driver_rows(fields: Sequence[pw.Field], rows: Iterable[Sequence]) -> Iterable[Sequence]:
    converters = [(i, c) for i, c in ((i, _converter(f)) for i, f in enumerate(fields)) if c is not None]
    if not converters:
        return rows

    def convert(row):
        row = list(row)
        for i, c in converters:
            row[i] = c(row[i])
        return row
    return (convert(r) for r in rows)


Statement = tuple[str, tuple]  # SQL and its parameters
# Rows per multi-row statement at most: keeps the SQL text far below SQLite's default limit of
# 1,000,000 bytes whatever the number of bound values the build allows.
ROWS_PER_STATEMENT = 2000


def variable_limit(db) -> int:
    """How many values one statement may bind on this connection (32,766 by default; some builds,
    Debian's among them, allow more)."""
    return db.connection().getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)


def insert_statements(table: str, columns: Sequence[str], rows: Sequence[Sequence], limit: int,
                      constants: Sequence[tuple[str, object]] = (),
                      null_when: Mapping[str, object] | None = None) -> Iterator[Statement]:
    """INSERT statements for `rows` (driver values in the order of `columns`), each with as many
    rows as `limit` bound values allow; `constants` are (column, value) pairs every row shares,
    written once into the SQL. `null_when`: per column, the value ("" or 0) that the rows hold for
    "empty" and that is stored as NULL; binding None costs Python about ten times more than an
    int, and that part runs under Python's lock. SQLite runs a whole statement without Python's
    lock (pipeline.py), and measured it is faster than executemany too."""
    if not rows:
        return
    null_when = null_when or {}
    if not set(null_when) <= set(columns):
        raise ValueError(f"null_when names columns that are not inserted: {sorted(set(null_when) - set(columns))}")
    names = ", ".join(f'"{c}"' for c in (*columns, *(name for name, _ in constants)))
    picked = ", ".join(f"NULLIF(column{i}, {_literal(null_when[c])})" if c in null_when else f"column{i}"
                       for i, c in enumerate(columns, start=1))
    extra = "".join(", " + _literal(value) for _, value in constants)
    row_marks = "(" + ", ".join(["?"] * len(columns)) + ")"
    per = max(1, min(limit // len(columns), ROWS_PER_STATEMENT))
    for start in range(0, len(rows), per):
        chunk = rows[start:start + per]
        values = ", ".join([row_marks] * len(chunk))
        yield (f'INSERT INTO "{table}" ({names}) SELECT {picked}{extra} FROM (VALUES {values})',
               tuple(itertools.chain.from_iterable(chunk)))


def next_id(model) -> int:
    """The id the next row of `model` gets (call after the transaction has written, so it holds the lock)."""
    return (model.select(pw.fn.MAX(model.id)).scalar() or 0) + 1


class SQLiteLoad:
    """SQLite's bulk load. `rows` builds the statements for a table (pure Python: the import
    pipeline's helper thread runs it), `run` executes them; `insert` writes a model's rows with
    one prepared statement; `indexes_built_after` and `search_settings` surround a load that
    makes a table much bigger."""

    # How rows for `rows` mark an empty nullable text and number: "" and 0, which the statement
    # stores as NULL (null_when); binding None costs more (insert_statements).
    EMPTY: tuple[str | None, int | None] = ("", 0)

    def __init__(self, db):
        self.db = db
        self.limit = variable_limit(db)

    def rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence],
             constants: Sequence[tuple[str, object]] = (), null_when: Mapping[str, object] | None = None) -> list:
        """What writes `rows` (driver values in the order of `columns`) into `table`; `constants`
        and `null_when` as in insert_statements."""
        return list(insert_statements(table, columns, rows, self.limit, constants, null_when))

    def defaulted(self, table: str, constants: Sequence[tuple[str, object]]) -> tuple[tuple[str, object], ...]:
        """The (column, value) constants every row of a load into `table` must carry: those the
        table's own column defaults do not give (SQLite's tables have none: all of them). Call on
        the thread that owns the connection, before the load."""
        return tuple(constants)

    def run(self, loads: Sequence) -> None:
        cursor = self.db.cursor()
        for sql, params in loads:
            cursor.execute(sql, params)

    def insert(self, model, fields: Sequence[pw.Field], rows: Iterable[Sequence]) -> None:
        columns = ", ".join(f'"{f.column_name}"' for f in fields)
        marks = ", ".join(["?"] * len(fields))
        sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'
        self.db.cursor().executemany(sql, _driver_rows(fields, rows))

    def indexes(self, table: str) -> list[tuple[str, str]]:
        """(name, CREATE statement) of `table`'s non-unique indexes."""
        return [(name, sql) for name, sql in sql_for(self.db).index_definitions(self.db, table)
                if not sql.lstrip().upper().startswith("CREATE UNIQUE")]

    def loose_keys(self, table: str) -> list[tuple[str, str, list[str]]]:
        """`table`'s foreign keys a load may drop and make again after (dialect's loose_keys)."""
        return sql_for(self.db).loose_keys(self.db, table)

    @contextmanager
    def indexes_built_after(self, table: str) -> Iterator[None]:
        """Drop `table`'s non-unique indexes for the block and create them again after it: building an
        index once from sorted keys costs less than updating it row by row when a bulk insert at least
        doubles the table. Use inside the writing transaction: if the block fails, its rollback
        restores the indexes (unique indexes stay, so clashes still raise IntegrityError at once)."""
        indexes = self.indexes(table)
        for name, _ in indexes:
            self.db.execute_sql(f'DROP INDEX "{name}"')
        yield
        for _, sql in indexes:
            self.db.execute_sql(sql)

    def search_settings(self) -> ContextManager:
        """The search index's settings for a bulk load (clientdesk.search.bulk_settings)."""
        return search.bulk_settings(self.db)


class ServerLoad(SQLiteLoad):
    """The shop's server: rows go in with COPY (`rows` only adds their constants, on the helper
    thread). A load that gives ids itself moves the table's sequence past them, so the next client
    a counter adds gets a free id."""

    EMPTY = (None, None)  # COPY takes None as cheaply as anything: no marks to change back

    def __init__(self, db):
        self.db = db

    def rows(self, table, columns, rows, constants=(), null_when=None) -> list:
        """As SQLiteLoad.rows; `null_when` is not needed: this load's rows give None for an empty
        value already (EMPTY)."""
        if not rows:
            return []
        extra = tuple(value for _, value in constants)
        values = [(*r, *extra) for r in rows] if extra else list(rows)
        return [(table, (*columns, *(name for name, _ in constants)), values)]

    def defaulted(self, table, constants):
        """COPY gives a column it is not sent its default: a constant that default already is
        (the server's client table carries the model's constant defaults, postgres/schema.py) is
        left out of every row, which spares formatting and parsing 21 of a new client's 45 cells.
        What the server's default is, it says itself (an older book without them gets them all)."""
        from clientdesk.postgres.schema import column_defaults

        found = column_defaults(self.db, table)
        asked = [(column, found[column]) for column, _ in constants
                 if found.get(column) and "nextval" not in found[column]]
        given = dict(zip((c for c, _ in asked), self.db.execute_sql(
            "SELECT " + ", ".join(expression for _, expression in asked)).fetchone())) if asked else {}
        for column in found:
            if found[column] is None:
                given[column] = None  # no default: NULL
        return tuple((column, value) for column, value in constants
                     if column not in given or not _same_value(given[column], value))

    def run(self, loads) -> None:
        for table, columns, values in loads:
            self._copy(table, columns, values)

    def insert(self, model, fields, rows) -> None:
        self._copy(model._meta.table_name, tuple(f.column_name for f in fields), _driver_rows(fields, rows))

    def _copy(self, table: str, columns: Sequence[str], values: Iterable[Sequence]) -> None:
        names = ", ".join(f'"{c}"' for c in columns)
        with self.db.storage_errors(), pw.__exception_wrapper__:  # IntegrityError as peewee's, as on SQLite
            cursor = self.db.cursor()
            with cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                for row in values:
                    copy.write_row(row)
            if "id" in columns:
                cursor.execute(f"SELECT setval(pg_get_serial_sequence(%s, 'id'), (SELECT max(id) FROM \"{table}\"))",
                               (table,))

    @contextmanager
    def indexes_built_after(self, table: str) -> Iterator[None]:
        """Nothing dropped: inside one transaction a dropped index would lock the table against
        every other counter's reading until the commit. (An import's load drops them in a
        transaction of their own, see batches.drop_indexes.)"""
        yield

    def search_settings(self) -> ContextManager:
        return contextlib.nullcontext()


def _same_value(default, value) -> bool:
    """Whether a column default the server gave is the constant `value` (in driver values: 0/1 for
    a boolean)."""
    if default is None or value is None:
        return default is None and value is None
    if isinstance(default, bool):
        return value in (0, 1) and not isinstance(value, str) and bool(value) is default
    return type(default) is type(value) and default == value


def bulk_for(db) -> SQLiteLoad:
    """The bulk load of `db`'s engine (`db` may be the models' proxy: then the database in use)."""
    if isinstance(db, pw.DatabaseProxy):
        db = db.obj
    return ServerLoad(db) if sql_for(db).is_server else SQLiteLoad(db)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a bulk job. Reading and planning 100,000 rows
    makes millions of objects that live until the job ends; the collector would walk all of them
    again and again (measured: a third of the planning time). Reference counting still frees
    everything that is not in a cycle."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
