"""The greeting composer: occasion, recipients, template → each recipient's message (editable by
hand) and who was left out and why → a channel: printed cards, WhatsApp one by one, email in the
background, or copied text. Every greeting that goes out is recorded by the service."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QSignalBlocker, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QInputDialog, QLabel, QLineEdit, QListView, QPlainTextEdit, QPushButton, QSplitter,
    QStackedWidget, QTableView, QVBoxLayout, QWidget,
)

from clientdesk.errors import ClientDeskError, ValidationError
from clientdesk.greetings import deliver, mailer
from clientdesk.greetings.cards import LAYOUTS
from clientdesk.greetings.occasions import PERSONAL_KINDS, Occasion, personal
from clientdesk.greetings.service import Composition, Draft, ShopFieldsMissing
from clientdesk.validate import format_phone
from ui import dialogs
from ui.client_picker import ClientPicker
from ui.greetings import texts
from ui.greetings.questions import choose
from ui.greetings.recipients_model import RecipientsModel
from ui.greetings.send_state import FAILED, PRINTED, SENT, SKIPPED, SendState
from ui.rows_model import RowsModel
from ui.jobs import run_job

SYNC_LIMIT = 3000  # compose larger lists off the GUI thread
_session_passwords: dict[str, str] = {}  # SMTP passwords typed this session when there is no keyring


# Small seams the tests replace (like ui.dialogs.ask): file chooser, opening a file or link, password;
# and `choose` (ui/greetings/questions.py), the question with plain-word buttons.
def choose_save_path(parent, title: str, suggested: str, file_filter: str) -> str:
    """Ask where to save a file ("" when cancelled)."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path


def open_url(url: str) -> bool:
    """Open a wa.me link or a file in the system's program (WhatsApp, the PDF viewer to print)."""
    return QDesktopServices.openUrl(QUrl(url) if "://" in url else QUrl.fromLocalFile(url))


def ask_password(parent, smtp: mailer.SmtpSettings) -> str | None:
    """Ask for the SMTP password (kept for this session only)."""
    text, ok = QInputDialog.getText(parent, QGuiApplication.translate("Greetings", "Email password"),
                                    QGuiApplication.translate("Greetings", "Password for %1 (kept for this session only):")
                                    .replace("%1", smtp.user), QLineEdit.Password)
    return text if ok and text else None


class Composer(QWidget):
    """Pick, preview, edit and deliver greetings. `delivered` fires after greetings were recorded."""

    delivered = Signal()
    open_client = Signal(int)

    def __init__(self, greetings, clients, segments, settings, clock, parent=None):
        super().__init__(parent)
        self.service = greetings
        self.clients = clients
        self.segments = segments
        self.settings = settings  # the email (SMTP) settings
        self.clock = clock
        self.send = SendState()  # recipients, prepared messages and what became of each (send_state.py)
        self.job = None
        self._build()
        self._load_occasions()

    # ----- building -------------------------------------------------------------------------
    def _build(self) -> None:
        self.occasion_box = QComboBox()
        self.occasion_box.setMinimumContentsLength(24)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        today = self.clock.today()
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        self.template_box = QComboBox()
        self.template_box.setMinimumContentsLength(20)
        self.channel_box = QComboBox()
        for code in ("print", "whatsapp", "email", "copy"):
            self.channel_box.addItem(texts.channel_name(code), code)
        self.layout_box = QComboBox()
        layout_names = {"a6": self.tr("A6 postcard"), "a5": self.tr("A5 folded card")}
        for code in LAYOUTS:
            self.layout_box.addItem(layout_names[code], code)
        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.occasion_box, 1)
        row.addWidget(QLabel(self.tr("on")))
        row.addWidget(self.date_edit)
        form.addRow(self.tr("Occasion"), row)
        form.addRow(self.tr("&Template"), self.template_box)
        row = QHBoxLayout()
        row.addWidget(self.channel_box, 1)
        row.addWidget(self.layout_box)
        form.addRow(self.tr("Channel"), row)
        self.occasion_box.currentIndexChanged.connect(self._occasion_changed)
        self.date_edit.dateChanged.connect(self._invalidate)
        self.template_box.currentIndexChanged.connect(self._invalidate)
        self.channel_box.currentIndexChanged.connect(self._channel_changed)
        self.layout_box.currentIndexChanged.connect(self._invalidate)

        # recipients
        self.recipient_label = QLabel()
        self.everyone_button = QPushButton(self.tr("Everyone for this occasion"))
        self.everyone_button.clicked.connect(self._everyone)
        self.segment_button = QPushButton(self.tr("From a segment…"))
        self.segment_button.clicked.connect(self._from_segment)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.clicked.connect(lambda: self.set_recipients([]))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Take the selected clients off the list (Delete)"))
        self.remove_button.clicked.connect(self.remove_selected)
        # the chosen clients themselves, so the count above and the list always agree
        self.recipients_model = RecipientsModel(self.clients.names, self)
        self.recipients_view = QListView()
        self.recipients_view.setModel(self.recipients_model)
        self.recipients_view.setUniformItemSizes(True)
        self.recipients_view.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.recipients_view.setMaximumHeight(90)
        QShortcut(QKeySequence.Delete, self.recipients_view, activated=self.remove_selected,
                  context=Qt.WidgetShortcut)
        self.picker = ClientPicker(self.clients, self)
        self.picker.client_chosen.connect(self._add_recipient)
        box = QGroupBox(self.tr("Recipients"))
        self.recipient_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.everyone_button)
        buttons.addWidget(self.segment_button)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.recipient_label)
        box_layout.addWidget(self.recipients_view)
        box_layout.addLayout(buttons)
        box_layout.addWidget(QLabel(self.tr("Add one client:")))
        box_layout.addWidget(self.picker)
        self.prepare_button = QPushButton(self.tr("Prepare messages"))
        self.prepare_button.setDefault(True)
        self.prepare_button.setToolTip(self.tr("Ctrl+Enter"))
        self.prepare_button.clicked.connect(self.prepare)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.prepare)

        self.picker.results.setMaximumHeight(70)
        # the search results show while a name is typed: an empty second box read as "nobody chosen"
        self.picker.results.hide()
        self.picker.box.textChanged.connect(lambda text: self.picker.results.setVisible(bool(text.strip())))
        top = QWidget()
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        left_column = QVBoxLayout()
        left_column.addLayout(form)
        left_column.addStretch(1)
        left_column.addWidget(self.prepare_button, 0, Qt.AlignRight)
        top_layout.addLayout(left_column, 1)
        top_layout.addWidget(box, 1)

        # messages and the left out
        self.drafts_model = RowsModel([self.tr("Status"), self.tr("Name"), self.tr("To"), self.tr("Message")], self)
        self.drafts_view = self._table(self.drafts_model)
        self.drafts_view.selectionModel().currentRowChanged.connect(self._show_draft)
        self.left_model = RowsModel([self.tr("Name"), self.tr("Why left out")], self)
        self.left_view = self._table(self.left_model)
        self.left_view.doubleClicked.connect(lambda i: self.open_client.emit(i.data(Qt.UserRole)))
        self.left_label = QLabel()
        lists = QWidget()
        lists_layout = QVBoxLayout(lists)
        lists_layout.setContentsMargins(0, 0, 0, 0)
        self.drafts_label = QLabel()
        lists_layout.addWidget(self.drafts_label)
        lists_layout.addWidget(self.drafts_view, 3)
        lists_layout.addWidget(self.left_label)
        lists_layout.addWidget(self.left_view, 1)

        self.subject_edit = QLineEdit()
        self.subject_edit.setPlaceholderText(self.tr("Email subject"))
        self.subject_edit.textEdited.connect(self._subject_edited)
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText(self.tr("Choose a message on the left to read or change it."))
        self.editor.textChanged.connect(self._edit_timer_start)
        self._edit_timer = QTimer(self, singleShot=True, interval=250)
        self._edit_timer.timeout.connect(self._text_edited)
        self.flags_label = QLabel()
        self.flags_label.setWordWrap(True)
        self.flags_label.setStyleSheet("color: #b00020;")
        editor_box = QWidget()
        editor_layout = QVBoxLayout(editor_box)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(QLabel(self.tr("Message (you can change it for this person):")))
        editor_layout.addWidget(self.subject_edit)
        editor_layout.addWidget(self.editor, 1)
        editor_layout.addWidget(self.flags_label)
        splitter = QSplitter()
        splitter.addWidget(lists)
        splitter.addWidget(editor_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        # channel actions
        self.actions = QStackedWidget()
        self.print_button = QPushButton(self.tr("Make the cards PDF…"))
        self.print_button.clicked.connect(self.make_cards)
        self.cards_label = QLabel()  # "… card(s) saved in …": the confirmation where the button is
        self.cards_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.actions.addWidget(self._row(self.cards_label, self.print_button))
        self.walk_label = QLabel()
        self.open_link_button = QPushButton(self.tr("Open in WhatsApp"))
        self.open_link_button.clicked.connect(self.open_current_link)
        self.copy_button = QPushButton(self.tr("Copy text"))
        self.copy_button.setShortcut(QKeySequence.Copy)
        self.copy_button.clicked.connect(self.copy_current)
        self.mark_button = QPushButton(self.tr("Mark as sent, next"))
        self.mark_button.setShortcut("Ctrl+M")
        self.mark_button.clicked.connect(self.mark_current_sent)
        self.skip_button = QPushButton(self.tr("Skip"))
        self.skip_button.clicked.connect(self.skip_current)
        self.actions.addWidget(self._row(self.walk_label, self.open_link_button, self.copy_button, self.mark_button,
                                         self.skip_button))
        self.email_button = QPushButton(self.tr("Send by email"))
        self.email_button.clicked.connect(self.send_emails)
        self.retry_button = QPushButton(self.tr("Retry failed"))
        self.retry_button.clicked.connect(lambda: self.send_emails(retry=True))
        self.email_label = QLabel()
        self.actions.addWidget(self._row(self.email_label, self.retry_button, self.email_button))

        layout = QVBoxLayout(self)
        layout.addWidget(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.actions)
        self._channel_changed()
        self._show_recipients()

    def _table(self, model) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectRows)
        view.setSelectionMode(QAbstractItemView.SingleSelection)
        view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        view.verticalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        view.setAlternatingRowColors(True)
        return view

    @staticmethod
    def _row(*widgets) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        first = True
        for widget in widgets:
            row.addWidget(widget, 1 if first and isinstance(widget, QLabel) else 0)
            first = False
        if not isinstance(widgets[0], QLabel):
            row.insertStretch(0, 1)
        return holder

    # ----- occasion, template, channel --------------------------------------------------------
    def _load_occasions(self) -> None:
        blocker = QSignalBlocker(self.occasion_box)
        self.occasion_box.clear()
        for kind in ("any", *PERSONAL_KINDS):
            self.occasion_box.addItem(texts.kind_name(kind), personal(kind))
        self.occasion_box.insertSeparator(self.occasion_box.count())
        language = texts.ui_language()
        today = self.clock.today()
        try:
            festivals = self.service.calendar.between(today, today + dt.timedelta(days=365))
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            festivals = []
        seen = set()
        for day in festivals:
            if day.key in seen:
                continue
            seen.add(day.key)
            name = day.name_hi if language == "hi" else day.name_en
            self.occasion_box.addItem(f"{name}  ({day.date.strftime('%d/%m')})", day.occasion)
        del blocker
        self._occasion_changed()

    def occasion(self) -> Occasion:
        return self.occasion_box.currentData()

    def on_date(self) -> dt.date:
        d = self.date_edit.date()
        return dt.date(d.year(), d.month(), d.day())

    def set_occasion(self, occasion: Occasion, on: dt.date) -> None:
        """Choose an occasion and its date (from Coming up or code)."""
        for i in range(self.occasion_box.count()):
            data = self.occasion_box.itemData(i)
            if isinstance(data, Occasion) and data.kind == occasion.kind and data.key == occasion.key:
                self.occasion_box.setCurrentIndex(i)
                break
        else:
            self.occasion_box.addItem(texts.occasion_name(occasion, texts.ui_language()), occasion)
            self.occasion_box.setCurrentIndex(self.occasion_box.count() - 1)
        self.date_edit.setDate(QDate(on.year, on.month, on.day))

    def _occasion_changed(self) -> None:
        occasion = self.occasion()
        if occasion is None:
            return
        if occasion.kind == "festival":
            day = self.service.calendar.next_of(occasion.key, self.clock.today())
            if day is not None:
                self.date_edit.setDate(QDate(day.date.year, day.date.month, day.date.day))
        blocker = QSignalBlocker(self.template_box)
        self.template_box.clear()
        preferred = self.service.template_for(occasion)
        for t in self.service.templates(occasion.kind):
            if occasion.kind == "festival" and t.occasion_key and t.occasion_key != occasion.key:
                continue
            self.template_box.addItem(texts.template_name(t), t.id)
        for t in self.service.templates("any") if occasion.kind != "any" else []:
            self.template_box.addItem(f"{texts.template_name(t)} ({texts.kind_name('any')})", t.id)
        self.template_box.setCurrentIndex(max(self.template_box.findData(preferred.id), 0))
        del blocker
        self.everyone_button.setEnabled(occasion.kind != "any")
        self._invalidate()

    def reload_templates(self) -> None:
        """Templates were edited elsewhere: list them again."""
        self._occasion_changed()

    def channel(self) -> str:
        return self.channel_box.currentData()

    def _channel_changed(self) -> None:
        channel = self.channel()
        self.layout_box.setVisible(channel == "print")
        self.actions.setCurrentIndex({"print": 0, "whatsapp": 1, "copy": 1, "email": 2}[channel])
        self.open_link_button.setVisible(channel == "whatsapp")
        self.subject_edit.setVisible(channel == "email")
        self._invalidate()

    # ----- recipients ------------------------------------------------------------------------------
    def set_recipients(self, client_ids) -> None:
        """Start from these clients (from the client list, a segment or Coming up)."""
        self.send.set_recipients(client_ids)
        self._show_recipients()
        self._invalidate()

    def _add_recipient(self, client_id: int) -> None:
        self.send.add_recipient(client_id)
        with QSignalBlocker(self.picker.box):  # the search box is for the next one, not a list of who is chosen
            self.picker.box.clear()
        self._show_recipients()
        self._invalidate()

    def remove_selected(self) -> None:
        """Take the selected clients off the recipients."""
        rows = {i.row() for i in self.recipients_view.selectionModel().selectedIndexes()}
        if rows:
            self.set_recipients(self.send.without_rows(rows))

    def _everyone(self) -> None:
        try:
            self.set_recipients(self.service.recipients(self.occasion(), self.on_date()))
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)

    def _from_segment(self) -> None:
        text, ok = QInputDialog.getText(self, self.tr("From a segment"),
                                        self.tr("Which clients? (for example: spent > 5000, city = Pune)"))
        if not ok or not text.strip():
            return
        try:
            self.set_recipients(self.segments.client_ids(text))
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)

    def _show_recipients(self) -> None:
        # The label used to be the only trace of who was chosen: "5 client(s) chosen" above an empty
        # box (the search box and its results, cleared after each pick). Now the box lists them.
        self.recipients_model.set_ids(self.send.recipients)
        n = self.recipients_model.rowCount()
        if n == 0:
            self.recipient_label.setText(self.tr("Nobody chosen yet."))
        else:
            self.recipient_label.setText(self.tr("%n client(s) chosen", "", n))
        self.clear_button.setEnabled(bool(n))
        self.remove_button.setEnabled(bool(n))

    # ----- composing ---------------------------------------------------------------------------------
    def _invalidate(self, *args) -> None:
        """The choices changed: the prepared messages no longer match them."""
        if self.send.invalidate():
            self.drafts_model.set_rows([])
            self.left_model.set_rows([])
            self._show_draft()
        self._update_labels()

    def prepare(self) -> None:
        """Compose each recipient's message; show who was left out and why."""
        if not self.send.recipients:
            dialogs.inform(self, self.tr("Greetings"), self.tr("Choose the recipients first."))
            return
        occasion, on, ids, channel = self.occasion(), self.on_date(), list(self.send.recipients), self.channel()
        template_id = self.template_box.currentData()
        try:  # the shop's name / phone unset: one clear message instead of everybody "left out"
            self.service.check_shop_fields(occasion, template_id)
        except ShopFieldsMissing as exc:
            dialogs.inform(self, self.tr("Greetings"), self.missing_shop_text(exc.fields))
            return
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return

        def work(progress=None):
            return self.service.compose(occasion, on, ids, channel, template_id)

        if len(ids) <= SYNC_LIMIT:
            try:
                self._composed(work())
            except ClientDeskError as exc:
                dialogs.show_error(self, exc)
            return
        self.job = run_job(self, work, on_success=self._composed, title=self.tr("Preparing messages"))

    def missing_shop_text(self, fields) -> str:
        """Where to set the shop's name / phone a template needs, in plain words."""
        if list(fields) == ["shop_name"]:
            return self.tr("The shop's name is not set yet, and every greeting is signed with it.\n\n"
                           "Write it in Settings → Shop, save, then prepare the messages again.")
        if list(fields) == ["shop_phone"]:
            return self.tr("This message uses the shop's phone number, which is not set yet.\n\n"
                           "Write it in Settings → Shop, save, then prepare the messages again.")
        return self.tr("The shop's name and phone number are not set yet, and this message uses them.\n\n"
                       "Write them in Settings → Shop, save, then prepare the messages again.")

    def _composed(self, comp: Composition) -> None:
        self.send.composed(comp)
        self.cards_label.setText("")
        self.drafts_model.set_rows([self._draft_row(d) for d in self.send.drafts])
        names = {o.client_id: o.name for o in comp.left_out}
        self.left_model.set_rows([(o.client_id, [names[o.client_id] or f"#{o.client_id}", texts.reason_text(o.reason)],
                                   None) for o in comp.left_out])
        self.drafts_view.resizeColumnsToContents()
        self.left_view.resizeColumnsToContents()
        if self.send.drafts:
            self.drafts_view.selectRow(0)
        self._update_labels()

    def _draft_row(self, draft: Draft):
        state = self.send.state_of(draft.client_id)
        if state == SENT:
            status, colour = self.tr("Sent"), "#2e7d32"
        elif state == PRINTED:  # a cards PDF was written: saved, maybe printed, never "sent"
            status, colour = self.tr("Printed / Saved"), "#2e7d32"
        elif state == FAILED:
            status, colour = self.tr("Failed: %1").replace("%1", self.send.errors.get(draft.client_id, "")), "#b00020"
        elif state == SKIPPED:
            status, colour = self.tr("Skipped"), "#777777"
        elif draft.flagged:
            status, colour = self.tr("Check: %1").replace(
                "%1", ", ".join(texts.field_name(f) for f in draft.unknown + draft.empty)), "#b26a00"
        else:
            status, colour = self.tr("Ready"), None
        to = format_phone(draft.address) if draft.address.startswith("+") else draft.address
        first_line = next((line for line in draft.text.splitlines()[1:] if line.strip()), draft.text)
        return draft.client_id, [status, draft.name, to, first_line], colour

    def _refresh_row(self, draft: Draft) -> None:
        row = self.drafts_model.row_of(draft.client_id)
        if row >= 0:
            _, cells, colour = self._draft_row(draft)
            self.drafts_model.set_row(row, cells, colour)

    def _update_labels(self) -> None:
        send = self.send
        if not send.prepared:
            self.drafts_label.setText(self.tr("Press “Prepare messages” to see each message."))
            self.left_label.setText("")
        else:
            flagged = send.flagged_count()
            text = self.tr("%n message(s)", "", len(send.drafts))
            if flagged:
                text += " · " + self.tr("%n need(s) a look (empty or unknown fields)", "", flagged)
            sent = send.count(SENT)
            if sent:
                text += " · " + self.tr("%n sent", "", sent)
            printed = send.count(PRINTED)
            if printed:
                text += " · " + self.tr("%n in the cards PDF", "", printed)
            self.drafts_label.setText(text)
            self.left_label.setText(self.tr("Left out: %1").replace("%1", str(len(send.composition.left_out))))
        ready = send.prepared and bool(send.drafts)
        for button in (self.print_button, self.email_button, self.mark_button, self.skip_button,
                       self.open_link_button, self.copy_button):
            button.setEnabled(ready)
        self.retry_button.setEnabled(bool(send.failed()))
        self._update_walk()

    # ----- one message -----------------------------------------------------------------------------
    def current_draft(self) -> Draft | None:
        index = self.drafts_view.currentIndex()
        return self.send.draft_at(index.row()) if index.isValid() else None

    def _show_draft(self, *args) -> None:
        draft = self.current_draft()
        with QSignalBlocker(self.editor), QSignalBlocker(self.subject_edit):
            self.editor.setPlainText(draft.text if draft else "")
            self.subject_edit.setText(draft.subject if draft else "")
        self.editor.setReadOnly(draft is None or self.send.is_closed(draft.client_id))
        self._show_flags(draft)

    def _show_flags(self, draft: Draft | None) -> None:
        if draft is None or not draft.flagged:
            self.flags_label.setText("")
            return
        parts = [texts.reason_text(f"unknown_field:{f}") for f in draft.unknown]
        parts += [texts.reason_text(f"empty_field:{f}") for f in draft.empty]
        self.flags_label.setText(" · ".join(parts))

    def _edit_timer_start(self) -> None:
        self._edit_timer.start()

    def _text_edited(self) -> None:
        self._replace_current(lambda d: d.with_text(self.editor.toPlainText()))

    def _subject_edited(self, text: str) -> None:
        self._replace_current(lambda d: dataclasses.replace(d, subject=text, edited=True))

    def _replace_current(self, change) -> None:
        index = self.drafts_view.currentIndex()
        current = self.send.draft_at(index.row()) if index.isValid() else None
        if current is None:
            return
        draft = change(current)
        self.send.replace_draft(index.row(), draft)
        self._refresh_row(draft)
        self._show_flags(draft)
        self._update_labels()

    def edit_current(self, text: str) -> None:
        """Change the selected message by hand (as typing in the editor does)."""
        self.editor.setPlainText(text)
        self._edit_timer.stop()
        self._text_edited()

    # ----- delivering ---------------------------------------------------------------------------------
    def _allow_flagged(self, drafts: list[Draft]) -> bool | None:
        """None when the user stops; otherwise whether flagged messages go too."""
        flagged = [d for d in drafts if d.flagged]
        if not flagged:
            return False
        answer = choose(self, self.tr("Check the messages"),
                        self.tr("%1 message(s) have an empty or unknown field (marked “Check”).\n"
                                "Include them as they are, or leave them out this time?").replace("%1", str(len(flagged))),
                        [("include", self.tr("Include them as they are")), ("leave", self.tr("Leave them out")),
                         ("cancel", self.tr("Cancel"))], "leave")
        if answer == "cancel":
            return None
        return answer == "include"

    def _recorded(self, delivery: deliver.Delivery) -> None:
        greeted = self.send.record(delivery, texts.reason_text)
        for d in self.send.drafts:
            self._refresh_row(d)
        self.drafts_view.resizeColumnToContents(0)  # "Printed / Saved", "Failed: …" are longer than "Ready"
        self._update_labels()
        if greeted:
            self.delivered.emit()

    def make_cards(self) -> None:
        """Write one PDF with a card per recipient, record them, and open it for printing."""
        drafts = self.send.pending()
        comp = self.send.composition
        if comp is None or not drafts:
            return
        allow = self._allow_flagged(drafts)
        if allow is None:
            return
        name = f"greetings-{comp.occasion.key}-{comp.occasion_on.isoformat()}.pdf".replace(":", "-")
        path = choose_save_path(self, self.tr("Save the greeting cards"), str(Path.home() / name), self.tr("PDF (*.pdf)"))
        if not path:
            return
        layout = self.layout_box.currentData()

        def done(delivery: deliver.Delivery) -> None:
            self._recorded(delivery)
            if delivery.path is not None:
                self.cards_label.setText(self.tr("%n card(s) saved in %1", "", len(delivery.greeted))
                                         .replace("%1", str(delivery.path)))
                if not open_url(str(delivery.path)):
                    dialogs.inform(self, self.tr("Greetings"), self.tr(
                        "The cards were saved, but no program opened the PDF. Open it yourself to print it:\n%1")
                        .replace("%1", str(delivery.path)))
            else:
                dialogs.inform(self, self.tr("Greetings"), self.tr("No card was made: every message needs a look."))

        self.job = run_job(self, lambda progress: deliver.print_cards(self.service, comp, path, layout, drafts, allow,
                                                                      progress),
                           on_success=done, title=self.tr("Making the cards"))

    # WhatsApp and copy: one recipient at a time
    def _walk_draft(self) -> Draft | None:
        return self.send.next_pending()

    def _update_walk(self) -> None:
        send = self.send
        draft = send.next_pending() if send.prepared else None
        if not send.prepared:
            self.walk_label.setText("")
        elif draft is None:
            self.walk_label.setText(self.tr("Everyone is done."))
        else:
            done = len(send.drafts) - len(send.pending())
            self.walk_label.setText(self.tr("%1 of %2: %3").replace("%1", str(done + 1))
                                    .replace("%2", str(len(send.drafts))).replace("%3", draft.name))
        for button in (self.open_link_button, self.copy_button, self.mark_button, self.skip_button):
            button.setEnabled(draft is not None)

    def _select(self, draft: Draft) -> None:
        row = self.drafts_model.row_of(draft.client_id)
        if row >= 0 and self.drafts_view.currentIndex().row() != row:
            self.drafts_view.selectRow(row)

    def open_current_link(self) -> None:
        """Open the current recipient's wa.me link in WhatsApp."""
        draft = self._walk_draft()
        if draft is None:
            return
        self._select(draft)
        try:
            link = deliver.links(self.send.composition, [draft])[0][1]
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return
        if not open_url(link):
            dialogs.inform(self, self.tr("Greetings"), self.tr(
                "WhatsApp could not be opened. Copy the text instead and send it yourself."))

    def copy_current(self) -> None:
        """Copy the current recipient's message to the clipboard."""
        draft = self._walk_draft()
        if draft is not None:
            self._select(draft)
            QGuiApplication.clipboard().setText(draft.text)
            self._update_walk()  # the confirmation where the person is looking, not in the status bar
            self.walk_label.setText(self.walk_label.text() + " · " + self.tr("Text copied"))

    def mark_current_sent(self) -> None:
        """The person pressed Send in WhatsApp (or pasted the text): record it and go to the next."""
        draft = self._walk_draft()
        if draft is None or not self.send.prepared:
            return
        if draft.flagged:
            allow = self._allow_flagged([draft])
            if not allow:
                return
        try:
            recorded = self.service.record(self.send.composition, [draft])
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return
        self._recorded(deliver.Delivery(recorded.logged, recorded.left_out))
        following = self._walk_draft()
        if following is not None:
            self._select(following)

    def skip_current(self) -> None:
        """Leave the current recipient out and go to the next."""
        draft = self._walk_draft()
        if draft is not None:
            self.send.skip(draft.client_id)
            self._refresh_row(draft)
            self._update_labels()
            following = self._walk_draft()
            if following is not None:
                self._select(following)

    # email: all at once in the background
    def _password(self, smtp: mailer.SmtpSettings) -> str | None | bool:
        if not smtp.user:
            return None
        password = mailer.stored_password(smtp) or _session_passwords.get(smtp.keyring_user)
        if password:
            return password
        password = ask_password(self, smtp)
        if password is None:
            return False
        _session_passwords[smtp.keyring_user] = password
        return password

    def send_emails(self, retry: bool = False) -> None:
        """Send the prepared messages (or only the failed ones) by email in the background."""
        comp = self.send.composition
        if comp is None:
            return
        drafts = self.send.failed() if retry else self.send.pending()
        if not drafts:
            return
        smtp = mailer.SmtpSettings.from_settings(self.settings)
        try:
            smtp.check()
        except ValidationError as exc:
            dialogs.show_error(self, exc)
            return
        allow = self._allow_flagged(drafts)
        if allow is None:
            return
        password = self._password(smtp)
        if password is False:
            return
        self.send.retry(drafts)

        def done(delivery: deliver.Delivery) -> None:
            self._recorded(delivery)
            self.email_label.setText(self.tr("%1 sent, %2 failed").replace("%1", str(len(delivery.greeted)))
                                     .replace("%2", str(len(delivery.failed))))

        self.email_label.setText(self.tr("Sending…"))
        self.job = run_job(self, lambda progress: deliver.send_email(self.service, comp, smtp, password, drafts, allow,
                                                                     progress),
                           on_success=done, title=self.tr("Sending emails"))
