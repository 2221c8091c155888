"""The composer's chosen clients as a list: ids kept, names fetched a block at a time when shown
(an occasion's "Everyone" can be thousands of clients)."""

from __future__ import annotations

from typing import Callable, Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

BLOCK = 200


class RecipientsModel(QAbstractListModel):
    def __init__(self, names: Callable[[Sequence[int]], dict[int, str]], parent=None):
        super().__init__(parent)
        self._names_of = names
        self.ids: list[int] = []
        self._names: dict[int, str] = {}

    def set_ids(self, ids: Sequence[int]) -> None:
        self.beginResetModel()
        self.ids = list(ids)
        self._names = {}
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.ids)

    def name(self, row: int) -> str:
        cid = self.ids[row]
        if cid not in self._names:
            start = row - row % BLOCK
            block = self.ids[start:start + BLOCK]
            found = self._names_of(block)
            self._names.update({i: found.get(i) or f"#{i}" for i in block})
        return self._names[cid]

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.ids):
            return None
        if role == Qt.DisplayRole:
            return self.name(index.row())
        if role == Qt.UserRole:
            return self.ids[index.row()]
        return None
