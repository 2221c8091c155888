"""CSV files that are safe to open (CSV injection, OWASP): a spreadsheet runs a cell that starts
with `=`, `+`, `-` or `@` as a formula (`=HYPERLINK(...)`, `+cmd|' /C calc'!A0`, `@SUM(1)`), and a
leading tab or carriage return can hide such a start. Every CSV writer of ClientDesk goes through
`writer()`, which puts an apostrophe before such a cell; a plain number or phone
(`+919876543210`, `-250.50`) is left as it is."""

from __future__ import annotations

import csv
import re
from typing import Any, Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?\Z")


def safe_cell(value: Any) -> Any:
    """`value`, or "'" + value when a spreadsheet would read it as a formula. None becomes ""."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value  # csv writes a number as digits: never a formula
    text = value if isinstance(value, str) else str(value)
    if text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    return text


class SafeWriter:
    """csv.writer with every cell passed through safe_cell."""

    def __init__(self, handle, **kwargs):
        self._writer = csv.writer(handle, **kwargs)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([safe_cell(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(handle, **kwargs) -> SafeWriter:
    """The one way ClientDesk writes CSV: like csv.writer(handle, **kwargs), with safe cells."""
    return SafeWriter(handle, **kwargs)
