"""Pieces the Insights tabs share: the table view of a rows model, and the role a list item keeps
its client or segment id under."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtWidgets import QTableView

from ui.widgets import make_read_only_table

ID_ROLE = Qt.UserRole + 1


def table_view(model: QAbstractTableModel) -> QTableView:
    """A read-only table of `model`: whole rows selected, columns fitted, the last one stretched."""
    view = QTableView()
    view.setModel(model)
    return make_read_only_table(view)


def client_id_at(model, index) -> int | None:
    """The client id of the row at `index` of a rows model (None for a row without one)."""
    client_id = model.data(index, Qt.UserRole)
    return None if client_id is None else int(client_id)
