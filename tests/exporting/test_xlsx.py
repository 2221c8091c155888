"""Our .xlsx writer, read back with openpyxl (layout, styles, types) and python-calamine (what the
importer uses): escaping, Excel's limits, failures that leave no file behind."""

from __future__ import annotations

import datetime as dt
import os
import xml.etree.ElementTree as ET
import zipfile

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from clientdesk.errors import FileFormatError
from clientdesk.exporting.xlsx import (
    DATE_FORMAT, DATETIME_FORMAT, INR_FORMAT, MAX_ROWS, MAX_TEXT, Column, column_letter, excel_serial, sheet_title,
    write_xlsx,
)
from clientdesk.importing.importer import ImportResult
from clientdesk.importing.planning import RowIssue
from clientdesk.importing.report import write_error_report
from clientdesk.progress import Cancelled, Progress

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
COLUMNS = [Column("Name"), Column("Phone"), Column("Birthday", "date"), Column("Visit", "datetime"),
           Column("Spent", "money"), Column("Qty", "number")]
ROWS = [
    ["रमेश कुमार", "98765 43210", dt.date(1990, 6, 5), dt.datetime(2026, 11, 20, 11, 30), 1234567_50, 3],
    ["Anita Desai", "", "17 Aug", dt.date(2026, 1, 2), 0, 2.5],
    ["Vijay", None, None, None, -5, None],
]


def _calamine(path):
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()


def _files(folder):
    return sorted(p.name for p in folder.iterdir())


def test_layout_styles_and_types_read_back_with_openpyxl(tmp_path):
    path = tmp_path / "out.xlsx"
    assert write_xlsx(path, "Clients", COLUMNS, ROWS, len(ROWS)) == 3
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet.title == "Clients" and sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:F4" and sheet.dimensions == "A1:F4"
    header = sheet["A1"]
    assert header.font.b and header.border.bottom.style == "thin" and header.fill.fgColor.rgb == "FFEEEEEE"
    assert not sheet["A2"].font.b
    assert [c.value for c in sheet[1]] == ["Name", "Phone", "Birthday", "Visit", "Spent", "Qty"]
    assert sheet["A2"].value == "रमेश कुमार" and sheet["B2"].value == "98765 43210" and sheet["B2"].data_type == "s"
    assert sheet["C2"].value == dt.datetime(1990, 6, 5) and sheet["C2"].number_format == DATE_FORMAT
    assert sheet["D2"].value == dt.datetime(2026, 11, 20, 11, 30) and sheet["D2"].number_format == DATETIME_FORMAT
    assert sheet["E2"].value == pytest.approx(1234567.5) and sheet["E2"].number_format == INR_FORMAT
    assert sheet["F2"].value == 3 and sheet["F3"].value == 2.5 and sheet["F2"].data_type == "n"
    assert sheet["C3"].value == "17 Aug" and sheet["C3"].data_type == "s"  # a birthday without its year stays text
    assert sheet["D3"].value == dt.datetime(2026, 1, 2) and sheet["D3"].is_date
    assert sheet["E3"].value == 0 and sheet["E4"].value == pytest.approx(-0.05)
    assert sheet["B3"].value is None and sheet["B4"].value is None and sheet["C4"].value is None
    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABCDEF"}
    assert widths == {"A": 12, "B": 12, "C": 12, "D": 17, "E": 12, "F": 8}  # content, header + 2, kind minimum


def test_same_file_read_back_with_calamine(tmp_path):
    path = tmp_path / "out.xlsx"
    write_xlsx(path, "Clients", COLUMNS, ROWS)
    rows = _calamine(path)
    assert rows[0] == ["Name", "Phone", "Birthday", "Visit", "Spent", "Qty"]
    assert rows[1] == ["रमेश कुमार", "98765 43210", dt.date(1990, 6, 5), dt.datetime(2026, 11, 20, 11, 30),
                       1234567.5, 3.0]
    assert rows[2] == ["Anita Desai", "", "17 Aug", dt.date(2026, 1, 2), 0.0, 2.5]  # midnight reads as a date
    assert rows[3] == ["Vijay", "", "", "", -0.05, ""]


def test_every_part_is_well_formed_and_declared(tmp_path):
    path = tmp_path / "out.xlsx"
    write_xlsx(path, "Sales & Co's", COLUMNS, ROWS)
    with zipfile.ZipFile(path) as package:
        assert package.testzip() is None
        names = package.namelist()
        parts = {name: ET.fromstring(package.read(name)) for name in names}
    declared = {o.get("PartName") for o in parts["[Content_Types].xml"] if o.tag.endswith("Override")}
    assert declared == {"/" + n for n in names if not n.endswith(".rels") and n != "[Content_Types].xml"}
    workbook = parts["xl/workbook.xml"]
    assert workbook.find(f"{MAIN}sheets/{MAIN}sheet").get("name") == "Sales & Co's"
    name = workbook.find(f"{MAIN}definedNames/{MAIN}definedName")
    assert (name.get("name"), name.get("hidden"), name.text) == ("_xlnm._FilterDatabase", "1", "'Sales & Co''s'!$A$1:$F$4")
    assert parts["xl/worksheets/sheet1.xml"].find(f"{MAIN}dimension").get("ref") == "A1:F4"


def test_awkward_text_survives(tmp_path):
    path = tmp_path / "text.xlsx"
    texts = ["&<>\"'", "bell\x07 and\x00nul", "tab\tnew\nline\rreturn", "  padded  ", "_x0041_ is not A",
             "lone \ud800 surrogate", "=SUM(A1:A2)", "नमस्ते 🙏", "x" * 40_000, "🙏" * 20_000]
    write_xlsx(path, "Text", [Column("Text")], [[t] for t in texts])
    got = [r[0] for r in _calamine(path)[1:]]
    assert got[:4] == ["&<>\"'", "bell\x07 and\x00nul", "tab\tnew\nline\rreturn", "  padded  "]
    assert got[4:8] == ["_x0041_ is not A", "lone  surrogate", "=SUM(A1:A2)", "नमस्ते 🙏"]
    assert got[8] == "x" * MAX_TEXT  # Excel keeps 32,767 characters in a cell
    assert got[9] == "🙏" * (MAX_TEXT // 2)  # counted in UTF-16 units, as Excel does; no half emoji
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A2"].value == "&<>\"'" and sheet["A5"].value == "  padded  " and sheet["A8"].data_type == "s"
    assert sheet.column_dimensions["A"].width == 50  # long text caps the width


def test_empty_export_is_a_header_with_its_filter(tmp_path):
    path = tmp_path / "empty.xlsx"
    assert write_xlsx(path, "Clients", COLUMNS, []) == 0
    sheet = openpyxl.load_workbook(path).active
    assert sheet.max_row == 1 and sheet.auto_filter.ref == "A1:F1" and sheet.freeze_panes == "A2"
    assert _calamine(path) == [["Name", "Phone", "Birthday", "Visit", "Spent", "Qty"]]


def test_sheet_names_excel_accepts(tmp_path):
    assert sheet_title("Q1: [Sales]/*?\\") == "Q1 Sales"
    assert sheet_title("'quoted'") == "quoted" and sheet_title("?*") == "Sheet1" and sheet_title("history") == "History 1"
    assert sheet_title("ग्राहक सूची " * 5) == ("ग्राहक सूची " * 5)[:31].strip()
    path = tmp_path / "named.xlsx"
    write_xlsx(path, "Q1: [Sales]/*?\\ with a very long tail to cut", COLUMNS, ROWS)
    assert openpyxl.load_workbook(path).sheetnames == ["Q1 Sales with a very long tail"]  # 31, then stripped
    assert CalamineWorkbook.from_path(str(path)).sheet_names == ["Q1 Sales with a very long tail"]


def test_helpers():
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702, 16383)] == ["A", "Z", "AA", "AB", "ZZ", "AAA", "XFD"]
    assert excel_serial(dt.date(1900, 3, 1)) == 61 and excel_serial(dt.date(2026, 11, 22)) == 46348
    assert excel_serial(dt.datetime(2026, 11, 22, 18)) == 46348.75


def test_mixed_value_column_and_numbers_excel_cannot_hold(tmp_path):
    path = tmp_path / "values.xlsx"
    columns = [Column("Any", "value"), Column("Qty", "number")]
    rows = [[True, float("nan")], [dt.datetime(2026, 1, 1, 9, 15), float("inf")], [dt.datetime(2026, 1, 1), "12a"],
            [dt.date(2026, 1, 2), 7], ["9.87654E+09", 1.5], [98765.0, None]]
    write_xlsx(path, "Values", columns, rows)
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A2"].value is True and sheet["B2"].value is None and sheet["B3"].value is None
    assert sheet["A3"].number_format == DATETIME_FORMAT and sheet["A4"].number_format == DATE_FORMAT
    assert sheet["A5"].value == dt.datetime(2026, 1, 2) and sheet["B5"].value == 7
    assert sheet["A6"].value == "9.87654E+09" and sheet["A6"].data_type == "s" and sheet["A7"].value == 98765
    assert sheet["B4"].value == "12a" and sheet["B4"].data_type == "s"


def test_missing_folder_is_a_clear_error_and_creates_nothing(tmp_path):
    with pytest.raises(FileFormatError, match="out.xlsx could not be written: No such file or directory"):
        write_xlsx(tmp_path / "missing" / "out.xlsx", "Clients", COLUMNS, ROWS)
    assert _files(tmp_path) == []


def test_failure_at_the_last_step_leaves_no_partial_file(tmp_path):
    (tmp_path / "out.xlsx").mkdir()  # the sheet is complete, but replacing a folder fails
    with pytest.raises(FileFormatError, match="out.xlsx could not be written"):
        write_xlsx(tmp_path / "out.xlsx", "Clients", COLUMNS, ROWS)
    assert _files(tmp_path) == ["out.xlsx"] and not any((tmp_path / "out.xlsx").iterdir())


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(FileFormatError, match="out.xlsx could not be written: Permission denied"):
            write_xlsx(folder / "out.xlsx", "Clients", COLUMNS, ROWS)
        assert _files(folder) == []
    finally:
        folder.chmod(0o700)


def test_cancel_keeps_the_old_file_and_leaves_nothing_else(tmp_path):
    path = tmp_path / "out.xlsx"
    write_xlsx(path, "Clients", COLUMNS, ROWS)
    before = path.read_bytes()
    seen = []

    def report(done, total, label):
        seen.append((done, total))
        if done == 5_000:
            progress.cancel()  # the next report raises Cancelled

    progress = Progress(report)
    with pytest.raises(Cancelled):
        write_xlsx(path, "Clients", COLUMNS, (ROWS[0] for _ in range(12_000)), 12_000, progress)
    assert seen == [(5_000, 12_000)]
    assert path.read_bytes() == before and _files(tmp_path) == ["out.xlsx"]


def test_more_rows_than_a_sheet_holds(tmp_path):
    path = tmp_path / "big.xlsx"
    with pytest.raises(FileFormatError, match="1,048,576 rows do not fit in one Excel sheet"):
        write_xlsx(path, "Clients", COLUMNS, [], total=MAX_ROWS)
    one = [Column("N", "number")]
    with pytest.raises(FileFormatError, match="more than 1,048,575 rows do not fit"):
        write_xlsx(path, "Clients", one, ([None] for _ in range(MAX_ROWS)))  # no total given: found while writing
    assert _files(tmp_path) == []


def test_error_report_keeps_the_original_cell_types(tmp_path):
    result = ImportResult("clients", "shop.xlsx", headers=["Name", "Mobile", "DOB", "Paid", None])
    issue = RowIssue(5, "phone", "lost_digits", "the number lost digits")
    result.problem_rows.append((5, ["Bad Phone", 9.87654e9, dt.datetime(1990, 6, 5), True], [issue]))
    result.problem_rows.append((9, ["अनीता", "98200 12345", "05/06/1990", False, "x", "extra"], [issue, issue]))
    path = write_error_report(result, tmp_path / "errors.xlsx", "hi")
    rows = _calamine(path)
    assert rows[0] == ["Name", "Mobile", "DOB", "Paid", "", "पंक्ति", "समस्या"]
    assert rows[1] == ["Bad Phone", 9.87654e9, dt.date(1990, 6, 5), True, "", 5.0, "phone: the number lost digits"]
    assert rows[2][:6] == ["अनीता", "98200 12345", "05/06/1990", False, "x", 9.0]
    assert rows[2][6] == "phone: the number lost digits; phone: the number lost digits"
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "Errors" and sheet.freeze_panes == "A2" and sheet["C2"].is_date


def test_dates_excel_numbers_wrongly_are_written_as_iso_text(tmp_path):
    path = tmp_path / "old.xlsx"
    rows = [[dt.date(1900, 2, 28), dt.datetime(1899, 1, 1, 10)], [dt.date(1900, 3, 1), dt.datetime(1900, 3, 1, 6)]]
    write_xlsx(path, "Old", [Column("Day", "date"), Column("At", "datetime")], rows)
    assert _calamine(path)[1:] == [["1900-02-28", "1899-01-01 10:00:00"],
                                   [dt.date(1900, 3, 1), dt.datetime(1900, 3, 1, 6)]]
