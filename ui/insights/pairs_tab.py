"""The Bought together tab of Insights: product and category pairs from the association rules."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from clientdesk.money import format_number
from ui.insights.tables import table_view
from ui.rows_model import RowsModel


class PairsTab(QWidget):
    """The 50 strongest product pairs and category pairs, read from `insights` on `fill`."""

    LIMIT = 50

    def __init__(self, insights, parent=None):
        super().__init__(parent)
        self.insights = insights
        self.pairs_model = RowsModel([self.tr("Bought"), self.tr("Also bought"), self.tr("Bills with both"),
                                      self.tr("Support"), self.tr("Confidence"), self.tr("Lift")], self)
        self.category_pairs_model = RowsModel(list(self.pairs_model.headers), self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Products")))
        layout.addWidget(table_view(self.pairs_model), 2)
        layout.addWidget(QLabel(self.tr("Categories")))
        layout.addWidget(table_view(self.category_pairs_model), 1)

    def fill(self) -> None:
        for model, kind in ((self.pairs_model, "product"), (self.category_pairs_model, "category")):
            model.set_rows([(None, (p.a, p.b, format_number(p.bills), f"{p.support:.1%}", f"{p.confidence:.0%}",
                                    f"{p.lift:.2f}"), None) for p in self.insights.pairs(kind, limit=self.LIMIT)])
