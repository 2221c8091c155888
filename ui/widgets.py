"""Small reusable input widgets: partial dates, phone rows, field error labels."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QRadioButton,
    QSpinBox, QVBoxLayout, QWidget, QButtonGroup,
)

MONTHS = [
    QT_TRANSLATE_NOOP("Months", "January"),
    QT_TRANSLATE_NOOP("Months", "February"),
    QT_TRANSLATE_NOOP("Months", "March"),
    QT_TRANSLATE_NOOP("Months", "April"),
    QT_TRANSLATE_NOOP("Months", "May"),
    QT_TRANSLATE_NOOP("Months", "June"),
    QT_TRANSLATE_NOOP("Months", "July"),
    QT_TRANSLATE_NOOP("Months", "August"),
    QT_TRANSLATE_NOOP("Months", "September"),
    QT_TRANSLATE_NOOP("Months", "October"),
    QT_TRANSLATE_NOOP("Months", "November"),
    QT_TRANSLATE_NOOP("Months", "December"),
]


def month_names() -> list[str]:
    """Translated month names, January first."""
    return [QCoreApplication.translate("Months", m) for m in MONTHS]


class ErrorLabel(QLabel):
    """A red one-line message shown beside a field; hidden while empty."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setStyleSheet("color: #b00020;")
        self.setWordWrap(True)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class PartialDateEdit(QWidget):
    """Day, month and an optional year (birthdays are often known without the year)."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.day = QComboBox()
        self.day.addItem("—", None)
        for d in range(1, 32):
            self.day.addItem(str(d), d)
        self.month = QComboBox()
        self.month.addItem("—", None)
        for number, name in enumerate(month_names(), start=1):
            self.month.addItem(name, number)
        self.year = QSpinBox()
        self.year.setRange(1899, dt.date.today().year + 1)
        self.year.setSpecialValueText(self.tr("year unknown"))
        self.year.setValue(1899)
        for w in (self.day, self.month):
            w.currentIndexChanged.connect(self.changed)
        self.year.valueChanged.connect(self.changed)
        layout.addWidget(self.day)
        layout.addWidget(self.month)
        layout.addWidget(self.year)
        layout.addStretch(1)

    def value(self) -> tuple[int | None, int | None, int | None]:
        year = self.year.value()
        return self.day.currentData(), self.month.currentData(), (None if year == self.year.minimum() else year)

    def set_value(self, day: int | None, month: int | None, year: int | None) -> None:
        self.day.setCurrentIndex(self.day.findData(day) if day else 0)
        self.month.setCurrentIndex(self.month.findData(month) if month else 0)
        self.year.setValue(year or self.year.minimum())


class PhoneRow(QWidget):
    """One phone: the number, primary (radio in a shared group), WhatsApp, remove."""

    removed = Signal(object)

    def __init__(self, group: QButtonGroup, number: str = "", primary: bool = False, whatsapp: bool = False,
                 parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.number = QLineEdit(number)
        self.number.setPlaceholderText(self.tr("e.g. 98765 43210"))
        self.number.setMinimumWidth(150)
        self.primary = QRadioButton(self.tr("Primary"))
        group.addButton(self.primary)
        self.primary.setChecked(primary)
        self.whatsapp = QCheckBox(self.tr("WhatsApp"))
        self.whatsapp.setChecked(whatsapp)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(lambda: self.removed.emit(self))
        for w in (self.number, self.primary, self.whatsapp, remove):
            layout.addWidget(w)
        layout.setStretch(0, 1)


class PhoneList(QWidget):
    """Several phone rows with an "Add phone" button."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.rows: list[PhoneRow] = []
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(self.tr("Add phone"))
        self.add_button.clicked.connect(lambda: self.add_row(primary=not self.rows).number.setFocus())
        self.box.addWidget(self.add_button, alignment=Qt.AlignLeft)

    def add_row(self, number: str = "", primary: bool = False, whatsapp: bool = False) -> PhoneRow:
        row = PhoneRow(self.group, number, primary, whatsapp)
        row.removed.connect(self._remove)
        row.number.textChanged.connect(self.changed)
        row.whatsapp.toggled.connect(self.changed)
        row.primary.toggled.connect(self.changed)
        self.rows.append(row)
        self.box.insertWidget(len(self.rows) - 1, row)
        self.changed.emit()
        return row

    def _remove(self, row: PhoneRow) -> None:
        self.rows.remove(row)
        self.group.removeButton(row.primary)
        row.deleteLater()
        if self.rows and not any(r.primary.isChecked() for r in self.rows):
            self.rows[0].primary.setChecked(True)
        self.changed.emit()

    def entries(self) -> list[tuple[str, bool, bool]]:
        return [(r.number.text(), r.primary.isChecked(), r.whatsapp.isChecked()) for r in self.rows]

    def set_entries(self, entries) -> None:
        for row in list(self.rows):
            self.rows.remove(row)
            self.group.removeButton(row.primary)
            row.deleteLater()
        for number, primary, whatsapp in entries:
            self.add_row(number, primary, whatsapp)
        if not self.rows:
            self.add_row(primary=True)


def make_read_only_table(view: QAbstractItemView) -> QAbstractItemView:
    """A table the user reads: whole rows selected, no editing, no row numbers, columns fitted to
    their contents and the last one stretched. Returns `view`."""
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())
