"""Settings: language, the shop's details, when a client counts as lapsed, titles; plus the panels of
other areas (loyalty, greetings, backups), which the window makes and hands over."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea,
    QSpinBox, QVBoxLayout, QWidget,
)

from clientdesk.errors import ClientDeskError
from ui import dialogs
from ui.reflow import wrap_long_labels

LANGUAGES = [("en", "English"), ("hi", "हिन्दी")]


class SettingsPage(QWidget):
    """Shop settings (in the database) and the UI language (in the window settings file).

    `panels` are the other areas' settings widgets, shown below in that order, each with a `load()`;
    `welcome(parent)` shows the welcome page again and returns the way in picked (or None)."""

    language_changed = Signal(str)
    restart_requested = Signal()  # the shopkeeper wants the new language now
    way_in_chosen = Signal(str)  # picked on the welcome page: the window follows it

    def __init__(self, settings, ui_settings, panels, welcome, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.ui_settings = ui_settings
        self.welcome = welcome
        general = QGroupBox(self.tr("Shop"))
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language_note = QWidget()
        note_row = QHBoxLayout(self.language_note)
        note_row.setContentsMargins(0, 0, 0, 0)
        note_row.addWidget(QLabel(self.tr("The new language is used from the next start.")), 1)
        self.restart_button = QPushButton(self.tr("Restart now"))
        self.restart_button.clicked.connect(self.restart_requested)
        note_row.addWidget(self.restart_button)
        self.language_note.hide()
        # save as you go: choosing a language stores it at once (no separate Save) and offers the restart
        self.running_language = self.ui_settings.value("language", "en")
        self.language.activated.connect(self.language_chosen)
        self.shop_name = QLineEdit()
        self.shop_phone = QLineEdit()
        self.shop_address = QPlainTextEdit()
        self.shop_address.setMaximumHeight(70)
        self.shop_address.setTabChangesFocus(True)
        self.lapse_days = QSpinBox()
        self.lapse_days.setRange(14, 3650)
        self.lapse_days.setSuffix(self.tr(" days"))
        self.honorifics = QLineEdit()
        # two columns: who the shop is on the left, how it addresses clients on the right
        # (the shop's state is under Festivals below: it sets the festival dates)
        left, right = QFormLayout(), QFormLayout()
        left.addRow(self.tr("Language / भाषा"), self.language)
        left.addRow(self.language_note)  # the whole row: the note wraps into a column otherwise
        left.addRow(self.tr("Shop name"), self.shop_name)
        left.addRow(self.tr("Shop phone"), self.shop_phone)
        right.addRow(self.tr("Shop address"), self.shop_address)
        right.addRow(self.tr("Titles (comma separated)"), self.honorifics)
        right.addRow(self.tr("A client is lapsed after no purchase for"), self.lapse_days)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        columns.setAlignment(left, Qt.AlignTop)
        for column in (left, right):
            column.setVerticalSpacing(10)
        save = QPushButton(self.tr("Save settings"))
        save.clicked.connect(self.save)
        self.saved_label = QLabel()
        self.welcome_button = QPushButton(self.tr("Welcome and first steps…"))
        self.welcome_button.setToolTip(self.tr("The welcome page of the first start: the shop's details, then "
                                               "import clients, add the first one, or explore the demo desk"))
        self.welcome_button.clicked.connect(self.open_welcome)
        row = QHBoxLayout()
        row.addWidget(save)
        row.addWidget(self.saved_label, 1)
        row.addWidget(self.welcome_button)
        form = QVBoxLayout(general)
        form.addLayout(columns)
        form.addLayout(row)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(general)
        self.panels = list(panels)
        for panel in self.panels:
            layout.addWidget(panel)
        layout.addStretch(1)
        wrap_long_labels(content)  # small screens: long labels wrap, wide form rows stack (ui/reflow.py)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.load()

    def load(self) -> None:
        values = self.settings.all()
        language = self.ui_settings.value("language", "en")
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.shop_name.setText(values["shop_name"])
        self.shop_phone.setText(values["shop_phone"])
        self.shop_address.setPlainText(values["shop_address"])
        self.lapse_days.setValue(int(values["lapse_days"]))
        self.honorifics.setText(", ".join(values["honorifics"]))

    def language_chosen(self, *args) -> None:
        """Store the language chosen in the box now; offer "Restart now" while it differs from the running one."""
        language = self.language.currentData()
        if language != self.ui_settings.value("language", "en"):
            self.ui_settings.setValue("language", language)
            self.ui_settings.sync()
            self.language_changed.emit(language)
        self.language_note.setVisible(language != self.running_language)

    def save(self) -> None:
        try:
            self.settings.update_shop(
                {"shop_name": self.shop_name.text(), "shop_phone": self.shop_phone.text(),
                 "shop_address": self.shop_address.toPlainText()},
                others={"lapse_days": self.lapse_days.value(),
                        "honorifics": [h.strip() for h in self.honorifics.text().split(",") if h.strip()]})
        except ClientDeskError as exc:
            if getattr(exc, "field", "") == "shop_phone":
                dialogs.inform(self, self.tr("Settings"), self.tr("The shop's phone number is not valid. Write it "
                                                                  "as you would dial it, e.g. 98765 43210."))
                self.shop_phone.setFocus()
            else:
                dialogs.show_error(self, exc)
            return
        language = self.language.currentData()
        if language != self.ui_settings.value("language", "en"):
            self.ui_settings.setValue("language", language)
            self.ui_settings.sync()
            self.language_note.show()
            self.language_changed.emit(language)
        self.saved_label.setText(self.tr("Saved."))

    def open_welcome(self) -> None:
        """The welcome page again (from the first start); its way in is followed on the main window."""
        before = self.ui_settings.value("language", "en")
        choice = self.welcome(self)
        self.load()
        for panel in self.panels:  # the shop's state and logo are shown by the greetings panel too
            panel.load()
        language = self.ui_settings.value("language", "en")
        if language != before:
            self.language_note.show()
            self.language_changed.emit(language)
        if choice:
            self.way_in_chosen.emit(choice)

    def activated(self) -> None:
        self.saved_label.setText("")
        self.load()
