"""The Client value tab of Insights: how many clients are in each RFM group, and what each group means."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from clientdesk.money import format_number
from ui.insights import texts
from ui.insights.tables import table_view
from ui.rows_model import RowsModel


class ValueTab(QWidget):
    """The RFM groups with their counts (given to `fill`); double-clicking one announces its code."""

    group_chosen = Signal(str)  # an RFM group code, e.g. "at_risk"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rfm_model = RowsModel([self.tr("Group"), self.tr("Clients"), self.tr("What it means")], self)
        self.rfm_view = table_view(self.rfm_model)
        self.rfm_view.setWordWrap(True)
        self.rfm_view.doubleClicked.connect(lambda index: self.group_chosen.emit(self.rfm_groups[index.row()]))
        self.rfm_groups: list[str] = []
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Recency, frequency and money (RFM): each client scores 1-5 on each, "
                                        "against the shop's own clients. Double-click a group to list it.")))
        layout.addWidget(self.rfm_view)

    def fill(self, counts: dict[str, int]) -> None:
        """Show the clients per group ({group code: count}, in the order to show)."""
        groups = list(counts)
        self.rfm_model.set_rows([(g, (texts.group_name(g), format_number(counts[g]), texts.group_explanation(g)), None)
                                 for g in groups])
        self.rfm_groups = groups
