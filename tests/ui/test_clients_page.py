"""The client list and editor driven as a shopkeeper would: type, Enter, edit, Ctrl+S, Esc."""

import functools

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from clientdesk.clients.fields import ClientData, PhoneEntry
from clientdesk.clients.listing import ClientFilter
from ui import dialogs
from ui.clients import household
from tests.editor_helpers import open_editor
from ui.clients.list_model import ID_ROLE, PAGE, ClientListModel
from ui.clients.page import ClientsPage


def add(desk, name, phone, **fields):
    return desk.clients.create(ClientData(name=name, phones=[PhoneEntry(phone, True)], **fields))


@pytest.fixture
def page(qtbot, desk):
    widget = ClientsPage(desk.clients, desk.path, desk.clock, functools.partial(open_editor, desk))
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    return widget


def test_model_passes_qt_model_tester(qtmodeltester, desk):
    for i in range(30):
        add(desk, f"Client {i}", f"98200{i:05d}", postal_city="Pune")
    model = ClientListModel(desk.clients)
    qtmodeltester.check(model)
    model.sort(0, Qt.DescendingOrder)
    qtmodeltester.check(model)


def test_model_pages_with_fetch_more(desk):
    with desk.db.atomic():
        for i in range(PAGE + 50):
            add(desk, f"Client {i:03d}", f"98200{i:05d}")
    model = ClientListModel(desk.clients)
    assert model.total == PAGE + 50
    assert model.rowCount() < model.total
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == model.total
    assert not model.canFetchMore()
    model.sort(0, Qt.AscendingOrder)
    assert model.data(model.index(0, 0)) == "Client 000"
    assert model.data(model.index(0, 0), ID_ROLE) == desk.clients.find_by_phone("9820000000")


def test_typing_searches_and_enter_opens_top_hit_then_save_writes(qtbot, page, desk):
    ramesh = add(desk, "रमेश कुमार", "9876543210", postal_city="Pune")
    add(desk, "Sunita Sharma", "9820012345")
    page.refresh()
    page.activateWindow()
    page.table.setFocus()
    page.activated()  # what the window calls on showing the page
    qtbot.waitUntil(page.search.hasFocus)
    qtbot.keyClicks(page.search, "ramesh")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert "1" in page.count_label.text()
    assert page.model.data(page.model.index(0, 0)) == "रमेश कुमार"
    qtbot.keyClick(page.search, Qt.Key_Return)
    editor = page.editor
    qtbot.waitExposed(editor)
    assert editor.client_id == ramesh
    editor.father_name.clear()
    editor.father_name.insert("सुरेश कुमार")  # QTest types ASCII only; Devanagari arrives as an input method would
    editor.email.setText("ramesh@example.in")
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    qtbot.keyClick(editor.email, Qt.Key_S, Qt.ControlModifier)
    qtbot.waitUntil(lambda: not editor.isVisible())
    saved = desk.clients.get(ramesh)
    assert saved.father_name == "सुरेश कुमार" and saved.email == "ramesh@example.in"


def test_new_client_prefilled_from_digits_typed(qtbot, page, desk):
    qtbot.keyClicks(page.search, "98765 43210")
    qtbot.keyClick(page.search, Qt.Key_Return)
    editor = page.editor
    assert editor.phones.entries()[0][0] == "98765 43210"
    qtbot.keyClicks(editor.name, "Priya Singh")
    editor.save()
    assert desk.clients.get(desk.clients.find_by_phone("9876543210")).name == "Priya Singh"
    assert page.model.total == 1


def test_invalid_field_shown_beside_it_and_nothing_saved(qtbot, page, desk):
    editor = page.new_client()
    qtbot.keyClicks(editor.name, "A")
    editor.phones.rows[0].number.setText("12345")
    assert editor.save() is False
    assert editor.errors["phone"].isVisible() or editor.errors["phone"].text()
    assert desk.clients.count() == 0
    editor.phones.rows[0].number.setText("9876543210")
    editor.gstin.setText("27AAPFU0939F1ZO")
    editor.gstin.editingFinished.emit()
    assert "last character" in editor.errors["gstin"].text()
    assert editor.save() is False and desk.clients.count() == 0


def test_duplicate_phone_offers_merge(qtbot, page, desk, monkeypatch):
    existing = add(desk, "Ramesh Kumar", "9876543210")
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: QMessageBox.Apply)
    monkeypatch.setattr(household, "ask_phone_owner", lambda *a, **k: household.MERGE)  # the phone's question
    editor = page.new_client()
    qtbot.keyClicks(editor.name, "Ramesh K.")
    editor.phones.rows[0].number.setText("+91 98765 43210")
    editor.email.setText("rk@example.in")
    assert editor.save() is True
    assert desk.clients.count() == 1
    assert desk.clients.get(existing).email == "rk@example.in"


def test_duplicate_phone_can_open_the_other_client(qtbot, page, desk, monkeypatch):
    existing = add(desk, "Ramesh Kumar", "9876543210")
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: QMessageBox.Open)
    monkeypatch.setattr(household, "ask_phone_owner", lambda *a, **k: household.OPEN)
    editor = page.new_client()
    qtbot.keyClicks(editor.name, "Someone")
    editor.phones.rows[0].number.setText("9876543210")
    editor.save()
    assert editor.client_id == existing and editor.name.text() == "Ramesh Kumar"
    assert desk.clients.count() == 1


def test_escape_with_unsaved_changes_asks_and_discard_keeps_database(qtbot, page, desk, monkeypatch):
    cid = add(desk, "Ramesh Kumar", "9876543210")
    asked = []
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: asked.append(a[1]) or QMessageBox.Discard)
    editor = page.edit_client(cid)
    qtbot.keyClicks(editor.name, " changed")
    qtbot.keyClick(editor, Qt.Key_Escape)
    assert asked and not editor.isVisible()
    assert desk.clients.get(cid).name == "Ramesh Kumar"


def test_delete_asks_then_erases(qtbot, page, desk, monkeypatch):
    cid = add(desk, "Walk In", "9876543210")
    page.refresh()
    page.table.selectRow(0)
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: QMessageBox.No)
    page.delete_selected()
    assert desk.clients.exists(cid)
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: QMessageBox.Yes)
    page.table.selectRow(0)
    page.delete_selected()
    assert not desk.clients.exists(cid)
    assert page.model.rowCount() == 0


def test_status_and_tag_filters(qtbot, page, desk):
    add(desk, "A", "9876543210", tags=["veg"])
    add(desk, "B", "9820012345")
    page.refresh()
    page.tag.setCurrentIndex(page.tag.findData("veg"))
    assert page.model.total == 1
    page.tag.setCurrentIndex(0)
    page.status.setCurrentIndex(page.status.findData("active"))
    assert page.model.total == 0
    page.show_filter(ClientFilter(ids=frozenset({desk.clients.find_by_phone("9820012345")})))
    page.status.setCurrentIndex(0)
    assert page.model.total == 1


def test_record_purchase_and_log_interaction_from_the_editor(qtbot, page, desk):
    from ui.clients.history_tabs import InteractionDialog, PurchaseDialog

    cid = add(desk, "A", "9876543210")
    dialog = PurchaseDialog(desk.history, desk.clock, cid)
    qtbot.addWidget(dialog)
    dialog.amount.setText("1,250.50")
    dialog.bill_no.setText("B-7")
    dialog.save()
    bills = desk.history.purchases(cid)
    assert [(b.amount_paise, b.bill_no) for b in bills] == [(125050, "B-7")]
    note = InteractionDialog(desk.history, cid)
    qtbot.addWidget(note)
    note.channel.setCurrentIndex(note.channel.findData("phone"))
    note.summary.setPlainText("Asked about Diwali sweets")
    note.save()
    assert desk.history.interactions(cid)[0].summary == "Asked about Diwali sweets"
    assert desk.clients.get(cid).status == "active"


def test_withdraw_consent_from_the_editor_in_one_action(qtbot, page, desk, monkeypatch):
    from clientdesk.clients.fields import ConsentState

    cid = add(desk, "A", "9876543210", consents={"whatsapp": ConsentState(True), "email": ConsentState(True)})
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: QMessageBox.Yes)
    monkeypatch.setattr(dialogs, "inform", lambda *a, **k: None)
    editor = page.edit_client(cid)
    assert editor.withdraw_button.isEnabled()
    qtbot.mouseClick(editor.withdraw_button, Qt.LeftButton)
    assert not any(state.granted for state in desk.clients.get(cid).consents.values())
    assert not editor.consent["whatsapp"][0].isChecked()
    assert not editor.withdraw_button.isEnabled()


def test_editor_asks_main_window_for_the_loyalty_card(qtbot, desk, tmp_path):
    from PySide6.QtCore import QSettings

    from ui.mainwindow import MainWindow

    cid = add(desk, "A", "9876543210")
    window = MainWindow(desk, QSettings(str(tmp_path / "w.ini"), QSettings.IniFormat))
    qtbot.addWidget(window)
    editor = window.pages["clients"].edit_client(cid)
    qtbot.mouseClick(editor.loyalty_button, Qt.LeftButton)
    assert window.stack.currentWidget() is window.pages["loyalty"]
    assert window.pages["loyalty"].client_id == cid


def test_deleting_on_the_server_says_its_backups_still_hold_the_client(qtbot, server_url, monkeypatch):
    """A server's backups (pg_dump files) cannot be rewritten as this PC's can: after the erase the
    window says so instead of offering it (or saying nothing)."""
    from clientdesk.desk import Desk

    desk = Desk.open(server_url)
    try:
        widget = ClientsPage(desk.clients, desk.path, desk.clock, functools.partial(open_editor, desk))
        qtbot.addWidget(widget)
        cid = add(desk, "Walk In", "9876543210")
        widget.refresh()
        widget.table.selectRow(0)
        asked, told = [], []
        monkeypatch.setattr(dialogs, "ask", lambda *a, **k: asked.append(a[1]) or QMessageBox.Yes)
        monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: told.append(text))
        widget.delete_selected()
        assert not desk.clients.exists(cid)
        assert len(asked) == 1  # the erase itself; no offer to rewrite backups
        assert len(told) == 1 and "server's backups still hold" in told[0]
    finally:
        desk.close()
