"""The dashboard and the insights command limited to one branch (issue 14); figures worked out by
hand. Today is 22 Nov 2026: the twelve months run from Dec 2025 to Nov 2026.

    Andheri     asha 05 Oct ₹500, 10 Nov ₹1,000; bala 20 Nov ₹300
    Bandra      asha 15 Nov ₹2,000; chetan 01 Sep ₹700
    (no branch) asha 01 Aug ₹100 (her first bill); dev 15 Dec 2025 ₹400 (bills from before schema 9)
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from clientdesk.desk import Desk
from clientdesk.services.history import PurchaseRecord
from tests.cli_helpers import run_in_process
from tests.insights.conftest import add_client

BILLS = [("asha", "Andheri", dt.date(2026, 10, 5), 500), ("asha", "Andheri", dt.date(2026, 11, 10), 1000),
         ("bala", "Andheri", dt.date(2026, 11, 20), 300), ("asha", "Bandra", dt.date(2026, 11, 15), 2000),
         ("chetan", "Bandra", dt.date(2026, 9, 1), 700), ("asha", "", dt.date(2026, 8, 1), 100),
         ("dev", "", dt.date(2025, 12, 15), 400)]


@pytest.fixture
def branches(desk):
    ids = {name: add_client(desk, name.title(), f"98765{n:05d}") for n, name in enumerate(("asha", "bala", "chetan", "dev"))}
    for name, branch, day, rupees in BILLS:
        desk.history.record_purchase(PurchaseRecord(ids[name], day, rupees * 100, branch=branch, counter="1"))
    return ids


def month(board, label: str) -> tuple[int, int, int, int]:
    """(sales in rupees, visits, new, returning) of one month of the dashboard."""
    i = board.months.index(label)
    return board.sales_paise[i] // 100, board.visits[i], board.new_clients[i], board.returning_clients[i]


def test_one_branchs_dashboard(desk, branches):
    board = desk.insights.dashboard(branch="Andheri")
    assert board.branch == "Andheri"
    assert month(board, "2026-10") == (500, 1, 1, 0)   # asha's first bill at Andheri
    assert month(board, "2026-11") == (1300, 2, 1, 1)  # bala new, asha returning
    assert sum(board.sales_paise) == 1800_00 and month(board, "2026-09") == (0, 0, 0, 0)
    assert (board.clients, board.active_clients) == (2, 2)
    assert board.sales_this_month_paise == 1300_00 and board.avg_bill_paise == 600_00  # ₹1,800 over 3 bills
    assert board.top_clients == [(branches["asha"], "Asha", 1500_00), (branches["bala"], "Bala", 300_00)]

    bandra = desk.insights.dashboard(branch="Bandra")
    assert month(bandra, "2026-09") == (700, 1, 1, 0) and month(bandra, "2026-11") == (2000, 1, 1, 0)
    assert (bandra.clients, bandra.sales_this_month_paise, bandra.avg_bill_paise) == (2, 2000_00, 1350_00)
    assert bandra.top_clients == [(branches["asha"], "Asha", 2000_00), (branches["chetan"], "Chetan", 700_00)]


def test_the_bills_without_a_branch_are_a_choice_too(desk, branches):
    old = desk.insights.dashboard(branch="")
    assert month(old, "2025-12") == (400, 1, 1, 0) and month(old, "2026-08") == (100, 1, 1, 0)
    assert (old.clients, old.active_clients, old.sales_this_month_paise, old.avg_bill_paise) == (2, 2, 0, 250_00)
    assert desk.insights.branches() == ["", "Andheri", "Bandra"]


def test_every_branch_adds_up_to_the_whole_shop(desk, branches):
    whole = desk.insights.dashboard()
    assert whole.branch is None
    parts = [desk.insights.dashboard(branch=b) for b in desk.insights.branches()]
    assert whole.sales_paise == [sum(col) for col in zip(*(p.sales_paise for p in parts))]
    assert whole.sales_this_month_paise == sum(p.sales_this_month_paise for p in parts) == 3300_00
    assert whole.visits == [sum(col) for col in zip(*(p.visits for p in parts))]  # nobody came to two on one day
    assert whole.clients == 4 and whole.avg_bill_paise == 5000_00 // 7
    # the shop's new clients are counted by their first bill anywhere: asha's was in August
    assert month(whole, "2026-08") == (100, 1, 1, 0) and month(whole, "2026-10") == (500, 1, 0, 1)
    # client groups are the whole shop's, whichever branch is shown
    assert parts[1].rfm == whole.rfm and parts[1].occasions == whole.occasions


def test_an_archived_client_leaves_the_branchs_top_and_count(desk, branches):
    desk.clients.archive(branches["asha"])
    board = desk.insights.dashboard(branch="Andheri")
    assert board.top_clients == [(branches["bala"], "Bala", 300_00)] and board.clients == 1
    assert board.sales_this_month_paise == 1300_00  # her bills still count as sales


def test_a_branch_with_quotes_or_devanagari(desk):
    client = add_client(desk, "Ramesh", "9876543210")
    for branch, rupees in (("O'Brien \"Main\"", 100), ("अंधेरी", 250)):
        desk.history.record_purchase(PurchaseRecord(client, dt.date(2026, 11, 1), rupees * 100, branch=branch))
    assert desk.insights.dashboard(branch="O'Brien \"Main\"").sales_this_month_paise == 100_00
    assert desk.insights.dashboard(branch="अंधेरी").sales_this_month_paise == 250_00
    assert desk.insights.dashboard(branch="nowhere").sales_this_month_paise == 0


@pytest.fixture
def today_shop(tmp_path):
    """A client book on the real clock (the command line's), with today's bills in two branches
    and one without: Andheri asha ₹1,000 + bala ₹300, Bandra asha ₹2,000, (no branch) dev ₹400."""
    desk = Desk.open(tmp_path / "today.sqlite")
    try:
        today = desk.clock.today()
        ids = {name: add_client(desk, name.title(), f"98765{n:05d}") for n, name in enumerate(("asha", "bala", "dev"))}
        for name, branch, rupees in (("asha", "Andheri", 1000), ("bala", "Andheri", 300), ("asha", "Bandra", 2000),
                                     ("dev", "", 400)):
            desk.history.record_purchase(PurchaseRecord(ids[name], today, rupees * 100, branch=branch))
    finally:
        desk.close()
    return str(tmp_path / "today.sqlite"), today


def test_insights_command_with_a_branch(today_shop, capsys):
    path, today = today_shop
    code, out, err = run_in_process(capsys, "--db", path, "insights", "--json", "--branch", "Andheri")
    assert code == 0, err
    result = json.loads(out)
    figures = result["figures"]
    assert result["branch"] == "Andheri"
    assert (figures["clients"], figures["sales_this_month_paise"], figures["avg_bill_paise"]) == (2, 1300_00, 650_00)
    this_month = next(m for m in figures["months"] if m["month"] == today.strftime("%Y-%m"))
    assert this_month == {"month": today.strftime("%Y-%m"), "sales_paise": 1300_00, "visits": 2, "new_clients": 2,
                          "returning_clients": 0}
    assert [t["name"] for t in figures["top_clients"]] == ["Asha", "Bala"]
    code, out, err = run_in_process(capsys, "--db", path, "insights", "--branch", "")
    assert code == 0, err
    assert "Bills (branch (no branch)): 1 clients" in out and f"{today:%Y-%m}  ₹400.00  1 visits, 1 new" in out
    code, out, err = run_in_process(capsys, "--db", path, "insights", "--json")
    assert code == 0 and json.loads(out)["figures"]["sales_this_month_paise"] == 3700_00


def test_insights_command_refuses_a_branch_no_bill_names(desk, branches, capsys):
    path = str(desk.path)
    code, out, err = run_in_process(capsys, "--db", path, "insights", "--branch", "Powai")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "'Powai'" in err and "branches: Andheri, Bandra, \"\" (no branch))" in err and "Traceback" not in err
    code, out, err = run_in_process(capsys, "--db", path, "insights", "--branch", "x" * 200)
    assert code == 2 and out == "" and err.count("\n") == 1 and "at most 60" in err
