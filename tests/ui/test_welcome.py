"""The first start: the welcome page writes the shop's settings, speaks the language picked, and its
three ways in lead to the import wizard, a new client, or a separate demo desk."""

import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from clientdesk.desk import Desk
from clientdesk.paths import AppPaths
from clientdesk.clients.fields import ClientData, PhoneEntry
from ui.mainwindow import MainWindow
from ui.welcome import page as welcome_page
from ui.welcome import start
from ui.welcome.page import WelcomeDialog

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def ui_settings(tmp_path):
    return QSettings(str(tmp_path / "window.ini"), QSettings.IniFormat)


@pytest.fixture
def logo(tmp_path):
    image = QImage(64, 40, QImage.Format_RGB32)
    image.fill(QColor("#c62828"))
    path = tmp_path / "logo.png"
    assert image.save(str(path))
    return path


def on_modal(kind, act):
    """Run act(dialog) as soon as a modal dialog of `kind` is up (dialogs are opened with exec())."""
    def poll():
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            try:
                act(widget)
            finally:  # a failed step must not leave exec() waiting forever
                if widget.isVisible():
                    widget.reject()
        else:
            QTimer.singleShot(20, poll)
    QTimer.singleShot(0, poll)


def test_filled_by_the_keyboard_it_writes_the_shop_settings(qtbot, desk, ui_settings, logo, monkeypatch):
    monkeypatch.setattr(welcome_page, "choose_logo", lambda parent: str(logo))
    dialog = WelcomeDialog(desk.settings, desk.set_language, ui_settings)
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.page
    qtbot.keyClicks(page.shop_name, "Sharma General Store")
    qtbot.keyClicks(page.shop_phone, "98765 43210")
    qtbot.keyClicks(page.shop_address, "12, Station Road, Pune 411001")
    page.shop_state.setCurrentIndex(page.shop_state.findData("MH"))
    page.language.setCurrentIndex(page.language.findData("hi"))
    qtbot.mouseClick(page.logo_button, Qt.LeftButton)
    assert not page.logo_preview.pixmap().isNull()
    qtbot.mouseClick(page.save_button, Qt.LeftButton)
    stored = desk.settings.all()
    assert (stored["shop_name"], stored["shop_phone"], stored["shop_address"], stored["shop_state"],
            stored["shop_logo"]) == ("Sharma General Store", "98765 43210", "12, Station Road, Pune 411001", "MH",
                                     str(logo))
    assert ui_settings.value("language") == "hi" and dialog.language_changed
    assert page.steps.currentIndex() == 1 and "Sharma General Store" in page.ready_label.text()
    qtbot.mouseClick(page.first_client_button, Qt.LeftButton)
    assert dialog.result() == WelcomeDialog.Accepted and dialog.choice == "first_client"


def test_the_state_box_lists_every_state_by_name(qtbot, desk):
    from clientdesk.services.settings import STATES

    dialog = WelcomeDialog(desk.settings, desk.set_language)
    qtbot.addWidget(dialog)
    box = dialog.page.shop_state
    codes = [box.itemData(i) for i in range(box.count())]
    assert codes[0] == "" and sorted(codes[1:]) == sorted(STATES)
    assert box.itemText(box.findData("MH")) == "Maharashtra" and box.itemText(box.findData("UP")) == "Uttar Pradesh"


@pytest.mark.parametrize("name, phone, words", [
    ("", "98765 43210", "Write the shop's name"),
    ("   ", "", "Write the shop's name"),
    ("Sharma Store", "12345", "phone number is not valid"),
    ("Sharma Store", "98765", "phone number is not valid"),
    ("x" * 300, "", "too long"),
])
def test_a_mistake_is_named_and_nothing_is_written(qtbot, desk, name, phone, words):
    dialog = WelcomeDialog(desk.settings, desk.set_language)
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.page
    page.shop_name.setText(name)
    page.shop_phone.setText(phone)
    page.shop_state.setCurrentIndex(page.shop_state.findData("KA"))
    qtbot.mouseClick(page.save_button, Qt.LeftButton)
    assert words in page.error_label.text() and page.error_label.isVisible()
    assert page.steps.currentIndex() == 0
    assert desk.settings.get("shop_name") == "" and desk.settings.get("shop_state") == ""


def test_a_picture_that_is_not_one_is_refused(qtbot, desk, tmp_path):
    fake = tmp_path / "logo.png"
    fake.write_text("not a picture")
    dialog = WelcomeDialog(desk.settings, desk.set_language)
    qtbot.addWidget(dialog)
    page = dialog.page
    page.shop_name.setText("Sharma Store")
    page.set_logo(str(fake))
    assert not page.save() and "PNG or JPG" in page.error_label.text()
    assert desk.settings.get("shop_name") == ""


def test_not_now_leaves_the_desk_as_it_was(qtbot, desk, ui_settings):
    dialog = WelcomeDialog(desk.settings, desk.set_language, ui_settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.page.shop_name.setText("Typed but not saved")
    dialog.page.language.setCurrentIndex(dialog.page.language.findData("hi"))
    qtbot.mouseClick(dialog.page.later_button, Qt.LeftButton)
    assert dialog.choice is None and desk.settings.get("shop_name") == ""
    assert ui_settings.value("language", "en") == "en"  # from Settings, the language goes with "Save"


def test_picking_hindi_at_the_first_start_speaks_hindi_at_once(qtbot, desk, ui_settings):
    dialog = WelcomeDialog(desk.settings, desk.set_language, ui_settings, live_language=True,
                           switch_language=start.switch_language)
    qtbot.addWidget(dialog)
    dialog.show()
    try:
        dialog.page.shop_name.setText("शर्मा जनरल स्टोर")
        dialog.page.shop_state.setCurrentIndex(dialog.page.shop_state.findData("RJ"))
        english = dialog.page.save_button.text()
        dialog.page.language.setCurrentIndex(dialog.page.language.findData("hi"))
        page = dialog.page
        assert page.save_button.text() != english and page.save_button.text() == "सहेजें और आगे बढ़ें"
        assert page.shop_state.itemText(page.shop_state.findData("RJ")) == "राजस्थान"
        assert page.shop_name.text() == "शर्मा जनरल स्टोर" and page.shop_state.code() == "RJ"  # typed values kept
        assert page.language.currentData() == "hi" and ui_settings.value("language") == "hi"
        assert dialog.windowTitle() == "ClientDesk में आपका स्वागत है"
    finally:
        start.switch_language("en")
    assert QApplication.translate("Welcome", "Save and continue") == "Save and continue"


# ----- the first start, in the window -----------------------------------------------------------------------
def test_a_new_desk_is_welcomed_before_the_window_and_the_way_in_is_followed(qtbot, tmp_path):
    from ui.app import open_window
    from ui.clients.editor import ClientEditor

    def fill(dialog):
        dialog.page.shop_name.setText("Gupta Kirana")
        dialog.page.shop_state.set_code("UP")
        qtbot.mouseClick(dialog.page.save_button, Qt.LeftButton)
        qtbot.mouseClick(dialog.page.first_client_button, Qt.LeftButton)

    on_modal(WelcomeDialog, fill)
    window = open_window(AppPaths.under(tmp_path / "base"), tmp_path / "shop.sqlite", backup=False, welcome=True)
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.desk.settings.get("shop_name") == "Gupta Kirana"
        assert window.desk.settings.get("shop_state") == "UP"
        qtbot.waitUntil(lambda: isinstance(getattr(window.pages["clients"], "editor", None), ClientEditor)
                        and window.pages["clients"].editor.isVisible())
        window.pages["clients"].editor.reject()
        assert "DEMO" not in window.windowTitle()
    finally:
        window.close()
        window.desk.close()


def test_a_desk_with_a_shop_name_or_clients_opens_straight_away(qtbot, tmp_path):
    from ui.app import open_window

    named = Desk.open(tmp_path / "named.sqlite")
    named.settings.set("shop_name", "Sharma Store")
    assert not start.needs_welcome(named)
    named.close()
    busy = Desk.open(tmp_path / "busy.sqlite")
    busy.clients.create(ClientData(name="Asha", phones=[PhoneEntry("98200 12345", is_primary=True)]))
    assert not start.needs_welcome(busy)
    busy.close()
    window = open_window(AppPaths.under(tmp_path / "base"), tmp_path / "busy.sqlite", backup=False, welcome=True)
    qtbot.addWidget(window)  # returned without a modal page to answer
    window.desk.close()


def test_import_opens_the_import_wizard(qtbot, desk, ui_settings):
    from ui.importing.wizard import ImportWizard

    window = MainWindow(desk, ui_settings)
    qtbot.addWidget(window)
    window.show()
    seen = []
    on_modal(ImportWizard, lambda wizard: (seen.append(wizard), wizard.reject()))
    start.follow(window, "import")
    assert len(seen) == 1


def test_reopened_from_settings(qtbot, desk, ui_settings):
    window = MainWindow(desk, ui_settings)
    qtbot.addWidget(window)
    window.show()
    settings_page = window.show_page("settings")

    def fill(dialog):
        dialog.page.shop_name.setText("Verma Sweets")
        dialog.page.language.setCurrentIndex(dialog.page.language.findData("hi"))
        qtbot.mouseClick(dialog.page.save_button, Qt.LeftButton)
        qtbot.mouseClick(dialog.page.desk_button, Qt.LeftButton)

    on_modal(WelcomeDialog, fill)
    qtbot.mouseClick(settings_page.welcome_button, Qt.LeftButton)
    assert settings_page.shop_name.text() == "Verma Sweets" and desk.settings.get("shop_name") == "Verma Sweets"
    assert ui_settings.value("language") == "hi" and settings_page.language_note.isVisible()
    assert QApplication.translate("Welcome", "Save and continue") == "Save and continue"  # next start, not now


# ----- the demo desk -----------------------------------------------------------------------------------------
def test_the_demo_desk_is_a_separate_file_opened_by_a_second_clientdesk(qtbot, desk, ui_settings, monkeypatch):
    started = []
    monkeypatch.setattr(start, "start_detached", lambda program, arguments: started.append((program, arguments))
                        or True)
    window = MainWindow(desk, ui_settings)
    qtbot.addWidget(window)
    argv = [str(ROOT / "main.py"), "--db", str(desk.path), "--basedir", "/tmp/somewhere"]
    process = start.open_demo_desk(window, argv)
    assert process is not None
    qtbot.waitUntil(lambda: bool(started), timeout=120_000)
    demo = desk.path.with_name("clientdesk-demo.sqlite")
    program, arguments = started[0]
    assert program == sys.executable
    assert arguments == [str(ROOT / "main.py"), "--basedir", "/tmp/somewhere", "--db", str(demo)]
    with sqlite3.connect(demo) as db:
        assert db.execute("SELECT count(*) FROM client").fetchone()[0] == start.DEMO_CLIENTS
        assert db.execute("SELECT value FROM setting WHERE key = 'shop_name'").fetchone()[0]
    assert desk.clients.count() == 0  # the shop's desk got nothing
    assert start.open_demo_desk(window, argv) is None and len(started) == 2  # made once, opened again


def test_the_demo_desk_says_so_in_the_title(qtbot, tmp_path, ui_settings):
    demo = Desk.open(tmp_path / "clientdesk-demo.sqlite")
    try:
        assert start.is_demo_desk(demo) and not start.needs_welcome(demo)
        window = MainWindow(demo, ui_settings)
        qtbot.addWidget(window)
        start.after_window(window, None)
        assert "DEMO" in window.windowTitle()
        assert window.statusBar().findChild(type(window.status_text), "demo-badge").text() == "DEMO desk"
    finally:
        demo.close()


def test_demo_arguments_drop_the_shops_db(desk):
    program, fill, open_it = start.demo_commands(desk, ["ClientDesk.exe", "--db=shop.sqlite", "--basedir", "B"],
                                                 frozen=True)
    demo = str(desk.path.with_name("clientdesk-demo.sqlite"))
    assert program == sys.executable
    assert fill == ["--basedir", "B", "--db", demo, "demo", "--clients", "300"]
    assert open_it == ["--basedir", "B", "--db", demo]
