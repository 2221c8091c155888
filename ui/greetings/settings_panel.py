"""Greeting settings, embedded by the Settings page: the shop's state (festival dates), the
festivals greeted by default, the frequency cap, the shop logo for cards, and email (SMTP) with
the password kept in the system keyring, never in the database."""

from __future__ import annotations

import holidays
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from clientdesk.errors import ClientDeskError, ValidationError
from clientdesk.greetings import mailer
from clientdesk.greetings.rules import Caps
from ui import dialogs
from ui.greetings import texts

STATE_NAMES = {
    "AN": "Andaman and Nicobar Islands", "AP": "Andhra Pradesh", "AR": "Arunachal Pradesh", "AS": "Assam",
    "BR": "Bihar", "CG": "Chhattisgarh", "CH": "Chandigarh", "DH": "Dadra and Nagar Haveli and Daman and Diu",
    "DL": "Delhi", "GA": "Goa", "GJ": "Gujarat", "HP": "Himachal Pradesh", "HR": "Haryana", "JH": "Jharkhand",
    "JK": "Jammu and Kashmir", "KA": "Karnataka", "KL": "Kerala", "LA": "Ladakh", "LD": "Lakshadweep",
    "MH": "Maharashtra", "ML": "Meghalaya", "MN": "Manipur", "MP": "Madhya Pradesh", "MZ": "Mizoram",
    "NL": "Nagaland", "OD": "Odisha", "PB": "Punjab", "PY": "Puducherry", "RJ": "Rajasthan", "SK": "Sikkim",
    "TN": "Tamil Nadu", "TR": "Tripura", "TS": "Telangana", "UK": "Uttarakhand", "UP": "Uttar Pradesh",
    "WB": "West Bengal",
}


class GreetingSettingsPanel(QWidget):
    """`saved` fires after the settings were stored."""

    saved = Signal()

    def __init__(self, settings, greetings, clock, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.greetings = greetings
        self.clock = clock
        self.state_box = QComboBox()
        self.state_box.addItem(self.tr("All India (national dates)"), "")
        for code in holidays.India.subdivisions:
            self.state_box.addItem(f"{STATE_NAMES.get(code, code)} ({code})", code)
        self.festival_list = QListWidget()
        self.festival_list.setMinimumHeight(160)
        self.per_7 = QSpinBox()
        self.per_7.setRange(1, 7)
        self.per_30 = QSpinBox()
        self.per_30.setRange(1, 30)
        self.logo_edit = QLineEdit()
        logo_button = QPushButton(self.tr("Choose…"))
        logo_button.clicked.connect(self._choose_logo)
        self.host = QLineEdit()
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.security = QComboBox()
        for code, label in (("starttls", self.tr("STARTTLS (port 587)")), ("ssl", self.tr("SSL/TLS (port 465)")),
                            ("none", self.tr("None (local server only)"))):
            self.security.addItem(label, code)
        self.user = QLineEdit()
        self.sender = QLineEdit()
        self.sender.setPlaceholderText(self.tr("same as the user name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.keyring_note = QLabel()
        self.keyring_note.setWordWrap(True)
        save = QPushButton(self.tr("Save greeting settings"))
        save.clicked.connect(self.save)

        calendar_box = QGroupBox(self.tr("Festivals"))
        form = QFormLayout(calendar_box)
        form.addRow(self.tr("Shop's state"), self.state_box)
        form.addRow(QLabel(self.tr("Festivals greeted unless a client has their own list:")))
        form.addRow(self.festival_list)
        cap_box = QGroupBox(self.tr("Never too often"))
        form = QFormLayout(cap_box)
        form.addRow(self.tr("At most, in 7 days"), self.per_7)
        form.addRow(self.tr("At most, in 30 days"), self.per_30)
        form.addRow(QLabel(self.tr("The same occasion is never greeted twice in a year; clients under 18 only "
                                   "with a guardian's consent.")))
        card_box = QGroupBox(self.tr("Cards"))
        row = QHBoxLayout()
        row.addWidget(self.logo_edit, 1)
        row.addWidget(logo_button)
        form = QFormLayout(card_box)
        form.addRow(self.tr("Shop logo (image)"), row)
        mail_box = QGroupBox(self.tr("Email (SMTP)"))
        form = QFormLayout(mail_box)
        form.addRow(self.tr("Server"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Security"), self.security)
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Sender address"), self.sender)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.keyring_note)
        layout = QVBoxLayout(self)
        for box in (calendar_box, cap_box, card_box, mail_box):
            layout.addWidget(box)
        self.saved_label = QLabel()  # "Saved.": the confirmation beside the button pressed
        save_row = QHBoxLayout()
        save_row.addWidget(self.saved_label, 1, Qt.AlignRight)
        save_row.addWidget(save)
        layout.addLayout(save_row)
        self.load()

    def load(self) -> None:
        """Show the stored settings."""
        self.saved_label.setText("")
        settings = self.settings
        self.state_box.setCurrentIndex(max(self.state_box.findData(settings.get("shop_state") or ""), 0))
        defaults = set(self.greetings.celebrations.defaults())
        language = texts.ui_language()
        self.festival_list.clear()
        try:
            festivals = self.greetings.calendar.known(self.clock.today())
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            festivals = []
        for day in festivals:
            item = QListWidgetItem(day.name_hi if language == "hi" else day.name_en)
            item.setData(Qt.UserRole, day.key)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if day.key in defaults else Qt.Unchecked)
            self.festival_list.addItem(item)
        caps = Caps.from_settings(settings)
        self.per_7.setValue(caps.per_7_days)
        self.per_30.setValue(caps.per_30_days)
        self.logo_edit.setText(settings.get("shop_logo", "") or "")
        smtp = mailer.SmtpSettings.from_settings(settings)
        self.host.setText(smtp.host)
        self.port.setValue(smtp.port)
        self.security.setCurrentIndex(max(self.security.findData(smtp.security), 0))
        self.user.setText(smtp.user)
        self.sender.setText(smtp.sender)
        self.password.clear()
        if mailer.keyring_available():
            has = smtp.host and mailer.stored_password(smtp)
            self.keyring_note.setText(self.tr("The password is kept in the system keyring.") if has else
                                      self.tr("Type the password to keep it in the system keyring."))
        else:
            self.keyring_note.setText(self.tr("No system keyring here: ClientDesk asks for the password once "
                                              "each session and never stores it."))

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Shop logo"), "", self.tr("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.logo_edit.setText(path)

    def chosen_festivals(self) -> list[str]:
        return [self.festival_list.item(i).data(Qt.UserRole) for i in range(self.festival_list.count())
                if self.festival_list.item(i).checkState() == Qt.Checked]

    def save(self) -> bool:
        """Store the settings (the password only in the keyring); False when something is wrong."""
        if self.per_30.value() < self.per_7.value():
            dialogs.show_error(self, ValidationError("greet_cap_30_days", "range",
                                                     "The 30-day limit cannot be below the 7-day one"))
            return False
        smtp = mailer.SmtpSettings(self.host.text().strip(), self.port.value(), self.security.currentData(),
                                   self.user.text().strip(), self.sender.text().strip())
        try:
            if smtp.host:
                smtp.save(self.settings)
            self.settings.update({
                "shop_state": self.state_box.currentData(), "greet_cap_7_days": self.per_7.value(),
                "greet_cap_30_days": self.per_30.value(), "shop_logo": self.logo_edit.text().strip(),
            })
            self.greetings.celebrations.set_defaults(self.chosen_festivals())
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return False
        if self.password.text() and smtp.host:
            if not mailer.store_password(smtp, self.password.text()):
                dialogs.inform(self, self.tr("Password"), self.tr("There is no system keyring: the password was not "
                                                                  "stored. You will be asked for it when sending."))
        self.load()
        self.saved_label.setText(self.tr("Saved."))
        self.saved.emit()
        return True
