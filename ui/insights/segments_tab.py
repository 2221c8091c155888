"""The Segments tab of Insights: a query in the segment language, its count, saved segments, and what to
do with the clients (open as the client list, send a greeting, export to Excel)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QPushButton, QSplitter,
    QVBoxLayout, QWidget,
)

from clientdesk.errors import ClientDeskError
from clientdesk.money import format_number
from clientdesk.clients.listing import ClientFilter
from ui import dialogs
from ui.insights.builder import SegmentBuilder
from ui.insights.tables import ID_ROLE
from ui.jobs import run_job

QUERY_ROLE = Qt.UserRole + 2


class SegmentsTab(QSplitter):
    """Saved segments on the left; the query, its count and the actions on the right."""

    show_clients = Signal(object)  # a ClientFilter
    compose_greeting = Signal(object)  # a list of client ids

    def __init__(self, segments, exports, loyalty, clients, parent=None):
        super().__init__(parent)
        self.segments = segments
        self.exports = exports
        self.loyalty = loyalty  # the builder lists the tiers
        self.clients = clients  # ... and the tags
        self.saved_list = QListWidget()
        self.saved_list.currentItemChanged.connect(self._saved_chosen)
        self.saved_list.itemActivated.connect(lambda _item: self.show_segment())
        self.segment_query = QLineEdit()
        self.segment_query.setPlaceholderText(self.tr("never bought category Meat"))
        self.segment_query.returnPressed.connect(self.count_segment)
        self.segment_count = QLabel()
        self.segment_error = QLabel()
        self.segment_error.setStyleSheet("color: #b00020;")
        self.segment_error.setWordWrap(True)
        buttons = {}
        for key, text in (("build", self.tr("Builder…")), ("show", self.tr("Show clients")),
                          ("greet", self.tr("Send greeting…")), ("export", self.tr("Export to Excel…")),
                          ("delete", self.tr("Delete saved segment"))):
            buttons[key] = QPushButton(text)
        buttons["build"].clicked.connect(self.open_builder)
        buttons["show"].clicked.connect(self.show_segment)
        buttons["greet"].clicked.connect(self.greet_segment)
        buttons["export"].clicked.connect(self.export_segment)
        buttons["delete"].clicked.connect(self.delete_segment)
        self.segment_buttons = buttons
        row = QHBoxLayout()
        for key in ("build", "show", "greet", "export", "delete"):
            row.addWidget(buttons[key])
        row.addStretch(1)
        right = QWidget()
        layout = QVBoxLayout(right)
        layout.addWidget(QLabel(self.tr("Query (see the README for the words it understands)")))
        layout.addWidget(self.segment_query)
        layout.addWidget(self.segment_count)
        layout.addWidget(self.segment_error)
        layout.addLayout(row)
        help_text = QLabel(self.tr(
            "<b>Examples</b><br>"
            "never bought category Meat<br>"
            "bought category Dairy and never bought category Meat<br>"
            "bought Pizza in last 30 days and not bought Cold Drink 2 L<br>"
            "(city Pune or city Mumbai) and spent >= 5000<br>"
            "visits >= 3 and last visit more than 60 days ago<br>"
            "birthday in November and consent whatsapp<br>"
            "tier Gold or close to next tier<br>"
            "rfm at_risk and likelihood >= 40<br><br>"
            "<b>Words</b>: bought / never bought [product | category] NAME [in last N days], "
            "spent / visits (&gt;, &gt;=, &lt;, &lt;=, =, !=) N [in last N days], "
            "last visit more / less than N days ago, tier, close to next tier, tag, status, city, state, pin, "
            "birthday in MONTH, anniversary in MONTH, source, consent, language, rfm, likelihood. "
            "Join with and, or, not and brackets; put a name with those words in \"quotes\"."))
        help_text.setWordWrap(True)
        help_text.setTextFormat(Qt.RichText)
        help_text.setStyleSheet("color: #444;")
        layout.addWidget(help_text)
        layout.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(QLabel(self.tr("Saved segments")))
        left_layout.addWidget(self.saved_list)
        self.addWidget(left)
        self.addWidget(right)
        self.setStretchFactor(1, 2)

    def fill(self) -> None:
        """List the saved segments again, keeping the one chosen."""
        current = self.saved_list.currentItem().data(ID_ROLE) if self.saved_list.currentItem() else None
        self.saved_list.clear()
        for segment in self.segments.saved():
            item = QListWidgetItem(segment.name)
            item.setData(ID_ROLE, segment.id)
            item.setData(QUERY_ROLE, segment.query)
            item.setToolTip(segment.query)
            self.saved_list.addItem(item)
            if segment.id == current:
                self.saved_list.setCurrentItem(item)

    def _saved_chosen(self, item, _previous=None) -> None:
        if item is not None:
            self.segment_query.setText(item.data(QUERY_ROLE))
            self.count_segment()

    def count_segment(self) -> int | None:
        """Count the clients of the query in the box; show the mistake if it has one."""
        try:
            count = self.segments.count(self.segment_query.text())
        except ClientDeskError as exc:
            self.segment_error.setText(dialogs.message_for(exc))
            self.segment_count.setText("")
            return None
        self.segment_error.setText("")
        self.segment_count.setText(self.tr("%1 clients").replace("%1", format_number(count)))
        return count

    def _segment_ids(self) -> list[int] | None:
        try:
            ids = self.segments.client_ids(self.segment_query.text())
        except ClientDeskError as exc:
            self.segment_error.setText(dialogs.message_for(exc))
            return None
        self.segment_error.setText("")
        self.segment_count.setText(self.tr("%1 clients").replace("%1", format_number(len(ids))))
        return ids

    def open_builder(self) -> None:
        item = self.saved_list.currentItem()
        name = item.text() if item and item.data(QUERY_ROLE) == self.segment_query.text() else ""
        builder = SegmentBuilder(self.segments, self.loyalty, self.clients, self.segment_query.text(), name, self)
        builder.saved.connect(lambda _id: self.fill())
        if builder.exec():
            self.segment_query.setText(builder.query_text())
            self.count_segment()
        self.fill()

    def show_segment(self) -> None:
        """Open the segment as the client list."""
        ids = self._segment_ids()
        if ids is not None:
            self.show_clients.emit(ClientFilter(ids=frozenset(ids)))

    def show_query(self, text: str) -> None:
        """Put `text` in the query box and open its clients as the client list."""
        self.segment_query.setText(text)
        self.show_segment()

    def greet_segment(self) -> None:
        """Use the segment as greeting recipients."""
        ids = self._segment_ids()
        if ids:
            self.compose_greeting.emit(ids)

    def export_segment(self) -> None:
        ids = self._segment_ids()
        if not ids:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export segment"), "segment.xlsx",
                                              self.tr("Excel files (*.xlsx)"))
        if not path:
            return
        language = ui_language()
        run_job(self, lambda progress: self.exports.export_clients(path, language, ids=ids, progress=progress),
                on_success=lambda n: dialogs.inform(self, self.tr("Export segment"),
                                                    self.tr("%1 clients written.").replace("%1", format_number(n))),
                title=self.tr("Exporting"))

    def delete_segment(self) -> None:
        item = self.saved_list.currentItem()
        if item is None:
            return
        answer = dialogs.ask(self, self.tr("Delete saved segment"),
                             self.tr("Delete the saved segment “%1”? The clients are not touched.").replace("%1", item.text()))
        if answer != QMessageBox.Yes:
            return
        try:
            self.segments.delete(item.data(ID_ROLE))
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
        self.fill()


def ui_language() -> str:
    """"hi" when the Hindi translation is installed (the main window's own label is translated), else "en"."""
    return "hi" if QCoreApplication.translate("MainWindow", "Insights") != "Insights" else "en"
