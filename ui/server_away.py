"""When the client book lives on the shop's server and the server is away.

- `server_message(reason, host, dbname)`: the words for a server's StorageError or a Test
  connection verdict, in the UI language (dialogs.message_for uses it too).
- `ServerAwayDialog`: at start, the server cannot be used: one line saying why, Retry (and
  an automatic retry every few seconds while waiting helps), "Use this PC's own client book
  instead" only as an explicit choice that says the two books are separate, and Quit. Never a
  silent switch to a local file. When the server refused the password, a password field: the
  password the server takes is kept in the keyring.
- `ServerWatch`: while working, a write or read that fails because the server is not answering
  shows the one line once (dialogs.show_error), then a small banner "Reconnecting to the shop's
  server…" stays at the top of the window while it asks the server every few seconds in the
  background; the banner goes away when the server answers. Nothing was half-written: the
  server rolled the transaction back.
"""

from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject, QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QMainWindow, QMessageBox, QPushButton, QVBoxLayout,
    QWidget,
)

from clientdesk.errors import ClientDeskError
from clientdesk.postgres.address import is_server_url, parse_server_url, remember_password
from clientdesk.postgres.probe import WAITING_REASONS, Verdict
from ui import dialogs
from ui.jobs import run_job

log = logging.getLogger(__name__)

RETRY_MS = 5000  # how often a window asks a server that is away

# %1 the server's host, %2 the database's name
SERVER_MESSAGES = {
    "unreachable": QT_TRANSLATE_NOOP("Server", "The shop's server at %1 is not answering; check that its PC is on."),
    "not_ready": QT_TRANSLATE_NOOP("Server", "The shop's server at %1 is starting up or shutting down; try again "
                                             "in a moment."),
    "auth": QT_TRANSLATE_NOOP("Server", "The shop's server at %1 refused the connection: wrong user name or "
                                        "password, or this PC is not allowed to connect."),
    "no_database": QT_TRANSLATE_NOOP("Server", "The shop's server at %1 has no client book named %2. Check the "
                                               "name, or set the server up first (server-setup)."),
    "newer": QT_TRANSLATE_NOOP("Server", "The client book on the shop's server at %1 was written by a newer "
                                         "ClientDesk. Install the newer ClientDesk on this counter to use it."),
    "not_clientdesk": QT_TRANSLATE_NOOP("Server", "The database %2 on the shop's server at %1 is not a ClientDesk "
                                                  "client book (it has other tables)."),
    "empty": QT_TRANSLATE_NOOP("Server", "Connected to %1. The database %2 has no client book yet; it is made at "
                                         "the first start on the server."),
    "timeout": QT_TRANSLATE_NOOP("Server", "The shop's server at %1 took too long and the work was cancelled; "
                                           "nothing was saved. Try again."),
    "full": QT_TRANSLATE_NOOP("Server", "The disk of the shop's server at %1 is full. Free some space on that PC "
                                        "and try again; nothing was saved."),
    "server_resources": QT_TRANSLATE_NOOP("Server", "The shop's server at %1 is out of resources (too many "
                                                    "counters connected, or memory); nothing was saved. Try again "
                                                    "in a moment."),
    "conflict": QT_TRANSLATE_NOOP("Server", "Another counter changed the same records at the same moment; nothing "
                                            "was saved. Try again."),
    "readonly": QT_TRANSLATE_NOOP("Server", "The client book on the shop's server at %1 is read-only; nothing was "
                                            "saved."),
    "too_long": QT_TRANSLATE_NOOP("Server", "A text is longer than the client book on the shop's server at %1 takes; "
                                            "nothing was saved. Shorten it, or run server-setup again to lift the "
                                            "limit."),
    "permission": QT_TRANSLATE_NOOP("Server", "The shop's server at %1 does not let this counter make this change "
                                              "(permission denied). Run server-setup again or ask whoever set the "
                                              "server up."),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("Server", text)


def server_message(reason: str | None, host: str, dbname: str = "") -> str | None:
    """The server's condition `reason` in the UI language, or None when there are no words for it
    here (the caller then shows the English message)."""
    source = SERVER_MESSAGES.get(reason or "")
    if source is None or ("%2" in source and not dbname):
        return None
    return _t(source).replace("%1", host).replace("%2", dbname)


def verdict_text(verdict: Verdict) -> str:
    """A Test connection verdict in one line, in the UI language."""
    if verdict.reason == "ok":
        return (QCoreApplication.translate("Server", "Connected to %1: %n client(s) in the client book (schema %2).",
                                           "", verdict.clients or 0)
                .replace("%1", verdict.host).replace("%2", str(verdict.version)))
    return server_message(verdict.reason, verdict.host, verdict.dbname) or verdict.message


def error_text(exc: ClientDeskError, url: str) -> str:
    """What went wrong opening the client book on the server at `url`, in one line."""
    try:
        address = parse_server_url(url)
        host, dbname = address.host, address.dbname
    except ClientDeskError:
        host, dbname = "", ""
    reason = exc.details.get("reason") or getattr(exc, "reason", None)
    return server_message(reason, exc.details.get("host") or host, dbname) or exc.message


# ----- at start ---------------------------------------------------------------------------------

class ServerAwayDialog(QDialog):
    """The shop's server cannot be used at start (see the module's docstring).

    `try_open()` opens the window on the server (raises ClientDeskError when it still cannot);
    after exec(): `opened` is the opened window, or `choice == "local"` when the shopkeeper chose
    this PC's own client book, or neither (Quit)."""

    def __init__(self, url: str, error: ClientDeskError, try_open: Callable[[], QWidget], retry_ms: int = RETRY_MS,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.url = url
        self.try_open = try_open
        self.opened = None
        self.choice: str | None = None
        self.checking = False
        self.setWindowTitle(self.tr("ClientDesk: the shop's server"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)
        font = self.message.font()
        font.setBold(True)
        self.message.setFont(font)
        self.state = QLabel()
        self.state.setWordWrap(True)
        # the server refused the password: type it here (kept in the keyring once the server takes it)
        self.password_row = QWidget()
        row = QHBoxLayout(self.password_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.password_label = QLabel()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.password.returnPressed.connect(self.retry)
        row.addWidget(self.password_label)
        row.addWidget(self.password, 1)
        self.password_row.hide()
        buttons = QDialogButtonBox()
        self.retry_button = buttons.addButton(self.tr("Retry"), QDialogButtonBox.ActionRole)  # asks, stays open
        self.retry_button.setDefault(True)
        self.quit_button = buttons.addButton(self.tr("Quit"), QDialogButtonBox.RejectRole)
        self.retry_button.clicked.connect(self.retry)
        buttons.rejected.connect(self.reject)
        self.local_button = QPushButton(self.tr("Use this PC's own client book instead…"))
        self.local_button.clicked.connect(self.use_local)
        local_note = QLabel(self.tr("This PC's own client book is a separate book: it does not have the clients, "
                                    "bills and points kept on the server, and what is written in it does not reach "
                                    "the server."))
        local_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.state)
        layout.addWidget(self.password_row)
        layout.addSpacing(8)
        layout.addWidget(buttons)
        layout.addSpacing(16)
        layout.addWidget(self.local_button, 0, Qt.AlignLeft)
        layout.addWidget(local_note)
        self.setMinimumWidth(560)
        self.timer = QTimer(self)
        self.timer.setInterval(retry_ms)
        self.timer.timeout.connect(self.retry)
        self.show_error(error)

    def show_error(self, error: ClientDeskError) -> None:
        self.message.setText(error_text(error, self.url))
        self._wait_or_not(error.details.get("reason") in WAITING_REASONS, error.details.get("reason") == "auth")

    def _wait_or_not(self, waiting_helps: bool, password_refused: bool = False) -> None:
        """Retry by itself every few seconds while waiting can help (the PC is off, starting); ask
        for the password when the server refused it."""
        self.password_row.setVisible(password_refused)
        if password_refused:
            try:
                who = parse_server_url(self.url).keyring_user
            except ClientDeskError:
                who = ""
            self.password_label.setText(self.tr("Password for %1:").replace("%1", who))
            self.password.setFocus()
        if password_refused:
            self.state.setText(self.tr("Type the password of this counter's user on the server, then press Retry."))
            self.timer.stop()
        elif waiting_helps:
            self.state.setText(self.tr("Trying again every %1 seconds…").replace("%1", str(self.timer.interval() // 1000 or 1)))
            self.timer.start()
        else:
            self.state.setText(self.tr("Correct this in the server's set-up, then press Retry."))
            self.timer.stop()

    def retry(self) -> None:
        """Ask the server in the background; open the window here once it can be used."""
        if self.checking:
            return
        from clientdesk.postgres.probe import check_server

        self.checking = True
        self.retry_button.setEnabled(False)
        self.state.setText(self.tr("Asking the shop's server…"))
        url, password = self.url, (self.password.text() if self.password_row.isVisible() else "") or None
        job = run_job(self, lambda progress: check_server(url, password), on_success=lambda verdict:
                      self._checked(verdict, password), show_progress=False)
        job.finished.connect(job.deleteLater)

    def _checked(self, verdict: Verdict, password: str | None = None) -> None:
        self.checking = False
        self.retry_button.setEnabled(True)
        if not verdict.ok:
            self.message.setText(verdict_text(verdict))
            self._wait_or_not(verdict.waiting_helps, verdict.reason == "auth")
            return
        self.timer.stop()
        if password:  # the server took it: the keyring keeps it for the window and the next starts
            try:
                remember_password(parse_server_url(self.url), password)
            except ClientDeskError as exc:
                self.message.setText(self.tr("The password could not be kept in this PC's keyring: %1")
                                     .replace("%1", exc.message))
                return
            self.password.clear()
        try:
            self.opened = self.try_open()
        except ClientDeskError as exc:
            log.warning("The server answered, yet the client book could not be opened: %s", exc)
            self.opened = None
            self.show_error(exc)
            return
        self.accept()

    def use_local(self) -> None:
        question = self.tr("Open this PC's own client book instead of the shop's server?\n\nThe two books are "
                           "separate: the clients, bills and points on the server are not in this PC's book, and "
                           "what you write in it now does not reach the server. The next start tries the server "
                           "again.")
        if dialogs.ask(self, self.tr("This PC's own client book"), question) != QMessageBox.Yes:
            return
        self.timer.stop()
        self.choice = "local"
        self.accept()

    def done(self, result: int) -> None:
        self.timer.stop()
        super().done(result)


# ----- while working ----------------------------------------------------------------------------

class ServerWatch(QObject):
    """The main window's eye on its server (see the module's docstring): `report(exc)` is called by
    dialogs.show_error with every StorageError it is about to show."""

    away_changed = Signal(bool)

    def __init__(self, url: str, window: QMainWindow, retry_ms: int = RETRY_MS):
        super().__init__(window)
        self.url = url
        self.host = parse_server_url(url).host
        self.window = window
        self.away = False
        self.asking = False
        self.banner = QLabel(self.tr("Reconnecting to the shop's server at %1…").replace("%1", self.host))
        self.banner.setObjectName("serverBanner")
        self.banner.setStyleSheet("#serverBanner { background: #fff3cd; color: #664d03; padding: 6px 12px; "
                                  "border-bottom: 1px solid #e0c36c; }")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.timer = QTimer(self)
        self.timer.setInterval(retry_ms)
        self.timer.timeout.connect(self.ask)

    def attach(self) -> None:
        """Put the banner above the window's navigation and pages."""
        body = self.window.takeCentralWidget()
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(body, 1)
        self.window.setCentralWidget(holder)

    def report(self, exc: ClientDeskError) -> bool:
        """A StorageError the window is about to show. True when it is already being said (the
        banner is up): the caller then shows nothing more."""
        if exc.details.get("reason") not in WAITING_REASONS:
            return False
        already = self.away
        if not already:
            log.warning("The shop's server went away: %s", exc)
            self._set_away(True)
        return already

    def ask(self) -> None:
        """Ask the server in the background whether it answers again."""
        if self.asking:
            return
        from clientdesk.postgres.probe import answers

        self.asking = True
        url = self.url
        job = run_job(self.window, lambda progress: answers(url), on_success=self._answered, show_progress=False)
        job.finished.connect(job.deleteLater)

    def _answered(self, answering: bool) -> None:
        self.asking = False
        if answering and self.away:
            log.info("The shop's server answers again")
            self._set_away(False)
            self.window.statusBar().showMessage(self.tr("The shop's server is answering again."), 8000)

    def _set_away(self, away: bool) -> None:
        self.away = away
        self.banner.setVisible(away)
        if away:
            self.timer.start()
        else:
            self.timer.stop()
        self.away_changed.emit(away)


def watch_server(window: QMainWindow) -> ServerWatch | None:
    """The window's ServerWatch, with its banner in place, when its client book is on a server."""
    if not is_server_url(window.desk.path):
        return None
    watch = ServerWatch(str(window.desk.path), window)
    watch.attach()
    return watch


def watch_of(widget: QWidget | None) -> ServerWatch | None:
    """The ServerWatch of the window `widget` belongs to (through its parents), or of the one
    main window that has one."""
    from PySide6.QtWidgets import QApplication

    while widget is not None:
        watch = getattr(widget, "server_watch", None)
        if isinstance(watch, ServerWatch):
            return watch
        widget = widget.parentWidget()
    watches = [w.server_watch for w in QApplication.topLevelWidgets()
               if isinstance(getattr(w, "server_watch", None), ServerWatch)]
    return watches[0] if len(watches) == 1 else None
