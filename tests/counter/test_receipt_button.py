"""After a bill the counter offers its receipt: saved as a PDF (read back), the WhatsApp message
with the receipt text, the paper remembered per counter."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog
from pypdf import PdfReader

from clientdesk.counter.receipt import PAPERS
from tests.cli_helpers import UrlCatcher
from tests.loyalty.helpers import add_client
from ui.counter.page import CounterPage



@pytest.fixture
def opened():
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("https", catcher, "catch")
    yield catcher.urls
    QDesktopServices.unsetUrlHandler("https")


@pytest.fixture
def page(desk, qtbot, tmp_path):
    class Window:  # the main window hands its settings to the page
        ui_settings = QSettings(str(tmp_path / "w.ini"), QSettings.IniFormat)

    widget = CounterPage(desk.counter, desk.loyalty, desk.clients, desk.insights, desk.settings, desk.clock)
    widget.receipt_button.ui_settings = Window.ui_settings
    qtbot.addWidget(widget)
    return widget


def _sell(page, qtbot, desk, phone="9812345678"):
    page.show_client(desk.clients.find_by_phone(phone))
    qtbot.keyClicks(page.amount_edit, "1250")
    page.bill_edit.setText("B-9")
    qtbot.keyClick(page.amount_edit, Qt.Key_Return)


def test_no_receipt_before_a_bill_then_one_for_the_bill(desk, page, qtbot):
    add_client(desk, "Meena Devi", "9812345678", language="en")
    assert not page.receipt_button.isEnabled()
    _sell(page, qtbot, desk)
    receipt = page.receipt_button.receipt
    assert page.receipt_button.isEnabled() and receipt.amount_paise == 125_000
    assert receipt.bill_no == "B-9"
    assert receipt.balance == desk.loyalty.balance(desk.clients.find_by_phone("9812345678"))


def test_save_as_pdf_writes_the_slip_on_the_paper_chosen(desk, page, qtbot, tmp_path, monkeypatch):
    add_client(desk, "Meena Devi", "9812345678", language="en")
    _sell(page, qtbot, desk)
    page.receipt_button.paper_actions["58mm"].trigger()
    target = tmp_path / "slip.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    page.receipt_button.save_action.trigger()
    reader = PdfReader(target)
    assert "B-9" in reader.pages[0].extract_text()
    assert abs(float(reader.pages[0].mediabox.width) - PAPERS["58mm"]) < 0.5
    assert page.receipt_button.paper() == "58mm"


def test_whatsapp_opens_the_chat_with_the_receipt_in_the_clients_language(desk, page, qtbot, opened):
    add_client(desk, "मीना देवी", "9812345678", language="hi")
    _sell(page, qtbot, desk)
    page.receipt_button.whatsapp_action.trigger()
    assert len(opened) == 1 and opened[0].startswith("https://wa.me/919812345678?text=")
    assert "बचे पॉइंट" in unquote(opened[0])
