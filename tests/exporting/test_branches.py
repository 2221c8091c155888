"""Exports limited to one branch (issue 14), read back with openpyxl: the purchases sheet with its
Branch and Counter columns, the clients (and their interactions) who bought at a branch, the bills
that name no branch; the export command's --branch."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from clientdesk.clients.fields import ClientData, PhoneEntry
from clientdesk.clients.listing import ClientFilter
from clientdesk.services.history import InteractionRecord, LineItem, PurchaseRecord
from tests.cli_helpers import run_in_process

QUOTED = "Sharma's \"New\" Shop"


@pytest.fixture
def shop(desk):
    """ramesh: Andheri counter 1 (₹1,200 in two lines), Bandra counter 2 (₹500); anita: Andheri
    (₹300), an old bill without a branch (₹50); vijay: the quoted branch (₹75); sunil: no bills."""
    ids = {}
    for n, name in enumerate(("Ramesh", "Anita", "Vijay", "Sunil")):
        ids[name] = desk.clients.create(ClientData(name=name, phones=[PhoneEntry(f"98765{n:05d}", True)]))
    record = desk.history.record_purchase
    record(PurchaseRecord(ids["Ramesh"], dt.date(2026, 11, 1), 1200_00, "A-1", branch="Andheri", counter="Counter 1",
                          lines=[LineItem("Saree", "Sarees", 1, 1000_00), LineItem("Blouse", "Fabric", 2, 200_00)]))
    record(PurchaseRecord(ids["Ramesh"], dt.date(2026, 11, 2), 500_00, "B-1", branch="Bandra", counter="Counter 2"))
    record(PurchaseRecord(ids["Anita"], dt.date(2026, 11, 3), 300_00, "A-2", branch="Andheri", counter="Counter 1"))
    record(PurchaseRecord(ids["Anita"], dt.date(2025, 1, 3), 50_00, "OLD", branch="", counter=""))
    record(PurchaseRecord(ids["Vijay"], dt.date(2026, 11, 4), 75_00, "Q-1", branch=QUOTED, counter="it's 3"))
    desk.history.log_interaction(InteractionRecord(ids["Anita"], dt.datetime(2026, 11, 3, 12, 0), "visit", "in", "asked"))
    desk.history.log_interaction(InteractionRecord(ids["Vijay"], dt.datetime(2026, 11, 4, 12, 0), "phone", "in", "rang"))
    return desk, ids


def _rows(path):
    book = openpyxl.load_workbook(path)
    return [tuple(r) for r in book.active.iter_rows(values_only=True)]


def test_purchases_sheet_has_branch_and_counter(shop, tmp_path):
    desk, _ = shop
    path = tmp_path / "all.xlsx"
    assert desk.exports.export_purchases(path) == 6  # rows: one per bill line
    rows = _rows(path)
    assert rows[0][-2:] == ("Branch", "Counter")
    assert [(r[1], r[4], r[-2], r[-1]) for r in rows[1:]] == [
        ("OLD", None, None, None), ("A-1", "Saree", "Andheri", "Counter 1"), ("A-1", "Blouse", "Andheri", "Counter 1"),
        ("B-1", None, "Bandra", "Counter 2"), ("A-2", None, "Andheri", "Counter 1"), ("Q-1", None, QUOTED, "it's 3")]
    desk.exports.export_purchases(path, "hi")
    assert _rows(path)[0][-2:] == ("शाखा", "काउंटर")


def test_purchases_of_one_branch(shop, tmp_path):
    desk, _ = shop
    path = tmp_path / "andheri.xlsx"
    assert desk.exports.export_purchases(path, branch="Andheri") == 3  # A-1 (two lines), A-2
    rows = _rows(path)[1:]
    assert {r[-2] for r in rows} == {"Andheri"} and sum(r[7] for r in rows) == 1500  # ₹1,000 + ₹200 + ₹300
    assert desk.exports.export_purchases(path, branch="") == 1
    assert [r[1] for r in _rows(path)[1:]] == ["OLD"]
    assert desk.exports.export_purchases(path, branch=QUOTED) == 1
    assert _rows(path)[1][-1] == "it's 3"
    # a branch and a search together: Ramesh's Bandra bill only
    assert desk.exports.export_purchases(path, flt=ClientFilter(text="ramesh"), branch="Bandra") == 1
    assert [(r[1], r[7]) for r in _rows(path)[1:]] == [("B-1", 500)]
    assert desk.exports.export_purchases(path, branch="Nowhere") == 0
    assert _rows(path) == [_rows(path)[0]]


def test_clients_and_interactions_of_one_branch(shop, tmp_path):
    desk, ids = shop
    path = tmp_path / "clients.xlsx"
    assert desk.exports.export_clients(path, branch="Andheri") == 2
    assert [r[0] for r in _rows(path)[1:]] == ["Anita", "Ramesh"]
    assert desk.exports.export_clients(path, branch="") == 1 and _rows(path)[1][0] == "Anita"
    assert desk.exports.export_clients(path, ids=[ids["Ramesh"], ids["Vijay"]], branch="Andheri") == 1
    assert desk.exports.export_clients(path) == 4
    vcf = tmp_path / "bandra.vcf"
    assert desk.exports.export_vcard(vcf, branch="Bandra") == 1
    assert "FN:Ramesh" in vcf.read_text(encoding="utf-8")
    path = tmp_path / "interactions.xlsx"
    desk.exports.export_interactions(path, branch="Andheri")
    assert [r[1] for r in _rows(path)[1:]] == ["Anita"]
    desk.exports.export_interactions(path)
    assert [r[1] for r in _rows(path)[1:]] == ["Anita", "Vijay"]
    assert desk.exports.branches() == ["", "Andheri", "Bandra", QUOTED]


def test_export_command_with_a_branch(shop, tmp_path, capsys):
    desk, _ = shop
    out = tmp_path / "andheri.xlsx"
    code, text, err = run_in_process(capsys, "--db", str(desk.path), "export", "purchases", str(out), "--branch", "Andheri")
    assert code == 0, err
    assert text.strip() == f"3 purchases written to {out}"
    assert {r[-2] for r in _rows(out)[1:]} == {"Andheri"}
    code, _, err = run_in_process(capsys, "--db", str(desk.path), "export", "clients", str(tmp_path / "c.xlsx"),
                                  "--branch", "")
    assert code == 0, err
    assert [r[0] for r in _rows(tmp_path / "c.xlsx")[1:]] == ["Anita"]
    code, _, err = run_in_process(capsys, "--db", str(desk.path), "export", "purchases", str(tmp_path / "q.xlsx"),
                                  "--branch", f"  {QUOTED} ")  # spaces around a name are not part of it
    assert code == 0, err
    assert [r[1] for r in _rows(tmp_path / "q.xlsx")[1:]] == ["Q-1"]


@pytest.mark.parametrize("branch, words", [("Powai", "No bill records the branch 'Powai'"),
                                           ("x" * 200, "at most 60 characters")])
def test_export_command_refuses_a_bad_branch_writing_nothing(shop, tmp_path, capsys, branch, words):
    desk, _ = shop
    out = tmp_path / "never.xlsx"
    code, text, err = run_in_process(capsys, "--db", str(desk.path), "export", "purchases", str(out), "--branch", branch)
    assert code == 2 and text == "" and err.count("\n") == 1 and words in err and "Traceback" not in err
    assert not out.exists() and list(tmp_path.glob("*.xlsx")) == []
