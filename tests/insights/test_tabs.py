"""Each Insights tab built on its own over a demo desk, with only the services it is given: the figures
it shows are the service's."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from clientdesk.demo import generate
from clientdesk.money import format_number
from clientdesk.clients.listing import ClientFilter
from ui.insights import texts
from ui.insights.dashboard_tab import DashboardTab
from ui.insights.pairs_tab import PairsTab
from ui.insights.segments_tab import SegmentsTab
from ui.insights.upsell_tab import UpsellTab
from ui.insights.value_tab import ValueTab
from ui.insights.winback_tab import WinbackTab


@pytest.fixture
def demo_desk(desk):
    generate(desk, 200, seed=11)
    desk.insights.refresh()
    return desk


def test_dashboard_tab_shows_the_board(qtbot, demo_desk, tmp_path):
    board = demo_desk.insights.dashboard()
    tab = DashboardTab()
    qtbot.addWidget(tab)
    tab.fill(board)
    assert tab.numbers["clients"].text() == format_number(board.clients) == "200"
    assert tab.numbers["winback"].text() == format_number(board.winback)
    assert all(card.chart.series() for card in tab.charts)
    assert tab.occasions.count() == max(len(board.occasions), 1)
    if board.occasions:
        with qtbot.waitSignal(tab.open_client) as opened:
            tab.occasions.itemActivated.emit(tab.occasions.item(0))
        assert opened.args == [board.occasions[0][0]]
    assert [p.rsplit("/", 1)[1] for p in tab.save_charts(str(tmp_path))] == [
        "sales_visits.png", "new_returning.png", "rfm_groups.png", "top_clients.png", "top_pairs.png"]


def test_value_tab_counts_each_group_and_names_the_one_chosen(qtbot, demo_desk, qtmodeltester):
    counts = demo_desk.insights.rfm_counts()
    tab = ValueTab()
    qtbot.addWidget(tab)
    tab.fill(counts)
    qtmodeltester.check(tab.rfm_model)
    first = next(iter(counts))
    assert tab.rfm_model.rows[0][1][:2] == [texts.group_name(first), format_number(counts[first])]
    with qtbot.waitSignal(tab.group_chosen) as chosen:
        tab.rfm_view.doubleClicked.emit(tab.rfm_model.index(0, 1))
    assert chosen.args == [first]


def test_pairs_tab_lists_the_service_pairs(qtbot, demo_desk):
    tab = PairsTab(demo_desk.insights)
    qtbot.addWidget(tab)
    tab.fill()
    pairs = demo_desk.insights.pairs("product", limit=50)
    assert pairs and tab.pairs_model.rowCount() == len(pairs)
    assert tab.pairs_model.rows[0][1][:3] == [pairs[0].a, pairs[0].b, format_number(pairs[0].bills)]
    assert tab.category_pairs_model.rowCount() == len(demo_desk.insights.pairs("category", limit=50))


def test_upsell_tab_filters_by_kind(qtbot, demo_desk):
    tab = UpsellTab(demo_desk.insights, demo_desk.clients, demo_desk.loyalty)
    qtbot.addWidget(tab)
    tab.fill()
    assert tab.upsell_model.rowCount() == len(demo_desk.insights.signals(limit=500))
    tab.upsell_kind.setCurrentIndex(tab.upsell_kind.findData("near_tier"))
    near = demo_desk.insights.signals(kind="near_tier", limit=500)
    assert tab.upsell_model.rowCount() == len(near)
    if near:
        names = demo_desk.clients.names([near[0].client_id])
        assert tab.upsell_model.rows[0][1][0] == names[near[0].client_id]


def test_winback_tab_lists_greets_and_shows_all(qtbot, demo_desk):
    tab = WinbackTab(demo_desk.insights, demo_desk.clients)
    qtbot.addWidget(tab)
    tab.fill()
    ids = demo_desk.insights.winback_ids()
    assert tab.winback_model.rowCount() == min(len(ids), 500)
    assert tab.winback_label.text().startswith(format_number(len(ids)) + " regular clients")
    assert tab.winback_greet.isEnabled() == bool(ids)
    if ids:
        with qtbot.waitSignal(tab.compose_greeting) as greeted:
            qtbot.mouseClick(tab.winback_greet, Qt.LeftButton)
        assert greeted.args == [ids]
        with qtbot.waitSignal(tab.show_clients) as shown:
            qtbot.mouseClick(tab.winback_show, Qt.LeftButton)
        assert shown.args == [ClientFilter(ids=frozenset(ids))]


def test_segments_tab_counts_saves_and_deletes(qtbot, demo_desk, monkeypatch):
    demo_desk.segments.save("Big spenders", "spent >= 5000")
    tab = SegmentsTab(demo_desk.segments, demo_desk.exports, demo_desk.loyalty, demo_desk.clients)
    qtbot.addWidget(tab)
    tab.fill()
    assert [tab.saved_list.item(i).text() for i in range(tab.saved_list.count())] == ["Big spenders"]
    tab.saved_list.setCurrentRow(0)
    assert tab.segment_query.text() == "spent >= 5000"
    count = demo_desk.segments.count("spent >= 5000")
    assert tab.segment_count.text() == f"{format_number(count)} clients"
    from PySide6.QtWidgets import QMessageBox

    from ui import dialogs

    monkeypatch.setattr(dialogs, "ask", lambda *args, **kwargs: QMessageBox.Yes)
    qtbot.mouseClick(tab.segment_buttons["delete"], Qt.LeftButton)
    assert demo_desk.segments.saved() == [] and tab.saved_list.count() == 0
