"""The branch in the window (issue 14): the purchase history's Branch and Counter columns, the
insights page's branch box, the branch question before an export; in English and Hindi."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from clientdesk.clients.fields import ClientData, PhoneEntry
from clientdesk.clients.listing import ClientFilter
from clientdesk.services.history import PurchaseRecord
from ui import branch_choice, dialogs
from ui.branch_choice import CANCELLED, BranchCombo, BranchDialog, ask_branch
from ui.clients.history_tabs import PurchasesTab
from ui.importing import export as export_ui
from ui.insights.page import InsightsPage

WORDS = {"en": {"all": "All branches", "none": "(no branch)", "branch": "Branch", "counter": "Counter"},
         "hi": {"all": "सभी शाखाएँ", "none": "(कोई शाखा नहीं)", "branch": "शाखा", "counter": "काउंटर"}}


def _client(desk, name="Asha", phone="9876500001") -> int:
    return desk.clients.create(ClientData(name=name, phones=[PhoneEntry(phone, is_primary=True)]))


def _bill(desk, client, day, rupees, branch, counter="", bill_no=""):
    return desk.history.record_purchase(PurchaseRecord(client, day, rupees * 100, bill_no, branch=branch, counter=counter))


@pytest.fixture
def two_branches(desk):
    """Asha: Andheri counter 1 ₹1,000 (10 Nov), Bandra ₹2,500 (15 Nov), an old bill ₹400 (1 Aug)."""
    asha = _client(desk)
    _bill(desk, asha, dt.date(2026, 11, 10), 1000, "Andheri", "Counter 1", "A-1")
    _bill(desk, asha, dt.date(2026, 11, 15), 2500, "Bandra", "काउंटर २", "B-1")
    _bill(desk, asha, dt.date(2026, 8, 1), 400, "", "", "OLD")
    return asha


def _column_texts(table, column):
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_purchase_history_shows_branch_and_counter(desk, two_branches, qtbot, language):
    tab = PurchasesTab(desk.history, desk.clock)
    qtbot.addWidget(tab)
    tab.set_client(two_branches)
    words = WORDS[language]
    headers = [tab.table.horizontalHeaderItem(c).text() for c in range(tab.table.columnCount())]
    assert headers[3:5] == [words["branch"], words["counter"]]
    assert not tab.table.isColumnHidden(3) and not tab.table.isColumnHidden(4)
    assert _column_texts(tab.table, 1) == ["B-1", "A-1", "OLD"]  # newest first
    assert _column_texts(tab.table, 3) == ["Bandra", "Andheri", words["none"]]
    assert _column_texts(tab.table, 4) == ["काउंटर २", "Counter 1", ""]
    tab.resize(900, 300)
    tab.show()
    tab.grab().save(f"/tmp/branches-history-{language}.png")


def test_a_shop_without_names_sees_no_branch_columns(desk, qtbot):
    asha = _client(desk)
    _bill(desk, asha, dt.date(2026, 11, 1), 100, "")
    tab = PurchasesTab(desk.history, desk.clock)
    qtbot.addWidget(tab)
    tab.set_client(asha)
    assert tab.table.isColumnHidden(3) and tab.table.isColumnHidden(4)


def test_insights_page_branch_box(desk, two_branches, qtbot, language):
    page = InsightsPage(desk.insights, desk.segments, desk.clients, desk.loyalty, desk.exports, desk.clock)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    words = WORDS[language]
    box = page.branch
    assert box.isVisible() and not page.branch_note.isVisible()
    assert [box.itemText(i) for i in range(box.count())] == [words["all"], "Andheri", "Bandra", words["none"]]
    assert box.branch() is None
    sales = page.dashboard.numbers["month_sales"]
    assert sales.text() == "₹3,500"
    box.choose("Andheri")
    assert box.branch() == "Andheri" and sales.text() == "₹1,000" and page.branch_note.isVisible()
    assert page.dashboard.numbers["clients"].text() == "1"
    box.choose("")
    assert sales.text() == "₹0" and page.dashboard.numbers["avg_bill"].text() == "₹400"
    qtbot.wait(50)  # the old axes go when the event loop runs
    page.grab().save(f"/tmp/branches-insights-{language}.png")
    page.reload()  # a refresh keeps the choice
    assert box.branch() == "" and sales.text() == "₹0"
    box.choose(None)
    assert sales.text() == "₹3,500" and not page.branch_note.isVisible()


def test_insights_page_without_branches_hides_the_box(desk, qtbot):
    _bill(desk, _client(desk), dt.date(2026, 11, 1), 100, "")
    page = InsightsPage(desk.insights, desk.segments, desk.clients, desk.loyalty, desk.exports, desk.clock)
    qtbot.addWidget(page)
    page.show()
    assert not page.branch.isVisible() and not page.branch_label.isVisible() and not page.branch_note.isVisible()


def test_branch_combo_keeps_a_choice_still_offered():
    combo = BranchCombo()
    combo.set_branches(["", "Andheri", "O'Brien \"Main\""])
    combo.choose("O'Brien \"Main\"")
    combo.set_branches(["O'Brien \"Main\"", "Powai"])
    assert combo.branch() == "O'Brien \"Main\""
    combo.set_branches(["Powai", "Andheri"])
    assert combo.branch() is None  # gone: back to every branch
    combo.choose("nowhere")
    assert combo.branch() is None


def test_branch_dialog(qtbot, language):
    dialog = BranchDialog(["", "Andheri", "अंधेरी पश्चिम " + "क" * 40], "Export clients", of_clients=True)
    qtbot.addWidget(dialog)
    assert dialog.branch() is None and dialog.combo.itemText(0) == WORDS[language]["all"]
    dialog.combo.choose("")
    assert dialog.branch() == ""
    dialog.show()
    dialog.grab().save(f"/tmp/branches-dialog-{language}.png")
    assert ask_branch(None, ["Andheri"], "x") is None and ask_branch(None, [], "x") is None  # nothing to ask


def test_export_asks_the_branch_and_writes_only_its_bills(desk, two_branches, qtbot, tmp_path, monkeypatch):
    messages = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: messages.append(text))
    asked = []

    def answer(parent, names, title, of_clients=False):
        asked.append((names, title, of_clients))
        return "Andheri"

    monkeypatch.setattr(branch_choice, "ask_branch", answer)
    target = tmp_path / "andheri.xlsx"
    monkeypatch.setattr(export_ui, "choose_save_path", lambda *args: str(target))
    job = export_ui.export_purchases(None, desk.exports)
    with qtbot.waitSignal(job.finished, timeout=15000):
        pass
    assert asked == [(["", "Andheri", "Bandra"], "Export purchases", False)]
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    assert [(r[1], r[7], r[8], r[9]) for r in rows[1:]] == [("A-1", 1000, "Andheri", "Counter 1")]
    clients = tmp_path / "clients.xlsx"
    monkeypatch.setattr(export_ui, "choose_save_path", lambda *args: str(clients))
    job = export_ui.export_clients(None, desk.exports, ClientFilter(), [])
    with qtbot.waitSignal(job.finished, timeout=15000):
        pass
    assert [r[0] for r in openpyxl.load_workbook(clients).active.iter_rows(values_only=True)] == ["Name", "Asha"]
    assert asked[-1] == (["", "Andheri", "Bandra"], "Export clients", True)
    # backing out of the question writes nothing and asks no file name
    monkeypatch.setattr(branch_choice, "ask_branch", lambda *args, **kwargs: CANCELLED)
    monkeypatch.setattr(export_ui, "choose_save_path", lambda *args: pytest.fail("asked for a file"))
    assert export_ui.export_interactions(None, desk.exports) is None
    # a selection is exported as chosen: no question
    monkeypatch.setattr(export_ui, "choose_save_path", lambda *args: str(clients))
    job = export_ui.export_clients(None, desk.exports, ClientFilter(), [two_branches])
    with qtbot.waitSignal(job.finished, timeout=15000):
        pass
