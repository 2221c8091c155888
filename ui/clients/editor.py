"""The client editor: every field grouped, inline validation, Save (Ctrl+S) / Cancel (Esc) with an
unsaved-changes prompt, and tabs for the purchase history and the interaction timeline."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QScrollArea, QSpinBox, QTabWidget, QVBoxLayout, QWidget,
)

from clientdesk.errors import ClientDeskError, DuplicateError, ValidationError
from clientdesk.codes import CHANNELS, CONSENT_METHODS, SOURCES
from clientdesk.names import other_script
from clientdesk.clients.fields import ClientData, ConsentState, PhoneEntry
from clientdesk.validate import format_phone, normalize_email, normalize_gstin, normalize_phone, normalize_pin
from ui import dialogs
from ui.clients import household
from ui.clients.history_tabs import InteractionsTab, PurchasesTab
from ui.clients.list_model import status_label
from ui.greetings.client_occasions import edit_client_occasions
from ui.greetings.consent import withdraw_consent
from ui.insights.client_panel import ClientInsightsPanel
from ui.reflow import wrap_long_labels
from ui.widgets import ErrorLabel, PartialDateEdit, PhoneList

SOURCE_LABELS = {
    "walk_in": QT_TRANSLATE_NOOP("ClientEditor", "Walk-in"),
    "referral": QT_TRANSLATE_NOOP("ClientEditor", "Referral"),
    "trade_fair": QT_TRANSLATE_NOOP("ClientEditor", "Trade fair"),
    "advertisement": QT_TRANSLATE_NOOP("ClientEditor", "Advertisement"),
    "online": QT_TRANSLATE_NOOP("ClientEditor", "Online"),
    "other": QT_TRANSLATE_NOOP("ClientEditor", "Other"),
}
CHANNEL_LABELS = {
    "whatsapp": QT_TRANSLATE_NOOP("ClientEditor", "WhatsApp"),
    "sms": QT_TRANSLATE_NOOP("ClientEditor", "SMS"),
    "email": QT_TRANSLATE_NOOP("ClientEditor", "Email"),
    "post": QT_TRANSLATE_NOOP("ClientEditor", "Post"),
}
METHOD_LABELS = {
    "counter_form": QT_TRANSLATE_NOOP("ClientEditor", "Counter form"),
    "verbal": QT_TRANSLATE_NOOP("ClientEditor", "Said so in person / by phone"),
    "import": QT_TRANSLATE_NOOP("ClientEditor", "Imported"),
    "online": QT_TRANSLATE_NOOP("ClientEditor", "Online"),
    "other": QT_TRANSLATE_NOOP("ClientEditor", "Other"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("ClientEditor", text)


def prefill_from_search(text: str) -> ClientData:
    """A new client from what was typed in the search box: digits go to the phone, letters to the name."""
    text = (text or "").strip()
    data = ClientData()
    if "@" in text:
        data.email = text
    elif text and re.fullmatch(r"[\d\s+\-().०-९]+", text):
        data.phones = [PhoneEntry(text, is_primary=True)]
    else:
        data.name = text
    return data


class ClientEditor(QDialog):
    """Edit one client (or a new one when client_id is None). `saved(client_id)` after a save."""

    saved = Signal(int)
    open_loyalty = Signal(int)

    def __init__(self, *, clients, history, greetings, insights, loyalty, settings, clock,
                 client_id: int | None = None, prefill: ClientData | None = None, parent=None):
        super().__init__(parent)
        self.clients = clients
        self.greetings = greetings
        self.settings = settings
        self.clock = clock
        self.client_id = client_id
        self.setWindowTitle(self.tr("Client") if client_id else self.tr("New client"))
        self.resize(860, 720)
        self._dirty = False
        self._loading = True
        self._family_of: int | None = None  # chosen "add as a family member of" this client

        self.tabs = QTabWidget()
        self.details = self._build_details()
        wrap_long_labels(self.details)  # small screens: long labels wrap, wide rows stack (ui/reflow.py)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.details)
        self.tabs.addTab(scroll, self.tr("Details"))
        self.purchases_tab = PurchasesTab(history, clock, self)
        self.interactions_tab = InteractionsTab(history, self)
        self.tabs.addTab(self.purchases_tab, self.tr("Purchases"))
        self.tabs.addTab(self.interactions_tab, self.tr("Timeline"))
        self.insights_tab = ClientInsightsPanel(insights, loyalty, self)
        self.tabs.addTab(self.insights_tab, self.tr("Insights"))
        self.purchases_tab.changed.connect(self._history_changed)
        self.interactions_tab.changed.connect(self._history_changed)

        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Save).setText(self.tr("Save (Ctrl+S)"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel (Esc)"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.loyalty_button = QPushButton(self.tr("Loyalty card…"))
        self.loyalty_button.clicked.connect(lambda: self.open_loyalty.emit(self.client_id))
        self.withdraw_button = QPushButton(self.tr("Withdraw consent…"))
        self.withdraw_button.setToolTip(self.tr("Stop all greetings and offers to this client on every channel"))
        self.withdraw_button.clicked.connect(self.withdraw_consent)
        self.occasions_button = QPushButton(self.tr("Other dates and festivals…"))
        self.occasions_button.setToolTip(self.tr("Custom dates (e.g. a child's birthday) and the festivals this client celebrates"))
        self.occasions_button.clicked.connect(lambda: edit_client_occasions(self, self.greetings, self.clients, self.clock, self.client_id))
        self.error = ErrorLabel()
        bottom = QHBoxLayout()
        bottom.addWidget(self.occasions_button)
        bottom.addWidget(self.loyalty_button)
        bottom.addWidget(self.withdraw_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        QShortcut(QKeySequence.Save, self, activated=self.save)

        data = self.clients.get(client_id) if client_id else (prefill or ClientData())
        self.load(data)
        self._loading = False
        self._dirty = False

    # ----- building --------------------------------------------------------------------
    def _line(self, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(self._mark_dirty)
        return edit

    def _combo(self, items: list[tuple[str, object]], editable: bool = False) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(editable)
        for label, value in items:
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(self._mark_dirty)
        if editable:
            combo.editTextChanged.connect(self._mark_dirty)
        return combo

    def _build_details(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        self.errors: dict[str, ErrorLabel] = {}

        def err(field: str) -> ErrorLabel:
            self.errors[field] = ErrorLabel()
            return self.errors[field]

        # Identity
        identity = QGroupBox(self.tr("Identity"))
        form = QFormLayout(identity)
        self.honorific = self._combo([(h, h) for h in [""] + list(self.settings.get("honorifics"))], editable=True)
        self.name = self._line(self.tr("Full name, in Hindi or English"))
        self.father_name = self._line()
        self.father_relation = self._combo([(self.tr("Father"), "father"), (self.tr("Husband"), "husband")])
        self.gender = self._combo([("—", ""), (self.tr("Female"), "female"), (self.tr("Male"), "male"),
                                   (self.tr("Other"), "other")])
        relation = QHBoxLayout()
        relation.addWidget(self.father_relation)
        relation.addWidget(self.father_name, 1)
        # the names in the other script, for messages and cards in that language; suggested by transliteration
        self.name_other = self._line(self.tr("The name in the other script (Hindi / English letters)"))
        self.father_name_other = self._line(self.tr("Father's / husband's name in the other script"))
        self.suggest_other_button = QPushButton(self.tr("Suggest"))
        self.suggest_other_button.setToolTip(self.tr("Fill in both names in the other script by transliteration; "
                                                     "check and correct the spelling"))
        self.suggest_other_button.clicked.connect(self.suggest_other_script)
        other = QHBoxLayout()
        other.addWidget(self.name_other, 1)
        other.addWidget(self.father_name_other, 1)
        other.addWidget(self.suggest_other_button)
        form.addRow(self.tr("Title"), self.honorific)
        form.addRow(self.tr("Name"), self.name)
        form.addRow("", err("name"))
        form.addRow(self.tr("Father's / husband's name"), relation)
        form.addRow(self.tr("In the other script"), other)
        form.addRow(self.tr("Gender"), self.gender)
        self.status_label = QLabel()
        form.addRow(self.tr("Status"), self.status_label)

        # Contact
        contact = QGroupBox(self.tr("Contact"))
        form = QFormLayout(contact)
        self.phones = PhoneList()
        self.phones.changed.connect(self._mark_dirty)
        self.email = self._line(self.tr("name@example.com"))
        form.addRow(self.tr("Phones"), self.phones)
        form.addRow("", err("phone"))
        form.addRow(self.tr("Email"), self.email)
        form.addRow("", err("email"))
        self.address = {}
        for kind, title in (("postal", self.tr("Postal address")), ("work", self.tr("Work address"))):
            line, city, state, pin = self._line(), self._line(), self._line(), self._line(self.tr("6 digits"))
            pin.setMaximumWidth(110)
            self.address[kind] = (line, city, state, pin)
            row = QHBoxLayout()
            row.addWidget(QLabel(self.tr("City")))
            row.addWidget(city)
            row.addWidget(QLabel(self.tr("State")))
            row.addWidget(state)
            row.addWidget(QLabel(self.tr("PIN")))
            row.addWidget(pin)
            form.addRow(title, line)
            form.addRow("", row)
            form.addRow("", err(f"{kind}_pin"))

        # Business
        business = QGroupBox(self.tr("Business"))
        form = QFormLayout(business)
        self.business_name = self._line()
        self.gstin = self._line(self.tr("15 characters, e.g. 27AAPFU0939F1ZV"))
        form.addRow(self.tr("Business name"), self.business_name)
        form.addRow(self.tr("GSTIN"), self.gstin)
        form.addRow("", err("gstin"))

        # Dates
        dates = QGroupBox(self.tr("Dates"))
        form = QFormLayout(dates)
        self.dates = {}
        for prefix, title in (("birth", self.tr("Birthday")), ("anniversary", self.tr("Wedding anniversary")),
                              ("founded", self.tr("Business founded"))):
            edit = PartialDateEdit()
            edit.changed.connect(self._mark_dirty)
            self.dates[prefix] = edit
            form.addRow(title, edit)
            form.addRow("", err(prefix))

        # Preferences and consent
        prefs = QGroupBox(self.tr("Preferences and consent"))
        form = QFormLayout(prefs)
        self.language = self._combo([("हिन्दी", "hi"), ("English", "en")])
        self.source = self._combo([(_t(SOURCE_LABELS[s]), s) for s in SOURCES])
        self.referred_by = self._line(self.tr("phone or name of the client who referred"))
        self.referred_by_id: int | None = None
        self.referred_by_label = QLabel()
        self.referred_by.editingFinished.connect(self._resolve_referrer)
        self.likelihood = QSpinBox()
        self.likelihood.setRange(-1, 100)
        self.likelihood.setSpecialValueText(self.tr("not set"))
        self.likelihood.setSuffix(" %")
        self.likelihood.valueChanged.connect(self._mark_dirty)
        self.tags = self._line(self.tr("comma separated, e.g. veg, wholesale"))
        form.addRow(self.tr("Language for messages"), self.language)
        form.addRow(self.tr("Came to us through"), self.source)
        form.addRow(self.tr("Referred by"), self.referred_by)
        form.addRow("", self.referred_by_label)
        form.addRow(self.tr("Likelihood to buy"), self.likelihood)
        form.addRow(self.tr("Tags"), self.tags)
        self.consent = {}
        consent_box = QGridLayout()
        consent_box.addWidget(QLabel(self.tr("Agrees to greetings by")), 0, 0, 1, 3)
        for row, channel in enumerate(CHANNELS, start=1):
            check = QCheckBox(_t(CHANNEL_LABELS[channel]))
            method = QComboBox()
            for code in CONSENT_METHODS:
                method.addItem(_t(METHOD_LABELS[code]), code)
            when = QLabel()
            check.toggled.connect(self._mark_dirty)
            method.currentIndexChanged.connect(self._mark_dirty)
            consent_box.addWidget(check, row, 0)
            consent_box.addWidget(method, row, 1)
            consent_box.addWidget(when, row, 2)
            self.consent[channel] = (check, method, when)
        self.guardian = QCheckBox(self.tr("Consent given by a parent or guardian (client under 18)"))
        self.guardian.toggled.connect(self._mark_dirty)
        consent_box.addWidget(self.guardian, len(CHANNELS) + 1, 0, 1, 3)
        form.addRow(consent_box)

        # Notes
        notes_box = QGroupBox(self.tr("Notes"))
        notes_layout = QVBoxLayout(notes_box)
        self.notes = QPlainTextEdit()
        self.notes.setMinimumHeight(70)
        self.notes.textChanged.connect(self._mark_dirty)
        notes_layout.addWidget(self.notes)

        grid.addWidget(identity, 0, 0)
        grid.addWidget(business, 1, 0)
        grid.addWidget(dates, 2, 0)
        grid.addWidget(contact, 0, 1, 2, 1)
        grid.addWidget(prefs, 2, 1, 2, 1)
        grid.addWidget(notes_box, 3, 0)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        # Inline checks as soon as a field is left.
        self.email.editingFinished.connect(lambda: self._check("email", self.email.text(), normalize_email))
        self.gstin.editingFinished.connect(lambda: self._check("gstin", self.gstin.text(), normalize_gstin))
        for kind, (_, _, _, pin) in self.address.items():
            pin.editingFinished.connect(lambda k=kind, p=pin: self._check(f"{k}_pin", p.text(), normalize_pin))
        self.name.editingFinished.connect(lambda: self.errors["name"].show_message(
            "" if self.name.text().strip() else QCoreApplication.translate("ClientEditor", "Name is required.")))
        return page

    def _check(self, field: str, text: str, fn) -> None:
        if not text.strip():
            self.errors[field].show_message("")
            return
        try:
            fn(text)
        except ValidationError as exc:
            self.errors[field].show_message(dialogs.message_for(exc).split(": ", 1)[-1])
        else:
            self.errors[field].show_message("")

    def _mark_dirty(self, *_):
        if not self._loading:
            self._dirty = True

    def _resolve_referrer(self) -> None:
        text = self.referred_by.text().strip()
        if not text:
            self.referred_by_id = None
            self.referred_by_label.setText("")
            return
        matches = self.clients.search(text, limit=1)
        matches = [m for m in matches if m.id != self.client_id]
        if matches:
            self.referred_by_id = matches[0].id
            self.referred_by_label.setText(self.tr("→ %1").replace("%1", matches[0].name))
        else:
            self.referred_by_id = None
            self.referred_by_label.setText(self.tr("No client found"))
        self._mark_dirty()

    # ----- data in and out ---------------------------------------------------------------
    def load(self, data: ClientData) -> None:
        self._loading = True
        index = self.honorific.findText(data.honorific)
        if index < 0 and data.honorific:
            self.honorific.addItem(data.honorific, data.honorific)
            index = self.honorific.count() - 1
        self.honorific.setCurrentIndex(max(index, 0))
        self.name.setText(data.name)
        self.father_name.setText(data.father_name)
        self.name_other.setText(data.name_other)
        self.father_name_other.setText(data.father_name_other)
        self.father_relation.setCurrentIndex(self.father_relation.findData(data.father_relation))
        self.gender.setCurrentIndex(max(self.gender.findData(data.gender), 0))
        self.status_label.setText(status_label(data.status) + (self.tr(" (archived)") if data.archived else ""))
        self.phones.set_entries([(format_phone(p.number), p.is_primary, p.is_whatsapp) for p in data.phones])
        self.email.setText(data.email)
        for kind, (line, city, state, pin) in self.address.items():
            line.setText(getattr(data, f"{kind}_line"))
            city.setText(getattr(data, f"{kind}_city"))
            state.setText(getattr(data, f"{kind}_state"))
            pin.setText(getattr(data, f"{kind}_pin"))
        self.business_name.setText(data.business_name)
        self.gstin.setText(data.gstin)
        for prefix, edit in self.dates.items():
            edit.set_value(*(getattr(data, f"{prefix}_{p}") for p in ("day", "month", "year")))
        self.language.setCurrentIndex(max(self.language.findData(data.language), 0))
        self.source.setCurrentIndex(max(self.source.findData(data.source), 0))
        self.referred_by_id = data.referred_by
        self.referred_by.setText(data.referred_by_name)
        self.likelihood.setValue(-1 if data.likelihood is None else data.likelihood)
        self.tags.setText(", ".join(data.tags))
        for channel, (check, method, when) in self.consent.items():
            state = data.consents.get(channel)
            check.setChecked(bool(state and state.granted))
            method.setCurrentIndex(max(method.findData(state.method), 0) if state else 0)
            when.setText(state.changed_at.strftime("%d/%m/%Y") if state and state.changed_at else "")
        self.guardian.setChecked(any(s.guardian for s in data.consents.values()))
        self.notes.setPlainText(data.notes)
        self.purchases_tab.set_client(data.id)
        self.interactions_tab.set_client(data.id)
        self.tabs.setTabEnabled(self.tabs.indexOf(self.insights_tab), data.id is not None)
        if data.id is not None:
            self.insights_tab.set_client(data.id)
        self.loyalty_button.setEnabled(data.id is not None)
        self.occasions_button.setEnabled(data.id is not None)
        self.withdraw_button.setEnabled(data.id is not None and any(c.granted for c in data.consents.values()))
        self._loading = False

    def suggest_other_script(self) -> None:
        """Fill the other-script names by transliteration where they are empty (the shop corrects them)."""
        for source, target in ((self.name, self.name_other), (self.father_name, self.father_name_other)):
            if source.text().strip() and not target.text().strip():
                target.setText(other_script(source.text()))

    def collect(self) -> ClientData:
        """What the form holds now, unvalidated."""
        data = ClientData(
            honorific=self.honorific.currentText().strip(), name=self.name.text(),
            father_name=self.father_name.text(), father_relation=self.father_relation.currentData(),
            name_other=self.name_other.text(), father_name_other=self.father_name_other.text(),
            gender=self.gender.currentData(), email=self.email.text(),
            phones=[PhoneEntry(n, p, w) for n, p, w in self.phones.entries()],
            business_name=self.business_name.text(), gstin=self.gstin.text(),
            language=self.language.currentData(), source=self.source.currentData(),
            referred_by=self.referred_by_id if self.referred_by.text().strip() else None,
            likelihood=None if self.likelihood.value() < 0 else self.likelihood.value(),
            tags=[t for t in self.tags.text().split(",") if t.strip()], notes=self.notes.toPlainText(),
        )
        for kind, (line, city, state, pin) in self.address.items():
            setattr(data, f"{kind}_line", line.text())
            setattr(data, f"{kind}_city", city.text())
            setattr(data, f"{kind}_state", state.text())
            setattr(data, f"{kind}_pin", pin.text())
        for prefix, edit in self.dates.items():
            for part, value in zip(("day", "month", "year"), edit.value()):
                setattr(data, f"{prefix}_{part}", value)
        for channel, (check, method, _) in self.consent.items():
            data.consents[channel] = ConsentState(check.isChecked(), None, method.currentData(),
                                                  self.guardian.isChecked() and check.isChecked())
        return data

    # ----- actions -----------------------------------------------------------------------
    def _show_field_error(self, exc: ValidationError) -> None:
        for label in self.errors.values():
            label.show_message("")
        text = dialogs.message_for(exc)
        target = self.errors.get(exc.field)
        if target is not None:
            target.show_message(text.split(": ", 1)[-1] if exc.field != "phone" or not isinstance(exc, DuplicateError) else text)
        self.error.show_message(text)
        self.tabs.setCurrentIndex(0)

    def save(self) -> bool:
        """Validate and save; True when saved (the dialog then closes)."""
        data = self.collect()
        try:
            if self.client_id:
                self.clients.update(self.client_id, data, family_of=self._family_of)
            else:
                self.client_id = self.clients.create(data, family_of=self._family_of)
        except DuplicateError as exc:
            self._show_field_error(exc)
            return self._resolve_duplicate(exc, data)
        except ValidationError as exc:
            self._show_field_error(exc)
            return False
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return False
        self._dirty = False
        self.saved.emit(self.client_id)
        self.accept()
        return True

    def _resolve_duplicate(self, exc: DuplicateError, data: ClientData) -> bool:
        """Offer to open the client who has this phone/email, or to merge the two; for a phone,
        also to add this person as a family member who shares the number."""
        if exc.field == "phone":
            choice = household.ask_phone_owner(self, exc.value, exc.other_name, new_client=not self.client_id)
            if choice == household.FAMILY:  # save again, joining that client's household
                self._family_of = exc.other_id
                return self.save()
            choice = {household.OPEN: QMessageBox.Open, household.MERGE: QMessageBox.Apply}.get(choice,
                                                                                            QMessageBox.Cancel)
        else:
            choice = self._ask_duplicate(exc)
        return self._act_on_duplicate(choice, exc, data)

    def _ask_duplicate(self, exc: DuplicateError):
        return dialogs.ask(
            self, self.tr("Already a client"),
            self.tr("%1 already belongs to %2.\n\nOpen: show that client instead.\n"
                    "Merge: combine both into one client, keeping all history.")
            .replace("%1", exc.value).replace("%2", exc.other_name),
            QMessageBox.Open | QMessageBox.Apply | QMessageBox.Cancel, QMessageBox.Open)

    def _act_on_duplicate(self, choice, exc: DuplicateError, data: ClientData) -> bool:
        if choice == QMessageBox.Open:
            self.client_id = exc.other_id
            self._dirty = False
            self.load(self.clients.get(exc.other_id))
            self.error.show_message("")
            return False
        if choice == QMessageBox.Apply:
            try:
                if self.client_id:  # editing: fold the other client into this one, then save
                    self.clients.merge(self.client_id, exc.other_id)
                    self.clients.update(self.client_id, self._merged_form(data, self.client_id))
                else:  # new: save without the clash, fold into the existing client
                    new_id = self.clients.create(self._without_clashes(data))
                    self.clients.merge(exc.other_id, new_id)
                    self.client_id = exc.other_id
            except ClientDeskError as error:
                dialogs.show_error(self, error)
                return False
            self._dirty = False
            self.saved.emit(self.client_id)
            self.accept()
            return True
        return False

    def _merged_form(self, data: ClientData, client_id: int) -> ClientData:
        current = self.clients.get(client_id)
        numbers = {p.number for p in current.phones}
        for entry in data.phones:
            try:
                number = normalize_phone(entry.number)
            except ValidationError:
                continue
            if number not in numbers:
                current.phones.append(PhoneEntry(number, False, entry.is_whatsapp))
        for name in ("name", "father_name", "business_name", "notes"):
            if getattr(data, name).strip():
                setattr(current, name, getattr(data, name))
        return current

    def _without_clashes(self, data: ClientData) -> ClientData:
        clean = []
        for entry in data.phones:
            try:
                if not self.clients.clients_with_phone(entry.number):
                    clean.append(entry)
            except ValidationError:
                continue
        data.phones = clean
        if data.email and self.clients.find_by_email(data.email) is not None:
            data.email = ""
        return data

    def withdraw_consent(self) -> None:
        """Withdraw consent on every channel in one action (after asking), and show it."""
        if self.client_id and withdraw_consent(self, self.greetings, self.clients, self.client_id):
            dirty = self._dirty
            fresh = self.clients.get(self.client_id)
            self._loading = True
            for channel, (check, _, when) in self.consent.items():
                state = fresh.consents.get(channel)
                check.setChecked(bool(state and state.granted))
                when.setText(state.changed_at.strftime("%d/%m/%Y") if state and state.changed_at else "")
            self._loading = False
            self._dirty = dirty
            self.withdraw_button.setEnabled(False)
            self.interactions_tab.refresh()

    def _history_changed(self) -> None:
        if self.client_id:
            current = self.clients.get(self.client_id)
            self.status_label.setText(status_label(current.status))

    def reject(self) -> None:
        if self._dirty:
            choice = dialogs.ask(self, self.tr("Unsaved changes"), self.tr("Save the changes to this client?"),
                                 QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)
            if choice == QMessageBox.Save:
                self.save()
                return
            if choice == QMessageBox.Cancel:
                return
        super().reject()
