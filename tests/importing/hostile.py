"""Builders for hostile import files, written in code: broken CSV, mixed encodings, broken vCards,
sheets with formulas, merges and over-long cells, a zip bomb."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl

HINDI = ["रमेश कुमार", "सीता देवी", "गीता रानी", "मोहन लाल"]


def csv_unbalanced_quote(path: Path, newline: str = "\n") -> Path:
    """Row 2 opens a quotation mark that only the name on row 5 closes."""
    lines = ["Name,Mobile,City", '"Ram Kumar,9876543210,Pune', "Sita Devi,9876543211,Indore",
             "Gita Rani,9876543212,Bhopal", 'Mohan "Lal",9876543213,Agra', "Hari Om,9876543214,Delhi"]
    path.write_bytes(newline.join(lines).encode() + newline.encode())
    return path


def csv_mixed_encoding(path: Path) -> Path:
    """A UTF-8 file of Hindi names with one line (row 4) saved by an old program in Windows-1252."""
    data = ("Name,Mobile\r\n" + f"{HINDI[0]},9876543210\r\n{HINDI[1]},9876543211\r\n").encode("utf-8")
    data += "José Müller,9876543212\r\n".encode("cp1252")
    data += f"{HINDI[2]},9876543213\r\n{HINDI[3]},9876543214\r\n".encode("utf-8")
    path.write_bytes(data)
    return path


def csv_nul(path: Path) -> Path:
    path.write_bytes(b"Name,Mobile\nRam\x00esh Kumar,9876543210\nSita,9876543211\n")
    return path


def csv_huge_field(path: Path, size: int = 1_000_000) -> Path:
    path.write_text(f"Name,Mobile,Notes\nRamesh,9876543210,{'x' * size}\nSita,9876543211,short\n", encoding="utf-8")
    return path


def csv_register(path: Path, amounts: list[str]) -> Path:
    """A sales register with one bill line per amount (phones 98765432 + 10, 11, ...)."""
    lines = ["Bill No,Bill Date,Mobile,Customer,Item,Qty,Amount"]
    for i, amount in enumerate(amounts):
        lines.append(f"B-{i + 1},02/11/2026,98765432{10 + i},Customer {i + 1},Saree,1,\"{amount}\"")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def vcf_broken_quoted_printable(path: Path) -> Path:
    """The name's last quoted-printable line ends in a soft break: the phone line used to join it."""
    path.write_bytes((
        "BEGIN:VCARD\r\nVERSION:2.1\r\n"
        "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E0=A4=B0=E0=A4=AE=E0=A5=87=E0=A4=B6=\r\n"
        "TEL;CELL:9876543210\r\nTEL;HOME:9876543211\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sita Devi\r\nTEL:9876543212\r\nEND:VCARD\r\n").encode())
    return path


def vcf_without_end(path: Path) -> Path:
    """Card 1 has no END (the next BEGIN ends it); card 3 has no END (the file ends)."""
    path.write_bytes((
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ramesh Kumar\r\nTEL:9876543210\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sita Devi\r\nTEL:9876543211\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Gita Rani\r\nTEL:9876543212\r\n").encode())
    return path


def xlsx_formulas_and_merges(path: Path) -> Path:
    """Row 3's name is a formula saved without its result; City B... merged over rows 2 to 4."""
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["Name", "Mobile", "City"], ["Ramesh", 9876543210, "Indore"], ['=CONCAT("Si","ta")', 9876543211, None],
                ["Gita", 9876543212, None], ["Mohan", 9876543213, "Pune"]):
        sheet.append(row)
    sheet.merge_cells("C2:C4")
    book.save(path)
    return path


def xlsx_long_cell(path: Path, size: int = 40_000) -> Path:
    """A name of `size` characters, put into the sheet's XML (Excel itself would refuse it)."""
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["Name", "Mobile", "Notes"], ["Ramesh", 9876543210, "PLACEHOLDER"], ["Sita", 9876543211, "ok"]):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return _replace_in_zip(buffer.getvalue(), path, b"PLACEHOLDER", b"n" * size)


def xlsx_nul(path: Path) -> Path:
    """A name with a NUL written the way .xlsx escapes control characters (_x0000_)."""
    book = openpyxl.Workbook()
    for row in (["Name", "Mobile"], ["PLACEHOLDER", 9876543210], ["Sita", 9876543211]):
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return _replace_in_zip(buffer.getvalue(), path, b"PLACEHOLDER", b"Ram_x0000_esh Kumar")


def _replace_in_zip(data: bytes, path: Path, old: bytes, new: bytes) -> Path:
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info).replace(old, new))
    return path


def xlsx_lying_sizes(path: Path, rows: int = 40_000) -> Path:
    """A workbook whose sheet (a few MB) declares 10,000 bytes in the zip's headers."""
    import struct

    book = openpyxl.Workbook()
    for n in range(rows):
        book.active.append([f"Client {n}", 9800000000 + n])
    buffer = io.BytesIO()
    book.save(buffer)
    data = bytearray(buffer.getvalue())
    name = b"xl/worksheets/sheet1.xml"
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(name.decode())
    struct.pack_into("<I", data, info.header_offset + 22, 10_000)  # local header: uncompressed size
    position = data.find(b"PK\x01\x02")
    while position >= 0:  # central directory entries
        length = struct.unpack_from("<H", data, position + 28)[0]
        if data[position + 46:position + 46 + length] == name:
            struct.pack_into("<I", data, position + 24, 10_000)
        position = data.find(b"PK\x01\x02", position + 4)
    path.write_bytes(bytes(data))
    return path


def xlsx_zip_bomb(path: Path, megabytes: int = 40) -> Path:
    """A real little workbook plus a member of `megabytes` MB of zeros (about 1000:1 packed)."""
    book = openpyxl.Workbook()
    book.active.append(["Name", "Mobile"])
    book.active.append(["Ramesh", 9876543210])
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
        with target.open("xl/media/image1.bin", "w") as member:
            chunk = bytes(1 << 20)
            for _ in range(megabytes):
                member.write(chunk)
    return path


def ods_formulas_and_merges(path: Path) -> Path:
    """The OpenDocument twin of xlsx_formulas_and_merges, as LibreOffice writes merges
    (number-rows-spanned, then covered cells) and a formula saved without its result."""
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')

    def cell(value) -> str:
        return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'

    rows = [
        cell("Name") + cell("Mobile") + cell("City"),
        cell("Ramesh") + cell("9876543210") + '<table:table-cell table:number-rows-spanned="3" '
                                              'office:value-type="string"><text:p>Indore</text:p></table:table-cell>',
        '<table:table-cell table:formula="of:=CONCAT(&quot;Si&quot;;&quot;ta&quot;)"/>' + cell("9876543211")
        + "<table:covered-table-cell/>",
        cell("Gita") + cell("9876543212") + "<table:covered-table-cell/>",
        cell("Mohan") + cell("9876543213") + cell("Pune"),
    ]
    body = "".join(f"<table:table-row>{r}</table:table-row>" for r in rows)
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.2">'
               f'<office:body><office:spreadsheet><table:table table:name="Sheet1">{body}</table:table>'
               "</office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path
