"""File → Move this client book to the shop's server…: copies this PC's client book into an empty
client book on the shop's server (clientdesk.postgres.copy, on a worker thread), with a progress
bar and Cancel; then offers "Use the server from now on", which saves this PC's choice
(clientdesk.location) and, when a password was typed, keeps it in the system's keyring.

The shop keeps working on its file while the copy runs and until the PC switches: the copy is
the book as it was when the copy started, and nothing is written to the file.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox, QProgressBar, QPushButton, QVBoxLayout,
)

from clientdesk import location
from clientdesk.errors import ClientDeskError, StorageError, ValidationError
from clientdesk.postgres.address import is_server_url, parse_server_url, remember_password
from clientdesk.postgres.copy import CHECK_STEP, INDEX_STEP, SEARCH_STEP, CopyRefused, CopyResult, copy_to_server, \
    url_without_password
from clientdesk.progress import Cancelled
from ui import dialogs
from ui.jobs import run_job

log = logging.getLogger(__name__)

CONTEXT = "MoveToServer"

# What each step of the copy is called on the progress line (table names are codes of the domain).
STEPS = {
    "client": QT_TRANSLATE_NOOP("MoveToServer", "Clients"),
    "phone": QT_TRANSLATE_NOOP("MoveToServer", "Phone numbers"),
    "tag": QT_TRANSLATE_NOOP("MoveToServer", "Tags"),
    "client_tag": QT_TRANSLATE_NOOP("MoveToServer", "Clients' tags"),
    "consent": QT_TRANSLATE_NOOP("MoveToServer", "Consent"),
    "consent_event": QT_TRANSLATE_NOOP("MoveToServer", "Consent history"),
    "purchase": QT_TRANSLATE_NOOP("MoveToServer", "Bills"),
    "purchase_line": QT_TRANSLATE_NOOP("MoveToServer", "Bill lines"),
    "interaction": QT_TRANSLATE_NOOP("MoveToServer", "Calls, visits and notes"),
    "setting": QT_TRANSLATE_NOOP("MoveToServer", "Settings"),
    "loyalty_member": QT_TRANSLATE_NOOP("MoveToServer", "Loyalty members"),
    "loyalty_card": QT_TRANSLATE_NOOP("MoveToServer", "Loyalty cards"),
    "counter_sale": QT_TRANSLATE_NOOP("MoveToServer", "Counter sales"),
    "ledger_entry": QT_TRANSLATE_NOOP("MoveToServer", "Points ledger"),
    "ledger_use": QT_TRANSLATE_NOOP("MoveToServer", "Points spent"),
    "greeting_template": QT_TRANSLATE_NOOP("MoveToServer", "Greeting templates"),
    "greeting_log": QT_TRANSLATE_NOOP("MoveToServer", "Greetings sent"),
    "festival_change": QT_TRANSLATE_NOOP("MoveToServer", "Festival dates changed"),
    "user_festival": QT_TRANSLATE_NOOP("MoveToServer", "The shop's own festivals"),
    "client_date": QT_TRANSLATE_NOOP("MoveToServer", "Clients' special dates"),
    "client_festivals": QT_TRANSLATE_NOOP("MoveToServer", "Festivals clients celebrate"),
    "import_batch": QT_TRANSLATE_NOOP("MoveToServer", "Imports"),
    "import_change": QT_TRANSLATE_NOOP("MoveToServer", "Import history"),
    "saved_segment": QT_TRANSLATE_NOOP("MoveToServer", "Saved client lists"),
    "client_score": QT_TRANSLATE_NOOP("MoveToServer", "Insights: client scores"),
    "item_pair": QT_TRANSLATE_NOOP("MoveToServer", "Insights: bought together"),
    "client_suggestion": QT_TRANSLATE_NOOP("MoveToServer", "Insights: suggestions"),
    "upsell_signal": QT_TRANSLATE_NOOP("MoveToServer", "Insights: signals"),
    "insight_run": QT_TRANSLATE_NOOP("MoveToServer", "Insights: refreshes"),
    SEARCH_STEP: QT_TRANSLATE_NOOP("MoveToServer", "The server's search index"),
    INDEX_STEP: QT_TRANSLATE_NOOP("MoveToServer", "The server's indexes"),
    CHECK_STEP: QT_TRANSLATE_NOOP("MoveToServer", "Checking the copy"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def step_text(step: str) -> str:
    """The progress line for a step code of the copy."""
    name = _t(STEPS[step]) if step in STEPS else step
    if step in (SEARCH_STEP, INDEX_STEP, CHECK_STEP):
        return name
    return QCoreApplication.translate("MoveToServer", "Copying: %1").replace("%1", name)


def failure_text(exc: ClientDeskError) -> str:
    """Why the copy did not happen, in the window's language (the English detail kept after it)."""
    if isinstance(exc, Cancelled):
        return QCoreApplication.translate(
            "MoveToServer", "Cancelled. Nothing was copied to the server; this client book is as it was.")
    if isinstance(exc, CopyRefused) and exc.reason == "not_empty":
        return QCoreApplication.translate(
            "MoveToServer", "The client book on the server is not empty (%1 clients), so nothing was copied. "
                            "ClientDesk only copies into an empty one: ask whoever set up the server for an empty "
                            "database.").replace("%1", QLocale().toString(int(exc.details.get("clients", 0))))
    if isinstance(exc, CopyRefused) and exc.reason == "bad_row":
        text = QCoreApplication.translate(
            "MoveToServer", "A record of this client book cannot be put on the server, so nothing was copied.")
    elif isinstance(exc, CopyRefused) and exc.reason == "mismatch":
        text = QCoreApplication.translate(
            "MoveToServer", "The copy on the server did not match this client book, so it was not kept. Try again.")
    elif isinstance(exc, CopyRefused):
        text = QCoreApplication.translate("MoveToServer", "This client book cannot be copied.")
    elif isinstance(exc, ValidationError) and exc.field == "db":
        text = QCoreApplication.translate("MoveToServer", "The server's address is not complete.")
    elif isinstance(exc, StorageError):
        text = QCoreApplication.translate("MoveToServer", "The shop's server could not be used; nothing was copied.")
    else:
        return dialogs.message_for(exc)
    return f"{text}\n{exc.message}"


class MoveDialog(QDialog):
    """Copy this PC's client book (`source`, a SQLite file) to the shop's server. `config_dir`:
    where this PC's choices are kept (clientdesk.location). `restart_requested` after the PC
    switched to the server and the shopkeeper wants ClientDesk to start again on it."""

    restart_requested = Signal()

    def __init__(self, source: Path, config_dir: Path, parent=None):
        super().__init__(parent)
        self.source = Path(source)
        self.config_dir = Path(config_dir)
        self.job = None
        self.result: CopyResult | None = None
        self.copied_url: str | None = None  # the address copied to (without password)
        self.copied_password: str | None = None
        self.switched = False
        self.setWindowTitle(self.tr("Move this client book to the shop's server"))
        intro = QLabel(self.tr(
            "ClientDesk copies everything in this client book to the shop's server: clients, phone numbers, "
            "bills, points, cards, greetings, lists and settings. The client book on the server must be empty.\n\n"
            "This PC keeps working on its own file until you switch it to the server, so keep selling meanwhile "
            "if you need to; what is sold after the copy stays in this PC's file."))
        intro.setWordWrap(True)
        self.url_edit = QLineEdit(location.load(self.config_dir).server or "")
        self.url_edit.setPlaceholderText("postgresql://shop@server-pc/clientdesk")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.Password)
        self.password_edit.setPlaceholderText(self.tr("kept in this PC's keyring, never in a file"))
        form = QFormLayout()
        form.addRow(self.tr("Server address:"), self.url_edit)
        form.addRow(self.tr("Password:"), self.password_edit)
        self.progress_bar = QProgressBar()
        self.progress_bar.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.copy_button = QPushButton(self.tr("Copy to the server"))
        self.copy_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel the copy"))
        self.switch_button = QPushButton(self.tr("Use the server from now on"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.close_button = self.buttons.button(QDialogButtonBox.Close)
        self.close_button.setText(self.tr("Close"))
        for button in (self.copy_button, self.cancel_button, self.switch_button):
            self.buttons.addButton(button, QDialogButtonBox.ActionRole)
        self.cancel_button.setVisible(False)  # after addButton, which shows them
        self.switch_button.setVisible(False)
        self.buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.start_copy)
        self.cancel_button.clicked.connect(self.cancel_copy)
        self.switch_button.clicked.connect(self.use_server)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(620, 400)

    # ----- the copy --------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.job is not None

    def _show_problem(self, text: str) -> None:
        self.status.setStyleSheet("color: #b00020;")
        self.status.setText(text)

    def start_copy(self) -> None:
        url = self.url_edit.text().strip()
        if not is_server_url(url):
            self._show_problem(self.tr("Type the server's address, as postgresql://user@server-pc/clientdesk"))
            self.url_edit.setFocus()
            return
        try:
            parse_server_url(url)
        except ValidationError as exc:
            self._show_problem(failure_text(exc))
            return
        password = self.password_edit.text() or None
        self.result = None
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Connecting to the server…"))
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setVisible(True)
        self._set_running(True)
        self.job = run_job(self, lambda progress: copy_to_server(self.source, url, progress, password=password),
                           on_success=lambda result: self._copied(result, url, password),
                           on_failure=self._failed, show_progress=False)
        self.job.signals.progressed.connect(self._progressed)
        self.job.finished.connect(self._ended)

    def cancel_copy(self) -> None:
        if self.job is not None:
            self.job.progress.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling… nothing stays on the server."))

    def _set_running(self, running: bool) -> None:
        for widget in (self.url_edit, self.password_edit, self.copy_button, self.close_button):
            widget.setEnabled(not running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)

    def _progressed(self, done: int, total: int, step: str) -> None:
        if self.job is None or self.job.progress.cancelled:
            return
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(min(done, total))
        self.status.setText(step_text(step))

    def _ended(self, _ok: bool) -> None:
        self.job = None
        self._set_running(False)

    def _copied(self, result: CopyResult, url: str, password: str | None) -> None:
        self.result = result
        self.copied_url = url_without_password(url)
        self.copied_password = password or parse_server_url(url).password  # typed, or in the URL
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(1)
        locale = QLocale()
        ledger = result.ledger
        self.status.setStyleSheet("")
        self.status.setText(
            self.tr("Copied %1 clients (%2 records) in %3 seconds, and checked: every table has the same number of "
                    "records on the server, and the loyalty points are the same (%4 points, check %5).\n\n"
                    "This PC still works on its own file. Switch it to the server now, so that what you sell from "
                    "now on is on the server.")
            .replace("%1", locale.toString(result.clients)).replace("%2", locale.toString(result.rows))
            .replace("%3", locale.toString(round(result.seconds))).replace("%4", locale.toString(ledger.points))
            .replace("%5", ledger.short))
        self.copy_button.setVisible(False)
        self.switch_button.setVisible(True)
        self.switch_button.setDefault(True)

    def _failed(self, exc: ClientDeskError) -> None:
        self.progress_bar.setVisible(False)
        self._show_problem(failure_text(exc))

    # ----- switching this PC -------------------------------------------------------------------
    def use_server(self) -> None:
        """Save "the shop's server" as where this PC's client book lives (and the typed password in the
        keyring); then offer to start ClientDesk again on it."""
        if self.copied_url is None:
            return
        if self.copied_password:
            try:
                remember_password(parse_server_url(self.copied_url), self.copied_password)
            except ValidationError as exc:
                dialogs.show_error(self, exc)
        try:
            location.save(self.config_dir, location.load(self.config_dir).with_(server=self.copied_url))
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return
        self.switched = True
        self.switch_button.setEnabled(False)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Done: from its next start, ClientDesk on this PC works on the shop's server. "
                                    "Keep this PC's file as it is; it is no longer used."))
        answer = dialogs.ask(self, self.windowTitle(), self.tr("Start ClientDesk again now, on the shop's server?"),
                             QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
        if answer == QMessageBox.Yes:
            self.accept()
            self.restart_requested.emit()

    # ----- closing ---------------------------------------------------------------------------
    def reject(self) -> None:
        if self.running:  # Esc or the window's close box during the copy: cancel it instead
            self.cancel_copy()
            return
        super().reject()

    def closeEvent(self, event) -> None:
        if self.running:
            self.cancel_copy()
            event.ignore()
            return
        super().closeEvent(event)


def move_to_server(window) -> MoveDialog | None:
    """File → Move this client book to the shop's server…, for the window's desk (a file)."""
    if is_server_url(window.desk.path):
        dialogs.inform(window, QCoreApplication.translate("MoveToServer", "Move this client book to the shop's server"),
                       QCoreApplication.translate("MoveToServer", "This client book is already on the shop's server."))
        return None
    config_dir = Path(window.ui_settings.fileName()).parent  # window.ini lives in the config folder
    dialog = MoveDialog(Path(window.desk.path), config_dir, window)
    dialog.restart_requested.connect(window.restart_requested)
    dialog.open()
    return dialog
