"""The Clients page: one search box (focus at start and on Ctrl+F, searches as you type, Enter
opens the top hit), status and tag filters, the paged list, and New / Open / Archive / Delete."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QTimer, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton, QTableView,
    QVBoxLayout, QWidget,
)

from clientdesk.backup import list_backups
from clientdesk.codes import STATUSES
from clientdesk.errors import ClientDeskError
from clientdesk.postgres.address import is_server_url
from clientdesk.services import erasure
from clientdesk.clients.listing import ClientFilter
from ui import dialogs
from ui.clients.editor import ClientEditor, prefill_from_search
from ui.clients.list_model import ClientListModel, status_label
from ui.jobs import run_job


class SearchBox(QLineEdit):
    """The search box; Down moves into the list, Enter is reported by returnPressed."""

    down = Signal()

    def keyPressEvent(self, event):
        if event.key() == Qt.Key_Down:
            self.down.emit()
            return
        super().keyPressEvent(event)


class ClientsPage(QWidget):
    """Find, list and open clients. Receives the client service, the desk's file (its backups are
    offered an erase too), the clock, and `make_editor(client_id, prefill, parent)`, which builds the
    ClientEditor with what it needs (the main window wires it)."""

    open_client = Signal(int)
    open_loyalty = Signal(int)
    compose_greeting = Signal(object)
    request_cards = Signal(object)
    clients_changed = Signal()  # after an add, edit, archive or delete: the window's count follows

    def __init__(self, clients, desk_path: Path, clock, make_editor: Callable[..., ClientEditor], parent=None):
        super().__init__(parent)
        self.clients = clients
        self.desk_path = desk_path
        self.clock = clock
        self.make_editor = make_editor
        self.search = SearchBox()
        self.search.setPlaceholderText(self.tr("Search by name (Hindi or English), phone, email, business or GSTIN  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), "")
        for code in STATUSES:
            self.status.addItem(status_label(code), code)
        self.tag = QComboBox()
        self.archived = QComboBox()
        self.archived.addItem(self.tr("Current clients"), False)
        self.archived.addItem(self.tr("Including archived"), True)
        self.count_label = QLabel()
        self.new_button = QPushButton(self.tr("New client (Ctrl+N)"))
        self.open_button = QPushButton(self.tr("Open"))
        self.archive_button = QPushButton(self.tr("Archive"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.greet_button = QPushButton(self.tr("Greet…"))
        self.greet_button.setToolTip(self.tr("Write a greeting to the selected clients (or all listed)"))
        self.cards_button = QPushButton(self.tr("Print loyalty cards…"))

        self.model = ClientListModel(clients, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        # The first view is A to Z: Qt's header starts "descending", and enabling sorting applies it.
        self.table.horizontalHeader().setSortIndicator(0, Qt.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicatorShown(False)
        self.table.horizontalHeader().sectionClicked.connect(lambda _: self.table.horizontalHeader().setSortIndicatorShown(True))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setColumnWidth(0, 260)
        self.table.setColumnWidth(1, 130)
        self.table.setColumnWidth(2, 120)
        self.table.setColumnWidth(5, 120)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.table.activated.connect(lambda index: self.open_row(index.row()))

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status)
        filters.addWidget(self.tag)
        filters.addWidget(self.archived)
        actions = QHBoxLayout()
        actions.addWidget(self.count_label)
        actions.addStretch(1)
        for button in (self.greet_button, self.cards_button, self.new_button, self.open_button,
                       self.archive_button, self.delete_button):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self.open_top_hit)
        self.search.down.connect(self._focus_list)
        for combo in (self.status, self.tag, self.archived):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.new_button.clicked.connect(self.new_client)
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentIndex().row()))
        self.archive_button.clicked.connect(self.archive_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.greet_button.clicked.connect(lambda: self.compose_greeting.emit(self.chosen_ids()))
        self.cards_button.clicked.connect(lambda: self.request_cards.emit(self.chosen_ids()))
        QShortcut(QKeySequence.Find, self, activated=self.focus_search)
        # Ctrl+N (new client) belongs to the window's File menu: a second claim here made it ambiguous.
        QShortcut(QKeySequence.Delete, self.table, activated=self.delete_selected)
        self._explicit_ids: frozenset[int] | None = None
        self.reload_tags()
        self._update_count()

    # ----- filtering -------------------------------------------------------------------
    def reload_tags(self) -> None:
        current = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(self.tr("All tags"), "")
        for name in self.clients.tags():
            self.tag.addItem(name, name)
        self.tag.setCurrentIndex(max(self.tag.findData(current), 0))
        self.tag.blockSignals(False)

    def current_filter(self) -> ClientFilter:
        return ClientFilter(text=self.search.text(), status=self.status.currentData() or "",
                            tag=self.tag.currentData() or "", include_archived=bool(self.archived.currentData()),
                            ids=self._explicit_ids)

    def apply_filter(self) -> None:
        self._timer.stop()
        flt = self.current_filter()
        if flt.text != self.model.filter.text:
            self.model.sort_key, self.model.descending = "relevance", False
            self.table.horizontalHeader().setSortIndicatorShown(False)
        try:
            self.model.set_filter(flt)
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
        self._update_count()

    def show_filter(self, flt: ClientFilter) -> None:
        """Show an explicit set of clients (a segment, a win-back list); typing searches within it."""
        self._explicit_ids = flt.ids
        self.search.setText(flt.text)
        self.apply_filter()

    def clear_explicit(self) -> None:
        self._explicit_ids = None
        self.apply_filter()

    def _update_count(self) -> None:
        total = self.model.total
        text = self.tr("%n client(s)", "", total)
        if self._explicit_ids is not None:
            text += "  " + self.tr("(from a list — clear the search to see all)")
        self.count_label.setText(text)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _focus_list(self) -> None:
        if self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    # ----- actions ---------------------------------------------------------------------
    def open_top_hit(self) -> None:
        self.apply_filter()
        if self.model.rowCount():
            self.open_row(0)
        elif self.search.text().strip():
            self.new_client()

    def open_row(self, row: int) -> None:
        client_id = self.model.client_id(row)
        if client_id is not None:
            self.edit_client(client_id)

    def edit_client(self, client_id: int | None, prefill=None) -> ClientEditor:
        editor = self.make_editor(client_id, prefill, self)
        editor.saved.connect(lambda _: self.refresh())
        editor.open_loyalty.connect(self.open_loyalty)
        editor.open()
        self.editor = editor
        return editor

    def new_client(self) -> ClientEditor:
        return self.edit_client(None, prefill_from_search(self.search.text()))

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [cid for cid in (self.model.client_id(r) for r in rows) if cid is not None]

    def chosen_ids(self) -> list[int]:
        """The selected clients, or every client in the list when none is selected."""
        selected = self.selected_ids()
        if selected:
            return selected
        self.model.fetch_all()
        return self.model.loaded_ids()

    def archive_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        try:
            for client_id in ids:
                self.clients.archive(client_id, True)
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
        self.refresh()

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        names = ", ".join(self.clients.names(ids[:5]).values()) + ("…" if len(ids) > 5 else "")
        choice = dialogs.ask(
            self, self.tr("Delete clients"),
            self.tr("Delete %n client(s)? %1\n\n"
                    "Clients with bills keep their bills, because the law asks the shop to keep them for six years: "
                    "only the amounts, dates and items stay, under a name like \"Erased client #12\". Their name, "
                    "phones, email, addresses, birthday and other dates, notes, tags, business name, GSTIN, messages "
                    "and consent are erased for good, and their loyalty card stops working. Clients without bills "
                    "are removed completely.\n\nThis cannot be undone.", "", len(ids)).replace("%1", names))
        if choice != QMessageBox.Yes:
            return
        try:
            for client_id in ids:
                self.clients.delete(client_id)
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
        self.refresh()
        self._offer_erase_from_backups(ids)

    def _offer_erase_from_backups(self, ids: list[int]) -> None:
        """The backups still hold the deleted clients as they were: offer to rewrite them too (a
        server's backups cannot be rewritten: say so)."""
        if is_server_url(self.desk_path):
            dialogs.inform(self, self.tr("Erase from backups"),
                           self.tr("The shop's server's backups still hold these clients as they were: ClientDesk "
                                   "cannot take a client out of them. Delete the older backups once a newer one "
                                   "has been made."))
            return
        count = len(list_backups(self.desk_path))
        if not count:
            return
        choice = dialogs.ask(
            self, self.tr("Erase from backups too?"),
            self.tr("The %n backup(s) of this desk still hold these clients as they were.\n\n"
                    "Yes: every backup is rewritten now without their personal details (this can take a few minutes).\n"
                    "No: the backups keep them until those backups age out and are deleted.", "", count))
        if choice != QMessageBox.Yes:
            return
        path, now = self.desk_path, self.clock.now()

        def work(progress):
            results = []
            for n, client_id in enumerate(ids):
                results += erasure.erase_from_backups(path, client_id, now)
                progress.update(n + 1, len(ids))
            return results

        self.backup_job = run_job(self, work, self._backups_erased, title=self.tr("Erasing from backups…"))

    def _backups_erased(self, results) -> None:
        failed = sorted({r.path.name for r in results if r.outcome == "failed" or not r.verified})
        if failed:
            dialogs.inform(self, self.tr("Erase from backups"),
                           self.tr("These backups could not be rewritten; delete them by hand:") + "\n"
                           + "\n".join(failed))
        else:
            dialogs.inform(self, self.tr("Erase from backups"),
                           self.tr("Done: every backup was rewritten without them and checked."))

    def refresh(self) -> None:
        self.reload_tags()
        self.model.reload()
        self._update_count()
        self.clients_changed.emit()

    def activated(self) -> None:
        self.focus_search()
