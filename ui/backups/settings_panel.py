"""Settings → Backups: where the copies are, how long they are kept, and a second folder (a USB drive,
or a folder a cloud drive syncs) that gets a copy too, with a warning when it is out of reach."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout,
)

from clientdesk import backup as backups
from clientdesk.errors import ClientDeskError
from ui import dialogs


class BackupSettingsPanel(QGroupBox):
    """`saved` fires after the settings were stored."""

    saved = Signal()

    def __init__(self, db_path, settings, clock, parent=None):
        super().__init__(parent)
        self.db_path = db_path  # the desk's file: its backups are beside it
        self.settings = settings
        self.clock = clock
        self.setTitle(self.tr("Backups"))
        self.folder_label = QLabel(str(backups.backup_dir_for(db_path)))
        self.folder_label.setWordWrap(True)
        keeps = QLabel(self.tr("A checked copy is made at every start, before every import, undo or merge, and "
                               "before a restore. Kept: the last 10 copies, one a day for 7 days, one a week for "
                               "4 weeks and one a month for 12 months. A damaged client book is never copied "
                               "over good backups."))
        keeps.setWordWrap(True)
        self.second = QLineEdit()
        self.second.setPlaceholderText(self.tr("None (choose a USB drive or a folder your cloud drive syncs)"))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self.choose_folder)
        clear = QPushButton(self.tr("Clear"))
        clear.clicked.connect(self.second.clear)
        row = QHBoxLayout()
        row.addWidget(self.second, 1)
        row.addWidget(choose)
        row.addWidget(clear)
        self.warn_days = QSpinBox()
        self.warn_days.setRange(1, 60)
        self.warn_days.setSuffix(self.tr(" days"))
        self.warn_days.setMaximumWidth(160)
        self.second_status = QLabel()
        self.second_status.setWordWrap(True)
        save = QPushButton(self.tr("Save backup settings"))
        save.clicked.connect(self.save)
        self.saved_label = QLabel()
        save_row = QHBoxLayout()
        save_row.addWidget(save)
        save_row.addWidget(self.saved_label, 1)
        form = QFormLayout()
        form.addRow(self.tr("Backups folder"), self.folder_label)
        form.addRow(self.tr("Second backup folder"), row)
        form.addRow(self.tr("Warn when it has not been reached for"), self.warn_days)
        form.addRow("", self.second_status)
        layout = QVBoxLayout(self)
        layout.addWidget(keeps)
        layout.addLayout(form)
        layout.addLayout(save_row)
        self.load()

    def load(self) -> None:
        values = self.settings.all()
        self.second.setText(values.get(backups.SETTING_FOLDER) or "")
        self.warn_days.setValue(int(values.get(backups.SETTING_WARN_DAYS) or backups.SECOND_WARN_DAYS))
        self.show_status(values)

    def show_status(self, values: dict) -> None:
        if not values.get(backups.SETTING_FOLDER):
            self.second_status.setText(self.tr("No second folder: the copies are only on this computer."))
            return
        last = values.get(backups.SETTING_LAST_OK) or ""
        try:
            when = QLocale().toString(dt.datetime.fromisoformat(last), QLocale.ShortFormat)
        except ValueError:
            self.second_status.setText(self.tr("No copy has reached it yet."))
            return
        self.second_status.setText(self.tr("Last copy there: %1").replace("%1", when))

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Second backup folder"), self.second.text())
        if name:
            self.second.setText(name)

    def save(self) -> None:
        folder = self.second.text().strip()
        if folder and not Path(folder).is_dir():
            dialogs.inform(self, self.tr("Backups"),
                           self.tr("The folder %1 cannot be found. Plug in the drive, or choose the folder again.")
                           .replace("%1", folder))
            return
        values = {backups.SETTING_FOLDER: folder, backups.SETTING_WARN_DAYS: self.warn_days.value()}
        changed = folder != (self.settings.get(backups.SETTING_FOLDER) or "")
        if changed:  # a new folder: not reached yet; the warning counts from now
            values[backups.SETTING_LAST_OK] = ""
            values[backups.SETTING_SINCE] = self.clock.now().isoformat(sep=" ")
        try:
            self.settings.update(values)
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return
        self.show_status(self.settings.all())
        self.saved_label.setText(self.tr("Saved."))
        self.saved.emit()
        if changed and folder:
            self.copy_now()

    def copy_now(self):
        """A first verified copy into the new second folder, in the background."""
        from ui.jobs import run_job

        path, folder, now = self.db_path, self.second.text().strip(), self.clock.now()
        self.saved_label.setText(self.tr("Saved. Copying a backup there…"))
        return run_job(self, lambda progress: backups.make_backup(path, "manual", second_folder=folder),
                       on_success=lambda outcome: self._copied(outcome, now),
                       on_failure=lambda exc: self.saved_label.setText(dialogs.message_for(exc)),
                       show_progress=False)

    def _copied(self, outcome, now) -> None:
        second = outcome.second if outcome is not None else None
        record = backups.second_folder_record(second, now)
        if record:
            self.settings.update(record)
            self.saved_label.setText(self.tr("Saved. A checked copy is now in the second folder."))
        elif second is not None:
            self.saved_label.setText(self.tr("Saved, but the copy there failed: %1").replace("%1", second.error))
        self.show_status(self.settings.all())
        self.saved.emit()
