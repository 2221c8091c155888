"""The segment builder: pick conditions and join them with AND / OR / AND NOT, or type the query;
the count of matching clients updates as you edit, and a mistake is shown where it is."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox,
    QVBoxLayout, QWidget,
)

from clientdesk.errors import ClientDeskError, ValidationError
from clientdesk.insights import query
from clientdesk.money import format_number
from ui import dialogs
from ui.insights.texts import group_name
from ui.widgets import ErrorLabel, month_names

# field code -> (label, kind of value)
FIELDS = [
    ("bought", QT_TRANSLATE_NOOP("SegmentBuilder", "Bought"), "item"),
    ("never", QT_TRANSLATE_NOOP("SegmentBuilder", "Never bought"), "item"),
    ("spent", QT_TRANSLATE_NOOP("SegmentBuilder", "Total spent (₹)"), "number"),
    ("visits", QT_TRANSLATE_NOOP("SegmentBuilder", "Number of visits"), "number"),
    ("last_more", QT_TRANSLATE_NOOP("SegmentBuilder", "Last visit more than N days ago"), "days"),
    ("last_less", QT_TRANSLATE_NOOP("SegmentBuilder", "Last visit less than N days ago"), "days"),
    ("tier", QT_TRANSLATE_NOOP("SegmentBuilder", "Loyalty tier"), "choice"),
    ("near_tier", QT_TRANSLATE_NOOP("SegmentBuilder", "Close to the next tier"), "none"),
    ("tag", QT_TRANSLATE_NOOP("SegmentBuilder", "Tag"), "choice"),
    ("status", QT_TRANSLATE_NOOP("SegmentBuilder", "Status"), "choice"),
    ("city", QT_TRANSLATE_NOOP("SegmentBuilder", "City"), "text"),
    ("state", QT_TRANSLATE_NOOP("SegmentBuilder", "State"), "text"),
    ("pin", QT_TRANSLATE_NOOP("SegmentBuilder", "PIN code (or its first digits)"), "text"),
    ("birthday", QT_TRANSLATE_NOOP("SegmentBuilder", "Birthday in month"), "month"),
    ("anniversary", QT_TRANSLATE_NOOP("SegmentBuilder", "Anniversary in month"), "month"),
    ("source", QT_TRANSLATE_NOOP("SegmentBuilder", "Source"), "choice"),
    ("consent", QT_TRANSLATE_NOOP("SegmentBuilder", "Consent for channel"), "choice"),
    ("language", QT_TRANSLATE_NOOP("SegmentBuilder", "Language"), "choice"),
    ("rfm", QT_TRANSLATE_NOOP("SegmentBuilder", "RFM group"), "choice"),
    ("likelihood", QT_TRANSLATE_NOOP("SegmentBuilder", "Purchase likelihood (%)"), "number"),
]
SCOPES = [("category", QT_TRANSLATE_NOOP("SegmentBuilder", "category")),
          ("product", QT_TRANSLATE_NOOP("SegmentBuilder", "product"))]


def _t(text: str) -> str:
    return QCoreApplication.translate("SegmentBuilder", text)


class ConditionRow(QWidget):
    """One condition being built: field, scope/operator, value, and "in the last N days"."""

    def __init__(self, segments, loyalty, clients, parent=None):
        super().__init__(parent)
        self.segments = segments
        self.loyalty = loyalty
        self.clients = clients
        self.field = QComboBox()
        for code, label, _kind in FIELDS:
            self.field.addItem(_t(label), code)
        self.scope = QComboBox()
        for code, label in SCOPES:
            self.scope.addItem(_t(label), code)
        self.op = QComboBox()
        self.op.addItems([">=", ">", "<=", "<", "=", "!="])
        self.value = QComboBox()
        self.value.setEditable(True)
        self.value.setMinimumWidth(180)
        self.days = QSpinBox()
        self.days.setRange(0, 3650)
        self.days.setSpecialValueText(QCoreApplication.translate("SegmentBuilder", "ever"))
        self.days.setPrefix(QCoreApplication.translate("SegmentBuilder", "in the last "))
        self.days.setSuffix(QCoreApplication.translate("SegmentBuilder", " days"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.field, self.scope, self.op, self.value, self.days):
            layout.addWidget(widget)
        self.field.currentIndexChanged.connect(self._refill)
        self.scope.currentIndexChanged.connect(self._refill)
        self._refill()

    def kind(self) -> str:
        return FIELDS[self.field.currentIndex()][2]

    def _refill(self) -> None:
        code, kind = self.field.currentData(), self.kind()
        self.scope.setVisible(kind == "item")
        self.op.setVisible(kind == "number")
        self.days.setVisible(kind == "item" or code in ("spent", "visits"))
        self.value.setVisible(kind != "none")
        self.value.clear()
        if kind == "item":
            try:
                self.value.addItems(self.segments.items(self.scope.currentData()))
            except ClientDeskError:
                pass
        elif kind == "month":
            for number, name in enumerate(month_names(), start=1):
                self.value.addItem(name, number)
        elif kind == "choice":
            for label, value in self._choices(code):
                self.value.addItem(label, value)

    def _choices(self, code: str) -> list[tuple[str, str]]:
        if code == "tier":
            return [(t.name, t.code) for t in self.loyalty.rules().tiers]
        if code == "tag":
            return [(tag, tag) for tag in self.clients.tags()]
        if code == "rfm":
            return [(group_name(g), g) for g in query.RFM_GROUPS]
        values = {"status": query.STATUSES, "source": query.SOURCES, "consent": query.CHANNELS,
                  "language": query.LANGUAGES}[code]
        return [(v, v) for v in values]

    def _value(self):
        index = self.value.findText(self.value.currentText())
        data = self.value.itemData(index) if index >= 0 else None
        return data if data is not None else " ".join(self.value.currentText().split())

    def condition(self) -> query.Condition:
        """The condition as chosen; raises ValidationError when the value is missing or wrong."""
        code, kind = self.field.currentData(), self.kind()
        days = self.days.value() or None
        value = self._value()
        if kind != "none" and value in ("", None):
            raise ValidationError("condition", "empty", "Choose or type a value")
        if kind == "item":
            return query.Condition("bought", "never" if code == "never" else "bought", (self.scope.currentData(), value),
                                   days)
        if kind == "number":
            text = f"{code} {self.op.currentText()} {value}"
            if days:
                text += f" in last {days} days"
            return query.parse(text)
        if kind == "days":
            return query.parse(f"last visit {'more' if code == 'last_more' else 'less'} than {value} days ago")
        if kind == "none":
            return query.Condition("near_tier")
        if kind == "month":
            return query.Condition(code, "=", int(value))
        return query.parse(query.condition_text(query.Condition(code, "=", str(value))))


def combine(text: str, condition: query.Condition, how: str) -> str:
    """The query `text` joined with `condition` by "and", "or" or "and not" (brackets as needed)."""
    item = query.Not(condition) if how == "and not" else condition
    if not text.strip():
        return query.to_text(item)
    tree = query.parse(text)
    joined = query.Or((tree, item)) if how == "or" else query.And((tree, item))
    return query.to_text(joined)


class SegmentBuilder(QDialog):
    """Build or edit a segment query; `query_text()` after exec(). Saving by name is optional."""

    saved = Signal(int)

    def __init__(self, segments, loyalty, clients, text: str = "", name: str = "", parent=None):
        super().__init__(parent)
        self.segments = segments
        self.setWindowTitle(self.tr("Segment builder"))
        self.resize(820, 300)
        self.row = ConditionRow(segments, loyalty, clients)
        self.and_button = QPushButton(self.tr("Add with AND"))
        self.or_button = QPushButton(self.tr("Add with OR"))
        self.not_button = QPushButton(self.tr("Add with AND NOT"))
        self.query = QLineEdit(text)
        self.query.setPlaceholderText(self.tr("e.g. bought category Dairy and never bought category Meat"))
        self.count = QLabel()
        self.count.setStyleSheet("font-weight: bold;")
        self.error = ErrorLabel()
        self.name = QLineEdit(name)
        self.name.setPlaceholderText(self.tr("Name, to save this segment (e.g. Vegetarians)"))
        self.save_button = QPushButton(self.tr("Save segment"))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        add = QHBoxLayout()
        for button in (self.and_button, self.or_button, self.not_button):
            add.addWidget(button)
        add.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Condition"), self.row)
        form.addRow("", _wrap(add))
        form.addRow(self.tr("Query"), self.query)
        form.addRow("", self.error)
        form.addRow(self.tr("Matching clients"), self.count)
        save = QHBoxLayout()
        save.addWidget(self.name, 1)
        save.addWidget(self.save_button)
        form.addRow(self.tr("Save as"), _wrap(save))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.update_count)
        self.query.textChanged.connect(lambda: self.timer.start())
        self.and_button.clicked.connect(lambda: self.add("and"))
        self.or_button.clicked.connect(lambda: self.add("or"))
        self.not_button.clicked.connect(lambda: self.add("and not"))
        self.save_button.clicked.connect(self.save)
        buttons.accepted.connect(self.accept_if_valid)
        buttons.rejected.connect(self.reject)
        self.last_count: int | None = None
        self.update_count()

    def query_text(self) -> str:
        return self.query.text().strip()

    def add(self, how: str) -> None:
        """Join the condition being built to the query."""
        try:
            self.query.setText(combine(self.query.text(), self.row.condition(), how))
        except ValidationError as exc:
            self.error.show_message(self._message(exc))
            return
        self.update_count()

    def _message(self, exc: ClientDeskError) -> str:
        if isinstance(exc, ValidationError) and exc.field == "query":
            where = exc.details.get("position", 0)
            detail = exc.message.split('": ', 1)[-1]  # the words after 'position N, at "x": '
            return (self.tr("Problem at character %1 (“%2”): %3").replace("%1", str(where + 1))
                    .replace("%2", exc.details.get("token") or "").replace("%3", detail))
        return dialogs.message_for(exc)

    def update_count(self) -> None:
        """Count the clients of the query as typed; show the mistake and mark where it is."""
        self.timer.stop()
        text = self.query_text()
        if not text:
            self.count.setText(self.tr("Everyone: add a condition"))
            self.error.show_message("")
            self.last_count = None
            return
        try:
            self.last_count = self.segments.count(text)
        except ClientDeskError as exc:
            self.last_count = None
            self.count.setText("—")
            self.error.show_message(self._message(exc))
            if isinstance(exc, ValidationError) and "position" in exc.details:
                start = exc.details["position"]
                self.query.setSelection(start, max(len(exc.details.get("token") or ""), 1))
            return
        self.error.show_message("")
        self.count.setText(self.tr("%1 clients").replace("%1", format_number(self.last_count)))

    def save(self) -> None:
        try:
            segment_id = self.segments.save(self.name.text(), self.query_text())
        except ClientDeskError as exc:
            self.error.show_message(self._message(exc))
            return
        self.saved.emit(segment_id)
        dialogs.inform(self, self.tr("Segment builder"), self.tr("Segment saved."))

    def accept_if_valid(self) -> None:
        self.update_count()
        if self.last_count is not None:
            self.accept()


def _wrap(layout) -> QWidget:
    widget = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    widget.setLayout(layout)
    return widget
