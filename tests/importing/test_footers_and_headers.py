"""Issue 15, import: a totals row at the end of a sheet is a footer (skipped, and said so with its
row), and Hindi headers written in Latin letters map like their Devanagari forms."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from clientdesk.importing.footers import footer_rows, is_footer_label
from clientdesk.importing.mapping import auto_mapping, field_for_header
from clientdesk.models import Client
from tests.importing.conftest import write_csv, write_xlsx

ROOT = Path(__file__).resolve().parents[2]

ENGLISH = [
    ["Name", "Mobile No.", "City"],
    ["Ramesh Kumar", "9876543210", "Indore"],
    ["Totaram", "9876500001", "Bhopal"],
    ["Kul Bhushan", "9876500002", "Ujjain"],
    ["Anita", "9876500003", "Pune"],
    ["Meena Devi", "9876500004", "Indore"],
    ["Vijay", "9876500005", "Dewas"],
    [None, None, None],
    ["Total: 6 customers", None, None],
    [None, None, None],
]
HINDI = [
    ["नाम", "मोबाइल", "शहर"],
    ["रमेश", "9876543210", "इंदौर"],
    ["सुरेश", "9876500001", "भोपाल"],
    ["कुल ग्राहक: 2", None, None],
]


def _names() -> set[str]:
    return {c.name for c in Client.select(Client.name)}


def _footer_issues(result) -> list[tuple[int, str, str]]:
    return [(i.row, i.field, i.message) for i in result.issues if i.reason == "footer"]


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_an_english_totals_footer_is_skipped_and_reported_with_its_row(desk, tmp_path, suffix):
    path = tmp_path / f"clients.{suffix}"
    (write_csv if suffix == "csv" else write_xlsx)(path, [[c if c is not None else "" for c in r] for r in ENGLISH]
                                                   if suffix == "csv" else ENGLISH)
    source = desk.imports.open(path)
    outcomes = desk.imports.preview(source, desk.imports.suggest_mapping(source))
    footer = next(o for o in outcomes if o.row == 9)
    assert footer.status == "total" and [i.reason for i in footer.issues] == ["footer"]
    assert "Total: 6 customers" in footer.issues[0].message

    result = desk.imports.import_file(path)
    assert result.created == 6 and result.totals == 1 and result.failed_rows == 0
    assert _names() == {"Ramesh Kumar", "Totaram", "Kul Bhushan", "Anita", "Meena Devi", "Vijay"}
    assert [(row, field) for row, field, _ in _footer_issues(result)] == [(9, "file")]
    assert result.summary()["skipped"] == result.blank + 1 and result.blank >= 1  # blank rows and the footer

    report = desk.imports.write_error_report(result, tmp_path / "report.xlsx")
    rows = list(openpyxl.load_workbook(report).active.iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[-2]) for r in rows] == [("Total: 6 customers", 9)] and "totals row" in rows[0][-1]


def test_a_hindi_totals_footer_and_words_and_count_in_separate_columns(desk, xlsx):
    result = desk.imports.import_file(xlsx(HINDI))
    assert _names() == {"रमेश", "सुरेश"} and result.totals == 1
    assert [row for row, _, _ in _footer_issues(result)] == [4]

    # The words in the name column, the count under another (even the phone column), stacked footers.
    sheet = [["S.No.", "Naam", "Mobile No.", "Points"],
             [1, "Asha", "9876511111", 10],
             [2, "Bina", "9876522222", 20],
             [None, "Total customers", 2, 30],
             [None, None, None, None],
             [None, "कुल", None, 30],
             [None, "योग", None, None],
             [2, "Grand total", None, "₹ 30"]]
    result = desk.imports.import_file(xlsx(sheet, name="points.xlsx"))
    assert _names() == {"रमेश", "सुरेश", "Asha", "Bina"}
    assert result.created == 2 and result.totals == 4 and result.failed_rows == 0
    assert [row for row, _, _ in _footer_issues(result)] == [4, 6, 7, 8]


def test_real_clients_who_look_like_totals_still_import(desk, csvfile):
    """Totaram, Kul Bhushan and a lone Kul at the very end of the sheet are clients, not footers."""
    path = csvfile([["Naam", "Mobile"], ["Totaram", "9876500001"], ["Kul Bhushan", ""], ["Kul", "9876500003"]])
    result = desk.imports.import_file(path)
    assert result.created == 3 and result.totals == 0 and not _footer_issues(result)
    assert _names() == {"Totaram", "Kul Bhushan", "Kul"}


def test_a_totals_row_in_the_middle_is_not_a_footer_but_a_phone_row_is_a_client(desk, csvfile):
    rows = [["Name", "Phone"], ["Total", "9876543210"], ["Sub total", ""], ["Asha", "9876511111"]]
    assert footer_rows(rows, 1) == {}
    result = desk.imports.import_file(csvfile(rows))
    assert "Asha" in _names() and not _footer_issues(result)


@pytest.mark.parametrize("text,label", [
    ("Total", True), ("Grand Total:", True), ("Sub-total", True), ("Total: 6 customers", True),
    ("TOTAL CUSTOMERS = 6", True), ("Total no. of customers: 6", True), ("कुल ग्राहक: 6", True), ("कुल: 6", True),
    ("योग", True), ("कुल योग", True), ("Kul: 6", True), ("Kul grahak 6", True),
    ("Totaram", False), ("Kul Bhushan", False), ("Kul", False), ("Yog", False), ("Total 9876543210", False),
    ("Ramesh Total", False), ("", False), (None, False), (6, False),
])
def test_footer_labels(text, label):
    assert is_footer_label(text) is label


@pytest.mark.parametrize("header,field", [
    ("Naam", "name"), ("NAAM", "name"), ("Grahak ka naam", "name"), ("Party ka naam", "name"),
    ("Pita ka naam", "father_name"), ("Pitaji ka naam", "father_name"), ("Pita ji ka naam", "father_name"),
    ("PitaKaNaam", "father_name"),
    ("Janam Din", "birthday"), ("Janamdin", "birthday"), ("Janm tithi", "birthday"), ("Janm Tithi.", "birthday"),
    ("JanamDin", "birthday"), ("Janam tarikh", "birthday"),
    ("Saalgirah", "anniversary"), ("Salgirah", "anniversary"), ("Shaadi ki saalgirah", "anniversary"),
    ("Shahar", "city"), ("Shehar", "city"), ("Gaon", "city"), ("Rajya", "state"), ("Pata", "address"),
    ("Mobile No.", "phone"), ("Mobile Number", "phone"), ("Mob.", "phone"), ("MOB NO", "phone"),
    ("MobileNo", "phone"), ("Phone No.", "phone"), ("Email ID", "email"), ("E-mail Id", "email"),
    ("Dukaan", "business_name"), ("Dukan ka naam", "business_name"), ("Firm ka naam", "business_name"),
    ("Tippani", "notes"), ("Samooh", "tags"), ("Pin Code", "pin"),
    ("Totaram", None), ("S.No.", None), ("Total spent", None), ("TotalSpent", None),
])
def test_latin_hindi_headers_map_like_their_devanagari_forms(header, field):
    assert field_for_header(header) == field


def test_latin_hindi_purchase_headers():
    assert [field_for_header(h, "purchases") for h in ("Bill No.", "Tarikh", "Mobile No.", "Naam", "Saman", "Matra",
                                                       "Bhav", "Rakam")] == \
        ["bill_no", "date", "phone", "name", "item", "qty", "rate", "amount"]


def test_a_latin_hindi_sheet_imports_every_field(desk, xlsx):
    headers = ["Naam", "Pita ka naam", "Mobile No.", "Email ID", "Janam Din", "Saalgirah", "Pata", "Shahar",
               "Dukaan"]
    assert auto_mapping(headers) == ["name", "father_name", "phone", "email", "birthday", "anniversary", "address",
                                     "city", "business_name"]
    path = xlsx([["Sharma Kirana — grahak suchi"], headers,
                 ["Ramesh Kumar", "Suresh Kumar", "98765 43210", "ramesh@example.in", "05/06/1990", "17/08/2015",
                  "12, MG Road", "Indore", "Sharma Kirana"],
                 ["Kul: 1", None, None, None, None, None, None, None, None]])
    result = desk.imports.import_file(path)
    assert result.created == 1 and result.totals == 1
    client = Client.get(Client.name == "Ramesh Kumar")
    assert (client.father_name, client.email, client.postal_city, client.business_name) == \
        ("Suresh Kumar", "ramesh@example.in", "Indore", "Sharma Kirana")
    assert (client.birth_day, client.birth_month, client.birth_year) == (5, 6, 1990)
    assert (client.anniversary_day, client.anniversary_month) == (17, 8)
    assert "MG Road" in client.postal_line


@pytest.mark.parametrize("suffix,rows", [("csv", ENGLISH), ("xlsx", HINDI)])
def test_command_line_json_reports_the_footer_row(tmp_path, suffix, rows):
    path = tmp_path / f"clients.{suffix}"
    if suffix == "csv":
        write_csv(path, [[c if c is not None else "" for c in r] for r in rows])
    else:
        write_xlsx(path, rows)
    db = tmp_path / "cli.sqlite"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "--basedir", str(tmp_path), "--db", str(db),
                           "import", str(path), "--json"], capture_output=True, text=True, cwd=ROOT, env=env)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    footer_row = 9 if suffix == "csv" else 4
    assert out["created"] == len([r for r in rows[1:] if r[1]])
    footer = [e for e in out["errors"] if e["row"] == footer_row]
    assert len(footer) == 1 and footer[0]["field"] == "file" and "totals row" in footer[0]["message"]
    label = rows[footer_row - 1][0]
    assert label in footer[0]["message"]
    assert out["skipped"] >= 1
    with sqlite3.connect(db) as con:
        names = {n for (n,) in con.execute("SELECT name FROM client")}
    assert label not in names and len(names) == out["created"]
