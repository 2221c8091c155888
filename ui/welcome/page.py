"""The welcome page: the shop's details (name, phone, address, state for festival dates, language,
logo), saved through the same SettingsService as the Settings page, then three ways in: import an
Excel sheet or phone contacts, add the first client, or explore a separate demo desk.

Shown in a WelcomeDialog on a new desk before the main window is built (ui.welcome.start), and
from Settings → "Welcome and first steps…" at any time."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFileDialog, QFormLayout, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QScrollArea, QStackedWidget, QVBoxLayout, QWidget,
)

from clientdesk.errors import ClientDeskError, ValidationError
from ui import dialogs
from ui.reflow import wrap_long_labels
from ui.welcome.states import StateBox

LANGUAGES = [("en", "English"), ("hi", "हिन्दी")]
CHOICES = ("import", "first_client", "demo")  # the three ways in; None: just open the desk


def choose_logo(parent) -> str:
    """Ask for the logo image ("" when cancelled); the seam tests replace."""
    path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("Welcome", "Shop logo"), "",
                                          QCoreApplication.translate("Welcome", "Images (*.png *.jpg *.jpeg)"))
    return path


def _heading(text: str, size: int = 18) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSize(size)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #555;")
    return label


class WelcomePage(QWidget):
    """Step 1 "Your shop" (a form), step 2 "How would you like to start?" (three ways in).

    `language_chosen(code)` fires when another language is picked; `finished(choice)` when the
    shopkeeper picks a way in (one of CHOICES) or goes straight to the desk (None)."""

    language_chosen = Signal(str)
    saved = Signal()
    finished = Signal(object)

    def __init__(self, settings, language: str = "en", parent=None):
        super().__init__(parent)
        self.settings = settings  # the shop's settings: the form reads and stores them
        self.steps = QStackedWidget()
        self.steps.addWidget(self._shop_step(language))
        self.steps.addWidget(self._ways_step())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.steps)
        wrap_long_labels(self)
        self.load()

    # ----- step 1: the shop ----------------------------------------------------------------------
    def _shop_step(self, language: str) -> QWidget:
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.language.currentIndexChanged.connect(lambda: self.language_chosen.emit(self.language.currentData()))
        self.shop_name = QLineEdit()
        self.shop_name.setPlaceholderText(self.tr("e.g. Sharma General Store"))
        self.shop_phone = QLineEdit()
        self.shop_phone.setPlaceholderText(self.tr("e.g. 98765 43210"))
        self.shop_state = StateBox()
        self.shop_address = QPlainTextEdit()
        self.shop_address.setPlaceholderText(self.tr("e.g. 12, Station Road, Pune 411001"))
        self.shop_address.setTabChangesFocus(True)
        self.shop_address.setFixedHeight(self.shop_name.sizeHint().height() * 3)
        self.logo_path = QLineEdit()
        self.logo_path.setPlaceholderText(self.tr("optional"))
        self.logo_button = QPushButton(self.tr("Choose…"))
        self.logo_button.clicked.connect(self._choose_logo)
        self.logo_clear = QPushButton(self.tr("Remove"))
        self.logo_clear.clicked.connect(lambda: self.set_logo(""))
        self.logo_preview = QLabel()
        self.logo_preview.setFixedSize(72, 72)
        self.logo_preview.setAlignment(Qt.AlignCenter)
        self.logo_preview.setStyleSheet("border: 1px solid #ccc; background: white;")
        self.logo_path.textChanged.connect(self._show_logo)
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()

        left = QFormLayout()
        left.addRow(self.tr("Language / भाषा"), self.language)
        left.addRow(self.tr("Shop name"), self.shop_name)
        left.addRow(self.tr("Shop phone"), self.shop_phone)
        left.addRow(self.tr("State"), self.shop_state)
        left.addRow("", _note(self.tr("Festival dates differ from state to state.")))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_path, 1)
        logo_row.addWidget(self.logo_button)
        logo_row.addWidget(self.logo_clear)
        logo_box = QVBoxLayout()
        logo_box.addLayout(logo_row)
        preview_row = QHBoxLayout()
        preview_row.addWidget(self.logo_preview)
        preview_row.addWidget(_note(self.tr("Printed on loyalty cards and greeting cards. PNG or JPG.")), 1)
        logo_box.addLayout(preview_row)
        right = QFormLayout()
        right.addRow(self.tr("Address"), self.shop_address)
        right.addRow(self.tr("Logo"), logo_box)
        for form in (left, right):
            form.setHorizontalSpacing(12)
            form.setVerticalSpacing(12)
        columns = QGridLayout()
        columns.setHorizontalSpacing(32)
        columns.addLayout(left, 0, 0)
        columns.addLayout(right, 0, 1)
        columns.setColumnStretch(0, 1)
        columns.setColumnStretch(1, 1)

        self.later_button = QPushButton(self.tr("Not now"))
        self.later_button.clicked.connect(lambda: self.finished.emit(None))
        self.save_button = QPushButton(self.tr("Save and continue"))
        self.save_button.setDefault(True)
        self.save_button.setAutoDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.later_button)
        buttons.addWidget(self.save_button)

        step = QWidget()
        layout = QVBoxLayout(step)
        layout.setContentsMargins(32, 24, 32, 20)
        layout.addWidget(_heading(self.tr("Welcome to ClientDesk")))
        layout.addWidget(_note(self.tr("Your clients, loyalty points and greetings, on this computer. First, a few "
                                       "details about your shop: greetings are signed with its name and cards carry "
                                       "its phone and logo. You can change all of this later in Settings.")))
        layout.addSpacing(12)
        layout.addLayout(columns)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return self._scrolling(step)

    @staticmethod
    def _scrolling(widget: QWidget) -> QScrollArea:
        """A step scrolls up and down on a very small screen, never sideways."""
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(widget)
        return scroll

    def load(self) -> None:
        """Fill the form from the shop's settings."""
        values = self.settings.all()
        self.shop_name.setText(values.get("shop_name") or "")
        self.shop_phone.setText(values.get("shop_phone") or "")
        self.shop_address.setPlainText(values.get("shop_address") or "")
        self.shop_state.set_code(values.get("shop_state") or "")
        self.set_logo(values.get("shop_logo") or "")
        self._show_logo(self.logo_path.text())

    def values(self) -> dict[str, str]:
        """What the form holds (the shop's settings keys)."""
        return {"shop_name": self.shop_name.text(), "shop_phone": self.shop_phone.text(),
                "shop_address": self.shop_address.toPlainText(), "shop_state": self.shop_state.code(),
                "shop_logo": self.logo_path.text()}

    def set_values(self, values: dict[str, str]) -> None:
        """Put back what was typed (after the page was rebuilt in another language)."""
        self.shop_name.setText(values.get("shop_name", ""))
        self.shop_phone.setText(values.get("shop_phone", ""))
        self.shop_address.setPlainText(values.get("shop_address", ""))
        self.shop_state.set_code(values.get("shop_state", ""))
        self.set_logo(values.get("shop_logo", ""))

    def set_logo(self, path: str) -> None:
        self.logo_path.setText(path)

    def _choose_logo(self) -> None:
        path = choose_logo(self)
        if path:
            self.set_logo(path)

    def _show_logo(self, path: str) -> None:
        pixmap = QPixmap(path) if path else QPixmap()
        if pixmap.isNull():
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(self.tr("no logo") if not path else "?")
        else:
            self.logo_preview.setText("")
            self.logo_preview.setPixmap(pixmap.scaled(68, 68, Qt.KeepAspectRatio, Qt.SmoothTransformation))
        self.logo_clear.setEnabled(bool(path))

    def _problem(self, exc: ClientDeskError) -> str:
        if isinstance(exc, ValidationError):
            if exc.reason == "too_long":
                return self.tr("This is too long: keep the name and phone under 200 characters, the address "
                               "under 400.")
            if exc.field == "shop_name":
                return self.tr("Write the shop's name: every greeting is signed with it.")
            if exc.field == "shop_phone":
                return self.tr("The shop's phone number is not valid. Write it as you would dial it, "
                               "e.g. 98765 43210 or 0522 2345678.")
            if exc.field == "shop_logo":
                return self.tr("The logo could not be read: choose a PNG or JPG picture.")
        return dialogs.message_for(exc)

    def _show_problem(self, text: str, focus: QWidget | None = None) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        if focus is not None:
            focus.setFocus()

    def save(self) -> bool:
        """Store the shop's details; on a mistake say which, in plain words, and store nothing."""
        values = self.values()
        if not values["shop_name"].strip():
            self._show_problem(self._problem(ValidationError("shop_name", "empty")), self.shop_name)
            return False
        if values["shop_logo"] and QPixmap(values["shop_logo"]).isNull():
            self._show_problem(self._problem(ValidationError("shop_logo", "invalid")), self.logo_button)
            return False
        try:
            self.settings.update_shop(values)
        except ClientDeskError as exc:
            focus = {"shop_name": self.shop_name, "shop_phone": self.shop_phone}.get(getattr(exc, "field", ""))
            self._show_problem(self._problem(exc), focus)
            return False
        self.error_label.hide()
        self.saved.emit()
        self.ready_label.setText(self.tr("Saved: %1. Greetings will be signed with this name.")
                                 .replace("%1", self.shop_name.text().strip()))
        self.steps.setCurrentIndex(1)
        self.import_button.setFocus()
        return True

    # ----- step 2: three ways in ---------------------------------------------------------------------
    def _way(self, title: str, text: str, button_text: str, choice: str) -> tuple[QFrame, QPushButton]:
        card = QFrame()
        card.setObjectName("way")
        card.setFrameShape(QFrame.StyledPanel)
        card.setStyleSheet("QFrame#way { background: white; border: 1px solid #c8d3dc; border-radius: 6px; }")
        button = QPushButton(button_text)
        button.setMinimumHeight(36)
        button.clicked.connect(lambda: self.finished.emit(choice))
        layout = QVBoxLayout(card)
        layout.setContentsMargins(18, 16, 18, 16)
        layout.addWidget(_heading(title, 13))
        body = QLabel(text)
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        layout.addWidget(body, 1)
        layout.addWidget(button)
        return card, button

    def _ways_step(self) -> QWidget:
        self.ready_label = _note("")
        import_card, self.import_button = self._way(
            self.tr("Bring in your clients"),
            self.tr("Import the list you already keep: an Excel sheet (.xlsx, .xls, .csv) or the contacts of your "
                    "phone (.vcf, Google Contacts). Columns in Hindi or English are recognised, and you see every "
                    "row before anything is saved."),
            self.tr("Import Excel or contacts…"), "import")
        client_card, self.first_client_button = self._way(
            self.tr("Add your first client"),
            self.tr("Start with one client: name and mobile number are enough. Add the others as they come to "
                    "the counter (Ctrl+N)."),
            self.tr("Add the first client…"), "first_client")
        demo_card, self.demo_button = self._way(
            self.tr("Look around first"),
            self.tr("Open a separate demo desk with 300 made-up clients, two years of bills, loyalty cards and "
                    "greetings, in its own window. Nothing there touches your shop's desk."),
            self.tr("Explore the demo desk"), "demo")
        cards = QHBoxLayout()
        cards.setSpacing(16)
        for card in (import_card, client_card, demo_card):
            cards.addWidget(card, 1)
        self.desk_button = QPushButton(self.tr("Go to my desk"))
        self.desk_button.clicked.connect(lambda: self.finished.emit(None))
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.clicked.connect(lambda: self.steps.setCurrentIndex(0))
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.desk_button)
        step = QWidget()
        layout = QVBoxLayout(step)
        layout.setContentsMargins(32, 24, 32, 20)
        layout.addWidget(_heading(self.tr("How would you like to start?")))
        layout.addWidget(self.ready_label)
        layout.addSpacing(12)
        layout.addLayout(cards)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return self._scrolling(step)


class WelcomeDialog(QDialog):
    """The welcome page in its own window. `choice` is the way in picked (None: straight to the desk).

    With `live_language` (at the first start, before the main window exists) picking a language
    switches the whole program to it at once and the page is shown again in it; from Settings, the
    language is stored and used from the next start, as on the Settings page."""

    def __init__(self, settings, set_language, ui_settings=None, live_language: bool = False, parent=None,
                 switch_language=None):
        super().__init__(parent)
        self.settings = settings
        self.set_language = set_language  # (code) -> None: the desk's words (tier names …) in that language
        self.ui_settings = ui_settings
        self.live_language = live_language
        self.switch_language = switch_language  # (code) -> None: installs the translator (ui.welcome.start)
        self.choice: str | None = None
        self.language_changed = False
        self.setWindowTitle(self.tr("Welcome to ClientDesk"))
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.page: WelcomePage | None = None
        self._build(self.stored_language())

    def stored_language(self) -> str:
        if self.ui_settings is None:
            return "en"
        return str(self.ui_settings.value("language", "en"))

    def _build(self, language: str, values: dict | None = None) -> None:
        if self.page is not None:
            self.page.hide()
            self._layout.removeWidget(self.page)
            self.page.deleteLater()
        self.page = WelcomePage(self.settings, language, self)
        if values is not None:
            self.page.set_values(values)
        self.page.language_chosen.connect(self._language_chosen)
        self.page.saved.connect(self._saved)
        self.page.finished.connect(self._finished)
        self._layout.addWidget(self.page)
        self.setWindowTitle(self.tr("Welcome to ClientDesk"))
        self.page.shop_name.setFocus()

    def _store_language(self, language: str) -> None:
        if self.ui_settings is not None and language != self.stored_language():
            self.ui_settings.setValue("language", language)
            self.ui_settings.sync()
            self.language_changed = True

    def _language_chosen(self, language: str) -> None:
        if not (self.live_language and self.switch_language is not None):
            return  # stored with the shop's details, used from the next start
        self._store_language(language)
        self.set_language(language)
        values = self.page.values()
        self.switch_language(language)
        self._build(language, values)

    def _saved(self) -> None:
        self._store_language(self.page.language.currentData())

    def _finished(self, choice) -> None:
        self.choice = choice
        self.accept()
