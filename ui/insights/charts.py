"""QtCharts helpers: a titled chart card with "Save as PNG", axes that show ₹ with Indian grouping, and
month and name labels for bar axes."""

from __future__ import annotations

import math

from PySide6.QtCharts import QBarCategoryAxis, QCategoryAxis, QChart, QChartView, QValueAxis
from PySide6.QtCore import QLocale, QMargins, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from clientdesk.money import format_inr, format_number


def nice_top(value: float, steps: int = 4) -> tuple[float, float]:
    """A round upper bound and step for an axis reaching `value`."""
    if value <= 0:
        return float(steps), 1.0
    raw = value / steps
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return step * steps, step


def money_axis(max_paise: int, steps: int = 4) -> QCategoryAxis:
    """A value axis in paise whose labels read ₹1,00,000 (lakh grouping)."""
    top, step = nice_top(max_paise / 100, steps)
    axis = QCategoryAxis()
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPositionOnValue)
    axis.setTruncateLabels(False)  # "₹1,00,000" must never shrink to "…"
    axis.setRange(0, top * 100)
    for k in range(steps + 1):
        axis.append(format_inr(int(k * step * 100), decimals=False), k * step * 100)
    return axis


def count_axis(max_value: float, steps: int = 4) -> QCategoryAxis:
    """A value axis for counts with Indian grouping."""
    top, step = nice_top(max_value, steps)
    axis = QCategoryAxis()
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPositionOnValue)
    axis.setTruncateLabels(False)
    axis.setRange(0, top)
    for k in range(steps + 1):
        value = k * step
        axis.append(format_number(int(value)) if value == int(value) else f"{value:g}", value)
    return axis


def month_axis(labels: list[str]) -> QBarCategoryAxis:
    """Months across the bottom, written level (stood on end, "11/26" was cut to "…")."""
    axis = QBarCategoryAxis()
    axis.append(labels)
    axis.setLabelsAngle(0)
    return axis


def short_labels(labels: list[str], width: int = 18) -> list[str]:
    """Category labels cut to `width` characters and made unique (a bar axis needs distinct labels)."""
    result: list[str] = []
    for label in labels:
        short = label if len(label) <= width else label[:width - 1] + "…"
        while short in result:
            short += " "
        result.append(short)
    return result


def month_labels(months: list[str]) -> list[str]:
    """"2026-11" → the month's short name in the window's language (Nov / नव॰). The charts show the
    last twelve months, so a name is never repeated and needs no year."""
    locale = QLocale()
    return short_labels([locale.monthName(int(label.split("-")[1]), QLocale.ShortFormat) for label in months])


def percent_axis() -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, 100)
    axis.setLabelFormat("%d%%")
    return axis


class ChartCard(QWidget):
    """A chart with its title and a Save as PNG button."""

    saved = Signal(str)

    def __init__(self, title: str, parent=None, height: int = 240):
        super().__init__(parent)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignBottom)
        self.chart.setMargins(QMargins(2, 2, 24, 2))
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.Antialiasing)
        self.view.setMinimumHeight(height)
        self.title = QLabel(title)
        self.title.setStyleSheet("font-weight: bold;")
        self.save_button = QPushButton(self.tr("Save as PNG…"))
        self.save_button.clicked.connect(self.ask_save)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(head)
        layout.addWidget(self.view, 1)

    def reset(self) -> QChart:
        """Empty the chart (series and axes) for new figures."""
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
            axis.deleteLater()  # a removed axis kept its labels on screen, drawn over the new ones
        return self.chart

    def save_png(self, path: str) -> bool:
        """Write the chart as a PNG file."""
        ok = self.view.grab().save(path, "PNG")
        if ok:
            self.saved.emit(path)
        return ok

    def ask_save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart"), self.title.text() + ".png",
                                              self.tr("PNG images (*.png)"))
        if path:
            if not path.lower().endswith(".png"):
                path += ".png"
            if not self.save_png(path):
                from ui import dialogs

                dialogs.inform(self, self.tr("Save chart"), self.tr("The chart could not be saved there."))
