"""Reading files: spreadsheets, CSV in every encoding and delimiter, vCards, Google Contacts CSV."""

from __future__ import annotations

import datetime as dt

import pytest

from clientdesk.errors import FileFormatError
from clientdesk.importing.mapping import auto_mapping, find_header_row, source_table
from clientdesk.importing.readers import read_file

ROWS = [["Name", "Mobile", "City"], ["रमेश कुमार", "9876543210", "Indore"], ["Anita D'Souza", "98200 12345", "Pune"]]


@pytest.mark.parametrize("encoding,bom,delimiter", [
    ("utf-8", False, ","), ("utf-8", True, ";"), ("utf-16", False, "\t"), ("cp1252", False, ";"),
])
def test_text_files_in_every_encoding_and_delimiter(csvfile, encoding, bom, delimiter):
    rows = [list(r) for r in ROWS]
    if encoding == "cp1252":
        rows[1][0] = "Ramesh Kümar"  # cp1252 has no Devanagari
    path = csvfile(rows, encoding=encoding, bom=bom, delimiter=delimiter)
    raw = read_file(path)
    assert raw.delimiter == delimiter
    assert raw.rows[1] == [rows[1][0], "9876543210", "Indore"]
    assert raw.rows[2][0] == "Anita D'Souza"


def test_txt_unicode_text_as_excel_saves_it(tmp_path):
    text = "\r\n".join("\t".join(r) for r in ROWS) + "\r\n"
    path = tmp_path / "contacts.txt"
    path.write_bytes(text.encode("utf-16"))  # Excel's "Unicode text": UTF-16 with BOM, tabs
    assert read_file(path).rows[1][0] == "रमेश कुमार"


def test_xlsx_keeps_cell_types(xlsx):
    path = xlsx([["Name", "Mobile", "DOB"], ["Ramesh", 9876543210, dt.datetime(1990, 6, 5)]], name="a.xlsm")
    raw = read_file(path)
    assert raw.fmt == "sheet"
    name, phone, dob = raw.rows[1]
    assert name == "Ramesh" and phone == 9876543210
    assert dob.date() == dt.date(1990, 6, 5) if isinstance(dob, dt.datetime) else dob == dt.date(1990, 6, 5)


def test_header_row_found_below_title_and_merged_banner(xlsx):
    path = xlsx([["Gupta Saree Centre — Customer list"], [None], ["Printed on 1 Nov"],
                 ["S.No.", "Party Name", "Mobile No.", "पिता का नाम"], [1, "Ramesh", 9876543210, "Suresh"]],
                merge="A1:D1")
    source = source_table(read_file(path))
    assert source.header_index == 3
    assert auto_mapping(source.headers) == [None, "name", "phone", "father_name"]
    assert source.sheet_row_number(0) == 5


def test_unreadable_files_raise_file_format_error(tmp_path):
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"this is not a zip file at all")
    with pytest.raises(FileFormatError):
        read_file(bad)
    with pytest.raises(FileFormatError):
        read_file(tmp_path / "missing.csv")
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(FileFormatError):
        read_file(tmp_path / "x.pdf")
    (tmp_path / "empty.csv").write_bytes(b"  \r\n")
    with pytest.raises(FileFormatError):
        read_file(tmp_path / "empty.csv")


ANDROID_21 = (
    "BEGIN:VCARD\r\nVERSION:2.1\r\n"
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E0=A4=95=E0=A5=81=E0=A4=AE=E0=A4=BE=E0=A4=B0;=E0=A4=B0=E0=A4=AE=\r\n"
    "=E0=A5=87=E0=A4=B6;;;\r\n"
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E0=A4=B0=E0=A4=AE=E0=A5=87=E0=A4=B6=20=E0=A4=95=E0=A5=81=\r\n"
    "=E0=A4=AE=E0=A4=BE=E0=A4=B0\r\n"
    "TEL;CELL:098765 43210\r\nTEL;HOME:+91-98200-12345\r\nEMAIL;HOME:Ramesh@Example.in\r\n"
    "BDAY:1990-06-05\r\nEND:VCARD\r\n"
)
VCARD_30 = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anita Desai\r\nN:Desai;Anita;;;\r\n"
    "item1.TEL;type=CELL:+91 99876 54321\r\nORG:Desai Traders\\, Pune\r\n"
    "ADR;TYPE=HOME:;;12 MG Road;Pune;MH;411 001;India\r\nBDAY:--08-21\r\n"
    "NOTE:likes silk\\nprefers mornings\r\nEND:VCARD\r\n"
)
VCARD_40 = (
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Imran Khan\r\nTEL;VALUE=uri;TYPE=cell:tel:+91-70000-12345\r\n"
    "ANNIVERSARY:20150214\r\nEND:VCARD\r\n"
)


def test_vcards_21_quoted_printable_30_and_40(tmp_path):
    path = tmp_path / "contacts.vcf"
    path.write_text(ANDROID_21 + VCARD_30 + VCARD_40, encoding="utf-8")
    raw = read_file(path)
    header, ramesh, anita, imran = raw.rows
    assert raw.fmt == "vcard"
    assert ramesh[0] == "रमेश कुमार"
    assert ramesh[1] == "098765 43210 ::: +91-98200-12345"
    assert ramesh[2] == "Ramesh@Example.in" and ramesh[3] == "1990-06-05"
    assert anita[0] == "Anita Desai" and anita[9] == "Desai Traders, Pune"
    assert (anita[5], anita[6], anita[8]) == ("12 MG Road", "Pune", "411 001")
    assert anita[3] == "--08-21" and anita[10] == "likes silk\nprefers mornings"
    assert imran[1] == "+91-70000-12345" and imran[4] == "20150214"


def test_vcard_name_built_from_n_when_fn_missing(tmp_path):
    path = tmp_path / "n.vcf"
    path.write_text("BEGIN:VCARD\nVERSION:3.0\nN:Sharma;Priya;;Smt.;\nTEL:9876500000\nEND:VCARD\n", encoding="utf-8")
    assert read_file(path).rows[1][0] == "Smt. Priya Sharma"


def test_google_contacts_csv_columns_are_mapped(csvfile):
    header = ["First Name", "Middle Name", "Last Name", "E-mail 1 - Label", "E-mail 1 - Value",
              "Phone 1 - Label", "Phone 1 - Value", "Phone 2 - Label", "Phone 2 - Value",
              "Address 1 - City", "Address 1 - Postal Code", "Organization Name", "Birthday", "Labels"]
    path = csvfile([header, ["Priya", "", "Sharma", "* Home", "priya@example.in", "Mobile",
                             "+91 98765 43210 ::: 98200 12345", "Work", "0731 2345678", "Indore", "452001",
                             "Sharma Sarees", "--08-21", "* myContacts ::: VIP"]], name="google.csv")
    source = source_table(read_file(path))
    mapping = auto_mapping(source.headers)
    assert mapping == ["first_name", "middle_name", "last_name", None, "email", None, "phone", None, "phone",
                       "city", "pin", "business_name", "birthday", "tags"]
    assert find_header_row(read_file(path).rows) == 0


def test_ods_from_libreoffice(tmp_path):
    from tests.importing.conftest import write_ods

    path = write_ods(tmp_path / "list.ods", [["नाम", "मोबाइल", "जन्मतिथि"], ["रमेश", 9876543210, dt.date(1990, 6, 5)]])
    raw = read_file(path)
    name, phone, dob = raw.rows[1]
    assert name == "रमेश" and phone == 9876543210
    assert (dob.date() if isinstance(dob, dt.datetime) else dob) == dt.date(1990, 6, 5)
    assert auto_mapping(source_table(raw).headers) == ["name", "phone", "birthday"]
