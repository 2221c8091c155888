"""Fast inserts for imports, straight to the driver: one prepared statement run with executemany
(bulk_insert), or multi-row statements that SQLite runs without Python's lock (insert_statements,
for the import pipeline). peewee's insert_many builds SQL text per row, which costs more than the
insert itself at 100,000 rows. Call inside the import's transaction."""

from __future__ import annotations

import gc
import itertools
import sqlite3
from contextlib import contextmanager
from typing import Iterable, Iterator, Mapping, Sequence

import peewee as pw


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
    `model`'s table with one prepared statement."""
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    marks = ", ".join(["?"] * len(fields))
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'
    converters = [(i, c) for i, c in ((i, _converter(f)) for i, f in enumerate(fields)) if c is not None]
    if converters:
        def convert(row):
            row = list(row)
            for i, c in converters:
                row[i] = c(row[i])
            return row
        rows = (convert(r) for r in rows)
    db.cursor().executemany(sql, rows)


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


@contextmanager
def indexes_built_after(db, table: str) -> Iterator[None]:
    """Drop `table`'s non-unique indexes for the block and create them again after it: building an
    index once from sorted keys costs less than updating it row by row when a bulk insert at least
    doubles the table. Use inside the writing transaction: if the block fails, its rollback
    restores the indexes (unique indexes stay, so clashes still raise IntegrityError at once)."""
    indexes = [(name, sql) for name, sql in db.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", (table,))
        if not sql.lstrip().upper().startswith("CREATE UNIQUE")]
    for name, _ in indexes:
        db.execute_sql(f'DROP INDEX "{name}"')
    yield
    for _, sql in indexes:
        db.execute_sql(sql)


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
