"""The points ledger of one client as a table (a few hundred rows at most, so kept in memory)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor

from clientdesk.money import format_inr

KIND_LABELS = {
    "earn": QT_TRANSLATE_NOOP("LedgerModel", "Earned"),
    "redeem": QT_TRANSLATE_NOOP("LedgerModel", "Redeemed"),
    "expire": QT_TRANSLATE_NOOP("LedgerModel", "Expired"),
    "bonus": QT_TRANSLATE_NOOP("LedgerModel", "Bonus"),
    "adjust": QT_TRANSLATE_NOOP("LedgerModel", "Adjustment"),
    "reversal": QT_TRANSLATE_NOOP("LedgerModel", "Reversal"),
    "opening": QT_TRANSLATE_NOOP("LedgerModel", "Opening balance"),
}
REASON_LABELS = {
    "signup": QT_TRANSLATE_NOOP("LedgerModel", "Sign-up bonus"),
    "birthday": QT_TRANSLATE_NOOP("LedgerModel", "Birthday bonus"),
    "undo": QT_TRANSLATE_NOOP("LedgerModel", "Counter sale undone"),
    "return": QT_TRANSLATE_NOOP("LedgerModel", "Bill returned"),
}
HEADERS = (
    QT_TRANSLATE_NOOP("LedgerModel", "Date"),
    QT_TRANSLATE_NOOP("LedgerModel", "Entry"),
    QT_TRANSLATE_NOOP("LedgerModel", "Points"),
    QT_TRANSLATE_NOOP("LedgerModel", "Balance"),
    QT_TRANSLATE_NOOP("LedgerModel", "Expires"),
    QT_TRANSLATE_NOOP("LedgerModel", "Bill / reason"),
)
ID_ROLE = Qt.UserRole


def _t(text: str) -> str:
    return QCoreApplication.translate("LedgerModel", text)


class LedgerModel(QAbstractTableModel):
    """Rows are clientdesk.loyalty.service.LedgerRow, newest first."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(HEADERS):
            return _t(HEADERS[section])
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return row.id
        if role == Qt.TextAlignmentRole and column in (2, 3):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ForegroundRole and column == 2:
            return QColor("#1b5e20") if row.points > 0 else QColor("#b71c1c")
        if role != Qt.DisplayRole:
            return None
        if column == 0:
            return row.at.strftime("%d/%m/%Y %H:%M")
        if column == 1:
            return _t(KIND_LABELS.get(row.kind, row.kind))
        if column == 2:
            return f"{row.points:+d}"
        if column == 3:
            return str(row.running)
        if column == 4:
            return row.expires_on.strftime("%d/%m/%Y") if row.expires_on and row.points > 0 else ""
        reason = _t(REASON_LABELS[row.reason]) if row.reason in REASON_LABELS else row.reason
        bill = ""
        if row.bill_paise:
            bill = QCoreApplication.translate("LedgerModel", "Bill %1 of %2").replace("%1", row.bill_no) if row.bill_no else QCoreApplication.translate("LedgerModel", "Bill of %2")
            bill = bill.replace("%2", format_inr(row.bill_paise)).replace("  ", " ")
        elif row.bill_no:
            bill = QCoreApplication.translate("LedgerModel", "Bill %1").replace("%1", row.bill_no)
        return "  ·  ".join(x for x in (bill, reason) if x)
