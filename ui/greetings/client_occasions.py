"""A client's own dates (a child's birthday …) and the festivals they celebrate, for the client
editor: `edit_client_occasions(parent, greetings, clients, clock, client_id)` opens the dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QGroupBox, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QVBoxLayout,
)

from clientdesk.errors import ClientDeskError
from ui import dialogs
from ui.greetings import texts
from ui.widgets import PartialDateEdit


class ClientOccasionsDialog(QDialog):
    def __init__(self, greetings, clients, clock, client_id: int, parent=None):
        super().__init__(parent)
        self.greetings = greetings
        self.client_id = client_id
        service = greetings
        name = clients.names([client_id]).get(client_id, "")
        self.setWindowTitle(self.tr("Occasions of %1").replace("%1", name))
        self.dates = QListWidget()
        self.label = QLineEdit()
        self.label.setPlaceholderText(self.tr("What is the day? (e.g. daughter's birthday)"))
        self.label.setMinimumWidth(260)
        self.date = PartialDateEdit()
        add = QPushButton(self.tr("Add date"))
        add.clicked.connect(self.add_date)
        remove = QPushButton(self.tr("Remove date"))
        remove.clicked.connect(self.remove_date)
        dates_box = QGroupBox(self.tr("Their own dates"))
        d_layout = QVBoxLayout(dates_box)
        d_layout.addWidget(self.dates)
        row = QHBoxLayout()
        row.addWidget(self.label, 1)
        row.addWidget(self.date)
        row.addWidget(add)
        d_layout.addLayout(row)
        d_layout.addWidget(remove, 0, Qt.AlignRight)
        keys, own = service.celebrations.of(client_id)
        self.own = QCheckBox(self.tr("This client has their own list of festivals"))
        self.own.setChecked(own)
        self.festivals = QListWidget()
        language = texts.ui_language()
        for day in service.calendar.known(clock.today()):
            item = QListWidgetItem(day.name_hi if language == "hi" else day.name_en)
            item.setData(Qt.UserRole, day.key)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if day.key in keys else Qt.Unchecked)
            self.festivals.addItem(item)
        self.own.toggled.connect(self.festivals.setEnabled)
        self.festivals.setEnabled(own)
        fest_box = QGroupBox(self.tr("Festivals they celebrate"))
        f_layout = QVBoxLayout(fest_box)
        f_layout.addWidget(self.own)
        f_layout.addWidget(self.festivals)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(dates_box)
        layout.addWidget(fest_box, 1)
        layout.addWidget(buttons)
        self._load_dates()

    def _load_dates(self) -> None:
        self.dates.clear()
        for d in self.greetings.custom_dates.of(self.client_id):
            when = f"{d.day:02d}/{d.month:02d}" + (f"/{d.year}" if d.year else "")
            item = QListWidgetItem(f"{when}  {d.label}")
            item.setData(Qt.UserRole, d.id)
            self.dates.addItem(item)

    def add_date(self) -> None:
        day, month, year = self.date.value()
        try:
            self.greetings.custom_dates.add(self.client_id, self.label.text(), day, month, year)
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return
        self.label.clear()
        self._load_dates()

    def remove_date(self) -> None:
        item = self.dates.currentItem()
        if item is not None:
            self.greetings.custom_dates.remove(item.data(Qt.UserRole))
            self._load_dates()

    def checked_festivals(self) -> list[str]:
        return [self.festivals.item(i).data(Qt.UserRole) for i in range(self.festivals.count())
                if self.festivals.item(i).checkState() == Qt.Checked]

    def save(self) -> None:
        try:
            self.greetings.celebrations.set_for(self.client_id,
                                                     self.checked_festivals() if self.own.isChecked() else None)
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return
        self.accept()


def edit_client_occasions(parent, greetings, clients, clock, client_id: int) -> bool:
    """Open the dialog; True when saved."""
    return ClientOccasionsDialog(greetings, clients, clock, client_id, parent).exec() == QDialog.Accepted
