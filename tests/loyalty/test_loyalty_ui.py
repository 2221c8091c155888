"""The loyalty-card view, the rules panel of Settings, and printing through a (PDF) printer."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox
from pypdf import PdfReader

import ui.dialogs
import ui.loyalty.page
from clientdesk.loyalty.models import LedgerEntry
from tests.cli_helpers import UrlCatcher
from tests.loyalty.helpers import add_client
from ui.loyalty.ledger_model import LedgerModel
from ui.loyalty.page import AdjustDialog, LoyaltyPage
from ui.loyalty.printing import render_pages
from ui.loyalty.settings_panel import LoyaltySettingsPanel




@pytest.fixture
def opened_urls():
    catcher = UrlCatcher(local_files=True)
    QDesktopServices.setUrlHandler("file", catcher, "catch")
    yield catcher.urls
    QDesktopServices.unsetUrlHandler("file")


@pytest.fixture
def page(desk, qtbot, monkeypatch):
    monkeypatch.setattr(ui.dialogs, "ask", lambda *a, **k: QMessageBox.Yes)
    widget = LoyaltyPage(desk.loyalty, desk.cards, desk.counter, desk.clients)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


def test_card_view_ledger_and_actions(desk, page, qtbot, qtmodeltester, monkeypatch, tmp_path):
    cid = add_client(desk, "Priya Singh", "9812345678")
    desk.counter.record_sale(cid, 2_000_00)
    qtbot.keyClicks(page.lookup.edit, "9812345678")
    qtbot.keyClick(page.lookup.edit, Qt.Key_Return)
    assert page.client_id == cid
    assert page.balance_label.text() == "Balance: 70 points"
    assert not page.front_label.pixmap().isNull()
    assert page.model.rowCount() == 2
    assert page.model.index(0, 1).data() == "Earned" and page.model.index(1, 5).data() == "Sign-up bonus"
    qtmodeltester.check(page.model)
    assert page.grab().save(str(tmp_path / "loyalty_card_view.png"))  # to look at; never into the repository

    old = desk.loyalty.card_of(cid)
    page.replace_button.click()
    assert desk.loyalty.card_of(cid) != old
    assert page.balance_label.text() == "Balance: 70 points"

    monkeypatch.setattr(ui.loyalty.page, "ask_adjustment", lambda parent: (-20, "wrong bill"))
    page.adjust_button.click()
    assert desk.loyalty.balance(cid) == 50
    assert page.model.index(0, 5).data() == "wrong bill"


def test_issue_card_for_a_client_without_one(desk, page):
    cid = add_client(desk)
    page.set_client(cid)
    assert page.card_label.text() == "No card yet" and page.issue_button.isVisible()
    page.issue_button.click()
    assert desk.loyalty.card_of(cid) is not None and page.replace_button.isVisible()


def test_print_unprinted_cards_opens_the_pdf(desk, page, qtbot, monkeypatch, tmp_path, opened_urls):
    ids = [add_client(desk, f"Client {i}", f"98100000{i:02d}") for i in range(3)]
    for cid in ids:
        desk.cards.issue_card(cid)
    out = tmp_path / "new-cards.pdf"
    monkeypatch.setattr(ui.loyalty.page, "ask_save_path", lambda *a: out)
    with qtbot.waitSignal(page.badge_changed, timeout=10_000) as badge:
        page.print_unprinted()
    assert badge.args == [0]
    qtbot.waitUntil(lambda: opened_urls == [str(out)], timeout=10_000)
    assert len(PdfReader(out).pages) == 2
    assert desk.cards.unprinted_client_ids() == []


def test_adjust_dialog_needs_points_and_reason(qtbot):
    dialog = AdjustDialog()
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.points.setValue(10)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.reason, "Diwali gift")
    assert dialog.ok_button.isEnabled()


def test_printing_renders_every_page_at_true_size(desk, tmp_path, qapp):
    ids = [add_client(desk, f"Client {i}", f"98200000{i:02d}") for i in range(11)]
    cards = tmp_path / "cards.pdf"
    desk.cards.write_cards(cards, ids)
    printer = QPrinter(QPrinter.ScreenResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setFullPage(True)
    assert render_pages(cards, printer) == 4
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 4


def test_settings_panel_summary_save_and_validation(desk, qtbot, monkeypatch, tmp_path):
    errors = []
    monkeypatch.setattr(ui.dialogs, "show_error", lambda parent, exc: errors.append(exc))
    panel = LoyaltySettingsPanel(desk.loyalty)
    qtbot.addWidget(panel)
    panel.resize(1100, 700)
    assert "1 point for every ₹100" in panel.summary_label.text()
    assert "Silver from ₹10,000 spent in 12 months: 1.25× points" in panel.summary_label.text()
    panel.per_point.setValue(50)
    panel.max_pct.setValue(30)
    panel.reward.setText("free dupatta")
    panel.tiers.item(2, 1).setText("40000")
    assert "1 point for every ₹50" in panel.summary_label.text()
    assert panel.grab().save(str(tmp_path / "loyalty_settings.png"))
    with qtbot.waitSignal(panel.saved):
        assert panel.save()
    rules = desk.loyalty.rules()
    assert (rules.paise_per_point, rules.max_redeem_pct, rules.stamp_reward) == (50_00, 30, "free dupatta")
    assert rules.tier("gold").min_spend_paise == 40_000_00

    panel.tiers.item(1, 1).setText("50000")  # silver above gold: refused
    assert not panel.save() and errors and errors[-1].field == "tiers"
    assert desk.loyalty.rules() == rules
    panel.add_tier.click()
    assert panel.tiers.rowCount() == 4


def test_rule_change_in_panel_keeps_earned_points(desk, qtbot):
    cid = add_client(desk)
    desk.counter.record_sale(cid, 5_000_00)
    before = [(e.points, e.expires_on, e.value_paise) for e in LedgerEntry.select().order_by(LedgerEntry.id)]
    panel = LoyaltySettingsPanel(desk.loyalty)
    qtbot.addWidget(panel)
    panel.expiry.setValue(30)
    panel.point_value.setValue(0.5)
    assert panel.save()
    assert [(e.points, e.expires_on, e.value_paise) for e in LedgerEntry.select().order_by(LedgerEntry.id)] == before
    assert dataclasses.asdict(desk.loyalty.rules())["expiry_days"] == 30


def test_ledger_model_empty_and_filled(qtmodeltester, desk):
    model = LedgerModel()
    qtmodeltester.check(model)
    cid = add_client(desk)
    desk.loyalty.add_opening_balance(cid, 10, "carried over")
    model.set_rows(desk.loyalty.ledger(cid))
    qtmodeltester.check(model)
    assert model.index(0, 2).data() == "+10" and model.index(0, 1).data() == "Opening balance"
