"""The month labels under both monthly charts, read back from what the chart draws: month names in
the window's language, whole (they showed "⋮": "11/26" stood on end and cut)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTranslator
from PySide6.QtWidgets import QGraphicsTextItem

from clientdesk.demo import generate
from ui.insights.page import InsightsPage

I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "clientdesk_hi.qm"
ENGLISH = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"]


@pytest.fixture(params=["en", "hi"])
def language(request, qapp):
    translator = None
    previous = QLocale()
    if request.param == "hi":
        translator = QTranslator()
        assert translator.load(str(I18N))
        QCoreApplication.installTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Hindi, QLocale.India))
    else:
        QLocale.setDefault(QLocale(QLocale.English, QLocale.India))
    yield request.param
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(previous)


def drawn_texts(card) -> list[str]:
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)  # axes replaced by a refill
    QCoreApplication.processEvents()
    return [item.toPlainText() for item in card.view.scene().items()
            if isinstance(item, QGraphicsTextItem) and item.isVisible() and item.toPlainText()]


@pytest.mark.parametrize("width", [1366 - 190, 1280 - 190])  # the window less its navigation
def test_month_names_are_drawn_whole(qtbot, desk, language, width):
    generate(desk, 120, seed=5)
    desk.insights.refresh()
    page = InsightsPage(desk.insights, desk.segments, desk.clients, desk.loyalty, desk.exports, desk.clock)
    qtbot.addWidget(page)
    page.resize(width, 640)
    page.show()
    qtbot.waitExposed(page)
    page.reload()
    months = [QLocale().monthName(m, QLocale.ShortFormat) for m in range(1, 13)]
    if language == "en":
        assert set(months) == set(ENGLISH)
    else:
        assert "नव॰" in months
    for card in (page.dashboard.sales_chart, page.dashboard.newret_chart):
        (axis,) = [a for a in card.chart.axes() if a.metaObject().className() == "QBarCategoryAxis"]
        categories = axis.categories()
        assert len(categories) == 12 and set(categories) == set(months), categories
        drawn = drawn_texts(card)
        for name in categories:
            assert name in drawn, (name, drawn)
        assert not [t for t in drawn if "…" in t or "..." in t or "⋮" in t], drawn
