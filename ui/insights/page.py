"""The Insights page: a dashboard of charts and key numbers, segments (builder, saved, open as client
list, export, send a greeting), client value by RFM group, bought-together pairs, up-sell signals and
the win-back list. Figures come from `desk.insights` (refreshed in the background with F5)."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis, QBarSeries, QBarSet, QHorizontalBarSeries, QLineSeries, QPieSeries, QStackedBarSeries,
)
from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFileDialog, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QMessageBox, QProgressBar, QPushButton, QScrollArea, QSplitter, QTableView, QTabWidget, QVBoxLayout,
    QWidget,
)

from clientdesk.errors import ClientDeskError
from clientdesk.money import format_inr, format_number
from clientdesk.services.clients import ClientFilter
from ui import dialogs
from ui.insights import texts
from ui.insights.builder import SegmentBuilder
from ui.insights.charts import ChartCard, count_axis, money_axis, percent_axis
from ui.jobs import run_job
from ui.rows_model import RowsModel

ID_ROLE = Qt.UserRole + 1



def _table(model: QAbstractTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _month_axis(labels: list[str]) -> QBarCategoryAxis:
    """Months across the bottom, written level (stood on end, "11/26" was cut to "…")."""
    axis = QBarCategoryAxis()
    axis.append(labels)
    axis.setLabelsAngle(0)
    return axis


def _short_labels(labels: list[str], width: int = 18) -> list[str]:
    """Category labels cut to `width` characters and made unique (a bar axis needs distinct labels)."""
    result: list[str] = []
    for label in labels:
        short = label if len(label) <= width else label[:width - 1] + "…"
        while short in result:
            short += " "
        result.append(short)
    return result


def _month_labels(months: list[str]) -> list[str]:
    """"2026-11" → the month's short name in the window's language (Nov / नव॰). The charts show the
    last twelve months, so a name is never repeated and needs no year."""
    locale = QLocale()
    return _short_labels([locale.monthName(int(label.split("-")[1]), QLocale.ShortFormat) for label in months])


class InsightsPage(QWidget):
    """Know the clients: dashboard, segments, value, bought together, up-sell and win-back."""

    open_client = Signal(int)
    show_clients = Signal(object)
    compose_greeting = Signal(object)

    LIST_LIMIT = 500

    def __init__(self, desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.job = None
        self.refresh_button = QPushButton(self.tr("Refresh insights (F5)"))
        self.status = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(200)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.hide()
        top = QHBoxLayout()
        top.addWidget(self.refresh_button)
        top.addWidget(self.progress)
        top.addWidget(self.cancel_button)
        top.addWidget(self.status, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._dashboard_tab(), self.tr("Dashboard"))
        self.tabs.addTab(self._segments_tab(), self.tr("Segments"))
        self.tabs.addTab(self._value_tab(), self.tr("Client value"))
        self.tabs.addTab(self._pairs_tab(), self.tr("Bought together"))
        self.tabs.addTab(self._upsell_tab(), self.tr("Up-sell"))
        self.tabs.addTab(self._winback_tab(), self.tr("Win-back"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.refresh_button.clicked.connect(self.start_refresh)
        self.cancel_button.clicked.connect(self._cancel)
        QShortcut(QKeySequence(Qt.Key_F5), self, activated=self.start_refresh)
        self.reload()

    # ----- building the tabs --------------------------------------------------------------------
    def _dashboard_tab(self) -> QWidget:
        self.numbers: dict[str, QLabel] = {}
        numbers = QGridLayout()
        captions = [("clients", self.tr("Clients")), ("active", self.tr("Bought in the last 12 months")),
                    ("month_sales", self.tr("Sales this month")), ("avg_bill", self.tr("Average bill (12 months)")),
                    ("winback", self.tr("To win back"))]
        for column, (key, caption) in enumerate(captions):
            value = QLabel("—")
            value.setStyleSheet("font-size: 18pt; font-weight: bold;")
            value.setAlignment(Qt.AlignCenter)
            label = QLabel(caption)
            label.setAlignment(Qt.AlignCenter)
            numbers.addWidget(value, 0, column)
            numbers.addWidget(label, 1, column)
            self.numbers[key] = value
        self.sales_chart = ChartCard(self.tr("Sales and visits by month"))
        self.newret_chart = ChartCard(self.tr("New and returning clients by month"))
        self.rfm_chart = ChartCard(self.tr("Clients by RFM group"), height=300)
        self.top_chart = ChartCard(self.tr("Top clients by lifetime spend"), height=300)
        self.pairs_chart = ChartCard(self.tr("Most often bought together"))
        self.charts = [self.sales_chart, self.newret_chart, self.rfm_chart, self.top_chart, self.pairs_chart]
        self.occasions = QListWidget()
        self.occasions.itemActivated.connect(lambda item: self.open_client.emit(item.data(ID_ROLE)))
        occasions_box = QWidget()
        box = QVBoxLayout(occasions_box)
        heading = QLabel(self.tr("Occasions in the next 14 days"))
        heading.setStyleSheet("font-weight: bold;")
        box.addWidget(heading)
        box.addWidget(self.occasions)
        grid = QGridLayout()
        # The two monthly charts take the full width: twelve month names side by side need it at
        # 1280-1366 pixels (in half the width they were cut to "…").
        grid.addWidget(self.sales_chart, 0, 0, 1, 2)
        grid.addWidget(self.newret_chart, 1, 0, 1, 2)
        for i, widget in enumerate(self.charts[2:] + [occasions_box]):
            grid.addWidget(widget, 2 + i // 2, i % 2)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addLayout(numbers)
        layout.addLayout(grid, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        return scroll

    def _segments_tab(self) -> QWidget:
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
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        return splitter

    def _value_tab(self) -> QWidget:
        self.rfm_model = RowsModel([self.tr("Group"), self.tr("Clients"), self.tr("What it means")], self)
        self.rfm_view = _table(self.rfm_model)
        self.rfm_view.setWordWrap(True)
        self.rfm_view.doubleClicked.connect(self._show_group)
        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.addWidget(QLabel(self.tr("Recency, frequency and money (RFM): each client scores 1-5 on each, "
                                        "against the shop's own clients. Double-click a group to list it.")))
        layout.addWidget(self.rfm_view)
        return widget

    def _pairs_tab(self) -> QWidget:
        self.pairs_model = RowsModel([self.tr("Bought"), self.tr("Also bought"), self.tr("Bills with both"),
                                      self.tr("Support"), self.tr("Confidence"), self.tr("Lift")], self)
        self.category_pairs_model = RowsModel(list(self.pairs_model.headers), self)
        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.addWidget(QLabel(self.tr("Products")))
        layout.addWidget(_table(self.pairs_model), 2)
        layout.addWidget(QLabel(self.tr("Categories")))
        layout.addWidget(_table(self.category_pairs_model), 1)
        return widget

    def _upsell_tab(self) -> QWidget:
        self.upsell_kind = QComboBox()
        for label, code in ((self.tr("All signals"), None), (self.tr("Close to the next tier"), "near_tier"),
                            (self.tr("Small pack bought again and again"), "larger_pack"),
                            (self.tr("Spending more"), "rising_spend"), (self.tr("Coming more often"), "rising_visits")):
            self.upsell_kind.addItem(label, code)
        self.upsell_kind.currentIndexChanged.connect(self._fill_upsell)
        self.upsell_model = RowsModel([self.tr("Client"), self.tr("Signal")], self)
        self.upsell_view = _table(self.upsell_model)
        self.upsell_view.doubleClicked.connect(lambda index: self._open_row(self.upsell_model, index))
        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.addWidget(QLabel(self.tr("Clients ready for more: close to the next loyalty tier, spending or "
                                        "visiting more, or buying a small pack again and again.")))
        layout.addWidget(self.upsell_kind)
        layout.addWidget(self.upsell_view)
        return widget

    def _winback_tab(self) -> QWidget:
        self.winback_model = RowsModel([self.tr("Client"), self.tr("Usual gap (days)"), self.tr("Away (days)"),
                                        self.tr("Lifetime spend")], self)
        self.winback_view = _table(self.winback_model)
        self.winback_view.doubleClicked.connect(lambda index: self._open_row(self.winback_model, index))
        self.winback_label = QLabel()
        self.winback_greet = QPushButton(self.tr("Send a greeting to all of them…"))
        self.winback_greet.clicked.connect(self.greet_winback)
        self.winback_show = QPushButton(self.tr("Show in client list"))
        self.winback_show.clicked.connect(lambda: self.show_clients.emit(ClientFilter(ids=frozenset(self.winback_ids))))
        row = QHBoxLayout()
        row.addWidget(self.winback_label, 1)
        row.addWidget(self.winback_show)
        row.addWidget(self.winback_greet)
        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.addLayout(row)
        layout.addWidget(self.winback_view)
        self.winback_ids: list[int] = []
        return widget

    # ----- refresh -------------------------------------------------------------------------------
    def activated(self) -> None:
        """Called when the page is shown: show the stored figures; refresh if none are from today."""
        self.reload()
        run = self._last_run()
        if run is None or run.as_of != self.desk.clock.today():
            self.start_refresh()

    def _last_run(self):
        try:
            return self.desk.insights.last_run()
        except ClientDeskError:
            return None

    def start_refresh(self) -> None:
        """Recompute the insights on a worker thread; the window stays usable."""
        if self.job is not None:
            return
        self.refresh_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.status.setText(self.tr("Refreshing insights…"))
        self.job = run_job(self, lambda progress: self.desk.insights.refresh(progress), on_success=self._refreshed,
                           on_failure=self._refresh_failed, title=self.tr("Refreshing insights"), show_progress=False)
        self.job.signals.progressed.connect(self._on_progress)
        self.job.finished.connect(self._job_done)

    def _on_progress(self, done: int, total: int, _label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _refreshed(self, _summary) -> None:
        self.reload()

    def _refresh_failed(self, exc: ClientDeskError) -> None:
        self.status.setText(dialogs.message_for(exc))

    def _job_done(self, _ok: bool) -> None:
        self.job = None
        self.refresh_button.setEnabled(True)
        self.progress.hide()
        self.cancel_button.hide()

    # ----- showing the figures -------------------------------------------------------------------
    def reload(self) -> None:
        """Show the stored figures in every tab."""
        try:
            board = self.desk.insights.dashboard()
            self._fill_dashboard(board)
            self._fill_value(board.rfm)
            self._fill_pairs()
            self._fill_upsell()
            self._fill_winback()
            self._fill_saved()
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return
        run = self._last_run()
        if run is None:
            self.status.setText(self.tr("No insights yet: press Refresh."))
        else:
            self.status.setText(self.tr("Figures as of %1 (took %2 s)").replace("%1", run.at.strftime("%d/%m/%Y %H:%M"))
                                .replace("%2", f"{run.seconds:.1f}"))

    def _fill_dashboard(self, board) -> None:
        self.numbers["clients"].setText(format_number(board.clients))
        self.numbers["active"].setText(format_number(board.active_clients))
        self.numbers["month_sales"].setText(format_inr(board.sales_this_month_paise, decimals=False))
        self.numbers["avg_bill"].setText(format_inr(board.avg_bill_paise, decimals=False))
        self.numbers["winback"].setText(format_number(board.winback))
        months = _month_labels(board.months)

        chart = self.sales_chart.reset()
        sales = QBarSet(self.tr("Sales (₹)"))
        sales.append([float(v) for v in board.sales_paise])
        bars = QBarSeries()
        bars.append(sales)
        visits = QLineSeries()
        visits.setName(self.tr("Visits"))
        for i, v in enumerate(board.visits):
            visits.append(i, v)
        chart.addSeries(bars)
        chart.addSeries(visits)
        axis_x = _month_axis(months)
        chart.addAxis(axis_x, Qt.AlignBottom)
        left = money_axis(max(board.sales_paise, default=0))
        chart.addAxis(left, Qt.AlignLeft)
        right = count_axis(max(board.visits, default=0))
        chart.addAxis(right, Qt.AlignRight)
        bars.attachAxis(axis_x)
        bars.attachAxis(left)
        visits.attachAxis(axis_x)
        visits.attachAxis(right)

        chart = self.newret_chart.reset()
        new, returning = QBarSet(self.tr("New")), QBarSet(self.tr("Returning"))
        new.append([float(v) for v in board.new_clients])
        returning.append([float(v) for v in board.returning_clients])
        stacked = QStackedBarSeries()
        stacked.append(new)
        stacked.append(returning)
        chart.addSeries(stacked)
        axis_x = _month_axis(months)
        chart.addAxis(axis_x, Qt.AlignBottom)
        axis_y = count_axis(max((a + b for a, b in zip(board.new_clients, board.returning_clients)), default=0))
        chart.addAxis(axis_y, Qt.AlignLeft)
        stacked.attachAxis(axis_x)
        stacked.attachAxis(axis_y)

        chart = self.rfm_chart.reset()
        pie = QPieSeries()
        for group, count in board.rfm.items():
            if count:
                slice_ = pie.append(f"{texts.group_name(group)} ({format_number(count)})", count)
                slice_.setColor(QColor(texts.GROUP_COLOURS[group]))
        chart.addSeries(pie)
        chart.legend().setAlignment(Qt.AlignRight)
        legend_font = chart.legend().font()
        legend_font.setPointSizeF(max(7.0, legend_font.pointSizeF() - 1))
        chart.legend().setFont(legend_font)

        chart = self.top_chart.reset()
        top = list(reversed(board.top_clients[:8]))
        spent = QBarSet(self.tr("Lifetime spend"))
        spent.append([float(s) for _, _, s in top])
        series = QHorizontalBarSeries()
        series.append(spent)
        chart.addSeries(series)
        axis_y = QBarCategoryAxis()
        axis_y.append(_short_labels([name for _, name, _ in top]))
        axis_y.setTruncateLabels(False)
        small = axis_y.labelsFont()
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        axis_y.setLabelsFont(small)  # every name shown, none skipped for want of room
        chart.addAxis(axis_y, Qt.AlignLeft)
        axis_x = money_axis(max((s for _, _, s in top), default=0), steps=2)
        chart.addAxis(axis_x, Qt.AlignBottom)
        series.attachAxis(axis_y)
        series.attachAxis(axis_x)
        chart.legend().hide()

        chart = self.pairs_chart.reset()
        pairs = list(reversed(board.top_pairs[:6]))
        confidence = QBarSet(self.tr("Confidence (%)"))
        confidence.append([round(p.confidence * 100, 1) for p in pairs])
        series = QHorizontalBarSeries()
        series.append(confidence)
        chart.addSeries(series)
        axis_y = QBarCategoryAxis()
        axis_y.append(_short_labels([f"{p.a} → {p.b}" for p in pairs], 30))
        axis_y.setTruncateLabels(False)
        chart.addAxis(axis_y, Qt.AlignLeft)
        axis_x = percent_axis()
        chart.addAxis(axis_x, Qt.AlignBottom)
        series.attachAxis(axis_y)
        series.attachAxis(axis_x)
        chart.legend().hide()

        self.occasions.clear()
        kinds = {"birthday": self.tr("Birthday"), "anniversary": self.tr("Anniversary")}
        for client_id, name, kind, day in board.occasions:
            item = QListWidgetItem(f"{day.strftime('%d/%m')}  {kinds[kind]}: {name}")
            item.setData(ID_ROLE, client_id)
            self.occasions.addItem(item)
        if not board.occasions:
            self.occasions.addItem(self.tr("None in the next 14 days"))

    def _fill_value(self, counts: dict[str, int]) -> None:
        groups = list(counts)
        self.rfm_model.set_rows([(g, (texts.group_name(g), format_number(counts[g]), texts.group_explanation(g)), None)
                                 for g in groups])
        self.rfm_groups = groups

    def _fill_pairs(self) -> None:
        for model, kind in ((self.pairs_model, "product"), (self.category_pairs_model, "category")):
            model.set_rows([(None, (p.a, p.b, format_number(p.bills), f"{p.support:.1%}", f"{p.confidence:.0%}",
                                    f"{p.lift:.2f}"), None) for p in self.desk.insights.pairs(kind, limit=50)])

    def _fill_upsell(self) -> None:
        signals = self.desk.insights.signals(kind=self.upsell_kind.currentData(), limit=self.LIST_LIMIT)
        names = self.desk.clients.names([s.client_id for s in signals])
        tier_names = {t.code: t.name for t in self.desk.loyalty.rules().tiers}
        self.upsell_model.set_rows([(s.client_id, (names.get(s.client_id, ""), texts.signal_text(s, tier_names)), None)
                                    for s in signals])

    def _fill_winback(self) -> None:
        self.winback_ids = self.desk.insights.winback_ids()
        shown = self.winback_ids[:self.LIST_LIMIT]
        names = self.desk.clients.names(shown)
        rows = []
        for client_id in shown:
            value = self.desk.insights.client_value(client_id)
            rows.append((client_id, (names.get(client_id, ""), f"{value.usual_gap_days:.0f}", str(value.recency_days),
                                     format_inr(value.spent_paise, decimals=False)), None))
        self.winback_model.set_rows(rows)
        self.winback_label.setText(self.tr("%1 regular clients have been away for more than twice their usual gap.")
                                   .replace("%1", format_number(len(self.winback_ids))))
        self.winback_greet.setEnabled(bool(self.winback_ids))
        self.winback_show.setEnabled(bool(self.winback_ids))

    def _fill_saved(self) -> None:
        current = self.saved_list.currentItem().data(ID_ROLE) if self.saved_list.currentItem() else None
        self.saved_list.clear()
        for segment in self.desk.segments.saved():
            item = QListWidgetItem(segment.name)
            item.setData(ID_ROLE, segment.id)
            item.setData(Qt.UserRole + 2, segment.query)
            item.setToolTip(segment.query)
            self.saved_list.addItem(item)
            if segment.id == current:
                self.saved_list.setCurrentItem(item)

    # ----- actions -----------------------------------------------------------------------------------
    def _open_row(self, model: RowsModel, index) -> None:
        client_id = model.data(index, Qt.UserRole)
        if client_id is not None:
            self.open_client.emit(int(client_id))

    def _show_group(self, index) -> None:
        group = self.rfm_groups[index.row()]
        self.segment_query.setText(f"rfm {group}")
        self.tabs.setCurrentIndex(1)
        self.show_segment()

    def _saved_chosen(self, item, _previous=None) -> None:
        if item is not None:
            self.segment_query.setText(item.data(Qt.UserRole + 2))
            self.count_segment()

    def count_segment(self) -> int | None:
        """Count the clients of the query in the box; show the mistake if it has one."""
        try:
            count = self.desk.segments.count(self.segment_query.text())
        except ClientDeskError as exc:
            self.segment_error.setText(dialogs.message_for(exc))
            self.segment_count.setText("")
            return None
        self.segment_error.setText("")
        self.segment_count.setText(self.tr("%1 clients").replace("%1", format_number(count)))
        return count

    def _segment_ids(self) -> list[int] | None:
        try:
            ids = self.desk.segments.client_ids(self.segment_query.text())
        except ClientDeskError as exc:
            self.segment_error.setText(dialogs.message_for(exc))
            return None
        self.segment_error.setText("")
        self.segment_count.setText(self.tr("%1 clients").replace("%1", format_number(len(ids))))
        return ids

    def open_builder(self) -> None:
        item = self.saved_list.currentItem()
        name = item.text() if item and item.data(Qt.UserRole + 2) == self.segment_query.text() else ""
        builder = SegmentBuilder(self.desk, self.segment_query.text(), name, self)
        builder.saved.connect(lambda _id: self._fill_saved())
        if builder.exec():
            self.segment_query.setText(builder.query_text())
            self.count_segment()
        self._fill_saved()

    def show_segment(self) -> None:
        """Open the segment as the client list."""
        ids = self._segment_ids()
        if ids is not None:
            self.show_clients.emit(ClientFilter(ids=frozenset(ids)))

    def greet_segment(self) -> None:
        """Use the segment as greeting recipients."""
        ids = self._segment_ids()
        if ids:
            self.compose_greeting.emit(ids)

    def greet_winback(self) -> None:
        if self.winback_ids:
            self.compose_greeting.emit(list(self.winback_ids))

    def export_segment(self) -> None:
        ids = self._segment_ids()
        if not ids:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export segment"), "segment.xlsx",
                                              self.tr("Excel files (*.xlsx)"))
        if not path:
            return
        language = ui_language()
        run_job(self, lambda progress: self.desk.exports.export_clients(path, language, ids=ids, progress=progress),
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
            self.desk.segments.delete(item.data(ID_ROLE))
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
        self._fill_saved()

    def save_charts(self, folder) -> list[str]:
        """Save every dashboard chart as a PNG in `folder`; returns the paths."""
        names = ["sales_visits", "new_returning", "rfm_groups", "top_clients", "top_pairs"]
        paths = []
        for name, card in zip(names, self.charts):
            path = f"{folder}/{name}.png"
            if card.save_png(path):
                paths.append(path)
        return paths


def ui_language() -> str:
    """"hi" when the Hindi translation is installed (the main window's own label is translated), else "en"."""
    return "hi" if QCoreApplication.translate("MainWindow", "Insights") != "Insights" else "en"
