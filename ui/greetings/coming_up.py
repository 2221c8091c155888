"""Coming up: today, the next 7 days and this month, with counts; each occasion with who it concerns.
Personal occasions list their clients (loaded when the row is opened); festivals show how many
clients celebrate them."""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTreeView, QVBoxLayout, QWidget,
)

from clientdesk.errors import ClientDeskError
from clientdesk.greetings.occasions import ComingUp, Upcoming, personal_between
from clientdesk.validate import format_phone
from ui import dialogs
from ui.greetings import texts

ROLE_ITEM = Qt.UserRole + 1  # top-level rows: the Upcoming
ROLE_CLIENT = Qt.UserRole + 2  # child rows: the client id
PERIODS = ("today", "week", "month")


class ComingUpView(QWidget):
    """The home of the Greetings page. `greet(occasion, date, client_ids)` asks the composer to start."""

    greet = Signal(object, object, object)
    open_client = Signal(int)
    counts_changed = Signal(dict)

    def __init__(self, greetings, clients, parent=None):
        super().__init__(parent)
        self.greetings = greetings
        self.clients = clients
        self.data: ComingUp | None = None
        self.period = "today"
        self.buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        group.setExclusive(True)
        top = QHBoxLayout()
        for key in PERIODS:
            button = QPushButton()
            button.setCheckable(True)
            button.clicked.connect(lambda checked=False, k=key: self.show_period(k))
            group.addButton(button)
            top.addWidget(button)
            self.buttons[key] = button
        self.buttons["today"].setChecked(True)
        top.addStretch(1)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setShortcut("F5")
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.refresh_button)
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Occasion"), self.tr("Who")])
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeToContents)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeToContents)
        self.tree.expanded.connect(self._fill_children)
        self.tree.doubleClicked.connect(self._activated)
        self.tree.selectionModel().currentChanged.connect(self._update_buttons)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.setStyleSheet("color: #666; padding: 24px;")
        self.greet_button = QPushButton(self.tr("Greet them…"))
        self.greet_button.setShortcut("Ctrl+G")
        self.greet_button.clicked.connect(self._greet_selected)
        self.open_button = QPushButton(self.tr("Open client"))
        self.open_button.clicked.connect(self._open_selected)
        bottom = QHBoxLayout()
        bottom.addWidget(self.open_button)
        bottom.addStretch(1)
        bottom.addWidget(self.greet_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addLayout(bottom)
        self._update_buttons()

    # ----- data --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read Coming up again from the database."""
        try:
            self.data = self.greetings.coming_up()
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return
        counts = self.data.counts()
        self.buttons["today"].setText(self.tr("Today (%1)").replace("%1", str(counts["today"])))
        self.buttons["week"].setText(self.tr("Next 7 days (%1)").replace("%1", str(counts["week"])))
        self.buttons["month"].setText(self.tr("This month (%1)").replace("%1", str(counts["month"])))
        self.show_period(self.period)
        self.counts_changed.emit(counts)

    def show_period(self, period: str) -> None:
        """Show "today", "week" or "month"."""
        self.period = period
        self.buttons[period].setChecked(True)
        if self.data is None:
            return
        items = {"today": self.data.within(1), "week": self.data.within(7), "month": self.data.this_month()}[period]
        self.model.removeRows(0, self.model.rowCount())
        language = texts.ui_language()
        locale = QLocale()
        for item in items:
            date = locale.toString(QDate(item.date.year, item.date.month, item.date.day), "ddd d MMM")
            name = texts.occasion_name(item.occasion, language)
            if item.occasion.kind == "festival":
                who = self.tr("%n client(s) celebrate it", "", item.count)
            else:
                who = self.tr("%n client(s)", "", item.count)
            row = [QStandardItem(date), QStandardItem(name), QStandardItem(who)]
            row[0].setData(item, ROLE_ITEM)
            if item.occasion.kind != "festival" and item.count:
                row[0].appendRow([QStandardItem(self.tr("Loading…")), QStandardItem(), QStandardItem()])
            self.model.appendRow(row)
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        self.empty.setText(self.tr("No occasions in this period.") if not items else "")
        self.empty.setVisible(not items)
        self._update_buttons()

    def _fill_children(self, index) -> None:
        parent = self.model.itemFromIndex(index.siblingAtColumn(0))
        item: Upcoming | None = parent.data(ROLE_ITEM) if parent is not None else None
        if item is None or (parent.rowCount() and parent.child(0).data(ROLE_CLIENT) is not None):
            return
        ids = list(item.client_ids)
        try:
            rows = {r.id: r for r in self.clients.rows(ids)}
            years = {h.client_id: h for h in personal_between(item.date, item.date, [item.occasion.kind], ids)}
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return
        parent.removeRows(0, parent.rowCount())
        for cid in ids:
            row = rows.get(cid)
            if row is None:
                continue
            hit = years.get(cid)
            detail = hit.label if hit and hit.label else ""
            if hit and hit.years:
                detail = (detail + " · " if detail else "") + self.tr("%n year(s)", "", hit.years)
            phone = format_phone(row.phone) if row.phone else ""
            cells = [QStandardItem(), QStandardItem(row.name), QStandardItem(" · ".join(p for p in (phone, detail) if p))]
            cells[0].setData(cid, ROLE_CLIENT)
            parent.appendRow(cells)

    # ----- actions -------------------------------------------------------------------------------
    def _selected(self) -> tuple[Upcoming | None, int | None]:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None, None
        first = index.siblingAtColumn(0)
        client_id = first.data(ROLE_CLIENT)
        if client_id is not None:
            return first.parent().data(ROLE_ITEM), client_id
        return first.data(ROLE_ITEM), None

    def _update_buttons(self, *args) -> None:
        item, client_id = self._selected()
        self.greet_button.setEnabled(item is not None)
        self.open_button.setEnabled(client_id is not None)

    def _greet_selected(self) -> None:
        item, client_id = self._selected()
        if item is None:
            return
        if client_id is not None:
            ids = [client_id]
        elif item.occasion.kind == "festival":
            ids = self.greetings.recipients(item.occasion, item.date)
        else:
            ids = list(item.client_ids)
        self.greet.emit(item.occasion, item.date, ids)

    def _open_selected(self) -> None:
        _, client_id = self._selected()
        if client_id is not None:
            self.open_client.emit(client_id)

    def _activated(self, index) -> None:
        if index.siblingAtColumn(0).data(ROLE_CLIENT) is not None:
            self._open_selected()
        elif not self.tree.model().hasChildren(index.siblingAtColumn(0)):
            self._greet_selected()

    def today_count(self) -> int:
        return self.data.counts()["today"] if self.data else 0
