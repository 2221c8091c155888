"""A compact client chooser: a search box and the best matches; used by pages that act on one client."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from clientdesk.validate import format_phone


class ClientPicker(QWidget):
    """Type a name or phone; pick from the list (click or Enter). Emits client_chosen(id)."""

    client_chosen = Signal(int)

    def __init__(self, clients, parent=None, limit: int = 8):
        super().__init__(parent)
        self.clients = clients  # the client service: search and names
        self.limit = limit
        self.client_id: int | None = None
        self.box = QLineEdit()
        self.box.setPlaceholderText(self.tr("Name or phone of the client"))
        self.box.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setMaximumHeight(160)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.results)
        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self._search)
        self.box.textChanged.connect(self._timer.start)
        self.box.returnPressed.connect(self._choose_first)
        self.results.itemActivated.connect(self._choose_item)
        self.results.itemClicked.connect(self._choose_item)

    def _search(self) -> None:
        self.results.clear()
        for row in self.clients.search(self.box.text(), limit=self.limit):
            phone = format_phone(row.phone) if row.phone else ""
            item = QListWidgetItem(f"{row.name}  {phone}  {row.city}".strip())
            item.setData(Qt.UserRole, row.id)
            self.results.addItem(item)

    def _choose_first(self) -> None:
        self._timer.stop()
        self._search()
        if self.results.count():
            self._choose_item(self.results.item(0))

    def _choose_item(self, item: QListWidgetItem) -> None:
        self.set_client(item.data(Qt.UserRole))

    def set_client(self, client_id: int) -> None:
        """Choose a client by id (also from code) and announce it."""
        self.client_id = client_id
        self.box.blockSignals(True)
        self.box.setText(self.clients.names([client_id]).get(client_id, ""))
        self.box.blockSignals(False)
        self.results.clear()
        self.client_chosen.emit(client_id)
