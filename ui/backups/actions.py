"""What the window does about backups: the start-up backup (verified, also into the second folder),
File → Back up now / Restore from backup…, the damaged-desk notice, the second-folder warning.

A restore from the window happens at the next start (`request_restore` saves the choice and asks
for a restart; `apply_pending_restore` does it before the database is opened), so no connection of
this process still holds the file while it is replaced.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox

from clientdesk import backup as backups
from clientdesk.errors import ClientDeskError
from clientdesk.paths import AppPaths
from clientdesk.postgres.address import is_server_url as on_server
from clientdesk.postgres.backup import make_server_backup
from clientdesk.progress import Cancelled
from ui import dialogs
from ui.jobs import run_job

log = logging.getLogger(__name__)

PENDING_KEY = "restore/pending"


def _when(moment: dt.datetime) -> str:
    return QLocale().toString(moment.replace(microsecond=0), QLocale.ShortFormat)


def _now(window) -> dt.datetime:
    return window.desk.clock.now()


# ----- making backups --------------------------------------------------------------------------

def start_backup(window):
    """The start-up copy, on a worker thread (a large file must not delay the first screen)."""
    update_backup_warning(window)
    return _run_backup(window, "start", quiet=True)


def backup_now(window):
    """File → Back up the database now: a verified copy, with a progress window."""
    return _run_backup(window, "manual", quiet=False)


def _run_backup(window, reason: str, quiet: bool):
    path = window.desk.path
    now = _now(window)
    if on_server(path):  # pg_dump into this PC's backups folder (clientdesk/postgres/backup.py)
        folder = server_backups_folder(window)
        work = lambda progress: make_server_backup(path, folder, reason, now=dt.datetime.now(),  # noqa: E731
                                                    progress=progress)
    else:
        second = window.desk.settings.get(backups.SETTING_FOLDER) or None
        work = lambda progress: backups.make_backup(path, reason, now=dt.datetime.now(),  # noqa: E731
                                                    second_folder=second)
    return run_job(window, work,
                   on_success=lambda outcome: _backed_up(window, outcome, now, quiet),
                   on_failure=lambda exc: _backup_failed(window, exc, quiet),
                   title=QCoreApplication.translate("Backups", "Backing up and checking the copy…"), show_progress=not quiet)


def _backed_up(window, outcome: backups.BackupOutcome | None, now: dt.datetime, quiet: bool) -> None:
    if outcome is None:
        return
    record = backups.second_folder_record(outcome.second, now)
    if record:
        try:
            window.desk.settings.update(record)
        except ClientDeskError as exc:
            log.warning("Could not record the second backup folder's copy: %s", exc)
    update_backup_warning(window)
    text = (QCoreApplication.translate("Backups", "Backed up and checked: %1 clients in %2").replace("%1", QLocale().toString(outcome.info.clients or 0))
            .replace("%2", str(outcome.info.path)))
    if quiet:
        window.statusBar().showMessage(text, 8000)
        return
    if outcome.second is not None:
        text += "\n\n" + (QCoreApplication.translate("Backups", "Also copied to the second folder: %1").replace("%1", str(outcome.second.path))
                          if outcome.second.ok else
                          QCoreApplication.translate("Backups", "The second backup folder %1 could not be used: %2")
                          .replace("%1", str(outcome.second.folder)).replace("%2", outcome.second.error))
    dialogs.inform(window, QCoreApplication.translate("Backups", "Backup"), text)


def _backup_failed(window, exc: ClientDeskError, quiet: bool) -> None:
    if isinstance(exc, backups.DamagedDatabaseError):
        damaged_desk(window, exc)
        return
    if not quiet and not isinstance(exc, Cancelled):  # Back up now: the answer where the shopkeeper looks
        dialogs.show_error(window, exc)
        return
    window.statusBar().showMessage(dialogs.message_for(exc))


# ----- damage and restore ----------------------------------------------------------------------

def _warning_label(window, name: str) -> QLabel:
    label = window.findChild(QLabel, name)
    if label is None:
        label = QLabel()
        label.setObjectName(name)
        label.setStyleSheet("color: #b00020; font-weight: bold; margin-right: 16px;")
        window.statusBar().addWidget(label)
    return label


def damaged_desk(window, exc: backups.DamagedDatabaseError) -> None:
    """Say in plain words that the client book is damaged and offer the newest good backup."""
    label = _warning_label(window, "damagedWarning")
    label.setText(QCoreApplication.translate("Backups", "The client book is damaged. Use File → Restore from backup…"))
    label.show()
    good = backups.newest_good_backup(window.desk.path)
    intro = QCoreApplication.translate("Backups", "Your client book is damaged: the computer found a fault inside the file. Your backups were not "
               "touched, so the good copies are safe.")
    if good is None:
        dialogs.inform(window, QCoreApplication.translate("Backups", "Client book damaged"), intro + "\n\n" + QCoreApplication.translate("Backups", 
            "No good backup was found. Do not delete anything; ask someone who knows computers to look at the "
            "file %1.").replace("%1", str(window.desk.path)) + "\n\n" + exc.problem)
        return
    question = intro + "\n\n" + QCoreApplication.translate("Backups", 
        "Restore the newest good backup, made on %1 with %2 clients? Anything entered after that must be "
        "entered again. The damaged file is kept as a copy. ClientDesk then starts again.").replace(
        "%1", _when(good.taken)).replace("%2", QLocale().toString(good.clients or 0))
    if dialogs.ask(window, QCoreApplication.translate("Backups", "Client book damaged"), question) == QMessageBox.Yes:
        request_restore(window, good.path)


def server_backups_folder(window) -> Path:
    """Where this PC keeps its dumps of the shop's server: the data folder's `backups`, as the
    command line's `backup` does (the window is told its data folder by ui/app.py)."""
    return Path(getattr(window, "data_dir", None) or AppPaths.default().data_dir) / "backups"


def restore_from_backup(window) -> None:
    """File → Restore from backup…"""
    from ui.backups.restore_dialog import RestoreDialog

    if on_server(window.desk.path):  # every counter uses the server's book: its admin restores it
        dialogs.inform(window, QCoreApplication.translate("Backups", "Restore from backup"),
                       QCoreApplication.translate(
                           "Backups", "The client book is on the shop's server, which every counter uses. A backup of "
                           "it is put back by whoever set the server up, with the server's admin user:\n\n"
                           "python main.py --db ADDRESS restore BACKUP.dump --yes\n\nThis PC's copies are in %1."
                       ).replace("%1", str(server_backups_folder(window))))
        return
    dialog = RestoreDialog(window.desk.path, window)
    if dialog.exec() == QDialog.Accepted and dialog.chosen is not None:
        request_restore(window, dialog.chosen.path)


def request_restore(window, backup: Path) -> None:
    """Remember the chosen backup and start again: it is put in place before the database is opened."""
    window.ui_settings.setValue(PENDING_KEY, str(backup))
    window.ui_settings.sync()
    window.restart_requested.emit()


def apply_pending_restore(ui_settings, db_path: Path) -> backups.RestoreOutcome | None:
    """At start, before the database is opened: restore the backup chosen before the restart, if any.
    A failure is shown and the current file is opened as it is."""
    pending = ui_settings.value(PENDING_KEY, "")
    if not pending:
        return None
    ui_settings.remove(PENDING_KEY)
    ui_settings.sync()
    return restore_now(None, db_path, Path(str(pending)), wait=15)


def restore_now(parent, db_path: Path, backup: Path, wait: float = 0.5) -> backups.RestoreOutcome | None:
    settings = backups.read_file_settings(db_path) if Path(db_path).is_file() else {}
    try:
        return backups.restore_backup(db_path, backup, second_folder=settings.get(backups.SETTING_FOLDER) or None,
                                      wait=wait)
    except ClientDeskError as exc:
        log.error("Restore of %s from %s failed: %s", db_path, backup, exc)
        dialogs.show_error(parent, exc)
        return None


def show_restored(window, outcome: backups.RestoreOutcome | None) -> None:
    if outcome is not None:
        window.statusBar().showMessage(
            QCoreApplication.translate("Backups", "Restored the backup %1 (%2 clients).").replace("%1", outcome.source.name)
            .replace("%2", QLocale().toString(outcome.clients or 0)), 15000)


def offer_restore_at_start(db_path: Path, exc: ClientDeskError) -> bool:
    """The database could not even be opened: offer the newest good backup. True when restored."""
    from clientdesk.db import close_database

    good = backups.newest_good_backup(db_path)
    if good is None:
        return False
    close_database()
    question = (QCoreApplication.translate("Backups", "ClientDesk cannot open your client book: the file is damaged.") + "\n\n" + QCoreApplication.translate("Backups", 
        "Restore the newest good backup, made on %1 with %2 clients? Anything entered after that must be "
        "entered again. The damaged file is kept as a copy.").replace("%1", _when(good.taken))
        .replace("%2", QLocale().toString(good.clients or 0)) + "\n\n" + str(exc))
    if dialogs.ask(None, QCoreApplication.translate("Backups", "Client book damaged"), question) != QMessageBox.Yes:
        return False
    return restore_now(None, db_path, good.path) is not None


# ----- the second folder ----------------------------------------------------------------------

def update_backup_warning(window) -> None:
    """A warning on the status bar while the second backup folder has not been reached for N days."""
    label = _warning_label(window, "secondFolderWarning")
    try:
        values = window.desk.settings.all()
    except ClientDeskError:
        return
    days = backups.days_unreachable(values, _now(window))
    if days is None:
        label.hide()
        label.setText("")
        return
    label.setText(QCoreApplication.translate("Backups", "No backup has reached the second folder for %n day(s): plug in the drive or check "
                     "Settings → Backups.", "", days) if days else "")
    label.setToolTip(str(values.get(backups.SETTING_FOLDER, "")))
    label.setVisible(bool(days))
