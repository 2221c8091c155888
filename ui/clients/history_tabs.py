"""Tabs of the client editor: purchase history with "Record purchase", the interaction timeline
with "Log interaction", and the small dialogs behind those buttons."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, Signal
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from clientdesk.codes import DIRECTIONS, INTERACTION_CHANNELS
from clientdesk.errors import ClientDeskError, ValidationError
from clientdesk.money import format_inr, rupees_to_paise
from clientdesk.services.history import InteractionRecord, LineItem, PurchaseRecord
from ui import dialogs
from ui.widgets import ErrorLabel, make_read_only_table, pydate, qdate

INTERACTION_LABELS = {
    "visit": QT_TRANSLATE_NOOP("HistoryTabs", "Visit"),
    "phone": QT_TRANSLATE_NOOP("HistoryTabs", "Phone call"),
    "whatsapp": QT_TRANSLATE_NOOP("HistoryTabs", "WhatsApp"),
    "sms": QT_TRANSLATE_NOOP("HistoryTabs", "SMS"),
    "email": QT_TRANSLATE_NOOP("HistoryTabs", "Email"),
    "letter": QT_TRANSLATE_NOOP("HistoryTabs", "Letter"),
    "social": QT_TRANSLATE_NOOP("HistoryTabs", "Social media"),
    "other": QT_TRANSLATE_NOOP("HistoryTabs", "Other"),
}
DIRECTION_LABELS = {
    "in": QT_TRANSLATE_NOOP("HistoryTabs", "From the client"),
    "out": QT_TRANSLATE_NOOP("HistoryTabs", "From the shop"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("HistoryTabs", text)


def _readonly_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    return make_read_only_table(table)


class _HistoryTab(QWidget):
    changed = Signal()

    def __init__(self, history, button_text: str, headers: list[str], parent=None):
        super().__init__(parent)
        self.history = history
        self.client_id: int | None = None
        self.button = QPushButton(button_text)
        self.button.clicked.connect(self.add)
        self.hint = QLabel(self.tr("Save the client first."))
        self.table = _readonly_table(headers)
        top = QHBoxLayout()
        top.addWidget(self.button)
        top.addWidget(self.hint)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)

    def set_client(self, client_id: int | None) -> None:
        self.client_id = client_id
        self.button.setEnabled(client_id is not None)
        self.hint.setVisible(client_id is None)
        self.refresh()

    def _fill(self, rows: list[list[str]]) -> None:
        self.table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))

    def refresh(self) -> None:
        self._fill(self.rows() if self.client_id is not None else [])

    def add(self) -> None:
        """Open the tab's dialog; on save, show the new entry and tell the editor."""
        if self.make_dialog().exec():
            self.refresh()
            self.changed.emit()


class PurchasesTab(_HistoryTab):
    """The client's bills, newest first."""

    def __init__(self, history, clock, parent=None):
        super().__init__(history, self.tr("Record purchase…"), [
            self.tr("Date"), self.tr("Bill no."), self.tr("Amount"), self.tr("Branch"), self.tr("Counter"),
            self.tr("Items")], parent)
        self.clock = clock  # the new bill's date starts at today

    def rows(self) -> list[list[str]]:
        return [[p.date.strftime("%d/%m/%Y"), p.bill_no, format_inr(p.amount_paise),
                 p.branch or self.tr("(no branch)"), p.counter or "",
                 ", ".join(f"{l.product} ({l.category})" if l.category else l.product for l in p.lines)]
                for p in self.history.purchases(self.client_id)]

    def _fill(self, rows: list[list[str]]) -> None:
        super()._fill(rows)
        # a shop that never named its branches and counters sees no such columns
        named = any(row[3] != self.tr("(no branch)") or row[4] for row in rows)
        for column in (3, 4):
            self.table.setColumnHidden(column, not named)

    def make_dialog(self) -> QDialog:
        return PurchaseDialog(self.history, self.clock, self.client_id, self)


class InteractionsTab(_HistoryTab):
    """The client's timeline: visits, calls, messages, greetings."""

    def __init__(self, history, parent=None):
        super().__init__(history, self.tr("Log interaction…"), [
            self.tr("When"), self.tr("How"), self.tr("Who started"), self.tr("Summary")], parent)

    def rows(self) -> list[list[str]]:
        return [[i.at.strftime("%d/%m/%Y %H:%M"), _t(INTERACTION_LABELS.get(i.channel, i.channel)),
                 _t(DIRECTION_LABELS.get(i.direction, i.direction)), i.summary]
                for i in self.history.interactions(self.client_id)]

    def make_dialog(self) -> QDialog:
        return InteractionDialog(self.history, self.client_id, self)


def _lay_out(dialog: QDialog, form: QFormLayout) -> None:
    """The form, its error line, and Save / Cancel wired to dialog.save and dialog.reject."""
    buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
    buttons.accepted.connect(dialog.save)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(dialog.error)
    layout.addWidget(buttons)


class PurchaseDialog(QDialog):
    """Record one bill: date, bill number, amount, and optional items."""

    def __init__(self, history, clock, client_id: int, parent=None):
        super().__init__(parent)
        self.history, self.client_id = history, client_id
        self.setWindowTitle(self.tr("Record purchase"))
        self.date = QDateEdit(qdate(clock.today()))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.bill_no = QLineEdit()
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("in rupees, e.g. 1250.50"))
        self.items = QTableWidget(3, 4)
        self.items.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Category"), self.tr("Qty"), self.tr("Amount (₹)")])
        self.items.horizontalHeader().setStretchLastSection(True)
        self.items.setMinimumWidth(560)
        for column, width in enumerate((200, 140, 60)):
            self.items.setColumnWidth(column, width)
        add_row = QPushButton(self.tr("More items"))
        add_row.clicked.connect(lambda: self.items.insertRow(self.items.rowCount()))
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Bill no."), self.bill_no)
        form.addRow(self.tr("Amount (₹)"), self.amount)
        form.addRow(self.tr("Items (optional)"), self.items)
        form.addRow("", add_row)
        _lay_out(self, form)

    def _lines(self) -> list[LineItem]:
        lines = []
        for r in range(self.items.rowCount()):
            cells = [(self.items.item(r, c).text().strip() if self.items.item(r, c) else "") for c in range(4)]
            if not any(cells):
                continue
            try:
                qty = Decimal(cells[2] or "1")
            except InvalidOperation as exc:
                raise ValidationError("lines", "invalid", f"{cells[2]}") from exc
            lines.append(LineItem(cells[0], cells[1], qty, rupees_to_paise(cells[3] or "0")))
        return lines

    def save(self) -> None:
        try:
            lines = self._lines()
            text = self.amount.text().strip()
            amount = rupees_to_paise(text) if text else sum(l.amount_paise for l in lines)
            if amount <= 0:
                raise ValidationError("amount", "empty", "Amount is required")
            self.history.record_purchase(PurchaseRecord(self.client_id, pydate(self.date.date()), amount,
                                                             self.bill_no.text(), lines=lines))
        except ClientDeskError as exc:
            self.error.show_message(dialogs.message_for(exc))
            return
        self.accept()


class InteractionDialog(QDialog):
    """Log one visit, call or message."""

    def __init__(self, history, client_id: int, parent=None):
        super().__init__(parent)
        self.history, self.client_id = history, client_id
        self.setWindowTitle(self.tr("Log interaction"))
        self.when = QDateTimeEdit(QDateTime.currentDateTime())
        self.when.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.when.setCalendarPopup(True)
        self.channel = QComboBox()
        for code in INTERACTION_CHANNELS:
            self.channel.addItem(_t(INTERACTION_LABELS[code]), code)
        self.direction = QComboBox()
        for code in DIRECTIONS:
            self.direction.addItem(_t(DIRECTION_LABELS[code]), code)
        self.summary = QPlainTextEdit()
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("When"), self.when)
        form.addRow(self.tr("How"), self.channel)
        form.addRow(self.tr("Who started"), self.direction)
        form.addRow(self.tr("Summary"), self.summary)
        _lay_out(self, form)

    def save(self) -> None:
        try:
            self.history.log_interaction(InteractionRecord(
                self.client_id, self.when.dateTime().toPython().replace(microsecond=0),
                self.channel.currentData(), self.direction.currentData(), self.summary.toPlainText()))
        except ClientDeskError as exc:
            self.error.show_message(dialogs.message_for(exc))
            return
        self.accept()
