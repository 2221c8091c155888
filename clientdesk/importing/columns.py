"""Clean a sheet column by column before the rows are planned.

A 100,000-row import spends most of its Python time cleaning cells. Cleaning a whole column in
one pass keeps the loop in comprehensions, and values that repeat (dates, cities, PIN codes)
are cleaned once per distinct cell. Each cleaner gets one cell and returns its clean value or
raises ValidationError; the problem is kept per row, in field order, with the row's good values.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Callable, Sequence

from clientdesk.errors import ValidationError
from clientdesk.importing.readers import cell_text

# A mapped field: its code and the indexes of the columns that feed it.
FieldColumns = dict[str, list[int]]


def field_columns(mapping: Sequence[str | None]) -> FieldColumns:
    """Column indexes per mapped field, in column order."""
    columns: FieldColumns = {}
    for index, name in enumerate(mapping):
        if name is not None:
            columns.setdefault(name, []).append(index)
    return columns


def sheet_columns(rows: list[list], indexes: set[int]) -> dict[int, list]:
    """The cells of the wanted columns, by index (None past the end of a short row; blank text
    becomes None). One transposition of the whole sheet is cheaper than a pass per column."""
    width = max(indexes) + 1 if indexes else 0
    columns: dict[int, list] = {}
    for index, cells in enumerate(itertools.zip_longest(*rows)):
        if index >= width:
            break
        if index in indexes:
            columns[index] = [None if c.__class__ is str and not c.strip() else c for c in cells]
    return {i: columns.get(i) or [None] * len(rows) for i in indexes}


def text_column(columns: list[list], separator: str = " ") -> list[str]:
    """One line of text per row from the cells of one or more columns (joined by `separator`)."""
    if len(columns) == 1:
        return [" ".join(c.split()) if c.__class__ is str else ("" if c is None else cell_text(c))
                for c in columns[0]]
    return [separator.join(t for t in map(cell_text, cells) if t) for cells in zip(*columns)]


def within_limit(values: list[str], limit: int, name: str, problems: "Problems") -> list[str]:
    """`values`, each longer than `limit` characters left out ("") as a problem under `name`: the
    limits a client's form has (clientdesk.clients.fields), so an import stores nothing the form
    would refuse (nor a key too long for the server's indexes)."""
    if max(map(len, values), default=0) <= limit:
        return values
    kept = []
    for row, value in enumerate(values):
        if len(value) > limit:
            problems.add(row, name, ValidationError(
                name, "longer", f"{len(value):,} characters long, more than the {limit:,} a client's card keeps: "
                                "left out"))
            value = ""
        kept.append(value)
    return kept


@dataclass
class Problems:
    """What the cleaners rejected: per row index, (field, error) in the order they were found."""

    by_row: dict[int, list[tuple[str, ValidationError]]] = field(default_factory=dict)

    def add(self, row: int, name: str, error: ValidationError) -> None:
        self.by_row.setdefault(row, []).append((name, error))


def cleaned_column(cells: list, clean: Callable[[object], object], name: str, problems: Problems,
                   memo: dict | None = None) -> list:
    """`clean` of every non-empty cell (None for empty ones and for rejected ones, which go to
    `problems` under `name`). `memo`: a cache (kept by the caller across the blocks of a sheet)
    so each distinct cell is cleaned once, for columns whose values repeat, like dates; a column
    of unique values only pays for the cache."""
    out: list = []
    append = out.append
    if memo is None:
        for row, cell in enumerate(cells):
            if cell is None:
                append(None)
                continue
            try:
                append(clean(cell))
            except ValidationError as exc:
                problems.add(row, name, exc)
                append(None)
        return out
    cache = memo
    for row, cell in enumerate(cells):
        if cell is None:
            append(None)
            continue
        key = (cell.__class__, cell)
        if key in cache:
            value = cache[key]
        else:
            try:
                value = clean(cell)
            except ValidationError as exc:
                value = exc
            cache[key] = value
        if isinstance(value, ValidationError):
            problems.add(row, name, value)
            value = None
        append(value)
    return out


def list_column(columns: list[list], clean: Callable[[object], list], name: str, problems: Problems) -> list[list]:
    """Several values per row (phones, emails, tags) from one or more columns: the distinct
    values `clean` finds in the row's cells, in order."""
    per_column = [cleaned_column(cells, clean, name, problems) for cells in columns]
    if len(per_column) == 1:
        return [found or [] for found in per_column[0]]
    merged = []
    for found in zip(*per_column):
        values: list = []
        for part in found:
            if part:
                values.extend(v for v in part if v not in values)
        merged.append(values)
    return merged


def first_cells(columns: list[list]) -> list:
    """Per row, the first non-empty cell among the columns (fields that take one value)."""
    if len(columns) == 1:
        return columns[0]
    return [next((c for c in cells if c is not None), None) for cells in zip(*columns)]
