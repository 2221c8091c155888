"""Sales registers: bill lines become purchases with items, clients by phone, idempotent."""

from __future__ import annotations

import datetime as dt

from clientdesk.models import Purchase, PurchaseLine
from clientdesk.clients.fields import ClientData, PhoneEntry

REGISTER = [
    ["Sales Register — Nov 2026"],
    ["Bill No.", "Bill Date", "Customer Mobile", "Customer", "Item", "Category", "Qty", "Amount"],
    ["B-101", dt.datetime(2026, 11, 2), 9876543210, "Ramesh", "Silk saree", "Sarees", 1, 4500],
    ["B-101", dt.datetime(2026, 11, 2), 9876543210, "Ramesh", "Blouse piece", "Fabric", 2, "₹ 600.50"],
    ["B-102", "03/11/2026", "98200 12345", "Naya Grahak", "Dupatta", "Accessories", None, 350],
    ["B-103", "04/11/2026", None, "Walk-in Anita", "Kurti", "Readymade", 1, 899],
    ["B-104", "31/12/2026", "9876543210", "Ramesh", "Future bill", "", 1, 100],
    ["B-105", "04/11/2026", "9876543210", "Ramesh", "No amount", "", 1, None],
    [None] * 8,
    ["Grand Total", None, None, None, None, None, None, 6950.5],
]


def test_register_imports_bills_with_lines_and_is_idempotent(desk, xlsx):
    ramesh = desk.clients.create(ClientData(name="Ramesh Kumar", phones=[PhoneEntry("9876543210")]))
    path = xlsx(REGISTER, name="register.xlsx")
    result = desk.imports.import_file(path, kind="purchases")
    assert (result.created, result.new_clients, result.blank, result.totals) == (3, 2, 1, 1)
    assert {(i.row, i.field) for i in result.issues} == {(7, "date"), (8, "amount"), (10, "file")}  # 10: totals row
    bills = desk.history.purchases(ramesh)
    assert len(bills) == 1 and bills[0].bill_no == "B-101" and bills[0].amount_paise == 510050
    assert [(l.product, l.category, l.qty) for l in bills[0].lines] == [("Silk saree", "Sarees", 1), ("Blouse piece", "Fabric", 2)]
    client = desk.clients.get(ramesh)
    assert client.total_spent_paise == 510050 and client.last_purchase_on == dt.date(2026, 11, 2)
    newcomer = desk.clients.get(desk.clients.find_by_phone("9820012345"))
    assert newcomer.name == "Naya Grahak" and newcomer.total_spent_paise == 35000
    assert desk.clients.search("Walk-in Anita")[0].name == "Walk-in Anita"

    again = desk.imports.import_file(path, kind="purchases")
    assert (again.created, again.new_clients, again.batch_id) == (0, 0, None)
    assert again.summary()["skipped"] == 4 + 2
    assert Purchase.select().count() == 3 and PurchaseLine.select().count() == 4


def test_undo_of_a_register_removes_its_bills_and_new_clients(desk, xlsx):
    ramesh = desk.clients.create(ClientData(name="Ramesh Kumar", phones=[PhoneEntry("9876543210")]))
    desk.imports.import_file(xlsx(REGISTER, name="register.xlsx"), kind="purchases")
    undone = desk.imports.undo_last()
    assert (undone.removed_purchases, undone.removed_clients) == (3, 2)
    assert Purchase.select().count() == 0 and desk.clients.count() == 1
    assert desk.clients.get(ramesh).total_spent_paise == 0 and desk.clients.get(ramesh).status == "prospect"


def test_rate_times_qty_when_no_amount_column(desk, csvfile):
    path = csvfile([["Invoice No", "Date", "Mobile", "Item", "Qty", "Rate"],
                    ["7", "2026-11-01", "9876543210", "Rice 5kg", "3", "250.5"]])
    result = desk.imports.import_file(path, kind="purchases")
    assert result.created == 1 and result.new_clients == 1
    client = desk.clients.find_by_phone("9876543210")
    assert desk.clients.get(client).name == "98765 43210"
    assert desk.history.purchases(client)[0].amount_paise == 75150
