"""The festival calendar of a year: hide a festival, correct its date, add the shop's own occasions."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSpinBox, QTableView, QVBoxLayout, QWidget,
)

from clientdesk.errors import ClientDeskError
from ui import dialogs
from ui.rows_model import RowsModel

def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class AddOccasionDialog(QDialog):
    def __init__(self, year: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add an occasion"))
        self.name_en = QLineEdit()
        self.name_hi = QLineEdit()
        self.date = QDateEdit(QDate(year, 1, 1))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.every_year = QCheckBox(self.tr("Every year on this day"))
        self.every_year.setChecked(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Name in English"), self.name_en)
        form.addRow(self.tr("Name in Hindi"), self.name_hi)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.every_year)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class DateDialog(QDialog):
    def __init__(self, title: str, date: dt.date, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.date = QDateEdit(_qdate(date))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setDateRange(QDate(date.year, 1, 1), QDate(date.year, 12, 31))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The right date this year:")))
        layout.addWidget(self.date)
        layout.addWidget(buttons)


# Seams the tests replace: the small dialogs return their values instead of waiting for a click.
def ask_new_occasion(parent, year: int):
    """(English name, Hindi name, date, every year) or None."""
    dialog = AddOccasionDialog(year, parent)
    if dialog.exec() != QDialog.Accepted:
        return None
    return dialog.name_en.text(), dialog.name_hi.text(), _pydate(dialog.date.date()), dialog.every_year.isChecked()


def ask_date(parent, title: str, date: dt.date) -> dt.date | None:
    """Ask for a corrected date in the same year (None when cancelled)."""
    dialog = DateDialog(title, date, parent)
    return _pydate(dialog.date.date()) if dialog.exec() == QDialog.Accepted else None


class FestivalsEditor(QWidget):
    """One year's festivals with where each date comes from; the user's changes are kept."""

    def __init__(self, calendar, clock, parent=None):
        super().__init__(parent)
        self.calendar = calendar  # the greeting service's festival calendar
        self.days = []
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(clock.today().year)
        self.year.valueChanged.connect(self.refresh)
        self.model = RowsModel([self.tr("Date"), self.tr("English"), self.tr("Hindi"), self.tr("From")], self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.hide_button = QPushButton()
        self.hide_button.clicked.connect(self.toggle_hidden)
        self.move_button = QPushButton(self.tr("Correct the date…"))
        self.move_button.clicked.connect(self.correct_date)
        self.add_button = QPushButton(self.tr("Add an occasion…"))
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        top.addStretch(1)
        note = QLabel(self.tr("Dates come from the calendar for your state (Settings). Islamic dates are estimates; "
                              "correct a date when your community fixes it."))
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.hide_button, self.move_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.source_names = {"holidays": self.tr("calendar"), "rule": self.tr("rule"), "table": self.tr("ClientDesk"),
                             "user": self.tr("added by you")}

    def refresh(self) -> None:
        """Read the year's festivals again."""
        try:
            self.days = self.calendar.year(self.year.value(), include_hidden=True)
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return
        rows = []
        for d in self.days:
            source = self.source_names.get(d.source, d.source)
            if d.estimated:
                source += " · " + self.tr("estimated")
            if d.moved:
                source += " · " + self.tr("corrected")
            if d.hidden:
                source += " · " + self.tr("hidden")
            rows.append(((d.key, d.date), [d.date.strftime("%d/%m/%Y"), d.name_en, d.name_hi, source],
                         "#9e9e9e" if d.hidden else None))
        self.model.set_rows(rows)
        self._update_buttons()

    def current(self):
        index = self.view.currentIndex()
        return self.days[index.row()] if index.isValid() and index.row() < len(self.days) else None

    def select_key(self, key: str) -> None:
        for row, d in enumerate(self.days):
            if d.key == key:
                self.view.selectRow(row)
                return

    def _update_buttons(self, *args) -> None:
        day = self.current()
        self.hide_button.setEnabled(day is not None)
        self.move_button.setEnabled(day is not None)
        self.remove_button.setEnabled(day is not None and day.source == "user")
        self.hide_button.setText(self.tr("Show again") if day and day.hidden else self.tr("Hide"))

    def _run(self, action, key: str | None) -> None:
        try:
            action()
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return
        self.refresh()
        if key:
            self.select_key(key)

    def toggle_hidden(self) -> None:
        day = self.current()
        if day is not None:
            self._run(lambda: self.calendar.hide(day.key, 0, not day.hidden), day.key)

    def correct_date(self) -> None:
        day = self.current()
        if day is None:
            return
        date = ask_date(self, self.tr("Correct the date of %1").replace("%1", day.name_en), day.date)
        if date is not None:
            self._run(lambda: self.calendar.move(day.key, self.year.value(), date), day.key)

    def add(self) -> None:
        answer = ask_new_occasion(self, self.year.value())
        if answer is None:
            return
        name_en, name_hi, date, every_year = answer
        keys = []
        self._run(lambda: keys.append(self.calendar.add(name_en, name_hi, date.month, date.day,
                                                        None if every_year else date.year)), None)
        if keys:
            self.select_key(keys[0])

    def remove(self) -> None:
        day = self.current()
        if day is not None and day.source == "user":
            self._run(lambda: self.calendar.remove(day.key), None)
