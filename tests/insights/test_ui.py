"""The Insights page and the segment builder, driven as a user would, in English and Hindi."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QImage

from clientdesk.demo import generate
from clientdesk.clients.listing import ClientFilter
from ui.insights.builder import SegmentBuilder, combine
from ui.insights.page import InsightsPage

from tests.insights.conftest import buy

def insights_page(desk) -> InsightsPage:
    return InsightsPage(desk.insights, desk.segments, desk.clients, desk.loyalty, desk.exports, desk.clock)


I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "clientdesk_hi.qm"


@pytest.fixture
def demo_desk(desk):
    generate(desk, 250, seed=7)
    desk.insights.refresh()
    return desk


def _colours(image: QImage, step: int = 7) -> int:
    seen = set()
    for x in range(0, image.width(), step):
        for y in range(0, image.height(), step):
            seen.add(image.pixel(x, y))
    return len(seen)


@pytest.fixture(params=["en", "hi"])
def language(request, qapp):
    translator = None
    if request.param == "hi":
        translator = QTranslator()
        assert translator.load(str(I18N))
        QCoreApplication.installTranslator(translator)
    yield request.param
    if translator is not None:
        QCoreApplication.removeTranslator(translator)


def test_dashboard_renders_non_blank(qtbot, demo_desk, language, tmp_path, qtmodeltester):
    page = insights_page(demo_desk)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    assert page.dashboard.numbers["clients"].text() == "250"
    assert page.dashboard.numbers["month_sales"].text().startswith("₹")
    for card in page.dashboard.charts:
        assert card.chart.series(), card.title.text()
        assert _colours(card.view.grab().toImage()) > 8, card.title.text()
    pie = page.dashboard.rfm_chart.chart.series()[0]
    assert sum(s.value() for s in pie.slices()) == sum(demo_desk.insights.rfm_counts().values())
    paths = page.dashboard.save_charts(str(tmp_path))
    assert len(paths) == 5 and all(_colours(QImage(p)) > 8 for p in paths)
    for model in (page.value.rfm_model, page.pairs.pairs_model, page.upsell.upsell_model, page.winback.winback_model):
        qtmodeltester.check(model)
    assert page.pairs.pairs_model.rowCount() > 0 and page.value.rfm_model.rowCount() == 7
    if language == "hi":
        assert page.tabs.tabText(0) != "Dashboard" or page.dashboard.numbers["clients"].text()
    page.tabs.setCurrentIndex(1)
    grab = page.grab()
    assert _colours(grab.toImage()) > 4


def test_refresh_runs_in_the_background(qtbot, demo_desk):
    page = insights_page(demo_desk)
    qtbot.addWidget(page)
    before = demo_desk.insights.last_run().id
    qtbot.mouseClick(page.refresh_button, Qt.LeftButton)
    assert not page.refresh_button.isEnabled() and page.isEnabled()  # the page stays usable meanwhile
    qtbot.waitUntil(lambda: page.job is None, timeout=60000)
    assert demo_desk.insights.last_run().id > before
    assert page.refresh_button.isEnabled()


def test_segment_tab_opens_the_list_and_greets(qtbot, desk, shop):
    page = insights_page(desk)
    qtbot.addWidget(page)
    page.tabs.setCurrentIndex(1)
    qtbot.keyClicks(page.segments.segment_query, "never bought category Meat")
    qtbot.keyClick(page.segments.segment_query, Qt.Key_Return)
    assert page.segments.segment_count.text() == "3 clients"
    with qtbot.waitSignal(page.show_clients) as shown:
        qtbot.mouseClick(page.segments.segment_buttons["show"], Qt.LeftButton)
    assert shown.args[0] == ClientFilter(ids=frozenset({shop["asha"], shop["chetan"], shop["divya"]}))
    with qtbot.waitSignal(page.compose_greeting) as greeted:
        qtbot.mouseClick(page.segments.segment_buttons["greet"], Qt.LeftButton)
    assert greeted.args[0] == sorted([shop["asha"], shop["chetan"], shop["divya"]])
    page.segments.segment_query.setText("spent > lots")
    assert page.segments.count_segment() is None and "lots" in page.segments.segment_error.text()


def test_builder_counts_live_and_saves(qtbot, desk, shop):
    builder = SegmentBuilder(desk.segments, desk.loyalty, desk.clients)
    qtbot.addWidget(builder)
    builder.row.field.setCurrentIndex(builder.row.field.findData("bought"))
    builder.row.value.setCurrentText("Dairy")
    qtbot.mouseClick(builder.and_button, Qt.LeftButton)
    builder.row.field.setCurrentIndex(builder.row.field.findData("bought"))
    builder.row.value.setCurrentText("Meat")
    qtbot.mouseClick(builder.not_button, Qt.LeftButton)
    assert builder.query_text() == "bought category Dairy and not bought category Meat"
    assert builder.count.text() == "1 clients"
    builder.query.clear()
    qtbot.keyClicks(builder.query, "city pune and spent > lots")
    qtbot.waitUntil(lambda: not builder.error.isHidden())
    assert "character 23 (“lots”)" in builder.error.text() and builder.query.selectedText() == "lots"
    builder.query.setText("city pune")
    builder.row.field.setCurrentIndex(builder.row.field.findData("spent"))
    builder.row.op.setCurrentText(">=")
    builder.row.value.setCurrentText("500")
    qtbot.mouseClick(builder.or_button, Qt.LeftButton)
    assert builder.query_text() == "city pune or spent >= 500"
    qtbot.waitUntil(lambda: builder.count.text() == "4 clients")
    qtbot.keyClicks(builder.name, "Pune or big")
    with qtbot.waitSignal(builder.saved):
        import ui.dialogs

        ui.dialogs.inform = lambda *args: None
        qtbot.mouseClick(builder.save_button, Qt.LeftButton)
    assert [s.name for s in desk.segments.saved()] == ["Pune or big"]


def test_combine_keeps_the_meaning():
    from clientdesk.insights.query import Condition

    tag = Condition("tag", "=", "veg")
    assert combine("", tag, "and not") == "not tag veg"
    assert combine("city a or city b", tag, "and") == "(city a or city b) and tag veg"
    assert combine("city a and city b", tag, "or") == "city a and city b or tag veg"


def test_upsell_and_winback_open_clients_and_greet(qtbot, desk, shop):
    for days in (10, 40, 70):
        buy(desk, shop["bala"], days, ("Atta 5 kg", "Grocery", 260))
    buy(desk, shop["farid"], 2, ("Atta 10 kg", "Grocery", 490))
    desk.insights.refresh()
    page = insights_page(desk)
    qtbot.addWidget(page)
    page.upsell.upsell_kind.setCurrentIndex(page.upsell.upsell_kind.findData("larger_pack"))
    assert page.upsell.upsell_model.rowCount() == 1
    assert "Atta 10 kg" in page.upsell.upsell_model.rows[0][1][1]
    with qtbot.waitSignal(page.open_client) as opened:
        page.upsell.upsell_view.doubleClicked.emit(page.upsell.upsell_model.index(0, 0))
    assert opened.args == [shop["bala"]]
    assert page.winback.winback_ids == desk.insights.winback_ids()


def test_client_panel_shows_value_and_reasons(qtbot, desk):
    from tests.insights.conftest import add_client
    from ui.insights.client_panel import ClientInsightsPanel

    pizza, cold = ("Pizza", "Snacks", 200), ("Cold Drink 2 L", "Beverages", 90)
    for n in range(8):
        buy(desk, add_client(desk, f"Client {n}", f"98765{n:05d}"), 2 + n, pizza, cold)
        buy(desk, add_client(desk, f"Bread {n}", f"98766{n:05d}"), 2 + n, ("Bread", "Bakery", 40))
    only_pizza = add_client(desk, "Pizza Only", "9876599999")
    buy(desk, only_pizza, 3, pizza)
    desk.insights.refresh()
    panel = ClientInsightsPanel(desk.insights, desk.loyalty)
    qtbot.addWidget(panel)
    panel.set_client(only_pizza)
    assert panel.suggestions.text() == "89% of those who buy Pizza also buy Cold Drink 2 L"
    assert panel.spend.text() == "₹200.00" and panel.avg_bill.text() == "₹200.00"
    assert panel.group.text().split(" — ")[0] in {"New", "Potential", "Champions", "Loyal"}
