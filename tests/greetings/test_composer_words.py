"""The composer's words agree with what happened (issue 15): the recipients box lists the chosen
clients the count speaks of; a cards PDF is "Printed / Saved", never "Sent"; the question about
flagged messages has buttons that say what they do; the template editor names fallback fields in
the UI language; a PDF nobody could open is said so, with its path."""

import datetime as dt

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from clientdesk.greetings.models import GreetingLog
from clientdesk.greetings.occasions import personal
from clientdesk.models import Interaction
from ui import dialogs
from ui.app import install_translator, register_fonts
from ui.greetings.templates_editor import format_fallbacks, parse_fallbacks
from ui.loyalty import printing
from tests.greetings.helpers import make_client

TODAY = dt.date(2026, 11, 22)


def _listed(composer) -> list[str]:
    model = composer.recipients_model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("Composer", text, "", n)


# ----- the recipients box and its count ------------------------------------------------------------
def test_the_count_and_the_recipients_box_agree(language, qtbot, page, shop, tmp_path):
    """"5 client(s) chosen" used to stand above an empty box: only the search box was there, and it
    is cleared after each pick. The box now lists the chosen clients; the count is its length."""
    names = ["Asha Verma", "Mohan Das", "Kavita Rao", "Suresh Reddy", "Meena Devi"]
    ids = [make_client(shop, name=n, birth_day=22, birth_month=11) for n in names]
    composer = page.composer
    page.compose_for(personal("birthday"), TODAY, ids)
    assert _listed(composer) == names
    assert composer.recipient_label.text() == _tr("%n client(s) chosen", 5)
    assert "5" in composer.recipient_label.text()
    page.grab().save(str(tmp_path / f"composer-five-{language}.png"))

    view = composer.recipients_view
    page.activateWindow()  # the Delete shortcut works in the active window
    qtbot.waitUntil(page.isActiveWindow)
    view.setCurrentIndex(composer.recipients_model.index(1, 0))  # Mohan Das chosen in the box
    view.setFocus()
    qtbot.keyClick(view, Qt.Key_Delete)
    assert composer.send.recipients == [ids[0], *ids[2:]]
    assert _listed(composer) == [n for n in names if n != "Mohan Das"]
    assert composer.recipient_label.text() == _tr("%n client(s) chosen", 4)

    qtbot.mouseClick(composer.clear_button, Qt.LeftButton)
    assert _listed(composer) == [] and composer.send.recipients == []
    assert composer.recipient_label.text() == _tr("Nobody chosen yet.")
    page.grab().save(str(tmp_path / f"composer-recipients-{language}.png"))


def test_a_client_added_by_search_is_listed_and_the_search_box_empties(qtbot, page, shop):
    cid = make_client(shop, name="Ramesh Kumar", birth_day=22, birth_month=11)
    composer = page.composer
    qtbot.keyClicks(composer.picker.box, "Ramesh")
    qtbot.keyClick(composer.picker.box, Qt.Key_Return)
    assert composer.send.recipients == [cid] and _listed(composer) == ["Ramesh Kumar"]
    assert composer.picker.box.text() == ""  # the box is for the next name, not a list of who is chosen
    assert composer.recipient_label.text() == "1 client(s) chosen"


def test_an_unknown_id_is_still_listed_and_thousands_are_named_on_demand(qtbot, page, shop):
    cid = make_client(shop, name="Asha Verma")
    composer = page.composer
    composer.set_recipients([cid, 999_999])
    assert _listed(composer) == ["Asha Verma", "#999999"]  # the count never counts someone unseen
    calls = []
    real = composer.recipients_model._names_of
    composer.recipients_model._names_of = lambda ids: calls.append(len(ids)) or real(ids)
    composer.set_recipients(range(1, 5001))
    assert composer.recipients_model.rowCount() == 5000
    assert composer.recipient_label.text() == "5000 client(s) chosen"
    assert composer.recipients_model.index(4999, 0).data() == "#5000"
    assert all(n <= 200 for n in calls) and sum(calls) < 5000  # a block at a time, not all 5000 names


# ----- a cards PDF is printed / saved, not sent ------------------------------------------------------
def test_cards_pdf_is_marked_printed_or_saved_not_sent(language, qtbot, page, shop, monkeypatch, tmp_path):
    cid = make_client(shop, name="Asha Verma", birth_day=22, birth_month=11)
    opened = []
    monkeypatch.setattr("ui.greetings.composer.open_url", lambda url: opened.append(url) or True)
    monkeypatch.setattr("ui.greetings.composer.choose_save_path", lambda *a: str(tmp_path / "cards.pdf"))
    composer = page.composer
    page.compose_for(personal("birthday"), TODAY, [cid])
    composer.prepare()
    qtbot.mouseClick(composer.print_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    status = composer.drafts_model.index(0, 0).data()
    assert status == _tr("Printed / Saved") and status != _tr("Sent")
    assert _tr("%n in the cards PDF", 1) in composer.drafts_label.text()
    assert str(tmp_path / "cards.pdf") in composer.cards_label.text()  # the confirmation beside the button
    log = GreetingLog.get(GreetingLog.client == cid)
    assert log.channel == "print"  # the code the UI words; no new column
    summary = Interaction.get_by_id(log.interaction_id).summary
    assert "card PDF saved" in summary and " · print · " not in summary and "sent" not in summary.lower()
    if language == "hi":
        assert status == "छपा / सहेजा"
    composer.grab().save(str(tmp_path / f"composer-printed-{language}.png"))


def test_whatsapp_still_says_sent(qtbot, page, shop, monkeypatch):
    cid = make_client(shop, name="Asha Verma", birth_day=22, birth_month=11)
    monkeypatch.setattr("ui.greetings.composer.open_url", lambda url: True)
    composer = page.composer
    page.compose_for(personal("birthday"), TODAY, [cid])
    composer.channel_box.setCurrentIndex(composer.channel_box.findData("whatsapp"))
    composer.prepare()
    qtbot.mouseClick(composer.mark_button, Qt.LeftButton)
    assert composer.drafts_model.index(0, 0).data() == "Sent"
    assert "· whatsapp ·" in Interaction.get(Interaction.client == cid).summary


def test_cards_saved_but_no_viewer_says_so_with_the_path(qtbot, page, shop, monkeypatch, tmp_path):
    cid = make_client(shop, name="Asha Verma", birth_day=22, birth_month=11)
    told = []
    monkeypatch.setattr("ui.greetings.composer.open_url", lambda url: False)
    monkeypatch.setattr("ui.greetings.composer.choose_save_path", lambda *a: str(tmp_path / "cards.pdf"))
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: told.append(text))
    composer = page.composer
    page.compose_for(personal("birthday"), TODAY, [cid])
    composer.prepare()
    qtbot.mouseClick(composer.print_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(told), timeout=20000)
    assert len(told) == 1 and str(tmp_path / "cards.pdf") in told[0] and "no program opened" in told[0]
    assert (tmp_path / "cards.pdf").stat().st_size > 0


def test_copying_the_text_is_confirmed_beside_the_buttons(qtbot, page, shop):
    cid = make_client(shop, name="Neha Gupta", language="en", birth_day=22, birth_month=11)
    composer = page.composer
    page.compose_for(personal("birthday"), TODAY, [cid])
    composer.channel_box.setCurrentIndex(composer.channel_box.findData("copy"))
    composer.prepare()
    qtbot.mouseClick(composer.copy_button, Qt.LeftButton)
    assert composer.walk_label.text() == "1 of 1: Neha Gupta · Text copied"
    qtbot.mouseClick(composer.copy_button, Qt.LeftButton)
    assert composer.walk_label.text().count("Text copied") == 1
    qtbot.mouseClick(composer.mark_button, Qt.LeftButton)
    assert composer.walk_label.text() == "Everyone is done."


# ----- the question about flagged messages ----------------------------------------------------------
def _answer_with(qtbot, words: str, seen: list):
    """Read the buttons of the question when it shows, then press the one with `words`."""
    def press():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        buttons = {b.text(): b for b in box.findChildren(QPushButton)}
        seen.append((box.text(), sorted(buttons), box.defaultButton().text()))
        buttons[words].click()
    QTimer.singleShot(0, press)


@pytest.mark.parametrize("answer, greeted", [("leave", 1), ("include", 2), ("cancel", 0)])
def test_flagged_question_has_buttons_that_say_what_they_do(language, qtbot, page, shop, monkeypatch, tmp_path,
                                                           answer, greeted):
    good = make_client(shop, name="Asha Verma", birth_day=22, birth_month=11)
    flagged = make_client(shop, name="Mohan Das", birth_day=22, birth_month=11)
    opened = []
    monkeypatch.setattr("ui.greetings.composer.open_url", lambda url: opened.append(url) or True)
    monkeypatch.setattr("ui.greetings.composer.choose_save_path", lambda *a: str(tmp_path / "cards.pdf"))
    composer = page.composer
    page.compose_for(personal("birthday"), TODAY, [good, flagged])
    composer.prepare()
    composer.drafts_view.selectRow(1)
    composer.edit_current("Dear {nickname}, happy birthday")
    words = {"leave": _tr("Leave them out"), "include": _tr("Include them as they are"), "cancel": _tr("Cancel")}
    seen = []
    _answer_with(qtbot, words[answer], seen)
    composer.make_cards()
    text, buttons, default = seen[0]
    assert sorted(words.values()) == buttons  # no Yes / No: each button says what it does
    assert default == words["leave"]
    if language == "hi":
        assert {"इन्हें छोड़ दें", "ऐसे ही शामिल करें", "रद्द करें"} == set(buttons)
    if answer != "cancel":
        qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    logged = GreetingLog.select().where(GreetingLog.client.in_([good, flagged])).count()
    assert logged == greeted


# ----- fallbacks in the template editor ---------------------------------------------------------------
def test_fallbacks_are_shown_by_translated_field_name(language, qtbot, page, tmp_path):
    editor = page.templates
    page.tabs.setCurrentWidget(editor)
    editor.new_template()
    shown = editor.fallbacks_edit.toPlainText()
    assert "honorific" not in shown  # the raw key, meaningless in the Hindi window
    expected = QCoreApplication.translate("Greetings", "Honorific (Shri, Smt. …)")
    assert shown == f"{expected} ="
    if language == "hi":
        assert shown == "संबोधन (श्री, श्रीमती …) ="
    assert editor.data().fallbacks == {"honorific": ""}
    editor.grab().save(str(tmp_path / f"templates-fallbacks-{language}.png"))


def test_fallbacks_read_back_by_name_code_or_english(language):
    tier = QCoreApplication.translate("Greetings", "Loyalty tier")
    text = f"{tier} = valued\nhonorific =\n{{city}} = your town\nShop name = Our shop\nnickname = friend\nno sign"
    assert parse_fallbacks(text) == {"tier": "valued", "honorific": "", "city": "your town",
                                     "shop_name": "Our shop", "nickname": "friend"}
    fallbacks = {"tier": "valued", "honorific": "", "nickname": "friend"}
    assert parse_fallbacks(format_fallbacks(fallbacks)) == fallbacks
    assert parse_fallbacks("") == {}


def test_a_saved_template_keeps_codes_and_says_saved(language, qtbot, page, shop):
    editor = page.templates
    page.tabs.setCurrentWidget(editor)
    editor.new_template()
    tier = QCoreApplication.translate("Greetings", "Loyalty tier")
    editor.fallbacks_edit.setPlainText(editor.fallbacks_edit.toPlainText() + f"\n{tier} = valued")
    editor.save()
    saved = shop.greetings.template(editor.current.id)
    assert saved.fallbacks == {"honorific": "", "tier": "valued"}
    assert editor.saved_label.text() == QCoreApplication.translate("TemplatesEditor", "Saved.")


# ----- opening a saved PDF fails -------------------------------------------------------------------------
class _NoViewer:
    @staticmethod
    def openUrl(url):
        return False


def test_open_pdf_that_no_program_opens_says_so_with_the_path(monkeypatch, tmp_path, qapp):
    told = []
    monkeypatch.setattr(printing, "QDesktopServices", _NoViewer)
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: told.append((title, text)))
    path = tmp_path / "कार्ड cards.pdf"
    assert printing.open_pdf(path) is False
    assert len(told) == 1 and str(path) in told[0][1] and "no program opened it" in told[0][1]
