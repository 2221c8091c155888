"""The ledger names the bill each entry belongs to; issuing a card asks first; the card back
prints the stamp reward."""

from __future__ import annotations

import unicodedata

import pytest
from PySide6.QtWidgets import QMessageBox
from pypdf import PdfReader

import ui.dialogs
from tests.loyalty.helpers import add_client
from ui.loyalty.page import LoyaltyPage


@pytest.fixture
def answers(monkeypatch):
    """What the (replaced) question dialog answers, and the questions asked."""
    state = {"answer": QMessageBox.Yes, "asked": []}

    def ask(parent, title, text, *args, **kwargs):
        state["asked"].append(text)
        return state["answer"]

    monkeypatch.setattr(ui.dialogs, "ask", ask)
    return state


@pytest.fixture
def page(desk, qtbot, answers):
    widget = LoyaltyPage(desk.loyalty, desk.cards, desk.counter, desk.clients)
    qtbot.addWidget(widget)
    return widget


def test_earned_and_redeemed_entries_show_their_bill(desk, page):
    cid = add_client(desk, "Priya Singh", "9812345678")
    desk.counter.record_sale(cid, 20_000_00, bill_no="B-7")
    desk.counter.record_sale(cid, 1_250_50, redeem_points=100)
    page.set_client(cid)
    texts = [page.model.index(r, 5).data() for r in range(page.model.rowCount())]
    kinds = [page.model.index(r, 1).data() for r in range(page.model.rowCount())]
    assert texts[kinds.index("Redeemed")] == "Bill of ₹1,250.50"
    assert "Bill B-7 of ₹20,000.00" in texts
    assert all(t for t, k in zip(texts, kinds) if k in ("Earned", "Redeemed"))
    dates = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    assert all(d[2] == "/" and d[5] == "/" for d in dates)  # dd/mm/yyyy


def test_issuing_a_card_asks_first(desk, page, answers):
    cid = add_client(desk, "Priya Singh", "9812345678")
    page.set_client(cid)
    answers["answer"] = QMessageBox.No
    page.issue_card()
    assert desk.loyalty.card_of(cid) is None and len(answers["asked"]) == 1
    answers["answer"] = QMessageBox.Yes
    page.issue_card()
    assert desk.loyalty.card_of(cid) is not None


def test_card_back_prints_the_stamp_reward(desk, tmp_path):
    rules = desk.loyalty.rules()
    rules = type(rules)(**{**rules.__dict__, "stamps_needed": 8, "stamp_reward": "10% off"})
    desk.loyalty.set_rules(rules)
    cid = add_client(desk, "Priya Singh", "9812345678")
    out = tmp_path / "cards.pdf"
    desk.cards.write_cards(out, [cid])
    text = unicodedata.normalize("NFKC", "".join(page.extract_text() for page in PdfReader(out).pages))
    assert "8 × • = 10% off" in text  # NFKC: the font draws "ff" as one ligature
