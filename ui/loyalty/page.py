"""The loyalty-card view: the card as it will print, the balance, what expires, rewards, the ledger;
print the card, issue or replace it, adjust points with a reason, print every unprinted card."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QMessageBox, QPushButton, QSpinBox, QTableView, QVBoxLayout, QWidget,
)

from clientdesk.errors import ClientDeskError
from clientdesk.loyalty.cards import group_number
from clientdesk.money import format_inr
from ui import dialogs
from ui.counter.lookup import ClientLookup
from ui.jobs import run_job
from ui.loyalty import printing
from ui.loyalty.ledger_model import LedgerModel


class AdjustDialog(QDialog):
    """Points to add (or take away, negative) and the reason, which is required."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Adjust points"))
        self.points = QSpinBox(self)
        self.points.setRange(-1_000_000, 1_000_000)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Why? (required)"))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.Ok)
        form = QFormLayout(self)
        form.addRow(self.tr("Points (+ to add, − to take away)"), self.points)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(buttons)
        self.points.valueChanged.connect(self._check)
        self.reason.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        self.ok_button.setEnabled(self.points.value() != 0 and bool(self.reason.text().strip()))


def ask_adjustment(parent) -> tuple[int, str] | None:
    """Ask for an adjustment; None if cancelled. Tests replace this function."""
    dialog = AdjustDialog(parent)
    if dialog.exec() != QDialog.Accepted:
        return None
    return dialog.points.value(), dialog.reason.text()


def ask_save_path(parent, title: str, suggested: str) -> Path | None:
    """Where to save a PDF; None if cancelled. Tests replace this function."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, "PDF (*.pdf)")
    return Path(path) if path else None


class LoyaltyPage(QWidget):
    """The loyalty page (ui.loyalty.page.LoyaltyPage)."""

    open_client = Signal(int)
    badge_changed = Signal(int)

    def __init__(self, loyalty, cards, counter, clients, parent=None):
        super().__init__(parent)
        self.loyalty = loyalty
        self.cards = cards
        self.counter = counter
        self.clients = clients
        self.client_id: int | None = None
        self.last_pdf: Path | None = None
        self.job = None

        self.lookup = ClientLookup(counter, clients, loyalty, self)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.name_label = QLabel(self)
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name_label.setFont(font)
        self.front_label = QLabel(self)
        self.back_label = QLabel(self)
        for label in (self.front_label, self.back_label):
            label.setMinimumSize(340, 215)
            label.setAlignment(Qt.AlignCenter)
        self.balance_label = QLabel(self)
        self.expiring_label = QLabel(self)
        self.rewards_label = QLabel(self)
        self.tier_label = QLabel(self)
        self.card_label = QLabel(self)

        self.print_button = QPushButton(self.tr("Print this card…"), self)
        self.pdf_button = QPushButton(self.tr("Save card as PDF…"), self)
        self.issue_button = QPushButton(self.tr("Issue card"), self)
        self.replace_button = QPushButton(self.tr("Replace lost card"), self)
        self.adjust_button = QPushButton(self.tr("Adjust points…"), self)
        self.open_button = QPushButton(self.tr("Open client…"), self)
        self.batch_button = QPushButton(self.tr("Print all new cards…"), self)

        self.model = LedgerModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setEditTriggers(QTableView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)

        top = QHBoxLayout()
        top.addWidget(self.lookup, 1)
        top.addWidget(self.batch_button)
        cards = QHBoxLayout()
        cards.addWidget(self.front_label)
        cards.addWidget(self.back_label)
        cards.addStretch(1)
        facts = QGridLayout()
        facts.addWidget(self.tier_label, 0, 0)
        facts.addWidget(self.balance_label, 0, 1)
        facts.addWidget(self.card_label, 0, 2)
        facts.addWidget(self.expiring_label, 1, 0, 1, 2)
        facts.addWidget(self.rewards_label, 1, 2)
        actions = QHBoxLayout()
        for button in (self.print_button, self.pdf_button, self.issue_button, self.replace_button, self.adjust_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message_label)
        layout.addWidget(self.name_label)
        layout.addLayout(cards)
        layout.addLayout(facts)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)

        self.lookup.client_chosen.connect(self.set_client)
        self.lookup.message.connect(self.message_label.setText)
        self.lookup.unknown_phone.connect(
            lambda phone: self.message_label.setText(self.tr("Nobody has the number %1.").replace("%1", phone)))
        self.print_button.clicked.connect(self.print_card)
        self.pdf_button.clicked.connect(self.save_card_pdf)
        self.issue_button.clicked.connect(self.issue_card)
        self.replace_button.clicked.connect(self.replace_card)
        self.adjust_button.clicked.connect(self.adjust_points)
        self.open_button.clicked.connect(lambda: self.client_id and self.open_client.emit(self.client_id))
        self.batch_button.clicked.connect(self.print_unprinted)
        self._show_nothing()

    # ----- page API ------------------------------------------------------------------------
    def activated(self) -> None:
        self._update_badge()
        if self.client_id is None:
            self.lookup.focus()

    def set_client(self, client_id: int) -> None:
        """Show this client's card, balance and ledger."""
        try:
            summary = self.loyalty.summary(client_id)
            client = self.clients.get(client_id)
            front, back = self.cards.card_images(client_id, dpi=150)
            rows = self.loyalty.ledger(client_id)
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return
        self.client_id = client_id
        self.message_label.clear()
        self.name_label.setText(client.display_name)
        for label, png in ((self.front_label, front), (self.back_label, back)):
            pixmap = QPixmap()
            pixmap.loadFromData(png, "PNG")
            label.setPixmap(pixmap.scaledToWidth(340, Qt.SmoothTransformation))
        self.tier_label.setText(self.tr("Tier: %1").replace("%1", summary.tier_name))
        self.balance_label.setText(self.tr("Balance: %1 points").replace("%1", str(summary.points)))
        self.card_label.setText(self.tr("Card %1").replace("%1", group_number(summary.card_number))
                                if summary.card_number else self.tr("No card yet"))
        expiring = self.tr("%1 points expire within 30 days").replace("%1", str(summary.expiring_soon)) \
            if summary.expiring_soon else self.tr("No points expire within 30 days")
        if summary.next_tier and summary.to_next_tier_paise is not None:
            expiring += "  ·  " + self.tr("%1 more to reach %2").replace(
                "%1", format_inr(summary.to_next_tier_paise, False)).replace(
                "%2", self.loyalty.rules().tier(summary.next_tier).name)
        self.expiring_label.setText(expiring)
        self.rewards_label.setText(
            self.tr("Reward due: %1 × %2").replace("%1", str(summary.rewards_due)).replace("%2", summary.reward_text)
            if summary.rewards_due else self.tr("Stamps: %1 of %2").replace("%1", str(summary.stamps))
            .replace("%2", str(summary.stamps_needed)))
        self.model.set_rows(rows)
        has_card = summary.card_number is not None
        self.issue_button.setVisible(not has_card)
        self.replace_button.setVisible(has_card)
        for button in (self.print_button, self.pdf_button, self.adjust_button, self.open_button,
                       self.issue_button, self.replace_button):
            button.setEnabled(True)

    def _show_nothing(self) -> None:
        self.name_label.setText(self.tr("Find a client to see their loyalty card."))
        for button in (self.print_button, self.pdf_button, self.issue_button, self.replace_button,
                       self.adjust_button, self.open_button):
            button.setEnabled(False)
        self.replace_button.hide()

    def _update_badge(self) -> None:
        try:
            self.badge_changed.emit(len(self.cards.unprinted_client_ids()))
        except ClientDeskError:
            pass

    # ----- actions -------------------------------------------------------------------------
    def _change(self, action, *args) -> None:
        """Run one loyalty change for the shown client, then show the client again."""
        try:
            action(self.client_id, *args)
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return
        self.set_client(self.client_id)
        self._update_badge()

    def issue_card(self) -> None:
        """Give the shown client a card number (joining the programme) after asking."""
        if self.client_id is None:
            return
        question = self.tr("Issue a loyalty card to this client? They join the loyalty programme and the card "
                           "number is theirs from now on.")
        if dialogs.ask(self, self.tr("Issue card"), question) == QMessageBox.Yes:
            self._change(self.cards.issue_card)

    def replace_card(self) -> None:
        """Block the lost card and issue a new number; the points stay."""
        if self.client_id is None:
            return
        question = self.tr("Block the old card and issue a new number? The points stay with the client.")
        if dialogs.ask(self, self.tr("Replace card"), question) == QMessageBox.Yes:
            self._change(self.cards.replace_card)

    def adjust_points(self) -> None:
        """Add or take away points; the reason is required."""
        if self.client_id is None:
            return
        answer = ask_adjustment(self)
        if answer is not None:
            self._change(self.loyalty.adjust, *answer)

    def _write(self, path: Path, client_ids, on_done) -> None:
        def work(progress):
            return self.cards.write_cards(path, client_ids, progress=progress)

        def done(result):
            self.last_pdf = path
            self._update_badge()
            on_done(result)

        self.job = run_job(self, work, on_success=done, title=self.tr("Preparing cards"))

    def save_card_pdf(self) -> None:
        """Save this client's card as an A4 PDF (with crop marks) and open it."""
        if self.client_id is None:
            return
        path = ask_save_path(self, self.tr("Save card"), f"card-{self.client_id}.pdf")
        if path is not None:
            self._write(path, [self.client_id], lambda result: printing.open_pdf(path))

    def print_card(self) -> None:
        """Print this client's card through the print dialog."""
        if self.client_id is None:
            return
        path = Path(tempfile.mkdtemp(prefix="clientdesk-")) / f"card-{self.client_id}.pdf"
        self._write(path, [self.client_id], lambda result: printing.print_pdf(self, path))

    def print_unprinted(self) -> None:
        """Every card not printed yet, into one PDF that opens in the viewer."""
        try:
            count = len(self.cards.unprinted_client_ids())
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return
        if not count:
            dialogs.inform(self, self.tr("Cards"), self.tr("Every card has been printed."))
            return
        path = ask_save_path(self, self.tr("Save cards"), "cards.pdf")
        if path is not None:
            self._write(path, None, lambda result: printing.open_pdf(path))

    def print_cards(self, client_ids: list[int]) -> None:
        """Cards for a selection of clients (the window may call this with the client list's selection)."""
        if not client_ids:
            return
        path = ask_save_path(self, self.tr("Save cards"), "cards.pdf")
        if path is not None:
            self._write(path, list(client_ids), lambda result: printing.open_pdf(path))
