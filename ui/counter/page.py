"""Counter mode: scan or type, see the client, type the bill, Enter, Esc for the next customer.

Everything is reachable from the keyboard: the lookup box has focus; Enter in it finds the
client and moves to the amount; Enter in the amount records the bill with its points; F4 fills
the most points allowed on this bill; Ctrl+Z undoes today's last counter transaction; Esc clears.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QFormLayout, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton,
    QSpinBox, QVBoxLayout, QWidget,
)

from clientdesk.counter.receipt import receipt_for_sale
from clientdesk.errors import ClientDeskError, ConfirmationNeeded, ValidationError
from clientdesk.loyalty.cards import group_number
from clientdesk.money import format_inr, rupees_to_paise
from clientdesk.clients.fields import ClientData, PhoneEntry
from clientdesk.services.history import LineItem
from clientdesk.validate import format_phone
from ui import dialogs
from ui.insights.texts import suggestion_reason
from ui.counter.lookup import ClientLookup
from ui.counter.receipt import ReceiptButton


def _big(label: QLabel, factor: float = 1.5, bold: bool = True) -> QLabel:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    label.setFont(font)
    return label


class CounterPage(QWidget):
    """The counter screen (ui.counter.page.CounterPage)."""

    open_client = Signal(int)
    clients_changed = Signal()  # a quick add: the window's count follows

    def __init__(self, counter, loyalty, clients, insights, settings, clock, parent=None):
        super().__init__(parent)
        self.counter = counter
        self.loyalty = loyalty
        self.clients = clients
        self.insights = insights
        self.settings = settings
        self.clock = clock
        self.client_id: int | None = None
        self.card: str = ""
        self.max_redeem = 0

        self.lookup = ClientLookup(counter, clients, loyalty, self)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)

        # Quick add for an unknown phone: two fields, Enter saves.
        self.quick_frame = QFrame(self)
        self.quick_frame.setFrameShape(QFrame.StyledPanel)
        self.quick_name = QLineEdit(self.quick_frame)
        self.quick_name.setPlaceholderText(self.tr("Name"))
        self.quick_phone = QLineEdit(self.quick_frame)
        self.quick_phone.setPlaceholderText(self.tr("Mobile number"))
        self.quick_save = QPushButton(self.tr("Add client"), self.quick_frame)
        quick = QHBoxLayout(self.quick_frame)
        quick.addWidget(QLabel(self.tr("New client:"), self.quick_frame))
        quick.addWidget(self.quick_name, 2)
        quick.addWidget(self.quick_phone, 1)
        quick.addWidget(self.quick_save)
        self.quick_frame.hide()

        # The client.
        self.client_frame = QFrame(self)
        self.client_frame.setFrameShape(QFrame.StyledPanel)
        self.name_label = _big(QLabel(self.client_frame), 1.6)
        self.name_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.tier_label = _big(QLabel(self.client_frame), 1.1)
        self.points_label = _big(QLabel(self.client_frame), 1.3)
        self.stamps_label = QLabel(self.client_frame)
        self.rewards_label = QLabel(self.client_frame)
        self.birthday_label = QLabel(self.client_frame)
        self.card_label = QLabel(self.client_frame)
        self.expiry_label = QLabel(self.client_frame)
        self.suggestion_label = QLabel(self.client_frame)
        self.suggestion_label.setObjectName("suggestion")
        self.suggestion_label.setWordWrap(True)
        self.suggestion_label.setStyleSheet("color: #5d4037; font-style: italic;")
        self.suggestion_label.hide()
        self.open_button = QPushButton(self.tr("Open client…"), self.client_frame)
        grid = QGridLayout(self.client_frame)
        grid.addWidget(self.name_label, 0, 0, 1, 2)
        grid.addWidget(self.open_button, 0, 2, Qt.AlignRight)
        grid.addWidget(self.tier_label, 1, 0)
        grid.addWidget(self.points_label, 1, 1)
        grid.addWidget(self.card_label, 1, 2)
        grid.addWidget(self.stamps_label, 2, 0)
        grid.addWidget(self.rewards_label, 2, 1)
        grid.addWidget(self.birthday_label, 2, 2)
        grid.addWidget(self.expiry_label, 3, 0, 1, 3)
        grid.addWidget(self.suggestion_label, 4, 0, 1, 3)

        # The bill.
        self.sale_frame = QFrame(self)
        self.amount_edit = _big_edit(QLineEdit(self.sale_frame))
        self.amount_edit.setObjectName("amount")
        self.amount_edit.setPlaceholderText(self.tr("Bill amount in ₹, then Enter"))
        self.bill_edit = QLineEdit(self.sale_frame)
        self.bill_edit.setPlaceholderText(self.tr("optional"))
        self.items_edit = QLineEdit(self.sale_frame)
        self.items_edit.setPlaceholderText(self.tr("optional, e.g. sarees, dupatta"))
        self.redeem_spin = QSpinBox(self.sale_frame)
        self.redeem_spin.setObjectName("redeem")
        self.redeem_spin.setRange(0, 0)
        self.redeem_spin.setMinimumWidth(200)
        self.redeem_max_button = QPushButton(self.tr("Use most points (F4)"), self.sale_frame)
        self.reward_check = QCheckBox(self.tr("Give the stamp-card reward now"), self.sale_frame)
        self.net_label = _big(QLabel(self.sale_frame), 1.3)
        self.net_label.setObjectName("net")
        form = QFormLayout(self.sale_frame)
        form.addRow(self.tr("Amount (₹)"), self.amount_edit)
        redeem_row = QHBoxLayout()
        redeem_row.addWidget(self.redeem_spin)
        redeem_row.addWidget(self.redeem_max_button)
        redeem_row.addStretch(1)
        form.addRow(self.tr("Redeem points"), redeem_row)
        form.addRow("", self.reward_check)
        form.addRow(self.tr("Bill no."), self.bill_edit)
        form.addRow(self.tr("Items / categories"), self.items_edit)
        form.addRow(self.tr("To collect"), self.net_label)

        self.record_button = QPushButton(self.tr("Record bill (Enter)"), self)
        self.record_button.setDefault(False)
        self.undo_button = QPushButton(self.tr("Undo last (Ctrl+Z)"), self)
        self.clear_button = QPushButton(self.tr("Next customer (Esc)"), self)
        self.receipt_button = ReceiptButton(getattr(parent, "ui_settings", None), self)
        self.result_label = _big(QLabel(self), 1.2)
        self.result_label.setObjectName("result")
        self.result_label.setWordWrap(True)
        self.result_label.setStyleSheet("color: #1b5e20;")

        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.receipt_button)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lookup)
        layout.addWidget(self.status_label)
        layout.addWidget(self.quick_frame)
        layout.addWidget(self.client_frame)
        layout.addWidget(self.sale_frame)
        layout.addLayout(buttons)
        layout.addWidget(self.result_label)
        layout.addStretch(1)

        self.lookup.client_chosen.connect(self.show_client)
        self.lookup.unknown_phone.connect(self._quick_add)
        self.lookup.message.connect(self.status_label.setText)
        self.quick_name.returnPressed.connect(self._quick_next)
        self.quick_phone.returnPressed.connect(self.save_quick_add)
        self.quick_save.clicked.connect(self.save_quick_add)
        self.amount_edit.textChanged.connect(self._amount_changed)
        self.redeem_spin.valueChanged.connect(self._update_net)
        for edit in (self.amount_edit, self.bill_edit, self.items_edit):
            edit.returnPressed.connect(self.record)
        self.redeem_spin.lineEdit().returnPressed.connect(self.record)
        self.record_button.clicked.connect(self.record)
        self.redeem_max_button.clicked.connect(self.redeem_most)
        self.undo_button.clicked.connect(self.undo_last)
        self.clear_button.clicked.connect(self.clear)
        self.open_button.clicked.connect(lambda: self.client_id and self.open_client.emit(self.client_id))
        for key, slot in ((Qt.Key_Escape, self.clear), (Qt.Key_F4, self.redeem_most),
                          (QKeySequence.Undo, self.undo_last), (Qt.Key_F2, self.lookup.focus),
                          (Qt.Key_F6, self.receipt_button.showMenu)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        for edit in (self.lookup.edit, self.amount_edit, self.bill_edit, self.items_edit, self.redeem_spin.lineEdit()):
            edit.installEventFilter(self)
        self.clear()

    def eventFilter(self, watched, event) -> bool:
        """Ctrl+Z in a box undoes the last counter transaction, not the typing (the box would take it)."""
        if event.type() == QEvent.ShortcutOverride and event.matches(QKeySequence.Undo):
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    # ----- page API ------------------------------------------------------------------------
    def activated(self) -> None:
        """Called by the window when the page is shown: focus the lookup box."""
        self._refresh_undo()
        self.lookup.focus()

    def show_suggestion(self, text: str) -> None:
        """Fill the one-line suggestion slot (empty text hides it)."""
        self.suggestion_label.setText(text)
        self.suggestion_label.setVisible(bool(text) and self.client_id is not None)

    # ----- flow ----------------------------------------------------------------------------
    def clear(self) -> None:
        """Ready for the next customer."""
        self.client_id = None
        self._bill_no = ""
        self.lookup.clear()
        self.status_label.clear()
        self.quick_frame.hide()
        self.client_frame.hide()
        self.sale_frame.setEnabled(False)
        self.record_button.setEnabled(False)
        for edit in (self.amount_edit, self.bill_edit, self.items_edit):
            edit.clear()
        self.reward_check.setChecked(False)
        self.redeem_spin.setRange(0, 0)
        self.net_label.clear()
        self.result_label.clear()
        self.suggestion_label.clear()
        self.suggestion_label.hide()
        self._refresh_undo()
        self.lookup.focus()

    def show_client(self, client_id: int) -> None:
        """Show a client's loyalty figures and move to the amount."""
        try:
            self._fill_client(client_id)
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return
        self.card = self.lookup.last_card
        self.quick_frame.hide()
        self.sale_frame.setEnabled(True)
        self.record_button.setEnabled(True)
        self.result_label.clear()
        self._amount_changed()
        self.amount_edit.setFocus(Qt.OtherFocusReason)

    def _fill_client(self, client_id: int) -> None:
        summary = self.loyalty.summary(client_id)
        client = self.clients.get(client_id)
        self.client_id = client_id
        phone = format_phone(client.primary_phone) if client.primary_phone else ""
        self.name_label.setText(f"{client.display_name}  {phone}".strip())
        if summary.member:
            self.tier_label.setText(summary.tier_name)
            self.tier_label.setStyleSheet(f"color: {summary.tier_colour};")
        else:  # not "Member" beside "Not a member yet"
            self.tier_label.setText(self.tr("Not a member yet: joins with this bill"))
            self.tier_label.setStyleSheet("")
        self.points_label.setText(self.tr("%n point(s)", "", summary.points))
        if summary.stamps_needed:
            self.stamps_label.setText(self.tr("Stamps: %1 of %2").replace("%1", str(summary.stamps))
                                      .replace("%2", str(summary.stamps_needed)))
        else:
            self.stamps_label.clear()
        self.rewards_label.setText(
            self.tr("Reward due: %1 × %2").replace("%1", str(summary.rewards_due)).replace("%2", summary.reward_text)
            if summary.rewards_due else "")
        self.rewards_label.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.birthday_label.setText(self.tr("Birthday this week") if summary.birthday_this_week else "")
        self.card_label.setText(self.tr("Card %1").replace("%1", group_number(summary.card_number)) if summary.card_number
                                else self.tr("No card yet"))
        parts = []
        if summary.expiring_soon:
            parts.append(self.tr("%1 points expire within 30 days").replace("%1", str(summary.expiring_soon)))
        if summary.next_tier and summary.to_next_tier_paise is not None:
            parts.append(self.tr("%1 more to reach %2").replace("%1", format_inr(summary.to_next_tier_paise, False))
                         .replace("%2", self.loyalty.rules().tier(summary.next_tier).name))
        self.expiry_label.setText("  ·  ".join(parts))
        self.reward_check.setEnabled(summary.rewards_due > 0)
        self.client_frame.show()
        suggestions = self.insights.suggestions(client_id, limit=1)
        self.show_suggestion(self.tr("Suggest: %1 (%2)").replace("%1", suggestions[0].product)
                             .replace("%2", suggestion_reason(suggestions[0])) if suggestions else "")

    def _quick_add(self, phone: str) -> None:
        self.client_frame.hide()
        self.status_label.setText(self.tr("New number: add the client with a name, then Enter."))
        self.quick_phone.setText(format_phone(phone))  # as people write it: 98765 43210
        self.quick_name.clear()
        self.quick_frame.show()
        self.quick_name.setFocus(Qt.OtherFocusReason)

    def _quick_next(self) -> None:
        if self.quick_name.text().strip() and self.quick_phone.text().strip():
            self.save_quick_add()
        else:
            self.quick_phone.setFocus(Qt.OtherFocusReason)

    def save_quick_add(self) -> None:
        """Create the client from the two fields and go on with the sale."""
        data = ClientData(name=self.quick_name.text(), phones=[PhoneEntry(self.quick_phone.text(), is_primary=True)])
        try:
            client_id = self.clients.create(data)
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return
        self.clients_changed.emit()
        self.status_label.setText(self.tr("Client added."))
        self.show_client(client_id)

    def _amount_paise(self) -> int | None:
        text = self.amount_edit.text().strip()
        if not text:
            return None
        try:
            return rupees_to_paise(text)
        except ValidationError:
            return None

    def _amount_changed(self) -> None:
        amount = self._amount_paise()
        self.max_redeem = 0
        if self.client_id is not None and amount:
            try:
                self.max_redeem = self.counter.quote_redemption(self.client_id, amount).points
            except ClientDeskError:
                self.max_redeem = 0
        self.redeem_spin.setRange(0, self.max_redeem)
        self.redeem_spin.setSuffix(self.tr(" of %1 allowed").replace("%1", str(self.max_redeem)))
        self.redeem_max_button.setEnabled(self.max_redeem > 0)
        self._update_net()

    def _redeem_paise(self) -> int:
        points = self.redeem_spin.value()
        if not points or self.client_id is None:
            return 0
        try:
            return self.counter.value_of_points(self.client_id, points)
        except ClientDeskError:
            return 0

    def _update_net(self) -> None:
        amount = self._amount_paise()
        if amount is None:
            self.net_label.clear()
            return
        self.net_label.setText(format_inr(amount - self._redeem_paise()))

    def redeem_most(self) -> None:
        """Fill in the most points allowed on this bill."""
        if self.client_id is not None:
            self.redeem_spin.setValue(self.max_redeem)
            self.redeem_spin.setFocus(Qt.OtherFocusReason)

    def _lines(self) -> list[LineItem]:
        return [LineItem(category=part.strip()) for part in self.items_edit.text().split(",") if part.strip()]

    def record(self) -> None:
        """Record the bill and its points in one transaction; show what happened."""
        if self.client_id is None:
            return
        amount = self._amount_paise()
        if amount is None or amount <= 0:
            self.status_label.setText(self.tr("Type the bill amount in rupees."))
            self.amount_edit.setFocus(Qt.OtherFocusReason)
            return
        redeem = self.redeem_spin.value()
        if redeem:
            net = format_inr(amount - self._redeem_paise())
            question = self.tr("Redeem %1 points? Collect %2.").replace("%1", str(redeem)).replace("%2", net)
            # Enter redeems; No goes back to the points; Esc (Cancel) leaves this customer, like Esc here
            answer = dialogs.ask(self, self.tr("Redeem points"), question,
                                 QMessageBox.Yes | QMessageBox.No | QMessageBox.Cancel, QMessageBox.Yes)
            if answer == QMessageBox.No:
                self.redeem_spin.setFocus(Qt.OtherFocusReason)
                self.redeem_spin.selectAll()
                return
            if answer != QMessageBox.Yes:
                self.clear()
                self.status_label.setText(self.tr("Not recorded. Ready for the next customer."))
                return
        confirm = False
        self._bill_no = self.bill_edit.text().strip()  # for the receipt: the field is cleared after the bill
        while True:
            try:
                result = self.counter.record_sale(
                    self.client_id, amount, redeem_points=redeem, bill_no=self.bill_edit.text().strip(),
                    lines=self._lines(), use_reward=self.reward_check.isChecked(), confirm=confirm, card=self.card)
                break
            except ConfirmationNeeded as exc:
                question = self.tr("This card already has %1 loyalty transactions today. Record this one too?") \
                    .replace("%1", str(exc.count))
                if dialogs.ask(self, self.tr("Busy card"), question, default=QMessageBox.Yes) != QMessageBox.Yes:
                    self.amount_edit.setFocus(Qt.OtherFocusReason)
                    return
                confirm = True
            except ClientDeskError as exc:
                dialogs.show_error(self, exc)
                self.amount_edit.setFocus(Qt.OtherFocusReason)
                return
        self._show_result(result)

    def _show_result(self, result) -> None:
        parts = [self.tr("Recorded %1").replace("%1", format_inr(result.amount_paise))]
        if result.redeemed_points:
            parts.append(self.tr("%1 points redeemed, collect %2").replace("%1", str(result.redeemed_points))
                         .replace("%2", format_inr(result.net_paise)))
        parts.append(self.tr("+%1 points").replace("%1", str(result.points_earned)))
        if result.bonus_points:
            parts.append(self.tr("+%1 bonus").replace("%1", str(result.bonus_points)))
        parts.append(self.tr("balance %1").replace("%1", str(result.balance)))
        if result.stamp_added:
            parts.append(self.tr("stamp added (%1 of %2)").replace("%1", str(result.stamps))
                         .replace("%2", str(result.stamps_needed)))
        if result.reward_earned:
            parts.append(self.tr("reward now due!"))
        if result.tier_changed:
            parts.append(self.tr("new tier: %1").replace("%1", self.loyalty.rules().tier(result.tier).name))
        client_id = result.client_id
        self._fill_client(client_id)
        for edit in (self.amount_edit, self.bill_edit, self.items_edit):
            edit.clear()
        self.reward_check.setChecked(False)
        self.result_label.setText("  ·  ".join(parts))
        self._offer_receipt(result)
        self.status_label.setText(self.tr("Esc for the next customer."))
        self._refresh_undo()
        self.amount_edit.setFocus(Qt.OtherFocusReason)

    def _offer_receipt(self, result) -> None:
        """The receipt of this bill, ready to print, save or send (F6)."""
        try:
            receipt = receipt_for_sale(result, self._bill_no, self.clients, self.loyalty, self.settings,
                                       self.clock)
            phones = self.clients.get(result.client_id).phones
        except ClientDeskError:
            self.receipt_button.set_receipt(None)
            return
        chat = next((p.number for p in phones if p.is_whatsapp), None) or next(
            (p.number for p in phones if p.is_primary), "")
        self.receipt_button.set_receipt(receipt, chat)

    def _refresh_undo(self) -> None:
        try:
            self.undo_button.setEnabled(self.counter.last_undoable_sale() is not None)
        except ClientDeskError:
            self.undo_button.setEnabled(False)

    def undo_last(self) -> None:
        """Undo today's last counter transaction, after asking."""
        try:
            sale_id = self.counter.last_undoable_sale()
            if sale_id is None:
                self.status_label.setText(self.tr("Nothing to undo today."))
                return
            sale = self.counter.sale_info(sale_id)
            name = self.clients.names([sale["client_id"]]).get(sale["client_id"], "")
            question = self.tr("Undo the last bill: %1 for %2? Its points and stamp are taken back.") \
                .replace("%1", format_inr(sale["amount_paise"])).replace("%2", name)
            if dialogs.ask(self, self.tr("Undo"), question) != QMessageBox.Yes:
                return
            undone = self.counter.undo_last_sale()
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return
        self.result_label.setText(self.tr("Undone: %1 for %2.").replace("%1", format_inr(undone.amount_paise))
                                  .replace("%2", name))
        if self.client_id == undone.client_id:
            self._fill_client(undone.client_id)
        self._refresh_undo()
        (self.amount_edit if self.client_id is not None else self.lookup.edit).setFocus(Qt.OtherFocusReason)


def _big_edit(edit: QLineEdit) -> QLineEdit:
    font = edit.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    edit.setFont(font)
    return edit
