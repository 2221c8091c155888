"""Read a file as rows of cells: spreadsheets (python-calamine), CSV/text (encoding and
delimiter sniffed) and vCards (2.1/3.0/4.0, Android quoted-printable included).

Cells keep their types: str, int, float, bool, date/datetime or None. A vCard file becomes a
table with a header row of English column names, so one mapping step serves every format.

Nothing is changed silently: whatever the reader had to repair or could not read (an unbalanced
quote, a line in another encoding, NUL bytes, broken quoted-printable, a vCard without END, a
formula without a saved result, merged cells, a cell longer than Excel's 32,767 characters) is
noted on the row it concerns (RawTable.problems) and becomes a problem of that row in the preview,
the error report and the command line's JSON. A zip-based sheet that would unpack past
MAX_UNPACKED (a "zip bomb") is refused before anything unpacks it.
"""

from __future__ import annotations

import bisect
import codecs
import csv
import datetime as dt
import io
import os
import quopri
import re
import stat
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from clientdesk.errors import FileFormatError

SHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
VCARD_SUFFIXES = (".vcf", ".vcard")
SUFFIXES = SHEET_SUFFIXES + TEXT_SUFFIXES + VCARD_SUFFIXES

VCARD_HEADER = ["Name", "Phone", "Email", "Birthday", "Anniversary", "Address", "City", "State", "PIN",
                "Business", "Notes", "Tags"]
MULTI_SEPARATOR = " ::: "  # Google Contacts' separator for several values in one cell; vCards reuse it
MAX_CELL = 32767  # Excel's limit for the characters of one cell: longer text is cut there, and said so
MAX_FILE = 1024 * 1024 * 1024  # bytes of a file to import (a 100,000-row CSV: ~50 MB)
MAX_UNPACKED = 512 * 1024 * 1024  # bytes a zip-based sheet may unpack to (a 100,000-row sheet: ~40 MB)
MAX_RATIO = 200  # unpacked / packed size of one member beyond which a big member is a zip bomb
_BIG_MEMBER = 16 * 1024 * 1024  # members smaller than this may have any ratio (empty sheets pack 1000:1)
PROBLEM_FIELD = "file"  # the field code of a problem in the file itself, not in one field's value
# Far beyond any real cell; the csv module's default (131,072) raised on a 1 MB field.
csv.field_size_limit(max(csv.field_size_limit(), 2 ** 31 - 1))


@dataclass
class RawTable:
    """The cells of one sheet or file, row by row, and where they came from."""

    path: Path
    rows: list[list] = field(default_factory=list)
    fmt: str = "sheet"  # sheet | csv | vcard
    sheet: str = ""
    encoding: str = ""
    delimiter: str = ""
    # index in `rows` -> [(reason, message)]: what the reader repaired or could not read there
    problems: dict[int, list[tuple[str, str]]] = field(default_factory=dict)

    def note(self, index: int, reason: str, message: str) -> None:
        """Record a problem of the row at `index` (reason: a short code; message: English)."""
        self.problems.setdefault(index, []).append((reason, message))


def read_file(path: Path | str) -> RawTable:
    """All rows of `path`; raises FileFormatError when the file cannot be read at all."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise FileFormatError(f"{path.name}: ClientDesk reads {', '.join(SUFFIXES)} files")
    try:
        data = _read_capped(path)
    except OSError as exc:
        raise FileFormatError(f"{path.name} could not be opened: {exc.strerror or exc}") from exc
    if data is None:
        raise FileFormatError(f"{path.name} is larger than {MAX_FILE // 2 ** 20:,} MB, far more than a client list "
                              f"or a sales register; it was not opened")
    if not data.strip():
        raise FileFormatError(f"{path.name} is empty")
    if suffix in SHEET_SUFFIXES:
        table = _read_sheet(path, data)
    elif suffix in VCARD_SUFFIXES or data.lstrip(codecs.BOM_UTF8).lstrip()[:11].upper() == b"BEGIN:VCARD":
        table = RawTable(path, fmt="vcard")
        text = decode_text(data)
        table.encoding = text.encoding
        read_vcards(text.text, table, text.notes)
    else:
        text = decode_text(data)
        table = RawTable(path, fmt="csv", encoding=text.encoding)
        read_delimited(text.text, table, text.notes)
    return table


def _read_capped(path: Path) -> bytes | None:
    """The bytes of `path`, or None if it holds more than MAX_FILE (a device like /dev/zero, whose
    size says nothing, is read 16 MB at a time up to that)."""
    with open(path, "rb") as handle:
        status = os.fstat(handle.fileno())
        if status.st_size > MAX_FILE:
            return None
        if stat.S_ISREG(status.st_mode):
            data = handle.read()  # one allocation of the size the file has
            return data if len(data) <= MAX_FILE else None
        chunks, size = [], 0
        while chunk := handle.read(1 << 24):
            chunks.append(chunk)
            size += len(chunk)
            if size > MAX_FILE:
                return None
    return b"".join(chunks)


# ----- spreadsheets ------------------------------------------------------------------------------
_ZIP_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".ods")


def check_archive(name: str, data: bytes) -> None:
    """Refuse a zip-based sheet (xlsx, xlsm, xlsb, ods) whose members would unpack past
    MAX_UNPACKED, or whose big members pack far tighter than any sheet does (a zip bomb), before
    anything unpacks it. The sizes checked are the ones the zip declares: the sheet reader
    (calamine's zip) stops with an error at a member larger than its declared size, so a zip that
    lies about them fails there, without unpacking more (measured: a 29 MB sheet declared as
    10 KB). Not a zip: the sheet reader gives its own error."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return
    with archive:
        members = archive.infolist()
    if (len(members) > 10000 or sum(m.file_size for m in members) > MAX_UNPACKED
            or any(m.file_size > _BIG_MEMBER and m.file_size > MAX_RATIO * max(m.compress_size, 1) for m in members)):
        raise FileFormatError(f"{name} unpacks to far more than a spreadsheet holds (a damaged or "
                              f"malicious file); it was not opened")


def _read_sheet(path: Path, data: bytes) -> RawTable:
    from concurrent.futures import ThreadPoolExecutor

    from python_calamine import CalamineWorkbook

    suffix = path.suffix.lower()
    if suffix in _ZIP_SUFFIXES:
        check_archive(path.name, data)
    merged = None
    with ThreadPoolExecutor(1, thread_name_prefix="formulas") as pool:
        try:
            book = CalamineWorkbook.from_filelike(io.BytesIO(data))
            names = book.sheet_names
            # The formula scan unpacks the sheet once more: beside calamine, which runs without Python's lock.
            scan = pool.submit(_xlsx_facts, data, names[0]) if suffix in (".xlsx", ".xlsm") and names else None
            chosen, rows = "", []
            for name in names:
                sheet = book.get_sheet_by_name(name)
                values = sheet.to_python(skip_empty_area=False)
                if any(any(c not in ("", None) for c in r) for r in values):
                    chosen, rows = name, values
                    try:
                        merged = sheet.merged_cell_ranges
                    except Exception:  # not every format keeps merged cells
                        merged = None
                    break
        except Exception as exc:  # calamine raises its own error types and plain ValueErrors
            raise FileFormatError(f"{path.name} is not a readable spreadsheet ({type(exc).__name__}: {exc})") from exc
        formulas, cells_to_check = [], True
        if scan is not None and chosen:
            formulas, cells_to_check = scan.result() if chosen == names[0] else _xlsx_facts(data, chosen)
    table = RawTable(path, rows, fmt="sheet", sheet=chosen)
    if merged:
        _fill_merged(table, merged)
    for row, ref, formula in formulas:
        shown = f" (={formula[:40]})" if formula else ""
        table.note(row, "formula", f"Cell {ref} holds a formula{shown} with no saved result, so it read as empty: "
                                   f"open the file in Excel and save it again")
    if suffix == ".ods" and chosen and not merged:
        _read_ods_extras(table, data, chosen)
    if cells_to_check:
        _check_cells(table)
    return table


def cell_name(row: int, column: int) -> str:
    """"B5" for row index 4, column index 1."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row + 1}"


def _fill_merged(table: RawTable, ranges) -> None:
    """Cells merged down several rows show one value in Excel on every row: give it to each of
    those rows that holds anything else (a merge running over empty rows does not make them rows),
    and say so on the first. Merged across one row, the value stays in its first cell: the cells
    beside it really are empty (a banner above the headers is such a merge)."""
    rows = table.rows
    for (top, left), (bottom, right) in ranges:
        if bottom <= top or top >= len(rows):
            continue
        source = rows[top]
        value = source[left] if left < len(source) else None
        if value in ("", None):
            continue
        filled = []
        for index in range(top + 1, min(bottom + 1, len(rows))):
            row = rows[index]
            if is_blank(row):
                continue
            if len(row) <= left:
                row.extend([""] * (left + 1 - len(row)))
            if row[left] in ("", None):
                row[left] = value
                filled.append(index + 1)
        if filled:
            span = f"{cell_name(top, left)}:{cell_name(bottom, right)}"
            rows_named = ", ".join(map(str, filled[:20])) + (" ..." if len(filled) > 20 else "")
            table.note(top, "merged", f"Cells {span} are merged: the value of {cell_name(top, left)} was also used "
                                      f"for row{'s' if len(filled) > 1 else ''} {rows_named}")


_SHEET_PATH = re.compile(r'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\b(?:\w+:)?id="([^"]*)"', re.S)
_SHEET_PATH_ID_FIRST = re.compile(r'<(?:\w+:)?sheet\b[^>]*?\b(?:\w+:)?id="([^"]*)"[^>]*?\bname="([^"]*)"', re.S)
_RELATION = re.compile(r"<(?:\w+:)?Relationship\b[^>]*>", re.S)


def _sheet_member(archive: zipfile.ZipFile, sheet: str) -> str | None:
    """The zip member holding the worksheet called `sheet` (from workbook.xml and its relations)."""
    from xml.sax.saxutils import unescape

    try:
        workbook = archive.read("xl/workbook.xml").decode("utf-8", errors="replace")
        relations = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", errors="replace")
    except KeyError:
        return None
    ids = {unescape(n, {"&quot;": '"', "&apos;": "'"}): i for n, i in _SHEET_PATH.findall(workbook)}
    ids.update({unescape(n, {"&quot;": '"', "&apos;": "'"}): i for i, n in _SHEET_PATH_ID_FIRST.findall(workbook)})
    wanted = ids.get(sheet)
    for tag in _RELATION.findall(relations):
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', tag))
        if attrs.get("Id") == wanted and "Target" in attrs:
            target = attrs["Target"]
            return target.lstrip("/") if target.startswith("/") else "xl/" + target
    return None


_ROOT_PREFIX = re.compile(rb"<(\w+):worksheet\b")
# A formula followed by no value, or an empty one, before its cell ends.
_VALUELESS = re.compile(rb"<(?:\w+:)?f\b[^>]*?(?:/>|>[^<]*</(?:\w+:)?f>)\s*"
                        rb"(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>")


def _xlsx_facts(data: bytes, sheet: str) -> tuple[list[tuple[int, str, str]], bool]:
    """What calamine does not tell about the worksheet `sheet` of an .xlsx, from its XML: the
    formulas saved without a result (see formulas_without_result), and whether any cell may hold
    NUL (written _x0000_) or more than MAX_CELL characters (a text run that long between tags,
    in the sheet or its shared strings); when neither can, the cells need no check. Runs on a
    helper thread beside calamine: unpacking and byte searches run without Python's lock."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            member = _sheet_member(archive, sheet)
            if member is None:
                return [], True
            xml = archive.read(member)
            try:
                shared = archive.read("xl/sharedStrings.xml")
            except KeyError:
                shared = b""
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, NotImplementedError):
        return [], True
    suspicious = any(b"_x000" in part or b"_x001" in part or _has_long_text(part) for part in (xml, shared))
    return formulas_without_result(xml), suspicious


def _has_long_text(xml: bytes) -> bool:
    """True if `xml` may hold a text run longer than MAX_CELL characters (so longer than MAX_CELL
    bytes): such a run covers a whole window of MAX_CELL // 2 bytes without a tag (see _has_long_line)."""
    window = MAX_CELL // 2
    return any(xml.find(b"<", start, start + window) < 0 for start in range(0, len(xml) - window + 1, window))


def formulas_without_result(xml: bytes) -> list[tuple[int, str, str]]:
    """(row index, cell, formula) of each formula in a worksheet's XML saved without its result
    (files written by programs, not by Excel), which calamine reads as an empty cell. A sheet
    without formulas costs one byte search; the XML is parsed only when a formula without a value
    is there."""
    import xml.etree.ElementTree as ET

    prefix = _ROOT_PREFIX.search(xml[:4096])
    if (b"<" + prefix.group(1) + b":f" if prefix else b"<f") not in xml or not _VALUELESS.search(xml):
        return []
    found = []
    try:
        for _, element in ET.iterparse(io.BytesIO(xml)):
            if element.tag.rsplit("}", 1)[-1] != "c":
                continue
            formula = value = None
            for child in element:
                local = child.tag.rsplit("}", 1)[-1]
                if local == "f":
                    formula = child
                elif local in ("v", "is"):
                    value = child
            if formula is not None and (value is None or not "".join(value.itertext())):
                ref = element.get("r", "")
                match = re.fullmatch(r"([A-Z]+)(\d+)", ref)
                if match:
                    found.append((int(match.group(2)) - 1, ref, (formula.text or "").strip()))
            element.clear()
    except ET.ParseError:
        pass
    return found


_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODS_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def _read_ods_extras(table: RawTable, data: bytes, sheet: str) -> None:
    """What calamine does not give for an OpenDocument sheet: cells merged down several rows (filled
    down and noted, as for xlsx) and formulas saved without a result (noted). A sheet with neither
    costs one byte search."""
    import xml.etree.ElementTree as ET

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read("content.xml")
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return
    if b"number-rows-spanned" not in xml and b"table:formula" not in xml:
        return
    merges: list[tuple[tuple[int, int], tuple[int, int]]] = []
    inside = False
    row = column = 0
    try:
        for event, element in ET.iterparse(io.BytesIO(xml), events=("start", "end")):
            tag = element.tag
            if tag == _ODS_TABLE + "table":
                if event == "start":
                    inside, row = element.get(_ODS_TABLE + "name") == sheet, 0
                elif inside:
                    break
                continue
            if not inside:
                if event == "end" and tag == _ODS_TABLE + "table-row":
                    element.clear()
                continue
            if tag == _ODS_TABLE + "table-row":
                if event == "start":
                    column = 0
                else:
                    row += int(element.get(_ODS_TABLE + "number-rows-repeated", "1") or 1)
                    element.clear()
            elif event == "end" and tag in (_ODS_TABLE + "table-cell", _ODS_TABLE + "covered-table-cell"):
                spanned = int(element.get(_ODS_TABLE + "number-rows-spanned", "1") or 1)
                if spanned > 1:
                    width = int(element.get(_ODS_TABLE + "number-columns-spanned", "1") or 1)
                    merges.append(((row, column), (row + spanned - 1, column + width - 1)))
                formula = element.get(_ODS_TABLE + "formula")
                if formula and element.get(_ODS_OFFICE + "value-type") is None and not "".join(element.itertext()):
                    ref = cell_name(row, column)
                    table.note(row, "formula", f"Cell {ref} holds a formula ({formula[:40]}) with no saved result, "
                                               f"so it read as empty: open the file and save it again")
                column += int(element.get(_ODS_TABLE + "number-columns-repeated", "1") or 1)
    except (ET.ParseError, ValueError):
        return
    if merges:
        _fill_merged(table, merges)


def _check_cells(table: RawTable, rows_from: int = 0) -> None:
    """NUL characters are taken out and text longer than MAX_CELL is cut there, each said on its row."""
    for index in range(rows_from, len(table.rows)):
        row = table.rows[index]
        for column, cell in enumerate(row):
            if cell.__class__ is str and (len(cell) > MAX_CELL or "\x00" in cell):
                row[column] = _checked_text(table, index, column, cell)


def _checked_text(table: RawTable, index: int, column: int, cell: str) -> str:
    where = f"Column {column + 1}" if table.fmt != "sheet" else f"Cell {cell_name(index, column)}"
    if "\x00" in cell:
        cell = cell.replace("\x00", "")
        table.note(index, "nul", f"{where} held NUL characters (a damaged or binary file); they were taken out")
    if len(cell) > MAX_CELL:
        table.note(index, "too_long", f"{where} holds {len(cell):,} characters; only the first {MAX_CELL:,} "
                                      f"(the most a spreadsheet cell holds) were kept")
        cell = cell[:MAX_CELL]
    return cell


# ----- text files --------------------------------------------------------------------------------
@dataclass
class DecodedText:
    """A text file's text, its encoding, and (offset in text, reason, message) for each line that
    needed a repair: not valid in the file's encoding, or holding NUL characters."""

    text: str
    encoding: str
    notes: list[tuple[int, str, str]] = field(default_factory=list)


def decode_text(data: bytes) -> DecodedText:
    """Text of a text file: UTF-8 (BOM or not), UTF-16 (Excel "Unicode text"), else Windows-1252.
    A UTF-8 file with some lines in Windows-1252 (one pasted from an old program) is decoded line
    by line, each such line noted; NUL characters are taken out, each line holding them noted."""
    if data.startswith(codecs.BOM_UTF8):
        return _decode_utf8(data[len(codecs.BOM_UTF8):], "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_strict(data, "utf-16")
    sample = data[:4000]
    if sample.count(b"\x00") > len(sample) // 4:  # UTF-16 without a BOM
        return _decode_strict(data, "utf-16-le" if sample[1:2] == b"\x00" else "utf-16-be")
    return _decode_utf8(data, "utf-8")


def _decode_strict(data: bytes, encoding: str) -> DecodedText:
    try:
        return _without_nul(DecodedText(data.decode(encoding), encoding))
    except UnicodeDecodeError:
        pass
    text = data.decode(encoding, errors="replace")
    decoded = DecodedText(text, encoding)
    offset = 0
    for line in io.StringIO(text, newline="").readlines():
        if "\ufffd" in line:
            decoded.notes.append((offset, "encoding", f"Some letters of this line are not valid {encoding} text; "
                                                      f"they show as \ufffd"))
        offset += len(line)
    return _without_nul(decoded)


def _decode_utf8(data: bytes, encoding: str) -> DecodedText:
    try:
        return _without_nul(DecodedText(data.decode("utf-8"), encoding))
    except UnicodeDecodeError:
        pass
    lines = data.splitlines(keepends=True)
    decoded: list[str | None] = []
    good_non_ascii = False
    for line in lines:
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            decoded.append(None)
            continue
        good_non_ascii = good_non_ascii or not line.isascii()
        decoded.append(text)
    if not good_non_ascii and encoding == "utf-8":  # an old Windows file throughout, not a mixed one
        text = data.decode("cp1252", errors="replace")
        result = DecodedText(text, "cp1252")
        if "\ufffd" in text:
            offset = 0
            for line in io.StringIO(text, newline="").readlines():
                if "\ufffd" in line:
                    result.notes.append((offset, "encoding", "Some letters of this line are not Windows-1252 "
                                                             "text; they show as \ufffd"))
                offset += len(line)
        return _without_nul(result)
    result = DecodedText("", encoding)
    parts = []
    offset = 0
    for line, text in zip(lines, decoded):
        if text is None:
            text = line.decode("cp1252", errors="replace")
            result.notes.append((offset, "encoding", "This line is not UTF-8 like the rest of the file; it was read "
                                                     "as Windows-1252: check its letters"))
        parts.append(text)
        offset += len(text)
    result.text = "".join(parts)
    return _without_nul(result)


def _without_nul(decoded: DecodedText) -> DecodedText:
    """Take NUL characters out (each one cut a name short in the database), noting their lines."""
    if "\x00" not in decoded.text:
        return decoded
    old_starts: list[int] = []
    new_starts: list[int] = []
    parts: list[str] = []
    notes: list[tuple[int, str, str]] = []
    before = after = 0
    for line in io.StringIO(decoded.text, newline="").readlines():
        old_starts.append(before)
        new_starts.append(after)
        before += len(line)
        if "\x00" in line:
            line = line.replace("\x00", "")
            notes.append((after, "nul", "This line held NUL characters (a damaged or binary file); they were "
                                        "taken out"))
        parts.append(line)
        after += len(line)
    for offset, reason, message in decoded.notes:  # the decoder's notes, moved with their lines
        notes.append((new_starts[max(bisect.bisect_right(old_starts, offset) - 1, 0)], reason, message))
    notes.sort(key=lambda n: n[0])
    return DecodedText("".join(parts), decoded.encoding, notes)


def read_delimited(text: str, table: RawTable | None = None,
                   notes: list[tuple[int, str, str]] = ()) -> tuple[list[list], str]:
    """Rows of a delimited text and the delimiter found (comma, semicolon, tab or pipe), into
    `table` with its problems (the decoder's `notes`, by offset in `text`, go to their rows).

    A quotation mark that is never closed makes the csv module read every following line into
    one cell until the next quotation mark: such a record is read again line by line, and the
    line with the stray quote noted."""
    if table is None:
        table = RawTable(Path("text.csv"), fmt="csv")
    delimiter = _sniff_delimiter("\n".join(text[:65536].splitlines()[:50]))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    table.rows = [[cell.strip() or None for cell in row] for row in reader]  # one pass: the common case
    starts: list[int] | range = range(len(table.rows))  # per row, the index of its first line
    several = reader.line_num != len(table.rows)  # a record took several lines: line breaks in a cell, or a stray quote
    lines = io.StringIO(text, newline="").readlines() if several or notes else []
    if several:
        rows, starts = _split_merged_rows(lines, delimiter, table)
        table.rows = [[cell.strip() or None for cell in row] for row in rows]
    elif table.rows:
        _check_last_line(text, delimiter, table)
    table.delimiter = delimiter
    if notes and table.rows:  # (a file of nothing but NULs has no row to put them on: it is refused as empty)
        offsets, total = [], 0
        for line in lines:
            offsets.append(total)
            total += len(line)
        row_starts = [offsets[s] if s < len(offsets) else total for s in starts]
        for offset, reason, message in notes:
            index = bisect.bisect_right(row_starts, offset) - 1
            line_no = bisect.bisect_right(offsets, offset)
            _note_row(table, min(max(index, 0), len(table.rows) - 1), reason, f"Line {line_no}: {message}")
    if several or _has_long_line(text):
        _check_cells(table)  # a cell can only be that long on a line that long, or over several lines
    return table.rows, delimiter


def _has_long_line(text: str) -> bool:
    """True if `text` may hold a line longer than MAX_CELL. Such a line covers a whole window of
    MAX_CELL // 2 characters (windows side by side from the start) without a line break, so one
    search per window answers, each stopping at its first line break (1 ms for 46 MB)."""
    window = MAX_CELL // 2
    return any(text.find("\n", start, start + window) < 0 for start in range(0, len(text) - window + 1, window))


def _check_last_line(text: str, delimiter: str, table: RawTable) -> None:
    """A quotation mark left open on the last line swallows the rest of it into one cell (the
    delimiters with it): that line is read again on its own, and noted."""
    last = text.rstrip("\r\n")
    last = last[max(last.rfind("\n"), last.rfind("\r")) + 1:]
    if last.count('"') % 2 == 0:
        return
    cells, _ = _read_line(last, delimiter)
    index = len(table.rows) - 1
    table.rows[index] = [cell.strip() or None for cell in cells]
    _note_row(table, index, "quote", "The last line has a quotation mark that is never closed; it was read "
                                     "without it: check this row")


def _split_merged_rows(lines: list[str], delimiter: str, table: RawTable) -> tuple[list[list], list[int]]:
    """The records of `lines`, where one read over several lines that is really rows swallowed by
    a stray quotation mark (see _merged_rows) is read again line by line, the stray quote noted.
    Returns the rows and the index of each row's first line."""
    reader = csv.reader(lines, delimiter=delimiter)
    records: list[list[str]] = []
    ends: list[int] = []  # per record, the number of lines read once it is complete
    for row in reader:
        records.append(row)
        ends.append(reader.line_num)
    width = _usual_width(records, ends)
    rows: list[list] = []
    starts: list[int] = []
    first = 0
    for number, (row, end) in enumerate(zip(records, ends), start=1):
        if end - first > 1 and _merged_rows(row, lines[first:end], width, delimiter, number == len(records)):
            for number in range(first, end):
                cells, stray = _read_line(lines[number], delimiter)
                starts.append(number)
                rows.append(cells)
                if stray:
                    _note_row(table, len(rows) - 1, "quote", f"Line {number + 1} has a quotation mark that is never "
                                                             f"closed; the lines after it were read as rows of "
                                                             f"their own: check this row")
        else:
            starts.append(first)
            rows.append(row)
        first = end
    return rows, starts


def _note_row(table: RawTable, index: int, reason: str, message: str) -> None:
    if message not in (m for _, m in table.problems.get(index, ())):
        table.note(index, reason, message)


def _usual_width(records: list[list[str]], ends: list[int]) -> int:
    """The number of cells most one-line records have (0 when there are none)."""
    widths = Counter(len(r) for r, end, before in zip(records, ends, [0, *ends]) if end - before == 1 and len(r) > 1)
    return widths.most_common(1)[0][0] if widths else 0


def _merged_rows(row: list[str], lines: list[str], width: int, delimiter: str, last: bool) -> bool:
    """True if a record read over several lines is rows swallowed by a stray quotation mark, not a
    cell with line breaks in it: it runs to the end of the file inside the quote, or its cell count
    is not the file's, or it is not well-formed CSV (the quote that ended the stray one is followed
    by a letter, not by a delimiter or the end of the line, as after a quoted cell)."""
    if last and sum(line.count('"') for line in lines) % 2:
        return True  # still inside the quote at the end of the file
    if width and len(row) != width:
        return True
    try:
        for _ in csv.reader(lines, delimiter=delimiter, strict=True):
            pass
    except csv.Error:
        return True
    return False


def _read_line(line: str, delimiter: str) -> tuple[list[str], bool]:
    """The cells of one line read on its own, and whether it has a quotation mark never closed
    (then it is read with quotes as plain characters, and a quote at a cell's edge dropped)."""
    stripped = line.rstrip("\r\n")
    cells = next(csv.reader([stripped], delimiter=delimiter), [])
    if stripped.count('"') % 2 == 0:
        return cells, False
    cells = next(csv.reader([stripped], delimiter=delimiter, quoting=csv.QUOTE_NONE), [])
    return [c.strip().strip('"') for c in cells], True


def _sniff_delimiter(sample: str) -> str:
    """The csv module's guess, unless the first line (the headers, rarely quoted) does not hold it
    and holds another: quotes in the rows below can mislead the guess. When the csv module cannot
    guess, the delimiter the first line holds most (or, if it holds none, the whole sample)."""
    first = next((line for line in sample.splitlines() if line.strip()), "")
    in_first = {d: first.count(d) for d in (",", ";", "\t", "|")}
    try:
        guess = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        counts = in_first if max(in_first.values()) else {d: sample.count(d) for d in in_first}
        best = max(counts, key=counts.get)
        return best if counts[best] else ","
    if not in_first[guess] and max(in_first.values()):
        return max(in_first, key=in_first.get)
    return guess


# ----- vCard -----------------------------------------------------------------------------------
_QP_PARAM = re.compile(r"(^|;)(ENCODING=)?QUOTED-PRINTABLE(;|:|$)", re.IGNORECASE)


# A line that starts a property: a quoted-printable soft line break never continues into one.
_PROPERTY_START = re.compile(
    r"^(?:[A-Za-z0-9-]+\.)?(?:BEGIN|END|VERSION|N|FN|TEL|EMAIL|ADR|ORG|NOTE|BDAY|ANNIVERSARY|PHOTO|LOGO|"
    r"CATEGORIES|TITLE|ROLE|URL|LABEL|REV|UID|NICKNAME|GEO|TZ|KEY|PRODID|SOURCE|KIND|GENDER|IMPP|"
    r"X-[A-Za-z0-9-]+)[;:]", re.IGNORECASE)


def _logical_lines(text: str, notes: list[tuple[int, str, str]] | None = None) -> list[tuple[int, str]]:
    """Unfold RFC line folding and quoted-printable soft line breaks: (index of the first physical
    line, logical line). A soft line break followed by a line that starts a property (a phone,
    the card's END) is broken quoted-printable: the property is read on its own, and the break
    noted in `notes` as (line index, reason, message)."""
    out: list[tuple[int, str]] = []
    soft = False
    for number, line in enumerate(io.StringIO(text, newline="").readlines()):
        line = line.rstrip("\r\n")
        if soft and out and _PROPERTY_START.match(line):
            first, previous = out[-1]
            out[-1] = (first, previous[:-1])
            if notes is not None:
                notes.append((number - 1, "quoted_printable",
                              f"Line {number}: a quoted-printable value ends in a line break but the next line "
                              f"is a new field; the two were read apart: check this card"))
            soft = False
        if soft and out:
            first, previous = out[-1]
            out[-1] = (first, previous[:-1] + line.lstrip() if previous.endswith("=") else previous + line)
        elif line[:1] in (" ", "\t") and out:
            first, previous = out[-1]
            out[-1] = (first, previous + line[1:])
        else:
            out.append((number, line))
        last = out[-1][1] if out else ""
        soft = last.endswith("=") and bool(_QP_PARAM.search(last.split(":", 1)[0]))
    return out


def _unescape(value: str) -> str:
    return re.sub(r"\\([\\,;nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _split_escaped(value: str, sep: str = ";") -> list[str]:
    parts, current, escaped = [], [], False
    for ch in value:
        if escaped:
            current.append("\\" + ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == sep:
            parts.append(_unescape("".join(current)))
            current = []
        else:
            current.append(ch)
    parts.append(_unescape("".join(current)))
    return parts


def _parse_property(line: str, problems: list[str] | None = None) -> tuple[str, dict[str, str], str] | None:
    if ":" not in line:
        return None
    head, value = line.split(":", 1)
    parts = head.split(";")
    name = parts[0].split(".")[-1].upper()  # drop "item1." groups
    params: dict[str, str] = {}
    for part in parts[1:]:
        key, _, val = part.partition("=")
        if val:
            params[key.upper()] = params.get(key.upper(), "") + ("," if key.upper() in params else "") + val
        else:  # vCard 2.1 bare parameters: CELL, HOME, QUOTED-PRINTABLE
            bare = key.upper()
            if bare == "QUOTED-PRINTABLE":
                params["ENCODING"] = bare
            else:
                params["TYPE"] = params.get("TYPE", "") + ("," if "TYPE" in params else "") + bare
    if params.get("ENCODING", "").upper() == "QUOTED-PRINTABLE":
        value = _decode_quoted_printable(value, params.get("CHARSET", "utf-8"), problems)
    return name, params, value


_BAD_ESCAPE = re.compile(r"=(?![0-9A-Fa-f]{2})")


def _decode_quoted_printable(value: str, charset: str, problems: list[str] | None) -> str:
    """A quoted-printable value in `charset`; what it cannot decode is noted in `problems`."""
    if _BAD_ESCAPE.search(value) and problems is not None:
        problems.append("A quoted-printable value has broken =XX codes; they were kept as they are")
    raw = quopri.decodestring(value.encode("latin-1") if value.isascii() or _is_latin1(value)
                              else value.encode("utf-8"))
    try:
        codecs.lookup(charset)
    except LookupError:
        charset = "utf-8"
    try:
        return raw.decode(charset)
    except UnicodeDecodeError:
        if problems is not None:
            problems.append(f"A quoted-printable value is not valid {charset} text; the letters that are not "
                            f"show as \ufffd")
        return raw.decode(charset, errors="replace")


def _is_latin1(value: str) -> bool:
    try:
        value.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def read_vcards(text: str, table: RawTable | None = None, notes: list[tuple[int, str, str]] = ()) -> list[list]:
    """One row per card under VCARD_HEADER (several phones/emails joined by MULTI_SEPARATOR), into
    `table` with its problems: the decoder's `notes` (by offset in `text`), broken quoted-printable,
    a card without END:VCARD (kept, ended where the next card begins or the file ends)."""
    if table is None:
        table = RawTable(Path("cards.vcf"), fmt="vcard")
    rows: list[list] = [list(VCARD_HEADER)]
    table.rows = rows
    line_notes: list[tuple[int, str, str]] = []
    if notes and table.rows:  # (a file of nothing but NULs has no row to put them on: it is refused as empty)
        offsets, total = [], 0
        for line in io.StringIO(text, newline="").readlines():
            offsets.append(total)
            total += len(line)
        for offset, reason, message in notes:
            number = max(bisect.bisect_right(offsets, offset) - 1, 0)
            line_notes.append((number, reason, f"Line {number + 1}: {message}"))
    logical = _logical_lines(text, line_notes)
    line_notes.sort(key=lambda n: n[0])
    card: dict[str, list] | None = None
    started = 0
    card_problems: list[tuple[str, str]] = []
    pending = iter(line_notes)
    upcoming = next(pending, None)

    def close(missing_end: str | None) -> None:
        nonlocal card
        index = len(rows)
        rows.append(_card_row(card))
        for reason, message in card_problems:
            _note_row(table, index, reason, message)
        if missing_end:
            table.note(index, "vcard_end", f"The card that starts on line {started + 1} has no END:VCARD; "
                                           f"{missing_end}: check it")
        card_problems.clear()
        card = None

    for number, line in logical:
        while upcoming is not None and upcoming[0] <= number:
            if card is not None:
                card_problems.append((upcoming[1], upcoming[2]))
            else:
                _note_row(table, 0, upcoming[1], upcoming[2])  # between cards: the file's own
            upcoming = next(pending, None)
        if not line.strip():
            continue
        value_problems: list[str] = []
        parsed = _parse_property(line, value_problems)
        if parsed is None:
            continue
        name, params, value = parsed
        for message in value_problems:
            card_problems.append(("quoted_printable", f"Line {number + 1}: {message}"))
        if name == "BEGIN" and value.strip().upper() == "VCARD":
            if card is not None:
                close("it was ended where the next card begins")
            card = {}
            started = number
            continue
        if card is None:
            continue
        if name == "END":
            close(None)
            continue
        card.setdefault(name, []).append((params, value))
    if card is not None:
        while upcoming is not None:
            card_problems.append((upcoming[1], upcoming[2]))
            upcoming = next(pending, None)
        close("the file ends inside it (it may be cut short)")
    if len(rows) == 1:
        raise FileFormatError("The file holds no vCard (BEGIN:VCARD ... END:VCARD)")
    _check_cells(table, 1)
    return rows


def _first(card: dict, name: str) -> str:
    values = card.get(name)
    return values[0][1].strip() if values else ""


def _card_row(card: dict) -> list:
    full = _unescape(_first(card, "FN"))
    n_parts = _split_escaped(_first(card, "N")) if card.get("N") else []
    if not full and n_parts:
        family, given, additional, prefix = (n_parts + [""] * 4)[:4]
        full = " ".join(p for p in (prefix, given, additional, family) if p.strip())
    phones = [re.sub(r"^tel:", "", v.strip(), flags=re.IGNORECASE) for _, v in card.get("TEL", []) if v.strip()]
    emails = [v.strip() for _, v in card.get("EMAIL", []) if v.strip()]
    street = city = region = pin = ""
    if card.get("ADR"):
        adr = (_split_escaped(card["ADR"][0][1]) + [""] * 7)[:7]
        street = ", ".join(p.strip() for p in (adr[0], adr[1], adr[2]) if p.strip())
        city, region, pin = adr[3].strip(), adr[4].strip(), adr[5].strip()
    anniversary = _first(card, "ANNIVERSARY") or _first(card, "X-ANNIVERSARY")
    org = _split_escaped(_first(card, "ORG"))[0] if card.get("ORG") else ""
    categories = _first(card, "CATEGORIES")
    return [full, MULTI_SEPARATOR.join(phones) or None, MULTI_SEPARATOR.join(emails) or None,
            _first(card, "BDAY") or None, anniversary or None, street or None, city or None, region or None,
            pin or None, org or None, _unescape(_first(card, "NOTE")) or None, categories or None]


def is_blank(row: list) -> bool:
    """True if no cell of `row` holds anything."""
    for cell in row:  # most rows answer at their first cell
        if cell is not None and (cell.__class__ is not str or cell.strip()):
            return False
    return True


def cell_text(value) -> str:
    """A cell as one line of text (dates as ISO, whole floats without .0)."""
    if value.__class__ is str:  # the common case first
        return " ".join(value.split())
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return " ".join(str(value).split())
