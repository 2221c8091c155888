"""Read a file as rows of cells: spreadsheets (python-calamine), CSV/text (encoding and
delimiter sniffed) and vCards (2.1/3.0/4.0, Android quoted-printable included).

Cells keep their types: str, int, float, bool, date/datetime or None. A vCard file becomes a
table with a header row of English column names, so one mapping step serves every format.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import quopri
import re
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


@dataclass
class RawTable:
    """The cells of one sheet or file, row by row, and where they came from."""

    path: Path
    rows: list[list] = field(default_factory=list)
    fmt: str = "sheet"  # sheet | csv | vcard
    sheet: str = ""
    encoding: str = ""
    delimiter: str = ""


def read_file(path: Path | str) -> RawTable:
    """All rows of `path`; raises FileFormatError when the file cannot be read at all."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise FileFormatError(f"{path.name}: ClientDesk reads {', '.join(SUFFIXES)} files")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileFormatError(f"{path.name} could not be opened: {exc.strerror or exc}") from exc
    if not data.strip():
        raise FileFormatError(f"{path.name} is empty")
    if suffix in SHEET_SUFFIXES:
        return _read_sheet(path, data)
    if suffix in VCARD_SUFFIXES or data.lstrip(codecs.BOM_UTF8).lstrip()[:11].upper() == b"BEGIN:VCARD":
        return RawTable(path, read_vcards(decode_text(data)[0]), fmt="vcard")
    text, encoding = decode_text(data)
    rows, delimiter = read_delimited(text)
    return RawTable(path, rows, fmt="csv", encoding=encoding, delimiter=delimiter)


def _read_sheet(path: Path, data: bytes) -> RawTable:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        chosen, rows = "", []
        for name in book.sheet_names:
            sheet = book.get_sheet_by_name(name)
            values = sheet.to_python(skip_empty_area=False)
            if any(any(c not in ("", None) for c in r) for r in values):
                chosen, rows = name, values
                break
    except Exception as exc:  # calamine raises its own error types and plain ValueErrors
        raise FileFormatError(f"{path.name} is not a readable spreadsheet ({type(exc).__name__}: {exc})") from exc
    return RawTable(path, rows, fmt="sheet", sheet=chosen)


def decode_text(data: bytes) -> tuple[str, str]:
    """Text and encoding of a text file: UTF-8 (BOM or not), UTF-16 (Excel "Unicode text"), else cp1252."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    sample = data[:4000]
    if sample.count(b"\x00") > len(sample) // 4:  # UTF-16 without a BOM
        encoding = "utf-16-le" if sample[1:2] == b"\x00" else "utf-16-be"
        return data.decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def read_delimited(text: str) -> tuple[list[list], str]:
    """Rows of a delimited text and the delimiter found (comma, semicolon, tab or pipe)."""
    lines = text.splitlines()
    sample = "\n".join(lines[:50])
    delimiter = _sniff_delimiter(sample)
    rows = [[cell.strip() or None for cell in row] for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    return rows, delimiter


def _sniff_delimiter(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in (",", ";", "\t", "|")}
        best = max(counts, key=counts.get)
        return best if counts[best] else ","


# ----- vCard -----------------------------------------------------------------------------------
_QP_PARAM = re.compile(r"(^|;)(ENCODING=)?QUOTED-PRINTABLE(;|:|$)", re.IGNORECASE)


def _logical_lines(text: str) -> list[str]:
    """Unfold RFC line folding and quoted-printable soft line breaks."""
    out: list[str] = []
    soft = False
    for line in text.splitlines():
        if soft and out:
            out[-1] = out[-1][:-1] + line.lstrip() if out[-1].endswith("=") else out[-1] + line
        elif line[:1] in (" ", "\t") and out:
            out[-1] += line[1:]
        else:
            out.append(line)
        head = out[-1].split(":", 1)[0] if out else ""
        soft = bool(out) and out[-1].endswith("=") and bool(_QP_PARAM.search(head))
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


def _parse_property(line: str) -> tuple[str, dict[str, str], str] | None:
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
        charset = params.get("CHARSET", "utf-8")
        raw = quopri.decodestring(value.encode("latin-1", errors="replace"))
        try:
            value = raw.decode(charset, errors="replace")
        except LookupError:
            value = raw.decode("utf-8", errors="replace")
    return name, params, value


def read_vcards(text: str) -> list[list]:
    """One row per card under VCARD_HEADER (several phones/emails joined by MULTI_SEPARATOR)."""
    rows: list[list] = [list(VCARD_HEADER)]
    card: dict[str, list] | None = None
    for line in _logical_lines(text):
        if not line.strip():
            continue
        parsed = _parse_property(line)
        if parsed is None:
            continue
        name, params, value = parsed
        if name == "BEGIN" and value.strip().upper() == "VCARD":
            card = {}
            continue
        if card is None:
            continue
        if name == "END":
            rows.append(_card_row(card))
            card = None
            continue
        card.setdefault(name, []).append((params, value))
    if len(rows) == 1:
        raise FileFormatError("The file holds no vCard (BEGIN:VCARD ... END:VCARD)")
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
