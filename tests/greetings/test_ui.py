"""The Greetings page driven as a shopkeeper would: Coming up, compose, WhatsApp walk, cards, email,
templates with live preview, festivals, settings, consent withdrawal and a client's own dates."""

import datetime as dt

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from clientdesk.greetings import whatsapp
from clientdesk.greetings.occasions import personal
from clientdesk.models import Interaction
from ui import dialogs
from ui.greetings.client_occasions import ClientOccasionsDialog
from ui.greetings.consent import withdraw_consent
from ui.greetings.settings_panel import GreetingSettingsPanel
from tests.greetings.helpers import greetings_page, make_client

TODAY = dt.date(2026, 11, 22)


def _greetings(client_id):
    return Interaction.select().where(Interaction.client == client_id, Interaction.kind == "greeting").count()


def test_coming_up_counts_badge_and_who(qtbot, qtmodeltester, page, shop):
    asha = make_client(shop, name="Asha Verma", birth_day=22, birth_month=11)
    make_client(shop, name="Mohan Das", anniversary_day=25, anniversary_month=11, anniversary_year=2000)
    with qtbot.waitSignal(page.badge_changed) as badge:
        page.activated()
    assert badge.args == [1]
    view = page.coming_up
    assert view.buttons["today"].text().endswith("(1)")
    assert view.model.rowCount() == 1
    top = view.model.index(0, 0)
    view.tree.expand(top)
    assert view.model.index(0, 1, top).data() == "Asha Verma"
    qtmodeltester.check(view.model)
    qtbot.mouseClick(view.buttons["week"], Qt.LeftButton)
    names = [view.model.index(r, 1).data() for r in range(view.model.rowCount())]
    assert "Wedding anniversary" in names and "Guru Nanak's Jayanti" in names
    view.tree.setCurrentIndex(view.model.index(0, 0))
    qtbot.mouseClick(view.greet_button, Qt.LeftButton)
    assert page.tabs.currentWidget() is page.composer
    assert page.composer.send.recipients == [asha] and page.composer.occasion().kind == "birthday"


def test_compose_shows_left_out_and_walks_whatsapp(qtbot, qtmodeltester, page, shop, monkeypatch):
    ok = make_client(shop, name="Ramesh Kumar", birth_day=22, birth_month=11)
    no_consent = make_client(shop, name="Suresh", consents=(), birth_day=22, birth_month=11)
    second = make_client(shop, name="Kavita", language="en", birth_day=22, birth_month=11)
    opened = []
    monkeypatch.setattr("ui.greetings.composer.open_url", lambda url: opened.append(url) or True)
    composer = page.composer
    page.compose_for(personal("birthday"), TODAY, [ok, no_consent, second])
    composer.channel_box.setCurrentIndex(composer.channel_box.findData("whatsapp"))
    qtbot.mouseClick(composer.prepare_button, Qt.LeftButton)
    assert composer.drafts_model.rowCount() == 2
    assert composer.left_model.index(0, 1).data() == "No consent for this channel"
    qtmodeltester.check(composer.drafts_model)
    qtmodeltester.check(composer.left_model)
    assert "आदरणीय" in composer.editor.toPlainText()
    composer.edit_current("रमेश जी, जन्मदिन मुबारक! — Sharma General Store")
    qtbot.mouseClick(composer.open_link_button, Qt.LeftButton)
    assert whatsapp.parse_link(opened[-1])[1] == "रमेश जी, जन्मदिन मुबारक! — Sharma General Store"
    qtbot.mouseClick(composer.mark_button, Qt.LeftButton)
    assert _greetings(ok) == 1 and "जन्मदिन मुबारक" in shop.history.interactions(ok)[0].summary
    assert composer.drafts_model.index(0, 0).data() == "Sent"
    assert "2 of 2" in composer.walk_label.text()
    qtbot.mouseClick(composer.skip_button, Qt.LeftButton)
    assert composer.walk_label.text() == "Everyone is done." and _greetings(second) == 0


def test_copy_text_then_mark_as_sent(qtbot, page, shop):
    cid = make_client(shop, name="Neha Gupta", language="en", birth_day=22, birth_month=11)
    composer = page.composer
    page.compose_for(personal("birthday"), TODAY, [cid])
    composer.channel_box.setCurrentIndex(composer.channel_box.findData("copy"))
    composer.prepare()
    qtbot.mouseClick(composer.copy_button, Qt.LeftButton)
    assert QGuiApplication.clipboard().text().startswith("Dear Neha,")
    qtbot.mouseClick(composer.mark_button, Qt.LeftButton)
    assert shop.history.interactions(cid)[0].channel == "sms"


def test_cards_pdf_in_the_background_and_flag_question(qtbot, page, shop, monkeypatch, tmp_path):
    good = make_client(shop, name="Asha Verma", birth_day=22, birth_month=11)
    flagged = make_client(shop, name="Unnamed Shop", birth_day=22, birth_month=11)
    opened, asked = [], []
    monkeypatch.setattr("ui.greetings.composer.open_url", lambda url: opened.append(url) or True)
    monkeypatch.setattr("ui.greetings.composer.choose_save_path", lambda *a: str(tmp_path / "cards.pdf"))
    monkeypatch.setattr("ui.greetings.composer.choose", lambda *a, **k: asked.append(a[2]) or "leave")
    composer = page.composer
    page.compose_for(personal("birthday"), TODAY, [good, flagged])
    composer.layout_box.setCurrentIndex(composer.layout_box.findData("a5"))
    composer.prepare()
    composer.drafts_view.selectRow(1)
    composer.edit_current("Dear {nickname}, happy birthday")
    assert "Unknown field: nickname" in composer.flags_label.text()
    assert composer.drafts_model.index(1, 0).data().startswith("Check")
    qtbot.mouseClick(composer.print_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    assert asked and "1 message(s)" in asked[0]
    assert len(PdfReader(tmp_path / "cards.pdf").pages) == 2  # one A5 folded card: outside and inside
    assert _greetings(good) == 1 and _greetings(flagged) == 0
    assert composer.drafts_model.index(0, 0).data() == "Printed / Saved"


def test_email_in_the_background_with_retry(qtbot, page, shop, smtp_server, monkeypatch):
    inbox, smtp = smtp_server
    smtp.save(shop.settings)
    good = make_client(shop, name="रमेश कुमार", email="ramesh@example.in", birth_day=22, birth_month=11)
    bad = make_client(shop, name="Bad Address", email="bad@example.in", birth_day=22, birth_month=11)
    inbox.refuse.add("bad@example.in")
    composer = page.composer
    page.compose_for(personal("birthday"), TODAY, [good, bad])
    composer.channel_box.setCurrentIndex(composer.channel_box.findData("email"))
    composer.prepare()
    assert composer.subject_edit.isVisible()
    qtbot.mouseClick(composer.email_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: "failed" in composer.email_label.text(), timeout=20000)
    assert composer.email_label.text() == "1 sent, 1 failed"
    assert inbox.messages[0]["Subject"] == "जन्मदिन की हार्दिक शुभकामनाएँ, रमेश कुमार जी"
    assert composer.retry_button.isEnabled()
    inbox.refuse.clear()
    qtbot.mouseClick(composer.retry_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: composer.email_label.text() == "1 sent, 0 failed", timeout=20000)
    assert _greetings(good) == 1 and _greetings(bad) == 1 and len(inbox.messages) == 2


def test_templates_live_preview_flags_and_save(qtbot, page, shop):
    cid = make_client(shop, name="Kavita Verma", honorific="Smt.", birth_day=22, birth_month=11)
    editor = page.templates
    page.tabs.setCurrentWidget(editor)
    rows = [editor.list.item(i).data(Qt.UserRole).name for i in range(editor.list.count())]
    editor.list.setCurrentRow(rows.index("Birthday"))
    editor.picker.set_client(cid)
    assert editor.preview_hi.toPlainText().startswith("जन्मदिन की हार्दिक शुभकामनाएँ, Kavita Verma जी")
    assert "Dear Smt. Kavita" in editor.preview_en.toPlainText()
    editor.body_en.setPlainText("Dear {first_name}, {nickname} from {shop_phone}")
    qtbot.waitUntil(lambda: "Unknown field: nickname" in editor.preview_flags.text())
    assert "Empty field: Shop phone" in editor.preview_flags.text()
    editor.new_template()
    editor.name_edit.setText("Short birthday")
    editor.body_en.setPlainText("Happy birthday, {first_name}!")
    qtbot.mouseClick(editor.save_button, Qt.LeftButton)
    assert any(t.name == "Short birthday" for t in shop.greetings.templates("birthday"))
    page.composer.set_occasion(personal("birthday"), TODAY)
    assert page.composer.template_box.findText("Short birthday") >= 0


def test_festivals_hide_correct_and_add(qtbot, page, shop, monkeypatch):
    editor = page.festivals
    page.tabs.setCurrentWidget(editor)
    editor.select_key("christmas")
    qtbot.mouseClick(editor.hide_button, Qt.LeftButton)
    assert not [d for d in shop.greetings.calendar.year(2026) if d.key == "christmas"]
    assert editor.hide_button.text() == "Show again"
    editor.select_key("diwali-deepavali")
    monkeypatch.setattr("ui.greetings.festivals.ask_date", lambda *a: dt.date(2026, 11, 9))
    qtbot.mouseClick(editor.move_button, Qt.LeftButton)
    assert [d.date for d in shop.greetings.calendar.year(2026) if d.key == "diwali-deepavali"] == [dt.date(2026, 11, 9)]
    monkeypatch.setattr("ui.greetings.festivals.ask_new_occasion", lambda *a: ("Mela", "मेला", dt.date(2026, 12, 5), True))
    qtbot.mouseClick(editor.add_button, Qt.LeftButton)
    assert editor.current().key == "mela" and editor.remove_button.isEnabled()


def test_settings_panel_saves_state_caps_and_festivals(qtbot, shop):
    panel = GreetingSettingsPanel(shop.settings, shop.greetings, shop.clock)
    qtbot.addWidget(panel)
    panel.state_box.setCurrentIndex(panel.state_box.findData("MH"))
    panel.per_7.setValue(2)
    panel.per_30.setValue(5)
    for i in range(panel.festival_list.count()):
        item = panel.festival_list.item(i)
        item.setCheckState(Qt.Checked if item.data(Qt.UserRole) in ("holi", "christmas") else Qt.Unchecked)
    panel.host.setText("smtp.example.in")
    panel.user.setText("dukan@example.in")
    panel.password.setText("secret")
    monkeypatch_inform = []
    dialogs_inform = dialogs.inform
    dialogs.inform = lambda *a: monkeypatch_inform.append(a)
    try:
        assert panel.save()
    finally:
        dialogs.inform = dialogs_inform
    assert shop.settings.get("shop_state") == "MH"
    assert shop.settings.get("greet_cap_7_days") == 2 and shop.settings.get("greet_cap_30_days") == 5
    assert shop.greetings.celebrations.defaults() == ["christmas", "holi"]
    assert shop.settings.get("smtp_host") == "smtp.example.in"
    assert "secret" not in str(shop.settings.all())


def test_withdraw_consent_in_one_action(qtbot, shop, monkeypatch):
    cid = make_client(shop, name="Ramesh Kumar", birth_day=22, birth_month=11)
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: QMessageBox.Yes)
    monkeypatch.setattr(dialogs, "inform", lambda *a: None)
    assert withdraw_consent(None, shop.greetings, shop.clients, cid)
    assert not any(c.granted for c in shop.clients.get(cid).consents.values())
    assert shop.greetings.compose(personal("birthday"), TODAY, [cid], "whatsapp").left_out[0].reason == "no_consent"
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: QMessageBox.No)
    assert not withdraw_consent(None, shop.greetings, shop.clients, cid)


def test_client_occasions_dialog(qtbot, shop):
    cid = make_client(shop, name="Imran Khan")
    dialog = ClientOccasionsDialog(shop.greetings, shop.clients, shop.clock, cid)
    qtbot.addWidget(dialog)
    dialog.label.setText("बेटी का जन्मदिन")
    dialog.date.day.setCurrentIndex(dialog.date.day.findData(26))
    dialog.date.month.setCurrentIndex(dialog.date.month.findData(11))
    dialog.add_date()
    assert dialog.dates.count() == 1 and "26/11" in dialog.dates.item(0).text()
    dialog.own.setChecked(True)
    for i in range(dialog.festivals.count()):
        item = dialog.festivals.item(i)
        item.setCheckState(Qt.Checked if item.data(Qt.UserRole) == "id-ul-fitr" else Qt.Unchecked)
    dialog.save()
    assert shop.greetings.celebrations.of(cid) == (["id-ul-fitr"], True)
    assert [d.label for d in shop.greetings.custom_dates.of(cid)] == ["बेटी का जन्मदिन"]


def test_badge_counts_today_at_start_before_the_page_is_shown(qtbot, shop):
    make_client(shop, name="Asha Verma", birth_day=22, birth_month=11)
    make_client(shop, name="Usha", anniversary_day=22, anniversary_month=11)
    page = greetings_page(shop)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.badge_changed) as badge:
        pass
    assert badge.args == [2]


def test_built_in_template_names_speak_the_ui_language_until_renamed(qtbot, shop):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from clientdesk.paths import resource

    translator = QTranslator()
    assert translator.load(str(resource("i18n", "clientdesk_hi.qm")))
    QCoreApplication.installTranslator(translator)
    try:
        widget = greetings_page(shop)
        qtbot.addWidget(widget)
        editor = widget.templates
        labels = [editor.list.item(i).text() for i in range(editor.list.count())]
        assert any(label.startswith("दीपावली") for label in labels)
        assert not any(label.startswith("Diwali") for label in labels)
        diwali = next(i for i in range(editor.list.count()) if editor.list.item(i).text().startswith("दीपावली"))
        editor.list.setCurrentRow(diwali)
        assert editor.name_edit.text() == "दीपावली"
        editor.name_edit.setText("Shubh Deepavali")  # the shop's own name stays as written
        qtbot.mouseClick(editor.save_button, Qt.LeftButton)
        names = [t.name for t in shop.greetings.templates("festival")]
        assert "Shubh Deepavali" in names
        labels = [editor.list.item(i).text() for i in range(editor.list.count())]
        assert any(label.startswith("Shubh Deepavali") for label in labels)
    finally:
        QCoreApplication.removeTranslator(translator)
