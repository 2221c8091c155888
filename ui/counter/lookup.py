"""One box for the counter: a scanned card number + Enter, a phone number, or a name.

Emits `client_chosen(id)` when one client is found (or picked from the list of names, or of the
people of a household who share the phone number),
`unknown_phone(e164)` for a phone nobody has, and `message(text)` for anything else.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from clientdesk.errors import ClientDeskError
from clientdesk.validate import format_phone
from ui import dialogs


class ClientLookup(QWidget):
    client_chosen = Signal(int)
    unknown_phone = Signal(str)
    message = Signal(str)

    def __init__(self, counter, clients, loyalty, parent=None):
        super().__init__(parent)
        self.counter = counter
        self.clients = clients
        self.loyalty = loyalty
        self.last_card = ""  # the card number of the last lookup that found a card
        self.edit = QLineEdit(self)
        self.edit.setObjectName("lookup")
        self.edit.setPlaceholderText(self.tr("Scan the card, or type a phone number or name, then Enter"))
        self.edit.setClearButtonEnabled(True)
        font = self.edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.edit.setFont(font)
        self.results = QListWidget(self)
        self.results.setObjectName("lookupResults")
        self.results.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.results)
        self.edit.returnPressed.connect(self.find)
        self.results.itemActivated.connect(self._picked)

    def clear(self) -> None:
        self.edit.clear()
        self.results.clear()
        self.results.hide()

    def focus(self) -> None:
        self.edit.setFocus(Qt.OtherFocusReason)
        self.edit.selectAll()

    def find(self) -> None:
        """Resolve what was typed or scanned."""
        self.results.hide()
        try:
            found = self.counter.lookup(self.edit.text())
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return
        self.last_card = found.card if found.kind == "card" else ""
        if found.kind == "phone" and len(found.client_ids) > 1:
            # a household shares this number: Down/Enter picks the person, who keeps their own points
            self.message.emit(self.tr("%n people share this number. Pick one with Down and Enter.", "",
                                      len(found.client_ids)))
            self._show_results(found.client_ids, points=True)
        elif found.kind in ("card", "phone") or (found.kind == "name" and len(found.client_ids) == 1):
            self.client_chosen.emit(found.client_ids[0])
        elif found.kind == "blocked_card":
            self.message.emit(self.tr("This card was replaced and is blocked. Ask for the new card."))
            self.client_chosen.emit(found.client_ids[0])
        elif found.kind == "name":
            self._show_results(found.client_ids)
        elif found.kind == "new_phone":
            self.unknown_phone.emit(found.phone)
        elif found.kind == "bad_card":
            self.message.emit(self.tr("This card number has a typing mistake. Scan or type it again."))
        elif self.edit.text().strip():
            self.message.emit(self.tr("Nobody found. Type a phone number to add a new client."))

    def _show_results(self, client_ids: list[int], points: bool = False) -> None:
        """The people to pick from; `points`: with each one's own balance (a household's list)."""
        self.results.clear()
        try:
            phones = self.clients.phones_of(client_ids)
            rows = self.clients.rows(client_ids)
            balances = {cid: self.loyalty.balance(cid) for cid in client_ids} if points else {}
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return
        for row in rows:
            numbers = ", ".join(format_phone(n) for n in phones.get(row.id, []))
            balance = self.tr("%n point(s)", "", balances[row.id]) if row.id in balances else ""
            label = "  ·  ".join(x for x in (row.name, numbers, row.city, balance) if x)
            item = QListWidgetItem(label)
            item.setData(Qt.UserRole, row.id)
            self.results.addItem(item)
        self.results.setCurrentRow(0)
        self.results.setMaximumHeight(self.results.sizeHintForRow(0) * min(self.results.count(), 6) + 8)
        self.results.show()
        self.results.setFocus(Qt.OtherFocusReason)

    def _picked(self, item: QListWidgetItem) -> None:
        self.results.hide()
        self.message.emit("")
        self.client_chosen.emit(int(item.data(Qt.UserRole)))
