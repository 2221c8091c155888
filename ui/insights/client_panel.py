"""What one client is worth and what to offer them, for the client page (and the counter):
RFM group with its explanation, purchase likelihood, lifetime spend, average bill, visits per
month, suggestions with their reasons and up-sell signals. `set_client(id)` fills it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from clientdesk.errors import ClientDeskError
from clientdesk.money import format_inr
from ui import dialogs
from ui.insights import texts


class ClientInsightsPanel(QWidget):
    """Value, likelihood, suggestions and up-sell signals of one client."""

    def __init__(self, insights, loyalty, parent=None):
        super().__init__(parent)
        self.insights = insights
        self.loyalty = loyalty
        self.group = QLabel()
        self.group.setWordWrap(True)
        self.likelihood = QLabel()
        self.spend = QLabel()
        self.avg_bill = QLabel()
        self.per_month = QLabel()
        self.suggestions = QLabel()
        self.suggestions.setWordWrap(True)
        self.suggestions.setTextFormat(Qt.PlainText)
        self.signals = QLabel()
        self.signals.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Group"), self.group)
        form.addRow(self.tr("Likely to buy in 30 days"), self.likelihood)
        form.addRow(self.tr("Lifetime spend"), self.spend)
        form.addRow(self.tr("Average bill"), self.avg_bill)
        form.addRow(self.tr("Visits per month"), self.per_month)
        form.addRow(self.tr("Suggest"), self.suggestions)
        form.addRow(self.tr("Up-sell"), self.signals)
        layout = QVBoxLayout(self)
        layout.addLayout(form)

    def set_client(self, client_id: int) -> None:
        """Show the figures of this client (as of the last insights refresh)."""
        try:
            value = self.insights.client_value(client_id)
            found = self.insights.suggestions(client_id)
            signals = self.insights.signals(client_id=client_id)
            tier_names = {t.code: t.name for t in self.loyalty.rules().tiers}
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return
        name = texts.group_name(value.rfm_group)
        self.group.setText(f"{name} — {texts.group_explanation(value.rfm_group)}" if name else self.tr("No bills yet"))
        self.likelihood.setText(texts.likelihood_text(value.likelihood, value.likelihood_source))
        self.spend.setText(format_inr(value.spent_paise))
        self.avg_bill.setText(format_inr(value.avg_bill_paise))
        self.per_month.setText(f"{value.visits_per_month:.1f}")
        self.suggestions.setText("\n".join(texts.suggestion_reason(s) for s in found) or "—")
        self.signals.setText("\n".join(texts.signal_text(s, tier_names) for s in signals) or "—")
