"""The error report: the original rows that had problems, their row numbers and what was
wrong, in an .xlsx the shopkeeper fixes in Excel and imports again."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from clientdesk.errors import FileFormatError
from clientdesk.exporting.xlsx import MAX_COLUMNS, Column, write_xlsx

REPORT_COLUMNS = {"en": ("Row", "Problem"), "hi": ("पंक्ति", "समस्या")}
ORIGINAL_COLUMNS = MAX_COLUMNS - 2  # the file's own columns a report sheet has room for


def write_error_report(result, path: Path, language: str = "en") -> Path:
    """Write the report for an ImportResult (original headers first, then Row and Problem).
    The original cells keep their types (text, numbers, dates, true/false). A file wider than a
    sheet keeps its first ORIGINAL_COLUMNS columns in the report, and each row's problem says so."""
    row_label, problem_label = REPORT_COLUMNS.get(language, REPORT_COLUMNS["en"])
    width = min(len(result.headers), ORIGINAL_COLUMNS)
    cut = (f"; columns after {ORIGINAL_COLUMNS:,} of the file are not in this report (a sheet holds "
           f"{MAX_COLUMNS:,})") if len(result.headers) > ORIGINAL_COLUMNS else ""
    columns = [Column("" if h is None else str(h), "value") for h in result.headers[:width]]
    columns += [Column(row_label, "number"), Column(problem_label, "text")]
    rows = ([*cells[:width], *[None] * (width - len(cells[:width])), row_no,
             "; ".join(f"{i.field}: {i.message}" for i in issues) + cut]
            for row_no, cells, issues in result.problem_rows)
    write_xlsx(path, "Errors", columns, rows, len(result.problem_rows))
    return path


def check_writable(path: Path) -> None:
    """Raise FileFormatError unless an .xlsx can be written at `path` (its folder exists and takes
    a new file; `path` is not a folder). The command line checks this before it imports anything,
    so a report that cannot be written never follows an import that was already saved."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise FileFormatError(f"{path.name}: the error report is an .xlsx file")
    if path.is_dir():
        raise FileFormatError(f"{path} is a folder; give a file name for the error report")
    folder = path.parent
    if not folder.is_dir():
        raise FileFormatError(f"{path.name} cannot be written: the folder {folder} does not exist")
    try:
        handle, probe = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".check")
    except OSError as exc:
        raise FileFormatError(f"{path.name} cannot be written in {folder}: {exc.strerror or exc}") from exc
    os.close(handle)
    os.unlink(probe)
    if path.exists() and not os.access(path, os.W_OK):
        raise FileFormatError(f"{path.name} cannot be written: the file is read-only")
