"""File → Restore from backup…: the backups kept (date, clients, verified), newest first; restoring
one asks first (dialogs.ask), then the caller puts it in place."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QHeaderView, QLabel, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout,
)

from clientdesk import backup as backups
from ui import dialogs
from ui.backups import texts

PATH_ROLE = Qt.UserRole + 1


class RestoreDialog(QDialog):
    """Lists the backups of the desk's file; `chosen` holds the backup to restore once accepted."""

    def __init__(self, db_path: Path, parent=None, infos: list[backups.BackupInfo] | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.db_path = Path(db_path)
        self.chosen: backups.BackupInfo | None = None
        self.infos = infos if infos is not None else backups.describe_backups(self.db_path)
        intro = QLabel(self.tr("Choose the copy to bring back. The client book as it is now is kept as a backup "
                               "first, so a restore can be undone by restoring that copy."))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.infos), 4)
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Clients"), self.tr("Made"),
                                              self.tr("Verified")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        locale = QLocale()
        for row, info in enumerate(self.infos):
            date = QTableWidgetItem(locale.toString(info.taken.replace(microsecond=0), QLocale.ShortFormat))
            date.setData(PATH_ROLE, str(info.path))
            date.setToolTip(str(info.path))
            clients = QTableWidgetItem("—" if info.clients is None else locale.toString(info.clients))
            clients.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            verified = QTableWidgetItem(self.tr("Yes") if info.verified else texts.not_verified(info.problem))
            verified.setToolTip(info.problem)
            self.table.setItem(row, 0, date)
            self.table.setItem(row, 1, clients)
            self.table.setItem(row, 2, QTableWidgetItem(texts.reason(info.reason)))
            self.table.setItem(row, 3, verified)
        self.empty = QLabel(self.tr("No backups yet. ClientDesk makes one at every start; File → Back up the "
                                    "database now makes one at once."))
        self.empty.setWordWrap(True)
        self.empty.setVisible(not self.infos)
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Close"))
        self.restore_button = QPushButton(self.tr("Restore this backup…"))
        self.restore_button.setEnabled(False)
        self.file_button = QPushButton(self.tr("Another file…"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ActionRole)
        buttons.addButton(self.file_button, QDialogButtonBox.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.file_button.clicked.connect(self.choose_file)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows())))
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.resize(640, 420)
        good = next((row for row, info in enumerate(self.infos) if info.verified), None)
        if good is not None:
            self.table.selectRow(good)

    def selected(self) -> backups.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.infos[rows[0].row()] if rows else None

    def restore_selected(self) -> None:
        info = self.selected()
        if info is not None and self.confirm(info):
            self.chosen = info
            self.accept()

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Backup to restore"), str(self.db_path.parent),
                                              self.tr("ClientDesk backups (*.sqlite)"))
        if not name:
            return
        info = backups.read_info(Path(name))
        if not info.verified:  # a file from elsewhere: check it now
            check = backups.check_database(Path(name))
            info = backups.BackupInfo(Path(name), info.taken, info.reason, check.clients, check.ok,
                                      check.first_problem, info.size)
        if self.confirm(info):
            self.chosen = info
            self.accept()

    def confirm(self, info: backups.BackupInfo) -> bool:
        if not info.verified:
            dialogs.inform(self, self.tr("Restore from backup"),
                           self.tr("This copy did not pass its check, so it cannot be restored:\n%1")
                           .replace("%1", texts.not_verified_long(info.problem)))
            return False
        text = (self.tr("Replace the client book with the backup of %1 (%2 clients)?\n\n"
                        "The client book as it is now is kept as a backup first. ClientDesk then starts again.")
                .replace("%1", QLocale().toString(info.taken.replace(microsecond=0), QLocale.ShortFormat))
                .replace("%2", QLocale().toString(info.clients or 0)))
        return dialogs.ask(self, self.tr("Restore from backup"), text) == dialogs.QMessageBox.Yes
