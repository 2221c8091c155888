"""Insights and segments give the same answers on SQLite and PostgreSQL for the same data, an empty
client book has insights on both, and a segment of 100,000 clients stays quick on both."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time

import pytest

from clientdesk import demo
from clientdesk.desk import Desk
from clientdesk.errors import ValidationError
from clientdesk.insights.models import ClientScore, ClientSuggestion, ItemPair, UpsellSignal

SEGMENTS = ["never bought category Meat", "bought Pizza in last 90 days", "spent < 2000 in last 90 days",
            "visits >= 3 in last 180 days", "city Pune and not tag veg", "status lapsed", "rfm champions",
            "likelihood >= 50", "consent whatsapp and birthday in March"]


def _figures(desk) -> dict:
    """Everything a refresh stores and the reads built on it, in a stable order."""
    summary = desk.insights.refresh()
    stored = {}
    for model, order in ((ClientScore, ClientScore.client), (ItemPair, (ItemPair.kind, ItemPair.a, ItemPair.b)),
                         (ClientSuggestion, (ClientSuggestion.client, ClientSuggestion.rank)),
                         (UpsellSignal, (UpsellSignal.client, UpsellSignal.kind, UpsellSignal.text_a))):
        columns = [f for f in model._meta.sorted_fields if f.name != "id"]
        order = order if isinstance(order, tuple) else (order,)
        stored[model.__name__] = [tuple(row) for row in model.select(*columns).order_by(*order).tuples()]
    board = dataclasses.asdict(desk.insights.dashboard())
    board.pop("refreshed_at")
    summary = dataclasses.asdict(summary)
    for key in ("seconds", "timings"):
        summary.pop(key)
    return {
        "summary": summary, "stored": stored, "dashboard": board, "winback": desk.insights.winback_ids(),
        "pairs": desk.insights.pairs(limit=50), "category_pairs": desk.insights.pairs("category", limit=50),
        "signals": desk.insights.signals(limit=10_000), "rfm": desk.insights.rfm_counts(),
        "suggestions": {cid: desk.insights.suggestions(cid) for cid in range(1, 41)},
        "values": {cid: desk.insights.client_value(cid) for cid in range(1, 41)},
        "backtest": dataclasses.asdict(desk.insights.backtest()),
        "segments": {text: desk.segments.client_ids(text) for text in SEGMENTS},
    }


def test_the_same_demo_desk_gives_the_same_insights_on_both_engines(tmp_path, server_url, clock):
    figures = {}
    for name, location in (("sqlite", tmp_path / "demo.sqlite"), ("postgresql", server_url)):
        desk = Desk.open(location, clock=clock)
        try:
            demo.generate(desk, 150, seed=7)
            figures[name] = _figures(desk)
        finally:
            desk.close()
    sqlite, server = figures["sqlite"], figures["postgresql"]
    assert sqlite["summary"]["clients_scored"] > 100 and sqlite["stored"]["ItemPair"]  # a desk with something in it
    assert sqlite["dashboard"]["sales_paise"][-1] > 0 and any(sqlite["segments"].values())
    for key in sqlite:
        assert server[key] == sqlite[key], key


def test_an_empty_client_book_has_insights(desk):
    summary = desk.insights.refresh()
    assert (summary.clients_scored, summary.pairs, summary.suggestions, summary.winback) == (0, 0, 0, 0)
    assert summary.model is None and set(summary.rfm.values()) == {0}
    board = desk.insights.dashboard()
    assert len(board.months) == 12 and set(board.sales_paise) == set(board.visits) == {0}
    assert set(board.new_clients) == set(board.returning_clients) == {0}
    assert (board.clients, board.active_clients, board.sales_this_month_paise, board.avg_bill_paise) == (0, 0, 0, 0)
    assert board.top_clients == board.top_pairs == board.occasions == [] and board.refreshed_at is not None
    assert desk.insights.winback_ids() == [] and desk.insights.signals() == [] and desk.insights.pairs() == []
    assert desk.insights.ensure_fresh() is False  # refreshed today already
    with pytest.raises(ValidationError):
        desk.insights.backtest()
    assert desk.segments.count("spent < 100 in last 30 days") == 0 and desk.segments.client_ids("visits = 0") == []


MANY = 100_000


def _many_clients(desk) -> None:
    """MANY clients (every one in Pune) and a bill for every second one: Bread on each, Milk on
    every third bill, in one statement per table (the same SQL on both engines)."""
    today = desk.clock.today()
    with desk.db.atomic():
        desk.db.execute_sql(
            "INSERT INTO client (name, honorific, father_name, father_relation, gender, postal_line, postal_city, "
            "postal_state, postal_pin, work_line, work_city, work_state, work_pin, business_name, source, language, "
            "notes, archived, erased, tags_text, visit_count, total_spent_paise, created_at, updated_at) "
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
            "SELECT 'Client ' || i, '', '', 'father', '', '', 'Pune', '', '', '', '', '', '', '', 'walk_in', 'hi', "
            "'', FALSE, FALSE, '', 0, 0, ?, ? FROM n", (MANY, f"{today} 09:00:00", f"{today} 09:00:00"))
        desk.db.execute_sql(
            "INSERT INTO purchase (client_id, date, bill_no, amount_paise, note, created_at) "
            "SELECT id, ?, 'B' || id, 100 * (id % 7) + 100, '', ? FROM client WHERE id % 2 = 0",
            ((today - dt.timedelta(days=10)).isoformat(), f"{today} 09:00:00"))
        desk.db.execute_sql("INSERT INTO purchase_line (purchase_id, product, category, qty, amount_paise) "
                            "SELECT id, 'Bread', 'Bakery', 1, amount_paise FROM purchase")
        desk.db.execute_sql("INSERT INTO purchase_line (purchase_id, product, category, qty, amount_paise) "
                            "SELECT id, 'Milk 1 L', 'Dairy', 1, 0 FROM purchase WHERE client_id % ? = 0", (3,))
    desk.db.execute_sql("ANALYZE")


def test_a_segment_of_100000_clients(desk):
    _many_clients(desk)
    buyers = MANY // 2  # clients 2, 4, ...: a bill of 100 * (id % 7) + 100 paise
    low = sum(1 for i in range(2, MANY + 1, 2) if 100 * (i % 7) + 100 < 400)
    milk = MANY // 6
    cases = {
        "city Pune": MANY,
        "bought Bread": buyers,
        "never bought Bread": MANY - buyers,  # NOT IN a subquery of 50,000 ids
        "never bought Milk 1 L": MANY - milk,
        "spent < 4 in last 30 days": MANY - buyers + low,  # the clients with no bill count as 0
        "visits >= 1 in last 30 days and never bought Milk 1 L": buyers - milk,
        "not (bought Bread or city Mumbai)": MANY - buyers,
    }
    timings = {}
    for text, expected in cases.items():
        started = time.perf_counter()
        assert desk.segments.count(text) == expected, text
        ids = desk.segments.client_ids(text)
        seconds = time.perf_counter() - started
        assert len(ids) == expected and ids == sorted(ids), text
        timings[text] = round(seconds, 3)
        assert seconds < 5, (text, seconds)
    print(f"segment count + ids over {MANY} clients, seconds:", timings)
    assert desk.segments.client_ids("city Pune")[-1] == MANY
