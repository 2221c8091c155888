"""The one small read-only table model for short in-memory lists (greeting drafts, festivals, the
insights tables): rows of display values, an id per row under Qt.UserRole, an optional colour."""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor


class RowsModel(QAbstractTableModel):
    """Rows are (id, cells, colour or None); `row_of(id)` finds one again."""

    def __init__(self, headers: Sequence[str], parent=None):
        super().__init__(parent)
        self.headers = list(headers)
        self.rows: list[tuple[Any, list[str], str | None]] = []  # (id, cells, colour)

    def set_rows(self, rows: Sequence[tuple[Any, Sequence[str], str | None]]) -> None:
        self.beginResetModel()
        self.rows = [(rid, [str(c) for c in cells], colour) for rid, cells, colour in rows]
        self.endResetModel()

    def set_row(self, row: int, cells: Sequence[str], colour: str | None) -> None:
        rid = self.rows[row][0]
        self.rows[row] = (rid, [str(c) for c in cells], colour)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        rid, cells, colour = self.rows[index.row()]
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return cells[index.column()] if index.column() < len(cells) else ""
        if role == Qt.UserRole:
            return rid
        if role == Qt.ForegroundRole and colour:
            return QColor(colour)
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def row_of(self, rid) -> int:
        for n, (row_id, _, _) in enumerate(self.rows):
            if row_id == rid:
                return n
        return -1
