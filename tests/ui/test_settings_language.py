"""Settings: choosing the language stores it at once (no separate Save) and offers "Restart now";
the rest of the page still waits for "Save settings"."""

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QFont

from ui.app import install_translator, register_fonts
from ui.mainwindow import MainWindow


@pytest.fixture
def ui_settings(tmp_path):
    return QSettings(str(tmp_path / "window.ini"), QSettings.IniFormat)




@pytest.fixture
def window(language, qtbot, desk, ui_settings):
    ui_settings.setValue("language", language)
    win = MainWindow(desk, ui_settings)
    qtbot.addWidget(win)
    win.resize(1366, 700)
    win.show()
    return win


def _choose(qtbot, combo, code: str) -> None:
    """Pick an entry the way a person does: the keyboard on the closed box (emits `activated`)."""
    combo.setFocus()
    target = combo.findData(code)
    key = Qt.Key_Down if target > combo.currentIndex() else Qt.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)


def test_choosing_the_language_stores_it_at_once_and_offers_restart(qtbot, window, desk, ui_settings, language, tmp_path):
    page = window.show_page("settings")
    other = "hi" if language == "en" else "en"
    page.shop_name.setText("Unsaved name")
    assert not page.language_note.isVisible()
    with qtbot.waitSignal(page.language_changed) as changed:
        _choose(qtbot, page.language, other)
    assert changed.args == [other]
    assert QSettings(ui_settings.fileName(), QSettings.IniFormat).value("language") == other  # on disk, no Save
    assert page.language_note.isVisible() and page.restart_button.isVisible()
    assert desk.settings.get("shop_name") != "Unsaved name"  # the rest of the page still waits for Save
    window.grab().save(str(tmp_path / f"settings-language-{language}.png"))

    _choose(qtbot, page.language, language)  # back to the running language: nothing to restart for
    assert ui_settings.value("language") == language
    assert not page.language_note.isVisible()


def test_save_settings_still_saves_the_rest_and_keeps_the_language(qtbot, window, desk, ui_settings, language):
    page = window.show_page("settings")
    other = "hi" if language == "en" else "en"
    _choose(qtbot, page.language, other)
    page.shop_name.setText("Sharma General Store")
    page.save()
    assert desk.settings.get("shop_name") == "Sharma General Store"
    assert ui_settings.value("language") == other and page.language_note.isVisible()


def test_opening_the_page_again_shows_the_stored_choice_without_storing(qtbot, window, ui_settings, language):
    page = window.show_page("settings")
    other = "hi" if language == "en" else "en"
    _choose(qtbot, page.language, other)
    page.activated()  # the page is shown again: load() sets the box from the file, stores nothing new
    assert page.language.currentData() == other and ui_settings.value("language") == other
    assert page.language_note.isVisible()
