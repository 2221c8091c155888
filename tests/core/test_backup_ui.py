"""Backups in the window: File → Restore from backup…, the restore at the next start, a damaged desk
at start, the second-folder warning, Settings → Backups."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox

import ui.dialogs
from clientdesk import backup as backups
from clientdesk.paths import AppPaths
from tests.core.backup_helpers import damage_index, make_desk_file

START = dt.datetime(2026, 1, 1, 9, 0)


@pytest.fixture
def desk_file(tmp_path):
    return make_desk_file(tmp_path / "desk.sqlite", clients=20)


@pytest.fixture
def answers(monkeypatch):
    """Replace the one seam for questions and messages; record what was asked."""
    asked: list[str] = []
    told: list[str] = []
    reply = {"value": QMessageBox.Yes}
    monkeypatch.setattr(ui.dialogs, "ask", lambda parent, title, text, *a, **k: asked.append(text) or reply["value"])
    monkeypatch.setattr(ui.dialogs, "inform", lambda parent, title, text: told.append(text))
    return asked, told, reply


def _window(qtbot, tmp_path, db, backup=False):
    from ui.app import open_window

    window = open_window(AppPaths.under(tmp_path / "base"), db, backup=backup)
    qtbot.addWidget(window)
    return window


def _close(window):
    QThreadPool.globalInstance().waitForDone(30_000)
    window.desk.close()


def test_restore_dialog_lists_backups_and_asks_first(qtbot, desk_file, answers):
    from ui.backups.restore_dialog import RestoreDialog

    asked, told, reply = answers
    older = backups.make_backup(desk_file, "start", now=START).info
    newer = backups.make_backup(desk_file, "manual", now=START + dt.timedelta(days=1)).info
    damaged = desk_file.with_name("copy.sqlite")
    damaged.write_bytes(desk_file.read_bytes())
    damage_index(damaged)
    backups.make_backup(damaged, "before-restore", now=START + dt.timedelta(days=2), keep_damaged=True,
                        to=backups.backup_dir_for(desk_file))
    dialog = RestoreDialog(desk_file)
    qtbot.addWidget(dialog)
    table = dialog.table
    assert table.rowCount() == 2  # copy.sqlite's backups belong to another file
    assert [table.item(r, 1).text() for r in range(2)] == ["20", "20"]
    assert [table.item(r, 3).text() for r in range(2)] == ["Yes", "Yes"]
    assert [table.item(r, 2).text() for r in range(2)] == ["By hand", "At start"]
    assert dialog.selected() == newer  # the newest good copy is chosen to begin with
    reply["value"] = QMessageBox.No
    dialog.restore_button.click()
    assert dialog.result() != QDialog.Accepted and dialog.chosen is None
    table.selectRow(1)
    reply["value"] = QMessageBox.Yes
    dialog.restore_button.click()
    assert dialog.chosen == older and dialog.result() == QDialog.Accepted
    assert "20 clients" in asked[-1] and "kept as a backup first" in asked[-1]


def test_an_unverified_copy_is_not_restored(qtbot, desk_file, answers):
    from ui.backups.restore_dialog import RestoreDialog

    asked, told, _ = answers
    info = backups.make_backup(desk_file, "start", now=START).info
    backups.sidecar_for(info.path).unlink()
    dialog = RestoreDialog(desk_file)
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 3).text() == "No: not checked yet"
    dialog.table.selectRow(0)
    dialog.restore_button.click()
    assert dialog.chosen is None and asked == [] and "cannot be restored" in told[-1]


def test_restore_from_the_window_happens_at_the_next_start(qtbot, tmp_path, desk_file, answers):
    backup = backups.make_backup(desk_file, "manual", now=START).info.path
    window = _window(qtbot, tmp_path, desk_file)
    window.desk.clients.create(__import__("clientdesk.clients.fields", fromlist=["ClientData"])
                               .ClientData(name="Entered After The Backup"))
    assert window.desk.clients.count() == 21
    assert any(a.text() == "Restore from backup…" for a in window.menuBar().actions()[0].menu().actions())
    from ui.backups import actions

    with qtbot.waitSignal(window.restart_requested, timeout=2000):
        actions.request_restore(window, backup)
    _close(window)
    again = _window(qtbot, tmp_path, desk_file)
    try:
        assert again.desk.clients.count() == 20
        assert "Restored the backup" in again.statusBar().currentMessage()
        kept = [i for i in backups.describe_backups(desk_file) if i.reason == "before-restore"]
        assert kept and kept[0].verified and kept[0].clients == 21
    finally:
        _close(again)


def test_a_damaged_desk_at_start_is_said_and_the_newest_good_backup_offered(qtbot, tmp_path, desk_file, answers):
    asked, told, reply = answers
    reply["value"] = QMessageBox.No
    good = backups.make_backup(desk_file, "start", now=START).info.path
    damage_index(desk_file)
    window = _window(qtbot, tmp_path, desk_file, backup=True)
    try:
        qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
        assert "damaged" in asked[0] and "20 clients" in asked[0]
        label = window.findChild(QLabel, "damagedWarning")
        assert label is not None and "damaged" in label.text() and not label.isHidden()
        assert backups.list_backups(desk_file) == [good]  # no copy of the damaged file
        reply["value"] = QMessageBox.Yes
        with qtbot.waitSignal(window.restart_requested, timeout=2000):
            window.start_backup()
        assert window.ui_settings.value("restore/pending") == str(good)
    finally:
        _close(window)


def test_an_unopenable_desk_offers_the_newest_good_backup(qtbot, tmp_path, desk_file, answers):
    from clientdesk.errors import StorageError
    from ui.backups.actions import offer_restore_at_start

    asked, _, _ = answers
    good = backups.make_backup(desk_file, "start", now=START).info.path
    desk_file.write_bytes(b"\x00" * 8192)
    assert offer_restore_at_start(desk_file, StorageError("damaged"))
    assert "cannot open your client book" in asked[0]
    assert desk_file.read_bytes() == good.read_bytes()


def test_second_folder_warning_on_the_status_bar(qtbot, tmp_path, desk_file):
    window = _window(qtbot, tmp_path, desk_file)
    try:
        from ui.backups import actions

        now = window.desk.clock.now()
        window.desk.settings.update({"backup_second_folder": str(tmp_path / "usb"),
                                     "backup_second_last_ok": (now - dt.timedelta(days=5)).isoformat(sep=" ")})
        actions.update_backup_warning(window)
        label = window.findChild(QLabel, "secondFolderWarning")
        assert not label.isHidden() and "for 5 day" in label.text()
        usb = tmp_path / "usb"
        usb.mkdir()
        job = window.start_backup()
        qtbot.waitUntil(lambda: job.result is not None, timeout=10_000)
        assert label.isHidden()
        assert [i.clients for i in backups.describe_backups(desk_file, usb)] == [20]
    finally:
        _close(window)


def test_settings_panel_sets_the_second_folder_and_copies_there(qtbot, tmp_path, desk_file, answers):
    from clientdesk.desk import Desk
    from ui.backups.settings_panel import BackupSettingsPanel

    _, told, _ = answers
    desk = Desk.open(desk_file)
    try:
        panel = BackupSettingsPanel(desk.path, desk.settings, desk.clock)
        qtbot.addWidget(panel)
        assert "only on this computer" in panel.second_status.text()
        panel.second.setText(str(tmp_path / "unplugged"))
        panel.save()
        assert "cannot be found" in told[-1] and desk.settings.get("backup_second_folder") == ""
        usb = tmp_path / "usb"
        usb.mkdir()
        panel.second.setText(str(usb))
        panel.warn_days.setValue(5)
        with qtbot.waitSignal(panel.saved, timeout=2000):
            panel.save()
        assert desk.settings.get("backup_second_folder") == str(usb)
        assert desk.settings.get("backup_second_warn_days") == 5
        qtbot.waitUntil(lambda: bool(desk.settings.get("backup_second_last_ok")), timeout=10_000)
        assert "Last copy there" in panel.second_status.text()
        assert [i.verified for i in backups.describe_backups(desk_file, Path(usb))] == [True]
    finally:
        QThreadPool.globalInstance().waitForDone(30_000)
        desk.close()


def test_settings_page_embeds_the_panel(qtbot, desk, tmp_path):
    from PySide6.QtCore import QSettings

    from ui.backups.settings_panel import BackupSettingsPanel
    from ui.mainwindow import MainWindow

    window = MainWindow(desk, QSettings(str(tmp_path / "window.ini"), QSettings.IniFormat))
    qtbot.addWidget(window)
    page = window.page("settings")  # made and wired by the window, as when it is opened
    (panel,) = [p for p in page.panels if isinstance(p, BackupSettingsPanel)]
    assert panel.isAncestorOf(panel.second) and page.isAncestorOf(panel)
    assert panel.folder_label.text() == str(backups.backup_dir_for(desk.path))
