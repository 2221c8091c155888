"""The client list as a Qt model: keeps only ids, builds rows on demand, pages with fetchMore.

Sorting and filtering are done by the service in SQL; the model never holds every client.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QT_TRANSLATE_NOOP, QCoreApplication, Qt

from clientdesk.money import format_inr
from clientdesk.clients.listing import ClientFilter
from clientdesk.validate import format_phone

ID_ROLE = Qt.UserRole + 1
PAGE = 200
BLOCK = 50  # rows built at a time: about two screens

COLUMNS = [
    ("name", QT_TRANSLATE_NOOP("ClientListModel", "Name")),
    ("phone", QT_TRANSLATE_NOOP("ClientListModel", "Phone")),
    ("city", QT_TRANSLATE_NOOP("ClientListModel", "City")),
    ("status", QT_TRANSLATE_NOOP("ClientListModel", "Status")),
    ("last_visit", QT_TRANSLATE_NOOP("ClientListModel", "Last visit")),
    ("total_spent", QT_TRANSLATE_NOOP("ClientListModel", "Total spent")),
    ("tags", QT_TRANSLATE_NOOP("ClientListModel", "Tags")),
]

STATUS_LABELS = {
    "prospect": QT_TRANSLATE_NOOP("ClientListModel", "Prospect"),
    "active": QT_TRANSLATE_NOOP("ClientListModel", "Active"),
    "lapsed": QT_TRANSLATE_NOOP("ClientListModel", "Lapsed"),
}


def status_label(code: str) -> str:
    """The translated word for a client status code."""
    return QCoreApplication.translate("ClientListModel", STATUS_LABELS.get(code, code))


class ClientListModel(QAbstractTableModel):
    """Rows of clients matching a ClientFilter, sorted by the service."""

    def __init__(self, clients, parent=None):
        super().__init__(parent)
        self.clients = clients
        self.filter = ClientFilter()
        self.sort_key = "relevance"
        self.descending = False
        self.total = 0
        self._ids: list[int] = []
        self._rows: dict[int, object] = {}
        self.reload()

    # ----- loading ---------------------------------------------------------------------
    def set_filter(self, flt: ClientFilter) -> None:
        self.filter = flt
        self.reload()

    def reload(self) -> None:
        """Start again from the first page (after a filter, sort or data change)."""
        total = self.clients.count(self.filter)  # asked first: a failure (the server away) leaves the list whole
        ids = self.clients.ids(self.filter, self.sort_key, self.descending, 0, PAGE)
        self.beginResetModel()
        self._rows.clear()
        self.total, self._ids = total, ids
        self.endResetModel()

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and len(self._ids) < self.total

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid():
            return
        more = self.clients.ids(self.filter, self.sort_key, self.descending, len(self._ids), PAGE)
        if not more:
            self.total = len(self._ids)
            return
        first = len(self._ids)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._ids.extend(more)
        self.endInsertRows()

    def fetch_all(self) -> None:
        """Load every remaining id (used before exporting or jumping to the end)."""
        while self.canFetchMore():
            self.fetchMore()

    def _row(self, row: int):
        cid = self._ids[row]
        if cid not in self._rows:
            start = (row // BLOCK) * BLOCK
            block = self._ids[start:start + BLOCK]
            if len(self._rows) > 5000:
                self._rows.clear()
            for r in self.clients.rows(block):
                self._rows[r.id] = r
        return self._rows.get(cid)

    # ----- Qt model API ----------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("ClientListModel", COLUMNS[section][1])
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        row = self._row(index.row())
        if row is None:
            return None
        key = COLUMNS[index.column()][0]
        if role == Qt.DisplayRole:
            if key == "name":
                return f"{row.honorific} {row.name}".strip()
            if key == "phone":
                return format_phone(row.phone) if row.phone else ""
            if key == "city":
                return row.city
            if key == "status":
                return status_label(row.status)
            if key == "last_visit":
                return row.last_visit_on.strftime("%d/%m/%Y") if row.last_visit_on else ""
            if key == "total_spent":
                return format_inr(row.total_spent_paise, decimals=False)
            if key == "tags":
                return row.tags
        if role == Qt.TextAlignmentRole and key == "total_spent":
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ToolTipRole and key == "name" and row.father_name:
            return row.father_name
        return None

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.sort_key = COLUMNS[column][0]
        self.descending = order == Qt.DescendingOrder
        self.reload()

    def client_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def loaded_ids(self) -> list[int]:
        return list(self._ids)
