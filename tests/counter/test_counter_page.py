"""The counter flow driven by key clicks: scan, amount, Enter, Esc; quick add; redeem; undo; guard."""

from __future__ import annotations

import dataclasses
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

import ui.dialogs
from clientdesk.loyalty.models import LedgerEntry
from clientdesk.models import Purchase, PurchaseLine
from tests.loyalty.helpers import add_client
from ui.counter.page import CounterPage


@pytest.fixture
def answers(monkeypatch):
    """Replies given to dialogs.ask, in order (Yes when the list runs out); records the questions."""
    state = {"replies": [], "asked": []}

    def ask(parent, title, text, *args, **kwargs):
        state["asked"].append(text)
        return state["replies"].pop(0) if state["replies"] else QMessageBox.Yes

    monkeypatch.setattr(ui.dialogs, "ask", ask)
    return state


def type_and_enter(qtbot, widget, text: str) -> None:
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key_Return)


def test_scan_amount_enter_esc(desk, page, qtbot, answers, tmp_path):
    cid = add_client(desk, "रमेश कुमार", "9876543210")
    card = desk.cards.issue_card(cid)
    assert page.lookup.edit.hasFocus()

    started = time.perf_counter()
    type_and_enter(qtbot, page.lookup.edit, card)
    assert time.perf_counter() - started < 1.0  # bench/loyalty.py measures the ≤ 100 ms figure
    assert "रमेश कुमार" in page.name_label.text()
    assert page.card_label.text().replace(" ", "").endswith(card)
    assert not page.suggestion_label.isVisible()  # no bills yet to learn a suggestion from
    assert page.amount_edit.hasFocus()

    qtbot.keyClicks(page.amount_edit, "2550")
    assert page.net_label.text() == "₹2,550.00"
    qtbot.keyClick(page.amount_edit, Qt.Key_Return)
    assert "+25 points" in page.result_label.text()
    assert "stamp added (1 of 10)" in page.result_label.text()
    purchase = Purchase.get(Purchase.client == cid)
    assert purchase.amount_paise == 2_550_00
    assert LedgerEntry.get((LedgerEntry.kind == "earn") & (LedgerEntry.client == cid)).points == 25
    assert page.grab().save(str(tmp_path / "counter_after_sale.png"))  # to look at; never into the repository

    qtbot.keyClick(page.amount_edit, Qt.Key_Escape)
    assert page.client_id is None and page.lookup.edit.text() == "" and page.result_label.text() == ""
    assert not page.client_frame.isVisible()
    assert page.lookup.edit.hasFocus()
    assert answers["asked"] == []


def test_unknown_phone_quick_add_then_sale_with_bill_and_items(desk, page, qtbot, answers):
    type_and_enter(qtbot, page.lookup.edit, "91234 56780")
    assert page.quick_frame.isVisible() and page.quick_name.hasFocus()
    assert page.quick_phone.text() == "91234 56780"  # as people write it
    page.quick_name.insert("सुनीता")  # QTest types ASCII only; the rest is typed
    type_and_enter(qtbot, page.quick_name, " Sharma")
    cid = desk.clients.find_by_phone("9123456780")
    assert cid is not None and page.client_id == cid
    assert desk.clients.get(cid).name == "सुनीता Sharma"
    assert page.amount_edit.hasFocus()
    qtbot.keyClicks(page.amount_edit, "1,200")
    qtbot.keyClick(page.amount_edit, Qt.Key_Tab)
    page.bill_edit.setFocus()
    qtbot.keyClicks(page.bill_edit, "B-42")
    page.items_edit.setFocus()
    qtbot.keyClicks(page.items_edit, "sarees, dupatta")
    qtbot.keyClick(page.items_edit, Qt.Key_Return)
    purchase = Purchase.get(Purchase.client == cid)
    assert (purchase.bill_no, purchase.amount_paise) == ("B-42", 1_200_00)
    assert sorted(l.category for l in PurchaseLine.select().where(PurchaseLine.purchase == purchase)) == ["dupatta", "sarees"]
    assert "+50 bonus" in page.result_label.text()  # sign-up bonus on joining


def test_redeem_most_points_shows_net_and_confirms(desk, page, qtbot, answers):
    cid = add_client(desk, "Priya Singh", "9812345678")
    desk.loyalty.add_opening_balance(cid, 400)
    type_and_enter(qtbot, page.lookup.edit, "9812345678")
    qtbot.keyClicks(page.amount_edit, "500")
    qtbot.keyClick(page.amount_edit, Qt.Key_F4)
    assert page.redeem_spin.value() == 250  # at most 50 % of ₹500
    assert page.net_label.text() == "₹250.00"
    answers["replies"] = [QMessageBox.No]
    qtbot.keyClick(page.redeem_spin, Qt.Key_Return)
    assert Purchase.select().count() == 0  # declined: nothing recorded
    qtbot.keyClick(page.redeem_spin, Qt.Key_Return)
    assert "Redeem 250 points? Collect ₹250.00." in answers["asked"][-1]
    assert desk.loyalty.balance(cid) == 400 - 250 + 2
    assert "collect ₹250.00" in page.result_label.text()


def test_several_names_pick_with_keyboard(desk, page, qtbot, answers):
    add_client(desk, "Ramesh Gupta", "9800000001")
    second = add_client(desk, "Ramesh Verma", "9800000002")
    type_and_enter(qtbot, page.lookup.edit, "ramesh")
    assert page.lookup.results.isVisible() and page.lookup.results.count() == 2
    while page.lookup.results.currentItem().data(Qt.UserRole) != second:
        qtbot.keyClick(page.lookup.results, Qt.Key_Down)
    qtbot.keyClick(page.lookup.results, Qt.Key_Return)
    assert page.client_id == second and page.amount_edit.hasFocus()


def test_undo_last_counter_sale(desk, page, qtbot, answers):
    cid = add_client(desk)
    type_and_enter(qtbot, page.lookup.edit, "9876543210")
    type_and_enter(qtbot, page.amount_edit, "3000")
    assert page.undo_button.isEnabled()
    qtbot.keyClick(page.amount_edit, Qt.Key_Z, Qt.ControlModifier)
    assert "Undo the last bill: ₹3,000.00" in answers["asked"][-1]
    assert Purchase.select().count() == 0
    assert desk.loyalty.summary(cid).points == 0
    assert page.points_label.text() == "0 point(s)"
    assert "Undone" in page.result_label.text() and not page.undo_button.isEnabled()


def test_busy_card_asks_before_the_sixth_transaction(desk, page, qtbot, answers):
    desk.loyalty.set_rules(dataclasses.replace(desk.loyalty.rules(), daily_guard=5))
    cid = add_client(desk)
    for _ in range(5):
        desk.counter.record_sale(cid, 100_00)
    type_and_enter(qtbot, page.lookup.edit, "9876543210")
    answers["replies"] = [QMessageBox.No]
    type_and_enter(qtbot, page.amount_edit, "100")
    assert "already has 5 loyalty transactions" in answers["asked"][-1]
    assert Purchase.select().count() == 5
    type_and_enter(qtbot, page.amount_edit, "")
    assert Purchase.select().count() == 6


def test_bad_card_number_is_caught(desk, page, qtbot, answers):
    cid = add_client(desk)
    card = desk.cards.issue_card(cid)
    typo = card[:-1] + str((int(card[-1]) + 1) % 10)
    type_and_enter(qtbot, page.lookup.edit, typo)
    assert "typing mistake" in page.status_label.text() and page.client_id is None
    QApplication.processEvents()


def test_counter_shows_a_bought_together_suggestion(qtbot, desk):
    """The suggestion slot is filled from the insights of the shop's own bills."""
    import datetime as dt

    from clientdesk.clients.fields import ClientData, PhoneEntry
    from clientdesk.services.history import LineItem, PurchaseRecord
    from ui.counter.page import CounterPage

    day = desk.clock.today() - dt.timedelta(days=3)
    for i in range(12):
        cid = desk.clients.create(ClientData(name=f"Pizza fan {i}", phones=[PhoneEntry(f"98200{i:05d}")]))
        desk.history.record_purchase(PurchaseRecord(cid, day, 30000, lines=[
            LineItem("Pizza", "Snacks", 1, 20000), LineItem("Cold Drink", "Beverages", 1, 10000)]))
    for i in range(20):  # other shoppers, so that Cold Drink goes with Pizza more than with anything
        cid = desk.clients.create(ClientData(name=f"Rice buyer {i}", phones=[PhoneEntry(f"98300{i:05d}")]))
        desk.history.record_purchase(PurchaseRecord(cid, day, 5000, lines=[LineItem("Rice", "Grocery", 1, 5000)]))
    newcomer = desk.clients.create(ClientData(name="Only Pizza", phones=[PhoneEntry("9876543210")]))
    desk.history.record_purchase(PurchaseRecord(newcomer, day, 20000, lines=[LineItem("Pizza", "Snacks", 1, 20000)]))
    desk.insights.refresh()
    page = CounterPage(desk.counter, desk.loyalty, desk.clients, desk.insights, desk.settings, desk.clock)
    qtbot.addWidget(page)
    page.show()
    page.show_client(newcomer)
    assert page.suggestion_label.isVisible()
    assert "Cold Drink" in page.suggestion_label.text() and "Pizza" in page.suggestion_label.text()
