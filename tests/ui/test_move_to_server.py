"""File → Move this client book to the shop's server…: the copy with a progress bar and Cancel, then
"Use the server from now on" (this PC's choice saved, the password in the keyring, never in a file).
Outcomes read back from the server, from counter.json and from the dialog's text."""

from __future__ import annotations

import contextlib
import json

import psycopg
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from clientdesk import location
from clientdesk.clients.fields import ClientData, PhoneEntry
from clientdesk.postgres.address import KEYRING_SERVICE
from clientdesk.postgres.copy import copied_models
from tests.postgres.test_address import memory_keyring  # noqa: F401  (fixture)
from ui import dialogs
from ui.mainwindow import MainWindow
from ui.moving.dialog import MoveDialog, move_to_server

TABLES = [m._meta.table_name for m in copied_models()]


@pytest.fixture
def shop(desk):
    """A small client book on this PC: two clients, a sale with points."""
    ramesh = desk.clients.create(ClientData(name="रमेश कुमार", phones=[PhoneEntry("9876543210")]))
    desk.clients.create(ClientData(name="Laxmi Narayan", phones=[PhoneEntry("9812345678")]))
    desk.counter.record_sale(ramesh, 1_000_000)
    return desk


@pytest.fixture
def config_dir(tmp_path):
    return tmp_path / "config"


@pytest.fixture
def dialog(qtbot, shop, config_dir):
    dlg = MoveDialog(shop.path, config_dir)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def plain(url: str) -> tuple[str, str]:
    """(the URL without its password, the password) of a test cluster URL."""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    return url.replace(f":{parts.password}@", "@"), unquote(parts.password)


def rows_on(url: str) -> dict[str, int]:
    with contextlib.closing(psycopg.connect(url)) as conn:
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in TABLES}


def copy(qtbot, dlg, url: str, password: str = "") -> None:
    dlg.url_edit.setText(url)
    dlg.password_edit.setText(password)
    qtbot.mouseClick(dlg.copy_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not dlg.running, timeout=60_000)


def test_copy_then_use_the_server_from_now_on(qtbot, dialog, shop, pg_cluster, pg_database, config_dir,
                                              memory_keyring, monkeypatch, tmp_path):
    url, password = plain(pg_cluster.url(pg_database))
    seen = []
    dialog.progress_bar.valueChanged.connect(seen.append)
    copy(qtbot, dialog, url, password)
    counts = rows_on(pg_cluster.url(pg_database))
    assert counts["client"] == 2 and counts["counter_sale"] == 1 and counts["ledger_entry"] >= 1
    assert dialog.result is not None and dialog.result.clients == 2
    assert "Copied 2 clients" in dialog.status.text() and "checked" in dialog.status.text()
    assert dialog.switch_button.isVisible() and not dialog.copy_button.isVisible()
    assert seen and seen[-1] == dialog.progress_bar.maximum()
    dialog.grab().save(str(tmp_path / "move-done-en.png"))

    asked = []
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes)
    with qtbot.waitSignal(dialog.restart_requested):
        qtbot.mouseClick(dialog.switch_button, Qt.LeftButton)
    assert asked and "again" in asked[0]
    assert location.load(config_dir).server == url  # no password in it …
    saved = (config_dir / location.FILE_NAME).read_text(encoding="utf-8")
    assert password not in saved and json.loads(saved)["server"] == url
    user_at_host = f"{pg_cluster.user}@{pg_cluster.host}"
    assert memory_keyring.items == {(KEYRING_SERVICE, user_at_host): password}  # … it is kept here


def test_a_client_book_that_is_not_empty_is_refused_in_the_dialog(qtbot, dialog, server_url, desk):
    from clientdesk.desk import Desk

    other = Desk.open(server_url)
    try:
        other.clients.create(ClientData(name="Sunita Devi", phones=[PhoneEntry("9876500001")]))
    finally:
        other.close()
    copy(qtbot, dialog, server_url)
    assert "not empty (1 clients)" in dialog.status.text()
    assert rows_on(server_url)["client"] == 1 and not dialog.switch_button.isVisible()
    assert dialog.copy_button.isEnabled() and dialog.close_button.isEnabled()


def server_tables(url: str) -> int:
    with contextlib.closing(psycopg.connect(url)) as conn:
        return conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0]


def test_cancel_leaves_the_server_empty(qtbot, dialog, pg_cluster, pg_database):
    dialog.url_edit.setText(pg_cluster.url(pg_database))
    qtbot.mouseClick(dialog.copy_button, Qt.LeftButton)
    assert dialog.running and dialog.cancel_button.isVisible() and not dialog.close_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    assert "Cancelled. Nothing was copied" in dialog.status.text() and dialog.result is None
    assert server_tables(pg_cluster.url(pg_database)) == 0  # not even the schema
    assert dialog.close_button.isEnabled() and not dialog.cancel_button.isVisible()


def test_closing_during_the_copy_cancels_it_first(qtbot, dialog, pg_cluster, pg_database):
    dialog.url_edit.setText(pg_cluster.url(pg_database))
    qtbot.mouseClick(dialog.copy_button, Qt.LeftButton)
    dialog.close()  # the window's close box: cancels instead of leaving a copy running
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    assert "Cancelled" in dialog.status.text() and server_tables(pg_cluster.url(pg_database)) == 0
    dialog.close()
    assert not dialog.isVisible()


@pytest.mark.parametrize("typed, words", [
    ("shop-server", "Type the server's address"),
    ("postgresql://shop-server/", "not complete"),
])
def test_an_address_that_is_not_one(qtbot, dialog, typed, words):
    copy(qtbot, dialog, typed)
    assert words in dialog.status.text() and dialog.result is None


def test_a_server_that_is_not_answering(qtbot, dialog):
    copy(qtbot, dialog, "postgresql://shop@127.0.0.1:1/book", "pw")
    assert "is not answering" in dialog.status.text() and "nothing was copied" in dialog.status.text()


def test_the_window_offers_it_in_the_file_menu(qtbot, shop, tmp_path, monkeypatch):
    settings = QSettings(str(tmp_path / "config" / "window.ini"), QSettings.IniFormat)
    window = MainWindow(shop, settings)
    qtbot.addWidget(window)
    actions = [a for a in window.menuBar().actions()[0].menu().actions()
               if a.text() == "Move this client book to the shop's server…"]
    assert len(actions) == 1
    actions[0].trigger()
    dialog = window.findChild(MoveDialog)
    assert dialog is not None and dialog.isVisible() and dialog.config_dir == tmp_path / "config"
    dialog.close()


def test_a_desk_already_on_the_server_says_so(monkeypatch):
    from types import SimpleNamespace

    told = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: told.append(text))
    window = SimpleNamespace(desk=SimpleNamespace(path="postgresql://shop@server-pc/clientdesk"))
    assert move_to_server(window) is None
    assert told == ["This client book is already on the shop's server."]


def test_screens_in_both_languages(qtbot, language, shop, config_dir, pg_cluster, pg_database, tmp_path):
    dlg = MoveDialog(shop.path, config_dir)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.grab().save(str(tmp_path / f"move-start-{language}.png"))
    copy(qtbot, dlg, pg_cluster.url(pg_database))
    assert dlg.result is not None
    dlg.grab().save(str(tmp_path / f"move-done-{language}.png"))
    if language == "hi":
        assert "सर्वर" in dlg.switch_button.text()
