"""Every key the README and the buttons promise, pressed on the real main window, and its effect;
and no key claimed twice at once in one window (Qt then does nothing: "Ambiguous shortcut
overload: Ctrl+N")."""

from __future__ import annotations

from collections import defaultdict

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenu, QMessageBox, QTabWidget, QWidget

from clientdesk.models import Purchase
from clientdesk.clients.fields import ClientData, PhoneEntry
from ui.mainwindow import PAGES, MainWindow


@pytest.fixture
def window(qtbot, desk, tmp_path):
    win = MainWindow(desk, QSettings(str(tmp_path / "window.ini"), QSettings.IniFormat))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def press(qtbot, key, modifier=Qt.NoModifier) -> None:
    """A key as the keyboard gives it: to whatever has the focus in the active window."""
    active = QApplication.activeWindow()
    if active is None or not active.isVisible():  # offscreen has no window manager to hand activation back
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        assert len(shown) == 1, shown
        shown[0].activateWindow()
        qtbot.waitUntil(shown[0].isActiveWindow)
    target = QApplication.focusWidget() or QApplication.activeWindow()
    qtbot.keyClick(target, key, modifier)


def when_modal(qtbot, act, seen: list) -> None:
    """Run act(dialog) on the next modal dialog, once it is up (dialogs block in exec)."""
    def check():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, check)
            return
        seen.append(dialog)
        act(dialog)
    QTimer.singleShot(0, check)


def test_every_promised_key_does_what_it_says(qtbot, window, desk):
    # Ctrl+1 … Ctrl+6: the pages
    for number, (key, _) in enumerate(PAGES, start=1):
        press(qtbot, Qt.Key(Qt.Key_0 + number), Qt.ControlModifier)
        assert window.stack.currentWidget() is window.pages[key]
    greetings_page = window.pages["greetings"]
    insights = window.pages["insights"]
    qtbot.waitUntil(lambda: insights.job is None, timeout=60_000)  # the refresh on first showing

    # Ctrl+F: the search box, from anywhere on the Clients page
    clients = window.show_page("clients")
    clients.table.setFocus()
    press(qtbot, Qt.Key_F, Qt.ControlModifier)
    assert clients.search.hasFocus()

    # Ctrl+N: a new client; Ctrl+S saves it; the status bar's count follows
    assert window.status_text.text().startswith("0 ")
    press(qtbot, Qt.Key_N, Qt.ControlModifier)
    editor = clients.editor
    qtbot.waitExposed(editor)
    assert editor.client_id is None and editor.isVisible()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.name.setFocus()
    qtbot.keyClicks(editor.name, "Priya Singh")
    editor.phones.set_entries([("98123 45678", True, False)])
    press(qtbot, Qt.Key_S, Qt.ControlModifier)
    qtbot.waitUntil(lambda: not editor.isVisible())
    priya = desk.clients.find_by_phone("9812345678")
    assert priya is not None and desk.clients.get(priya).name == "Priya Singh"
    assert window.status_text.text().startswith("1 ")
    assert clients.model.rowCount() == 1

    # Esc closes the editor (nothing changed: no question)
    window.activateWindow()
    clients.search.setFocus()
    press(qtbot, Qt.Key_N, Qt.ControlModifier)
    qtbot.waitExposed(clients.editor)
    clients.editor.activateWindow()
    qtbot.waitUntil(clients.editor.isActiveWindow)
    press(qtbot, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not clients.editor.isVisible())
    assert desk.clients.count() == 1

    # Ctrl+I: the import wizard (closed again with Esc)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    seen: list[QWidget] = []
    when_modal(qtbot, lambda dialog: dialog.reject(), seen)
    press(qtbot, Qt.Key_I, Qt.ControlModifier)
    assert seen and type(seen[0]).__name__ == "ImportWizard"

    # The counter: Enter finds, F4 fills the points, Enter records (Enter again confirms), Ctrl+Z undoes, Esc clears
    desk.loyalty.add_opening_balance(priya, 400)
    press(qtbot, Qt.Key_2, Qt.ControlModifier)
    counter = window.pages["counter"]
    assert counter.lookup.edit.hasFocus(), (QApplication.focusWidget(), QApplication.activeWindow(), QApplication.activeModalWidget())
    qtbot.keyClicks(counter.lookup.edit, "9812345678")
    press(qtbot, Qt.Key_Return)
    assert counter.client_id == priya and counter.amount_edit.hasFocus()
    qtbot.keyClicks(counter.amount_edit, "500")
    press(qtbot, Qt.Key_F4)
    assert counter.redeem_spin.value() == 250
    asked: list[QWidget] = []
    when_modal(qtbot, lambda box: qtbot.keyClick(box, Qt.Key_Return), asked)
    press(qtbot, Qt.Key_Return)
    assert asked and isinstance(asked[0], QMessageBox)
    assert Purchase.select().count() == 1 and desk.loyalty.balance(priya) == 400 - 250 + 2
    undo: list[QWidget] = []
    when_modal(qtbot, lambda box: box.button(QMessageBox.Yes).click(), undo)
    press(qtbot, Qt.Key_Z, Qt.ControlModifier)
    assert undo and Purchase.select().count() == 0 and desk.loyalty.balance(priya) == 400
    press(qtbot, Qt.Key_Escape)
    assert counter.client_id is None and counter.lookup.edit.hasFocus()

    # F5 on Greetings: Coming up read again (a birthday added meanwhile is counted)
    press(qtbot, Qt.Key_4, Qt.ControlModifier)
    greetings_page.tabs.setCurrentWidget(greetings_page.coming_up)
    greetings_page.coming_up.tree.setFocus()
    today_button = greetings_page.coming_up.buttons["today"]
    before = today_button.text()
    today = desk.clock.today()
    desk.clients.create(ClientData(name="Anil Kumar", phones=[PhoneEntry("9800000009", True)],
                                   birth_day=today.day, birth_month=today.month))
    assert today_button.text() == before
    press(qtbot, Qt.Key_F5)  # a button's key clicks it after a short flash
    qtbot.waitUntil(lambda: today_button.text() != before)
    assert today_button.text().startswith("Today (")

    # F5 on Insights: a refresh starts (and ends)
    press(qtbot, Qt.Key_5, Qt.ControlModifier)
    insights.tabs.setFocus()
    press(qtbot, Qt.Key_F5)
    assert not insights.refresh_button.isEnabled()
    qtbot.waitUntil(lambda: insights.job is None, timeout=60_000)
    assert insights.dashboard.numbers["clients"].text() == "2"


def active_shortcuts(top: QWidget) -> dict[str, list[str]]:
    """Key → what claims it, for everything Qt would match in `top`'s window right now: its menu
    actions, enabled QShortcuts and buttons of visible widgets (other windows left out)."""
    claims: dict[str, list[str]] = defaultdict(list)

    def same_window(widget: QWidget) -> bool:
        return widget.window() is top

    for action in top.findChildren(QAction):
        if not action.isEnabled() or action.shortcut().isEmpty():
            continue
        holders = [w for w in action.associatedObjects() if isinstance(w, QWidget)]
        if any(isinstance(w, QMenu) or (w.isVisible() and same_window(w)) for w in holders):
            for key in action.shortcuts():
                claims[key.toString(QKeySequence.PortableText)].append(f"action {action.text()!r}")
    for shortcut in top.findChildren(QShortcut):
        parent = shortcut.parent()
        if shortcut.isEnabled() and isinstance(parent, QWidget) and parent.isVisible() and same_window(parent):
            for key in shortcut.keys():
                claims[key.toString(QKeySequence.PortableText)].append(f"shortcut on {type(parent).__name__}")
    for button in top.findChildren(QAbstractButton):
        if button.isVisible() and button.isEnabled() and same_window(button) and not button.shortcut().isEmpty():
            key = button.shortcut().toString(QKeySequence.PortableText)
            if key.startswith("Alt+"):  # a mnemonic from "&Word": Qt cycles through equals, no ambiguity
                continue
            claims[key].append(f"button {button.text()!r}")
    return claims


def _views(window: MainWindow):
    """Every page, and every tab of every tab widget on it."""
    for key, _ in PAGES:
        page = window.show_page(key)
        yield key, ""
        for tabs in page.findChildren(QTabWidget):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                yield key, tabs.tabText(index)


def test_no_key_is_claimed_twice_in_one_window(qtbot, window, desk):
    desk.clients.create(ClientData(name="Priya Singh", phones=[PhoneEntry("9812345678", True)]))
    window.pages["clients"].refresh()
    checked = 0
    for page, tab in _views(window):
        QApplication.processEvents()
        doubles = {key: who for key, who in active_shortcuts(window).items() if len(who) > 1}
        assert not doubles, (page, tab, doubles)
        checked += 1
    assert checked > len(PAGES)  # the tabs were visited too
    assert "Ctrl+N" in active_shortcuts(window)
    # the client editor is a window of its own, with its own keys
    editor = window.show_page("clients").new_client()
    qtbot.waitExposed(editor)
    doubles = {key: who for key, who in active_shortcuts(editor).items() if len(who) > 1}
    assert not doubles
    editor.reject()
    qtbot.waitUntil(lambda: window.pages["insights"].job is None, timeout=60_000)
