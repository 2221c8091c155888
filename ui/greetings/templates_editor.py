"""Templates: the built-in Hindi and English texts and the shop's own, edited with merge fields,
fallbacks and a live preview for a real client (unknown or empty fields are shown in red)."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QMenu, QPlainTextEdit, QPushButton, QSplitter, QToolButton, QVBoxLayout, QWidget,
)

from clientdesk.errors import ClientDeskError
from clientdesk.greetings.occasions import KINDS, personal
from clientdesk.greetings.service import TemplateData
from clientdesk.greetings.templates import FIELDS
from ui import dialogs
from ui.client_picker import ClientPicker
from ui.greetings import texts
from ui.greetings.questions import choose


def _field_codes() -> dict[str, str]:
    """Every way a field may be written on the left of "=": its code, {code}, its English name and
    its name in the UI language (lower case) → the code."""
    codes = {}
    for field in FIELDS:
        codes[field.lower()] = field
        if field in texts.FIELDS:
            codes[texts.FIELDS[field].lower()] = field
        codes[texts.field_name(field).lower()] = field
    return codes


def parse_fallbacks(text: str) -> dict[str, str]:
    """"field = text" per line → {field code: text}; the field written as shown (its translated name)
    or as its code."""
    codes = _field_codes()
    result = {}
    for line in text.splitlines():
        field, sep, value = line.partition("=")
        field = field.strip().strip("{}").strip()
        if sep and field:
            result[codes.get(field.lower(), field)] = value.strip()
    return result


def format_fallbacks(fallbacks: dict[str, str]) -> str:
    """{field code: text} → one "Field name = text" per line, the field named in the UI language
    (the raw code "honorific =" meant nothing to a shopkeeper, least of all in the Hindi window)."""
    return "\n".join(f"{texts.field_name(k)} = {v}".rstrip() for k, v in fallbacks.items())


class TemplatesEditor(QWidget):
    """List on the left, the template on the right, the preview below. `saved` fires after a change."""

    saved = Signal()

    def __init__(self, greetings, clients, clock, parent=None):
        super().__init__(parent)
        self.service = greetings
        self.clock = clock
        self.current: TemplateData | None = None
        self.preview_client: int | None = None
        self.list = QListWidget()
        self.list.currentItemChanged.connect(self._chosen)
        new_button = QPushButton(self.tr("New template"))
        # no Ctrl+N here: the window's File menu has it for a new client (two claims made it do nothing)
        new_button.clicked.connect(self.new_template)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(new_button)

        self.name_edit = QLineEdit()
        self.kind_box = QComboBox()
        for kind in KINDS:
            self.kind_box.addItem(texts.kind_name(kind), kind)
        self.festival_box = QComboBox()
        self.subject_hi = QLineEdit()
        self.subject_en = QLineEdit()
        self.body_hi = QPlainTextEdit()
        self.body_en = QPlainTextEdit()
        self.fallbacks_edit = QPlainTextEdit()
        self.fallbacks_edit.setPlaceholderText(self.tr("One per line: field = words used instead, e.g.\n%1 = valued")
                                               .replace("%1", texts.field_name("tier")))
        self.fallbacks_edit.setMaximumHeight(52)
        self.insert_button = QToolButton()
        self.insert_button.setText(self.tr("Insert field"))
        self.insert_button.setPopupMode(QToolButton.InstantPopup)
        menu = QMenu(self.insert_button)
        for field in FIELDS:
            menu.addAction(f"{{{field}}}  {texts.field_name(field)}", lambda f=field: self._insert(f))
        self.insert_button.setMenu(menu)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_edit)
        row = QHBoxLayout()
        row.addWidget(self.kind_box)
        row.addWidget(self.festival_box, 1)
        form.addRow(self.tr("For"), row)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Hindi")), 0, 0)
        grid.addWidget(QLabel(self.tr("English")), 0, 1)
        grid.addWidget(self.subject_hi, 1, 0)
        grid.addWidget(self.subject_en, 1, 1)
        grid.addWidget(self.body_hi, 2, 0)
        grid.addWidget(self.body_en, 2, 1)
        for w in (self.subject_hi, self.subject_en):
            w.setPlaceholderText(self.tr("Subject (email)"))
        form.addRow(grid)
        form.addRow(self.tr("If a field is empty"), self.fallbacks_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.insert_button)
        buttons.addStretch(1)
        self.saved_label = QLabel()  # "Saved.": the confirmation beside the button pressed
        buttons.addWidget(self.saved_label)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)

        for body in (self.body_hi, self.body_en):
            body.setMinimumHeight(110)
        self.picker = ClientPicker(clients, self, limit=5)
        self.picker.results.setMaximumHeight(48)
        self.picker.client_chosen.connect(self._preview_for)
        self.preview_hi = QPlainTextEdit()
        self.preview_en = QPlainTextEdit()
        for w in (self.preview_hi, self.preview_en):
            w.setReadOnly(True)
        self.preview_flags = QLabel()
        self.preview_flags.setWordWrap(True)
        self.preview_flags.setStyleSheet("color: #b00020;")
        preview = QGroupBox(self.tr("Live preview for a client"))
        p_layout = QGridLayout(preview)
        p_layout.addWidget(self.picker, 0, 0, 1, 2)
        p_layout.addWidget(self.preview_hi, 1, 0)
        p_layout.addWidget(self.preview_en, 1, 1)
        p_layout.addWidget(self.preview_flags, 2, 0, 1, 2)
        for box in (self.preview_hi, self.preview_en):
            box.setMinimumHeight(70)
        editor = QWidget()
        editor.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)
        right = QSplitter(Qt.Vertical)
        right.addWidget(editor)
        right.addWidget(preview)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.update_preview)
        for w in (self.subject_hi, self.subject_en, self.name_edit):
            w.textChanged.connect(self._timer.start)
        for w in (self.body_hi, self.body_en, self.fallbacks_edit):
            w.textChanged.connect(self._timer.start)
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self._focus_body = self.body_hi  # where "Insert field" types: the body last worked in
        self.body_hi.cursorPositionChanged.connect(lambda: self._set_focus_body(self.body_hi))
        self.body_en.cursorPositionChanged.connect(lambda: self._set_focus_body(self.body_en))
        self.refresh()

    def _set_focus_body(self, body: QPlainTextEdit) -> None:
        self._focus_body = body

    def hideEvent(self, event) -> None:
        self._timer.stop()  # no preview for a page nobody sees (or a database already closed)
        super().hideEvent(event)

    # ----- list ----------------------------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> None:
        """List the templates again (keeping or choosing the selection)."""
        select_id = select_id if select_id is not None else (self.current.id if self.current else None)
        try:
            templates = self.service.templates()
            festivals = self.service.calendar.known(self.clock.today())
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return
        with QSignalBlocker(self.festival_box):
            self.festival_box.clear()
            self.festival_box.addItem(self.tr("any festival"), "")
            language = texts.ui_language()
            for day in festivals:
                self.festival_box.addItem(day.name_hi if language == "hi" else day.name_en, day.key)
        with QSignalBlocker(self.list):
            self.list.clear()
            for t in templates:
                label = f"{texts.template_name(t)}  ·  {texts.kind_name(t.kind)}" + ("" if t.builtin else "  ✎")
                item = QListWidgetItem(label)
                item.setData(Qt.UserRole, t)
                self.list.addItem(item)
        rows = [i for i in range(self.list.count()) if self.list.item(i).data(Qt.UserRole).id == select_id]
        self.list.setCurrentRow(rows[0] if rows else 0)

    def _chosen(self, item, previous=None) -> None:
        if item is not None:
            self.show_template(item.data(Qt.UserRole))

    def show_template(self, t: TemplateData) -> None:
        self.current = t
        self.saved_label.setText("")
        self.name_edit.setText(texts.template_name(t))
        self.kind_box.setCurrentIndex(max(self.kind_box.findData(t.kind), 0))
        self.festival_box.setCurrentIndex(max(self.festival_box.findData(t.occasion_key), 0))
        self.subject_hi.setText(t.subject_hi)
        self.subject_en.setText(t.subject_en)
        self.body_hi.setPlainText(t.body_hi)
        self.body_en.setPlainText(t.body_en)
        self.fallbacks_edit.setPlainText(format_fallbacks(t.fallbacks))
        self.delete_button.setText(self.tr("Restore original") if t.builtin else self.tr("Delete"))
        self._kind_changed()
        self.update_preview()

    def _kind_changed(self) -> None:
        self.festival_box.setEnabled(self.kind_box.currentData() == "festival")

    def new_template(self) -> None:
        kind = self.kind_box.currentData() or "birthday"
        self.show_template(TemplateData(self.tr("My greeting"), kind, body_hi="आदरणीय {honorific} {name} जी,\n\n",
                                        body_en="Dear {honorific} {first_name},\n\n",
                                        fallbacks={"honorific": ""}))
        self.list.clearSelection()
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    def _insert(self, field: str) -> None:
        self._focus_body.insertPlainText(f"{{{field}}}")
        self._focus_body.setFocus()

    # ----- edit ------------------------------------------------------------------------------------
    def data(self) -> TemplateData:
        kind = self.kind_box.currentData()
        return TemplateData(
            name=self.name_edit.text(), kind=kind,
            occasion_key=self.festival_box.currentData() if kind == "festival" else "",
            subject_hi=self.subject_hi.text(), subject_en=self.subject_en.text(),
            body_hi=self.body_hi.toPlainText(), body_en=self.body_en.toPlainText(),
            fallbacks=parse_fallbacks(self.fallbacks_edit.toPlainText()),
            builtin=self.current.builtin if self.current else False, id=self.current.id if self.current else None)

    def save(self) -> None:
        try:
            template_id = self.service.save_template(self.data())
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return
        self.current = self.service.template(template_id)
        self.refresh(template_id)
        self.saved_label.setText(self.tr("Saved."))
        self.saved.emit()

    def delete(self) -> None:
        if self.current is None or self.current.id is None:
            return
        builtin, name = self.current.builtin, texts.template_name(self.current)
        if builtin:  # a built-in template is not deleted: its own text comes back
            question, act = self.tr("Put back the original text of “%1”?"), self.tr("Put back the original")
        else:
            question, act = self.tr("Delete the template “%1”?"), self.tr("Delete template")
        answer = choose(self, self.tr("Templates"), question.replace("%1", name),
                        [("delete", act), ("keep", self.tr("Keep it"))], default="keep")
        if answer != "delete":
            return
        try:
            self.service.delete_template(self.current.id)
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return
        self.current = None
        self.refresh()
        self.saved_label.setText(self.tr("The original text is back.") if builtin  # beside the button pressed
                                 else self.tr("Template “%1” deleted.").replace("%1", name))
        self.saved.emit()

    # ----- preview ---------------------------------------------------------------------------------
    def _preview_for(self, client_id: int) -> None:
        self.preview_client = client_id
        self.update_preview()

    def update_preview(self) -> None:
        """Render the template being edited for the chosen client, flagging unknown or empty fields."""
        if not self.isVisible():
            return
        if self.preview_client is None:
            self.preview_hi.setPlainText("")
            self.preview_en.setPlainText("")
            self.preview_flags.setText(self.tr("Choose a client to see the message as they would get it."))
            return
        data = self.data()
        occasion = personal(data.kind) if data.kind != "festival" else None
        if occasion is None:
            key = data.occasion_key or (self.festival_box.itemData(1) if self.festival_box.count() > 1 else "")
            day = self.service.calendar.next_of(key, self.clock.today()) if key else None
            occasion = day.occasion if day else personal("any")
        try:
            preview = self.service.preview(data, self.preview_client, occasion)
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return
        flags = []
        for language, box in (("hi", self.preview_hi), ("en", self.preview_en)):
            subject, body = preview[language]
            box.setPlainText((subject.text + "\n\n" if subject.text else "") + body.text)
            flags += [texts.reason_text(f"unknown_field:{f}") for f in subject.unknown + body.unknown]
            flags += [texts.reason_text(f"empty_field:{f}") for f in subject.empty + body.empty]
        self.preview_flags.setText(" · ".join(dict.fromkeys(flags)) or self.tr("Every field is filled."))
        self.preview_flags.setStyleSheet("color: #b00020;" if flags else "color: #2e7d32;")
