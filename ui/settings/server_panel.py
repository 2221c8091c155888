"""Settings → Where the client book lives: this PC's own file, or the shop's server; and this
counter's names (branch, counter), which every bill records.

The choice belongs to this PC (clientdesk/location.py, counter.json in the config folder): the
server's URL is saved WITHOUT its password; the password goes to the system's keyring
(clientdesk/postgres/address.py). "Test connection" asks the server in the background and says
in one line what it found. A new place is used from the next start: like a new language, the
panel offers "Restart now".
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import quote, urlencode

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton, QSpinBox,
    QVBoxLayout, QWidget,
)

from clientdesk import location
from clientdesk.errors import ClientDeskError, ValidationError
from clientdesk.postgres.address import DEFAULT_PORT, is_server_url, keyring_password, parse_server_url, remember_password
from ui import dialogs
from ui.jobs import run_job
from ui.server_away import verdict_text

log = logging.getLogger(__name__)

DEFAULT_DATABASE = "clientdesk"


def server_url(host: str, port: int, dbname: str, user: str, options=()) -> str:
    """postgresql://user@host:port/dbname (never a password), names percent-encoded."""
    host = host.strip()
    if ":" in host and not host.startswith("["):  # an IPv6 address
        host = f"[{host}]"
    query = f"?{urlencode(list(options))}" if options else ""
    return f"postgresql://{quote(user.strip(), safe='')}@{host}:{int(port)}/{quote(dbname.strip(), safe='')}{query}"


def same_place(a, b) -> bool:
    """True when `a` and `b` name the same client book: the same file, or the same server,
    port, user and database (a password or its absence does not count)."""
    if is_server_url(a) != is_server_url(b):
        return False
    if a is None or b is None:
        return a is b
    if not is_server_url(a):
        return Path(a) == Path(b)
    try:
        x, y = parse_server_url(str(a)), parse_server_url(str(b))
    except ValidationError:
        return str(a) == str(b)
    return (x.host.lower(), x.port, x.user, x.dbname) == (y.host.lower(), y.port, y.user, y.dbname)


class ServerPanel(QGroupBox):
    """See the module's docstring. `config_dir`: where counter.json is; `running`: where the open
    client book is (a file's path or a server's URL)."""

    restart_requested = Signal()
    names_saved = Signal(object)  # this PC's CounterChoices: the bills rung up from now on carry its names

    def __init__(self, config_dir: Path, running, parent: QWidget | None = None):
        super().__init__(self.tr("Where the client book lives"), parent)
        self.config_dir = Path(config_dir)
        self.running = running
        self.options: tuple = ()  # the saved URL's extras (sslmode=…), kept as they were
        self.job = None

        self.this_pc = QRadioButton(self.tr("This PC (its own client book file)"))
        self.server = QRadioButton(self.tr("The shop's server (one client book for every counter)"))
        self.place = QButtonGroup(self)
        self.place.addButton(self.this_pc)
        self.place.addButton(self.server)
        self.file_label = QLabel()
        self.file_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        if not is_server_url(running):
            self.file_label.setText(str(running))

        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("e.g. 192.168.1.10 or shop-pc"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.port.setGroupSeparatorShown(False)
        self.dbname = QLineEdit(DEFAULT_DATABASE)
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.server_fields = QWidget()
        fields = QFormLayout(self.server_fields)
        fields.setContentsMargins(24, 0, 0, 0)
        where = QHBoxLayout()
        where.addWidget(self.host, 1)
        where.addWidget(QLabel(self.tr("Port")))
        where.addWidget(self.port)
        fields.addRow(self.tr("Server"), where)
        fields.addRow(self.tr("Client book (database name)"), self.dbname)
        fields.addRow(self.tr("User"), self.user)
        fields.addRow(self.tr("Password"), self.password)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.verdict, 1)
        fields.addRow(test_row)

        self.branch = QLineEdit()
        self.counter = QLineEdit()
        for name in (self.branch, self.counter):
            name.setMaxLength(location.MAX_NAME_LENGTH)
        self.branch.setPlaceholderText(self.tr("e.g. Main Bazaar"))
        self.counter.setPlaceholderText(self.tr("e.g. Counter 1"))
        names = QFormLayout()
        names.addRow(self.tr("Branch"), self.branch)
        names.addRow(self.tr("Counter"), self.counter)

        self.save_button = QPushButton(self.tr("Save where the client book lives"))
        self.save_button.clicked.connect(self.save)
        self.saved_label = QLabel()
        self.saved_label.setWordWrap(True)
        self.restart_note = QWidget()
        note_row = QHBoxLayout(self.restart_note)
        note_row.setContentsMargins(0, 0, 0, 0)
        note_row.addWidget(QLabel(self.tr("The client book chosen here is opened from the next start.")), 1)
        self.restart_button = QPushButton(self.tr("Restart now"))
        self.restart_button.clicked.connect(self.restart_requested)
        note_row.addWidget(self.restart_button)
        self.restart_note.hide()
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.saved_label, 1)

        layout = QVBoxLayout(self)
        first = QHBoxLayout()
        first.addWidget(self.this_pc)
        first.addWidget(self.file_label, 1)
        layout.addLayout(first)
        layout.addWidget(self.server)
        layout.addWidget(self.server_fields)
        layout.addWidget(QLabel(self.tr("This counter's names, printed on its bills and used to sort the "
                                        "insights by branch:")))
        layout.addLayout(names)
        layout.addLayout(save_row)
        layout.addWidget(self.restart_note)
        self.server.toggled.connect(self.server_fields.setEnabled)
        self.load()

    # ----- reading and writing this PC's choices ---------------------------------------------
    def load(self) -> None:
        choices = location.load(self.config_dir)
        self.options = ()
        if choices.server:
            try:
                address = parse_server_url(choices.server)
            except ValidationError as exc:
                log.warning("The saved server URL cannot be read: %s", exc)
                address = None
            if address is not None:
                self.host.setText(address.host)
                self.port.setValue(address.port)
                self.dbname.setText(address.dbname)
                self.user.setText(address.user)
                self.options = address.options
                self.password.setPlaceholderText(self.tr("kept in this PC's keyring") if keyring_password(address)
                                                 else "")
        self.server.setChecked(bool(choices.server))
        self.this_pc.setChecked(not choices.server)
        self.server_fields.setEnabled(bool(choices.server))
        self.password.clear()
        self.branch.setText(choices.branch)
        self.counter.setText(choices.counter)
        self.restart_note.setVisible(not same_place(choices.server or self._running_file(), self.running))

    def _running_file(self):
        """This PC's file as the running window knows it (None when the window runs on a server)."""
        return None if is_server_url(self.running) else self.running

    def url(self) -> str:
        """The server's URL from the fields (no password); ValidationError when one is missing."""
        url = server_url(self.host.text(), self.port.value(), self.dbname.text(), self.user.text(), self.options)
        parse_server_url(url)  # says which part is missing
        return url

    def save(self) -> None:
        server = None
        if self.server.isChecked():
            try:
                server = self.url()
                if self.password.text():
                    remember_password(parse_server_url(server), self.password.text())
            except ValidationError as exc:
                self.saved_label.setText(self._problem(exc))
                return
        choices = location.CounterChoices(server=server, branch=self.branch.text().strip(),
                                          counter=self.counter.text().strip())
        try:
            location.save(self.config_dir, choices)
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return
        self.names_saved.emit(choices)
        self.password.clear()
        if server:
            self.password.setPlaceholderText(self.tr("kept in this PC's keyring")
                                             if keyring_password(parse_server_url(server)) else "")
        self.saved_label.setText(self.tr("Saved."))
        self.restart_note.setVisible(not same_place(server or self._running_file(), self.running))

    def _problem(self, exc: ValidationError) -> str:
        words = {
            "no_host": self.tr("Write the server's name or address."),
            "no_user": self.tr("Write the user name this counter connects as."),
            "no_database": self.tr("Write the name of the client book (the database) on the server."),
            "keyring": self.tr("The password could not be kept in this PC's keyring, so nothing was saved. "
                               "Unlock the keyring (or install one) and save again."),
        }
        return words.get(exc.reason, exc.message)

    # ----- Test connection -------------------------------------------------------------------
    def test_connection(self) -> None:
        """Ask the server in the background (a server whose PC is off takes a few seconds)."""
        from clientdesk.postgres.probe import check_server

        try:
            url = self.url()
        except ValidationError as exc:
            self.verdict.setStyleSheet("color: #a12622;")
            self.verdict.setText(self._problem(exc))
            return
        password = self.password.text() or None
        self.test_button.setEnabled(False)
        self.verdict.setStyleSheet("")
        self.verdict.setText(self.tr("Connecting to %1…").replace("%1", self.host.text().strip()))
        self.job = run_job(self, lambda progress: check_server(url, password), on_success=self._tested,
                           show_progress=False)
        self.job.finished.connect(lambda ok: self.test_button.setEnabled(True))

    def _tested(self, verdict) -> None:
        self.verdict.setText(("✔ " if verdict.ok else "✘ ") + verdict_text(verdict))
        self.verdict.setStyleSheet("color: #1e6b2e;" if verdict.ok else "color: #a12622;")
