"""Builders for import fixture files, written in code (openpyxl, csv text, vCard text)."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest


def write_xlsx(path, rows, merge: str | None = None, number_formats: dict | None = None):
    """Write `rows` to the first sheet of a new workbook at `path`."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Customers"
    for row in rows:
        sheet.append(list(row))
    if merge:
        sheet.merge_cells(merge)
    for ref, fmt in (number_formats or {}).items():
        sheet[ref].number_format = fmt
    book.save(path)
    return path


def write_csv(path, rows, encoding="utf-8", delimiter=",", bom=False):
    """Write `rows` as delimited text in `encoding` (optionally with a BOM)."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    data = buffer.getvalue().encode(encoding)
    if bom and encoding == "utf-8":
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)
    return path


@pytest.fixture
def xlsx(tmp_path):
    """make(rows, name="clients.xlsx", **kw) -> path of a new .xlsx."""
    def make(rows, name="clients.xlsx", **kw):
        return write_xlsx(tmp_path / name, rows, **kw)
    return make


@pytest.fixture
def csvfile(tmp_path):
    def make(rows, name="clients.csv", **kw):
        return write_csv(tmp_path / name, rows, **kw)
    return make


def write_ods(path, rows):
    """A minimal OpenDocument spreadsheet (what LibreOffice saves), built with zipfile:
    str cells as text, int/float as numbers, datetime.date as dates."""
    import datetime as dt
    import zipfile
    from xml.sax.saxutils import escape

    def cell(value):
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, dt.date):
            return (f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}">'
                    f"<text:p>{value.isoformat()}</text:p></table:table-cell>")
        if isinstance(value, (int, float)):
            return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                    f"<text:p>{value}</text:p></table:table-cell>")
        return f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'

    body = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="Sheet1">{body}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path
