"""The error report: the original rows that had problems, their row numbers and what was
wrong, in an .xlsx the shopkeeper fixes in Excel and imports again."""

from __future__ import annotations

from pathlib import Path

from clientdesk.exporting.xlsx import Column, write_xlsx

REPORT_COLUMNS = {"en": ("Row", "Problem"), "hi": ("पंक्ति", "समस्या")}


def write_error_report(result, path: Path, language: str = "en") -> Path:
    """Write the report for an ImportResult (original headers first, then Row and Problem).
    The original cells keep their types (text, numbers, dates, true/false)."""
    row_label, problem_label = REPORT_COLUMNS.get(language, REPORT_COLUMNS["en"])
    width = len(result.headers)
    columns = [Column("" if h is None else str(h), "value") for h in result.headers]
    columns += [Column(row_label, "number"), Column(problem_label, "text")]
    rows = ([*cells[:width], *[None] * (width - len(cells)), row_no,
             "; ".join(f"{i.field}: {i.message}" for i in issues)]
            for row_no, cells, issues in result.problem_rows)
    write_xlsx(path, "Errors", columns, rows, len(result.problem_rows))
    return path
