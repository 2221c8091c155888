"""The Dashboard tab of Insights: the key numbers, five charts and the occasions of the next 14 days."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis, QBarSeries, QBarSet, QHorizontalBarSeries, QLineSeries, QPieSeries, QStackedBarSeries,
)
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGridLayout, QLabel, QListWidget, QListWidgetItem, QScrollArea, QVBoxLayout, QWidget

from clientdesk.money import format_inr, format_number
from ui.insights import texts
from ui.insights.charts import ChartCard, count_axis, money_axis, month_axis, month_labels, percent_axis, short_labels
from ui.insights.tables import ID_ROLE

CHART_NAMES = ["sales_visits", "new_returning", "rfm_groups", "top_clients", "top_pairs"]  # file names of save_charts


class DashboardTab(QScrollArea):
    """Shows one dashboard (`InsightService.dashboard()`) given to `fill`; asks nothing of the desk."""

    open_client = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
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
        self.occasions.itemActivated.connect(self._occasion_chosen)
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
        self.setWidgetResizable(True)
        self.setWidget(inner)

    def _occasion_chosen(self, item: QListWidgetItem) -> None:
        client_id = item.data(ID_ROLE)
        if client_id is not None:  # not the "None in the next 14 days" line
            self.open_client.emit(client_id)

    def fill(self, board) -> None:
        """Show `board` (a clientdesk.insights Dashboard): numbers, charts and occasions."""
        self.numbers["clients"].setText(format_number(board.clients))
        self.numbers["active"].setText(format_number(board.active_clients))
        self.numbers["month_sales"].setText(format_inr(board.sales_this_month_paise, decimals=False))
        self.numbers["avg_bill"].setText(format_inr(board.avg_bill_paise, decimals=False))
        self.numbers["winback"].setText(format_number(board.winback))
        months = month_labels(board.months)
        self._fill_sales(board, months)
        self._fill_new_returning(board, months)
        self._fill_rfm(board)
        self._fill_top_clients(board)
        self._fill_pairs(board)
        self._fill_occasions(board)

    def _fill_sales(self, board, months: list[str]) -> None:
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
        axis_x = month_axis(months)
        chart.addAxis(axis_x, Qt.AlignBottom)
        left = money_axis(max(board.sales_paise, default=0))
        chart.addAxis(left, Qt.AlignLeft)
        right = count_axis(max(board.visits, default=0))
        chart.addAxis(right, Qt.AlignRight)
        bars.attachAxis(axis_x)
        bars.attachAxis(left)
        visits.attachAxis(axis_x)
        visits.attachAxis(right)

    def _fill_new_returning(self, board, months: list[str]) -> None:
        chart = self.newret_chart.reset()
        new, returning = QBarSet(self.tr("New")), QBarSet(self.tr("Returning"))
        new.append([float(v) for v in board.new_clients])
        returning.append([float(v) for v in board.returning_clients])
        stacked = QStackedBarSeries()
        stacked.append(new)
        stacked.append(returning)
        chart.addSeries(stacked)
        axis_x = month_axis(months)
        chart.addAxis(axis_x, Qt.AlignBottom)
        axis_y = count_axis(max((a + b for a, b in zip(board.new_clients, board.returning_clients)), default=0))
        chart.addAxis(axis_y, Qt.AlignLeft)
        stacked.attachAxis(axis_x)
        stacked.attachAxis(axis_y)

    def _fill_rfm(self, board) -> None:
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

    def _fill_top_clients(self, board) -> None:
        chart = self.top_chart.reset()
        top = list(reversed(board.top_clients[:8]))
        spent = QBarSet(self.tr("Lifetime spend"))
        spent.append([float(s) for _, _, s in top])
        series = QHorizontalBarSeries()
        series.append(spent)
        chart.addSeries(series)
        axis_y = QBarCategoryAxis()
        axis_y.append(short_labels([name for _, name, _ in top]))
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

    def _fill_pairs(self, board) -> None:
        chart = self.pairs_chart.reset()
        pairs = list(reversed(board.top_pairs[:6]))
        confidence = QBarSet(self.tr("Confidence (%)"))
        confidence.append([round(p.confidence * 100, 1) for p in pairs])
        series = QHorizontalBarSeries()
        series.append(confidence)
        chart.addSeries(series)
        axis_y = QBarCategoryAxis()
        axis_y.append(short_labels([f"{p.a} → {p.b}" for p in pairs], 30))
        axis_y.setTruncateLabels(False)
        chart.addAxis(axis_y, Qt.AlignLeft)
        axis_x = percent_axis()
        chart.addAxis(axis_x, Qt.AlignBottom)
        series.attachAxis(axis_y)
        series.attachAxis(axis_x)
        chart.legend().hide()

    def _fill_occasions(self, board) -> None:
        self.occasions.clear()
        kinds = {"birthday": self.tr("Birthday"), "anniversary": self.tr("Anniversary")}
        for client_id, name, kind, day in board.occasions:
            item = QListWidgetItem(f"{day.strftime('%d/%m')}  {kinds[kind]}: {name}")
            item.setData(ID_ROLE, client_id)
            self.occasions.addItem(item)
        if not board.occasions:
            self.occasions.addItem(self.tr("None in the next 14 days"))

    def save_charts(self, folder) -> list[str]:
        """Save every chart as a PNG in `folder`; returns the paths."""
        paths = []
        for name, card in zip(CHART_NAMES, self.charts):
            path = f"{folder}/{name}.png"
            if card.save_png(path):
                paths.append(path)
        return paths
