"""The SQL of the branch figures (clientdesk.insights.by_branch, clientdesk.branches) and the
purchases export of one branch, on both engines (the dashboard's own SQL is being ported)."""

from __future__ import annotations

import datetime as dt

import openpyxl

from clientdesk.branches import bill_branches, check_branch
from clientdesk.clients.fields import ClientData, PhoneEntry
from clientdesk.errors import ValidationError
from clientdesk.insights import by_branch
from clientdesk.services.history import PurchaseRecord

import pytest


@pytest.fixture
def bills(desk):
    ids = [desk.clients.create(ClientData(name=name, phones=[PhoneEntry(f"98765{n:05d}", True)]))
           for n, name in enumerate(("Asha", "Bala", "Chetan"))]
    for client, branch, day, rupees in ((0, "Andheri", dt.date(2026, 10, 5), 500), (0, "Andheri", dt.date(2026, 11, 10), 1000),
                                        (1, "Andheri", dt.date(2026, 11, 20), 300), (0, "बांद्रा", dt.date(2026, 11, 15), 2000),
                                        (2, "", dt.date(2026, 9, 1), 700)):
        desk.history.record_purchase(PurchaseRecord(ids[client], day, rupees * 100, branch=branch))
    return ids


def test_branch_figures(desk, bills):
    with desk.using():
        assert by_branch.new_clients_by_month(desk.db, "Andheri", dt.date(2025, 12, 1)) == {"2026-10": 1, "2026-11": 1}
        assert by_branch.new_clients_by_month(desk.db, "Andheri", dt.date(2026, 11, 1)) == {"2026-11": 1}
        assert by_branch.top_clients(desk.db, "Andheri", 10) == [(bills[0], "Asha", 1500_00), (bills[1], "Bala", 300_00)]
        assert by_branch.top_clients(desk.db, "Andheri", 1) == [(bills[0], "Asha", 1500_00)]
        assert by_branch.client_count(desk.db, "Andheri") == 2 and by_branch.client_count(desk.db, "") == 1
        assert by_branch.client_count(desk.db, "Nowhere") == 0
        assert bill_branches(desk.db) == ["", "Andheri", "बांद्रा"]
        check_branch(desk.db, "बांद्रा")
        check_branch(desk.db, None)
        with pytest.raises(ValidationError):
            check_branch(desk.db, "Bandra")


def test_no_bills_no_branches(desk):
    with desk.using():
        assert bill_branches(desk.db) == []
        with pytest.raises(ValidationError) as info:
            check_branch(desk.db, "")
    assert "there are no bills yet" in str(info.value)


def test_purchases_export_of_one_branch(desk, bills, tmp_path):
    path = tmp_path / "b.xlsx"
    assert desk.exports.export_purchases(path, branch="बांद्रा") == 1
    rows = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
    assert rows[1][2] == "Asha" and rows[1][7] == 2000 and rows[1][8] == "बांद्रा"
