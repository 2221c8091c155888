"""The counter on a shared number: type it, Enter, Down/Enter on the person, sell; her points, not his."""

from __future__ import annotations

import os
import shutil

from PySide6.QtCore import Qt

from clientdesk.models import Purchase
from tests.counter.conftest import page, shown_counter_page  # noqa: F401  (page: the counter page fixture)
from tests.counter.test_counter_keyboard import focused, keys




def test_type_the_number_pick_meena_sell_her_points(desk, household, page, qtbot):
    suresh, meena = household
    desk.counter.record_sale(suresh, 2000_00)
    his = desk.loyalty.balance(suresh)
    keys(qtbot, "98765 43210", Qt.Key_Return)
    results = page.lookup.results
    assert results.isVisible() and focused() is results and page.client_id is None
    assert [results.item(r).data(Qt.UserRole) for r in range(results.count())] == [suresh, meena]
    assert results.item(0).text().startswith("Suresh Reddy  ·  98765 43210") and f"{his} point(s)" in results.item(0).text()
    assert results.item(1).text().startswith("Meena Devi") and results.item(1).text().endswith("0 point(s)")
    assert page.status_label.text() == "2 people share this number. Pick one with Down and Enter."
    keys(qtbot, Qt.Key_Down, Qt.Key_Return)
    assert page.client_id == meena and focused() is page.amount_edit
    assert page.name_label.text().startswith("Meena Devi") and page.status_label.text() == ""
    keys(qtbot, "1500", Qt.Key_Return)
    assert Purchase.select().where(Purchase.client == meena).count() == 1
    assert desk.loyalty.balance(meena) >= 15 and desk.loyalty.balance(suresh) == his  # each their own points
    assert f"balance {desk.loyalty.balance(meena)}" in page.result_label.text()
    keys(qtbot, Qt.Key_Escape, "9876543210", Qt.Key_Return, Qt.Key_Return)  # Enter at once: the first, Suresh
    assert page.client_id == suresh and focused() is page.amount_edit


def test_a_number_of_one_person_still_goes_straight_to_the_amount(desk, household, page, qtbot):
    suresh, meena = household
    data = desk.clients.get(meena)
    data.phones[0].number = "9811111111"
    desk.clients.update(meena, data)
    keys(qtbot, "9876543210", Qt.Key_Return)
    assert page.client_id == suresh and focused() is page.amount_edit and not page.lookup.results.isVisible()
    keys(qtbot, Qt.Key_Escape, "98111 11111", Qt.Key_Return)
    assert page.client_id == meena


def test_esc_on_the_pick_list_is_the_next_customer(desk, household, page, qtbot):
    keys(qtbot, "9876543210", Qt.Key_Return)
    assert focused() is page.lookup.results
    keys(qtbot, Qt.Key_Escape)
    assert page.client_id is None and focused() is page.lookup.edit and not page.lookup.results.isVisible()


def test_the_pick_list_looks_right(desk, household, page, qtbot, language, tmp_path):
    page.close()
    # made after the language is set
    widget = shown_counter_page(desk, qtbot, height=560)
    keys(qtbot, "98765 43210", Qt.Key_Return, Qt.Key_Down)
    assert widget.lookup.results.currentRow() == 1
    if language == "hi":
        assert widget.status_label.text() == "इस नंबर पर 2 लोग हैं। नीचे वाले तीर और Enter से एक को चुनें।"
    shot = tmp_path / f"hh-counter-{language}.png"
    widget.grab().save(str(shot))
    if os.environ.get("HH_SHOTS"):
        shutil.copy(shot, f"/tmp/hh-counter-{language}.png")
