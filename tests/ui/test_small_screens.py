"""Small screens: every page (and every tab of a page), and the welcome page, fit a 1280×720 window in
English and in Hindi without sideways scrolling.

The check, for every scroll area shown: its horizontal bar is not visible with a range to scroll;
and a resizable QScrollArea's contents need no more width than its viewport gives (so a bar that is
switched off cannot hide text running off the right edge)."""

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScrollArea, QTabWidget

from ui.app import install_translator, register_fonts
from ui.mainwindow import PAGES, MainWindow
from ui.welcome.page import WelcomeDialog

SIZES = [(1280, 720), (1366, 768)]




@pytest.fixture
def filled_desk(desk):
    """A desk with clients, bills, loyalty, greetings and today's insights (nothing left to load later)."""
    from clientdesk.demo import generate

    generate(desk, 150, seed=3)
    desk.insights.refresh()
    return desk


def sideways(root) -> list[str]:
    """The scroll areas under `root` that scroll sideways (or would, but for a bar switched off)."""
    found = []
    for area in root.findChildren(QAbstractScrollArea):
        if not area.isVisible():
            continue
        bar = area.horizontalScrollBar()
        name = f"{type(area).__name__}({area.objectName() or area.parent().__class__.__name__})"
        if bar.isVisible() and bar.maximum() > bar.minimum():
            found.append(f"{name}: scrolls {bar.maximum() - bar.minimum()} px sideways")
        if isinstance(area, QScrollArea) and area.widgetResizable() and area.widget() is not None:
            need, have = area.widget().minimumSizeHint().width(), area.viewport().width()
            if need > have:
                found.append(f"{name}: contents need {need} px, {have} px shown")
    return found


def settle(qtbot) -> None:
    qtbot.wait(30)
    QApplication.processEvents()


@pytest.mark.parametrize("width, height", SIZES)
def test_every_page_fits_without_sideways_scrolling(qtbot, filled_desk, tmp_path, language, width, height):
    window = MainWindow(filled_desk, QSettings(str(tmp_path / "w.ini"), QSettings.IniFormat))
    qtbot.addWidget(window)
    window.setWindowState(Qt.WindowNoState)  # not maximised to the (small) offscreen screen: this size
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    assert window.minimumSizeHint().width() <= width and window.width() == width
    problems = []
    for key, _ in PAGES:
        page = window.show_page(key)
        settle(qtbot)
        problems += [f"{key}: {p}" for p in sideways(window)]
        for tabs in page.findChildren(QTabWidget):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                settle(qtbot)
                problems += [f"{key} / {tabs.tabText(index)}: {p}" for p in sideways(window)]
            tabs.setCurrentIndex(0)
    assert problems == [], f"{language} at {width}x{height}"


def test_a_client_on_the_counter_and_the_loyalty_page_fits(qtbot, filled_desk, tmp_path, language):
    window = MainWindow(filled_desk, QSettings(str(tmp_path / "w.ini"), QSettings.IniFormat))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    client_id = window.pages["clients"].model.client_id(0)
    window.show_page("loyalty").set_client(client_id)
    settle(qtbot)
    assert sideways(window) == []
    editor = window.show_page("clients").edit_client(client_id)
    editor.resize(min(editor.width(), 1280), min(editor.height(), 700))
    settle(qtbot)
    assert sideways(editor) == []
    editor.reject()


@pytest.mark.parametrize("width, height", SIZES)
def test_the_welcome_page_fits(qtbot, desk, tmp_path, language, width, height):
    ui_settings = QSettings(str(tmp_path / "w.ini"), QSettings.IniFormat)
    dialog = WelcomeDialog(desk.settings, desk.set_language, ui_settings)
    qtbot.addWidget(dialog)
    dialog.resize(width, height)
    dialog.show()
    settle(qtbot)
    assert dialog.minimumSizeHint().width() <= width
    assert sideways(dialog) == []
    dialog.page.shop_name.setText("Sharma General Store")
    qtbot.mouseClick(dialog.page.save_button, Qt.LeftButton)
    settle(qtbot)
    assert dialog.page.steps.currentIndex() == 1 and sideways(dialog) == []
