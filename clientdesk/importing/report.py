"""The error report: the original rows that had problems, their row numbers and what was
wrong, in an .xlsx the shopkeeper fixes in Excel and imports again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import xlsxwriter

from clientdesk.errors import FileFormatError

REPORT_COLUMNS = {"en": ("Row", "Problem"), "hi": ("पंक्ति", "समस्या")}


def write_error_report(result, path: Path, language: str = "en") -> Path:
    """Write the report for an ImportResult (original headers first, then Row and Problem)."""
    row_label, problem_label = REPORT_COLUMNS.get(language, REPORT_COLUMNS["en"])
    try:
        book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False})
    except OSError as exc:
        raise FileFormatError(f"{path.name} could not be written: {exc.strerror or exc}") from exc
    sheet = book.add_worksheet("Errors")
    bold = book.add_format({"bold": True})
    date_format = book.add_format({"num_format": "dd-mm-yyyy"})
    headers = list(result.headers)
    sheet.write_row(0, 0, headers + [row_label, problem_label], bold)
    sheet.freeze_panes(1, 0)
    for out_row, (row_no, cells, issues) in enumerate(result.problem_rows, start=1):
        for col in range(len(headers)):
            value = cells[col] if col < len(cells) else None
            if value is None:
                continue
            if isinstance(value, (dt.date, dt.datetime)):
                sheet.write_datetime(out_row, col, value if isinstance(value, dt.datetime)
                                     else dt.datetime.combine(value, dt.time()), date_format)
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                sheet.write_number(out_row, col, value)
            else:
                sheet.write_string(out_row, col, str(value))
        sheet.write_number(out_row, len(headers), row_no)
        sheet.write_string(out_row, len(headers) + 1, "; ".join(f"{i.field}: {i.message}" for i in issues))
    sheet.set_column(len(headers) + 1, len(headers) + 1, 60)
    if result.problem_rows:
        sheet.autofilter(0, 0, len(result.problem_rows), len(headers) + 1)
    try:
        book.close()
    except (OSError, xlsxwriter.exceptions.FileCreateError) as exc:
        raise FileFormatError(f"{path.name} could not be written: {exc}") from exc
    return path
