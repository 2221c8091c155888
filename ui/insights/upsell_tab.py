"""The Up-sell tab of Insights: clients ready for more, by signal (close to the next tier, a small pack
bought again and again, spending or visiting more)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from ui.insights import texts
from ui.insights.tables import client_id_at, table_view
from ui.rows_model import RowsModel

LIST_LIMIT = 500  # rows shown in the up-sell and win-back lists


class UpsellTab(QWidget):
    """The up-sell signals of one kind (or all); double-clicking a row opens the client."""

    open_client = Signal(int)

    def __init__(self, insights, clients, loyalty, parent=None):
        super().__init__(parent)
        self.insights = insights
        self.clients = clients
        self.loyalty = loyalty
        self.upsell_kind = QComboBox()
        for label, code in ((self.tr("All signals"), None), (self.tr("Close to the next tier"), "near_tier"),
                            (self.tr("Small pack bought again and again"), "larger_pack"),
                            (self.tr("Spending more"), "rising_spend"), (self.tr("Coming more often"), "rising_visits")):
            self.upsell_kind.addItem(label, code)
        self.upsell_kind.currentIndexChanged.connect(self.fill)
        self.upsell_model = RowsModel([self.tr("Client"), self.tr("Signal")], self)
        self.upsell_view = table_view(self.upsell_model)
        self.upsell_view.doubleClicked.connect(self._open_row)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Clients ready for more: close to the next loyalty tier, spending or "
                                        "visiting more, or buying a small pack again and again.")))
        layout.addWidget(self.upsell_kind)
        layout.addWidget(self.upsell_view)

    def fill(self) -> None:
        signals = self.insights.signals(kind=self.upsell_kind.currentData(), limit=LIST_LIMIT)
        names = self.clients.names([s.client_id for s in signals])
        tier_names = {t.code: t.name for t in self.loyalty.rules().tiers}
        self.upsell_model.set_rows([(s.client_id, (names.get(s.client_id, ""), texts.signal_text(s, tier_names)), None)
                                    for s in signals])

    def _open_row(self, index) -> None:
        client_id = client_id_at(self.upsell_model, index)
        if client_id is not None:
            self.open_client.emit(client_id)
