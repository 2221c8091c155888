"""File → Back up the database now answers where the shopkeeper is looking: in a dialog, whether the
copy was made or not (a failure used to go only to the status bar, which falls off small screens)."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QThreadPool

import ui.dialogs
from clientdesk import backup as backups
from ui.mainwindow import MainWindow


def test_back_up_now_says_in_a_dialog_when_it_worked_and_when_it_failed(qtbot, desk, tmp_path, monkeypatch):
    told, errors = [], []
    monkeypatch.setattr(ui.dialogs, "inform", lambda parent, title, text: told.append(text))
    monkeypatch.setattr(ui.dialogs, "show_error", lambda parent, exc: errors.append(ui.dialogs.message_for(exc)))
    window = MainWindow(desk, QSettings(str(tmp_path / "window.ini"), QSettings.IniFormat))
    qtbot.addWidget(window)
    folder = backups.backup_dir_for(desk.path)
    folder.write_text("a file where the backups folder should be")  # the copy cannot be made
    window.backup_now()
    qtbot.waitUntil(lambda: bool(errors), timeout=30_000)
    assert str(folder) in errors[0] and told == []

    folder.unlink()
    window.backup_now()
    qtbot.waitUntil(lambda: bool(told), timeout=30_000)
    QThreadPool.globalInstance().waitForDone(30_000)
    assert "Backed up and checked" in told[0] and len(errors) == 1
    assert len(backups.list_backups(desk.path)) == 1
