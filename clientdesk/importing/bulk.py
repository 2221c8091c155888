"""Fast multi-row inserts for imports: one prepared statement run with executemany.

peewee's insert_many builds SQL text per row, which costs more than the insert itself at
100,000 rows; this goes straight to the driver. Call inside the import's transaction."""

from __future__ import annotations

from typing import Iterable, Sequence

import peewee as pw


def _converter(field: pw.Field):
    if isinstance(field, (pw.DateTimeField, pw.DateField)):
        return lambda v: None if v is None else str(v)
    if isinstance(field, pw.DecimalField):
        return field.db_value
    if isinstance(field, pw.BooleanField):
        return lambda v: None if v is None else int(bool(v))
    return None


def bulk_insert(db, model, fields: Sequence[pw.Field], rows: Iterable[Sequence]) -> None:
    """Insert `rows` (tuples in the order of `fields`) into `model`'s table."""
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    marks = ", ".join("?" * len(fields))
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


def next_id(model) -> int:
    """The id the next row of `model` gets (call after the transaction has written, so it holds the lock)."""
    return (model.select(pw.fn.MAX(model.id)).scalar() or 0) + 1
