"""The counter from the keyboard only, as a USB scanner and a hurried cashier type: whole key
sequences go to whatever has the focus, the real questions are answered with keys, and each
sequence checks that the next keystroke lands where it belongs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from clientdesk.models import Purchase
from tests.loyalty.helpers import add_client


def focused():
    """The widget the next key goes to. A closed question hands the activation back to the page (a
    window manager does that; offscreen has none, so it is done here)."""
    active = QApplication.activeWindow()
    if active is None or not active.isVisible():
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()]
        assert len(shown) == 1, shown
        shown[0].activateWindow()
        for _ in range(50):
            QApplication.processEvents()
            if shown[0].isActiveWindow():
                break
    return QApplication.focusWidget()


def keys(qtbot, *sequence) -> None:
    """Type into whatever has the focus: text is typed key by key, Qt keys are pressed."""
    for item in sequence:
        target = focused()
        assert target is not None
        if isinstance(item, str):
            qtbot.keyClicks(target, item)
        else:
            qtbot.keyClick(target, item)


def on_next_question(key, asked: list) -> None:
    """Press `key` on the next question box once it is up (it blocks in exec)."""
    def check():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, check)
            return
        asked.append(box.text())
        box.activateWindow()
        QTimer.singleShot(0, lambda: _press(box, key))
    QTimer.singleShot(0, check)


def _press(box, key) -> None:
    from PySide6.QtTest import QTest

    QTest.keyClick(box, key)


def test_a_scanner_then_the_next_card(desk, page, qtbot):
    first, second = add_client(desk, "Priya Singh", "9812345678"), add_client(desk, "Anil Kumar", "9800000002")
    desk.cards.issue_card(first)
    desk.cards.issue_card(second)
    keys(qtbot, desk.loyalty.card_of(first), Qt.Key_Return)
    assert page.client_id == first and focused() is page.amount_edit
    keys(qtbot, "2550", Qt.Key_Return)
    assert Purchase.select().where(Purchase.client == first).count() == 1
    assert focused() is page.amount_edit and "+25 points" in page.result_label.text()
    keys(qtbot, Qt.Key_Escape)
    assert focused() is page.lookup.edit and page.client_id is None
    keys(qtbot, desk.loyalty.card_of(second), Qt.Key_Return, "800", Qt.Key_Return)
    assert Purchase.select().where(Purchase.client == second).count() == 1


def test_enter_enter_redeems(desk, page, qtbot):
    cid = add_client(desk, "Priya Singh", "9812345678")
    desk.loyalty.add_opening_balance(cid, 400)
    asked: list[str] = []
    keys(qtbot, "9812345678", Qt.Key_Return, "500", Qt.Key_F4)
    assert page.redeem_spin.value() == 250 and focused() is page.redeem_spin
    on_next_question(Qt.Key_Return, asked)
    keys(qtbot, Qt.Key_Return)  # record … and the second Enter confirms
    assert asked == ["Redeem 250 points? Collect ₹250.00."]
    assert desk.loyalty.balance(cid) == 400 - 250 + 2
    assert Purchase.select().count() == 1 and focused() is page.amount_edit


def test_esc_on_the_question_leaves_the_customer_and_the_next_phone_goes_to_the_lookup(desk, page, qtbot):
    first = add_client(desk, "Priya Singh", "9812345678")
    second = add_client(desk, "Anil Kumar", "9100000002")
    desk.loyalty.add_opening_balance(first, 400)
    asked: list[str] = []
    keys(qtbot, "9812345678", Qt.Key_Return, "500", Qt.Key_F4)
    on_next_question(Qt.Key_Escape, asked)
    keys(qtbot, Qt.Key_Return)
    assert asked and Purchase.select().count() == 0 and desk.loyalty.balance(first) == 400
    assert focused() is page.lookup.edit and page.client_id is None
    assert page.redeem_spin.value() == 0
    keys(qtbot, "9100000002", Qt.Key_Return)  # the next customer's phone, typed at once
    assert page.client_id == second and focused() is page.amount_edit
    assert page.redeem_spin.value() == 0


def test_no_on_the_question_goes_back_to_the_points(desk, page, qtbot):
    cid = add_client(desk, "Priya Singh", "9812345678")
    desk.loyalty.add_opening_balance(cid, 400)
    asked: list[str] = []
    keys(qtbot, "9812345678", Qt.Key_Return, "500", Qt.Key_F4)
    on_next_question(Qt.Key_N, asked)  # the No button's key
    keys(qtbot, Qt.Key_Return)
    assert asked and Purchase.select().count() == 0
    assert focused() is page.redeem_spin
    on_next_question(Qt.Key_Return, asked)
    keys(qtbot, "100", Qt.Key_Return)  # the points were selected: typing replaces them
    assert asked[-1] == "Redeem 100 points? Collect ₹400.00."
    assert desk.loyalty.balance(cid) == 400 - 100 + 4


def test_an_unknown_phone_quick_add_and_sale(desk, page, qtbot):
    keys(qtbot, "91111 22233", Qt.Key_Return)
    assert page.quick_frame.isVisible() and focused() is page.quick_name
    assert page.quick_phone.text() == "91111 22233"  # as people write it, not +919111122233
    keys(qtbot, "Meena Devi", Qt.Key_Return)
    cid = desk.clients.find_by_phone("9111122233")
    assert cid is not None and page.client_id == cid and focused() is page.amount_edit
    assert "Member" not in page.tier_label.text().replace("member", "")
    assert page.tier_label.text() == "Not a member yet: joins with this bill"
    assert "Not a member" not in page.expiry_label.text()  # said once
    keys(qtbot, "300", Qt.Key_Return)
    assert Purchase.select().where(Purchase.client == cid).count() == 1
    assert page.tier_label.text() == "Member"  # joined with the bill


def test_a_name_then_down_enter(desk, page, qtbot):
    add_client(desk, "Ramesh Gupta", "9800000001")
    add_client(desk, "Ramesh Verma", "9800000002")
    keys(qtbot, "ramesh", Qt.Key_Return)
    assert page.lookup.results.isVisible() and focused() is page.lookup.results
    first = page.lookup.results.currentItem().data(Qt.UserRole)
    keys(qtbot, Qt.Key_Down, Qt.Key_Return)
    assert page.client_id not in (None, first) and focused() is page.amount_edit


def test_ctrl_z_then_enter_keeps_the_bill_and_y_undoes_it(desk, page, qtbot):
    add_client(desk, "Priya Singh", "9812345678")
    keys(qtbot, "9812345678", Qt.Key_Return, "1000", Qt.Key_Return)
    assert Purchase.select().count() == 1
    asked: list[str] = []
    on_next_question(Qt.Key_Return, asked)  # undoing is the one question where Enter means No
    qtbot.keyClick(focused(), Qt.Key_Z, Qt.ControlModifier)
    assert asked and Purchase.select().count() == 1
    on_next_question(Qt.Key_Y, asked)
    qtbot.keyClick(focused(), Qt.Key_Z, Qt.ControlModifier)
    assert len(asked) == 2 and Purchase.select().count() == 0
    assert focused() is page.amount_edit  # the client is still there for the corrected bill
