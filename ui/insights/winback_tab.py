"""The Win-back tab of Insights: regular clients away for more than twice their usual gap, to open, list
or greet all at once."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from clientdesk.money import format_inr, format_number
from clientdesk.clients.listing import ClientFilter
from ui.insights.tables import client_id_at, table_view
from ui.insights.upsell_tab import LIST_LIMIT
from ui.rows_model import RowsModel


class WinbackTab(QWidget):
    """The win-back list (the first LIST_LIMIT shown; every one of them listed or greeted)."""

    open_client = Signal(int)
    show_clients = Signal(object)  # a ClientFilter
    compose_greeting = Signal(object)  # a list of client ids

    def __init__(self, insights, clients, parent=None):
        super().__init__(parent)
        self.insights = insights
        self.clients = clients
        self.winback_model = RowsModel([self.tr("Client"), self.tr("Usual gap (days)"), self.tr("Away (days)"),
                                        self.tr("Lifetime spend")], self)
        self.winback_view = table_view(self.winback_model)
        self.winback_view.doubleClicked.connect(self._open_row)
        self.winback_label = QLabel()
        self.winback_greet = QPushButton(self.tr("Send a greeting to all of them…"))
        self.winback_greet.clicked.connect(self.greet_winback)
        self.winback_show = QPushButton(self.tr("Show in client list"))
        self.winback_show.clicked.connect(lambda: self.show_clients.emit(ClientFilter(ids=frozenset(self.winback_ids))))
        row = QHBoxLayout()
        row.addWidget(self.winback_label, 1)
        row.addWidget(self.winback_show)
        row.addWidget(self.winback_greet)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.winback_view)
        self.winback_ids: list[int] = []

    def fill(self) -> None:
        self.winback_ids = self.insights.winback_ids()
        shown = self.winback_ids[:LIST_LIMIT]
        names = self.clients.names(shown)
        rows = []
        for client_id in shown:
            value = self.insights.client_value(client_id)
            rows.append((client_id, (names.get(client_id, ""), f"{value.usual_gap_days:.0f}", str(value.recency_days),
                                     format_inr(value.spent_paise, decimals=False)), None))
        self.winback_model.set_rows(rows)
        self.winback_label.setText(self.tr("%1 regular clients have been away for more than twice their usual gap.")
                                   .replace("%1", format_number(len(self.winback_ids))))
        self.winback_greet.setEnabled(bool(self.winback_ids))
        self.winback_show.setEnabled(bool(self.winback_ids))

    def greet_winback(self) -> None:
        if self.winback_ids:
            self.compose_greeting.emit(list(self.winback_ids))

    def _open_row(self, index) -> None:
        client_id = client_id_at(self.winback_model, index)
        if client_id is not None:
            self.open_client.emit(client_id)
