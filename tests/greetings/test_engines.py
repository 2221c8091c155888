"""Greetings on both engines (issue 14): the same client book gives the same occasions and the same
cards on SQLite and on the shop's server; hostile id sets; the server's queries can use its indexes."""

from __future__ import annotations

import datetime as dt
import logging

import pypdfium2
import pytest
from pypdf import PdfReader

from clientdesk.desk import Desk
from clientdesk.dialect import sql_for
from clientdesk.greetings import deliver
from clientdesk.greetings.models import inactive_sql
from clientdesk.greetings.occasions import _codes, _first_purchase_sql, _spans, personal, personal_between
from clientdesk.models import Client
from clientdesk.services.history import PurchaseRecord
from tests.greetings.helpers import make_client

TODAY = dt.date(2026, 11, 22)


def _fill(desk) -> list[int]:
    """The same clients, in the same order, on either engine: birthdays today, an anniversary, two
    first-purchase anniversaries (one of them this year's first purchase: no anniversary), a
    client with no purchase at all, an archived one, custom dates and a festival list of one's own."""
    desk.settings.set("shop_name", "शर्मा जनरल स्टोर")
    ids = [make_client(desk, name=name, language=language, phone=f"+91987650{n:04d}", email=f"c{n}@example.in",
                       birth_day=22, birth_month=11, father_name=father, **extra)
           for n, (name, language, father, extra) in enumerate([
               ("रमेश कुमार", "hi", "मोहन लाल", {"birth_year": 1980}),
               ("Priya Singh", "en", "", {}),
               ("हरप्रीत कौर", "hi", "", {"anniversary_day": 23, "anniversary_month": 11, "anniversary_year": 2016}),
               ("Anil Mehta", "en", "Suresh Mehta", {}),
           ])]
    ids.append(make_client(desk, name="No Purchase Yet", language="en", phone="+919876509999",
                           email="none@example.in"))
    desk.history.record_purchase(PurchaseRecord(ids[0], dt.date(2023, 11, 22), 50000))
    desk.history.record_purchase(PurchaseRecord(ids[1], dt.date(2024, 11, 25), 75000))
    desk.history.record_purchase(PurchaseRecord(ids[2], dt.date(2026, 11, 22), 10000))
    desk.clients.archive(ids[3])
    desk.greetings.custom_dates.add(ids[1], "Shop opening", 24, 11, 2019)
    desk.greetings.custom_dates.add(ids[1], "Son's birthday", 24, 11)
    desk.greetings.celebrations.set_for(ids[2], ["diwali-deepavali", "guru-nanaks-jayanti"])
    return ids


def _occasions(desk):
    hits = [tuple(h) for h in personal_between(TODAY, TODAY + dt.timedelta(days=9))]
    upcoming = desk.greetings.coming_up(40, TODAY)
    return hits, [(i.date, i.occasion, i.client_ids, i.count) for i in upcoming.items]


def _pdf(desk, tmp_path, name, ids):
    comp = desk.greetings.compose(personal("birthday"), TODAY, ids, "print")
    out = tmp_path / f"{name}.pdf"
    delivery = deliver.print_cards(desk.greetings, comp, out, "a6")
    return out, delivery, [(d.reason, d.name) for d in comp.left_out]


def _pages(path):
    reader = PdfReader(path)
    texts = [page.extract_text() for page in reader.pages]
    sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]
    document = pypdfium2.PdfDocument(str(path))
    try:
        bitmap = document[0].render(scale=60 / 72)
        try:
            first = bitmap.to_pil().tobytes()
        finally:
            bitmap.close()
    finally:
        document.close()
    return texts, sizes, first


def test_the_same_book_gives_the_same_occasions_and_cards_on_both_engines(tmp_path, server_url, clock):
    found = {}
    for engine, location in (("sqlite", tmp_path / "desk.sqlite"), ("postgresql", server_url)):
        desk = Desk.open(location, clock=clock)
        try:
            ids = _fill(desk)
            with desk.using():
                occasions = _occasions(desk)
            pdf, delivery, left_out = _pdf(desk, tmp_path, engine, ids)
            found[engine] = (ids, occasions, delivery.greeted, left_out, _pages(pdf))
        finally:
            desk.close()
    sqlite, server = found["sqlite"], found["postgresql"]
    assert server[0] == sqlite[0]  # the same ids
    assert server[1] == sqlite[1]  # the same occasions, in the same order
    assert server[2] == sqlite[2] and len(server[2]) == 3  # the same cards: 3 birthdays of active clients
    assert server[3] == sqlite[3] and ("archived", "Anil Mehta") in server[3]
    texts, sizes, first_page = server[4]
    assert len(texts) == 3 and (texts, sizes) == sqlite[4][:2]
    assert "Priya" in "".join(texts)
    assert first_page == sqlite[4][2]  # page 1 renders to the same pixels
    hits, upcoming = server[1]
    ids = server[0]
    assert (ids[0], "first_purchase", dt.date(2026, 11, 22), 3, "", None) in hits
    assert (ids[1], "first_purchase", dt.date(2026, 11, 25), 2, "", None) in hits
    assert not [h for h in hits if h[1] == "first_purchase" and h[0] in (ids[2], ids[4])]
    custom = [h for h in hits if h[1] == "custom"]
    assert [(h[0], h[4], h[3]) for h in custom] == [(ids[1], "Shop opening", 7), (ids[1], "Son's birthday", None)]
    diwali_like = {i[1].key: i[3] for i in upcoming if i[1].kind == "festival"}
    assert diwali_like.get("guru-nanaks-jayanti") == 1  # only the client who named it (not on the default list)


def test_a_client_with_no_first_purchase_has_no_years_with_us(desk):
    cid = make_client(desk, name="Walk-in Only")
    assert personal_between(TODAY, TODAY + dt.timedelta(days=365), ["first_purchase"]) == []
    assert [i for i in desk.greetings.coming_up(366, TODAY).items if i.occasion.kind == "first_purchase"] == []
    comp = desk.greetings.compose(personal("first_purchase"), TODAY, [cid], "print")
    assert [(o.client_id, o.reason) for o in comp.left_out] == [(cid, "no_occasion")] and comp.drafts == []


def test_an_empty_id_set_finds_nobody(desk):
    make_client(desk, birth_day=22, birth_month=11)
    assert personal_between(TODAY, TODAY, client_ids=[]) == []
    assert desk.greetings.celebrations.client_ids("diwali-deepavali", among=[]) == []
    comp = desk.greetings.compose(personal("birthday"), TODAY, [], "whatsapp")
    assert comp.drafts == [] and comp.left_out == []


def test_a_hundred_thousand_ids_in_one_set_are_one_short_statement(desk, caplog):
    """100,000 ids travel as ONE parameter (JSON text on SQLite, an array on a server): the SQL
    text stays short however many ids a selection has."""
    real = [make_client(desk, name=f"Client {n}", birth_day=22, birth_month=11) for n in range(3)]
    ids = real + list(range(1_000_000, 1_099_997))
    assert len(ids) == 100_000
    with caplog.at_level(logging.DEBUG, logger="peewee"):
        hits = personal_between(TODAY, TODAY, ["birthday"], ids)
        comp = desk.greetings.compose(personal("birthday"), TODAY, ids, "print")
        celebrating = desk.greetings.celebrations.client_ids("diwali-deepavali", among=ids)
    assert sorted(h.client_id for h in hits) == real
    assert [d.client_id for d in comp.drafts] == real
    assert len(comp.left_out) == 99_997 and {o.reason for o in comp.left_out} == {"not_found"}
    assert celebrating == real
    statements = [r.msg[0] for r in caplog.records if r.name == "peewee" and isinstance(r.msg, tuple)]
    assert statements and max(map(len, statements)) < 2_000


def test_the_servers_month_day_queries_use_its_indexes(server_url, clock):
    """On a server the first-purchase month-day is month*100+day, the expression of the index in
    clientdesk/postgres/schema.py CLIENT_INDEXES; the query writes the same expression, so with
    20,000 clients (first purchases spread over the year) the planner takes that index for a
    week's window, and the partial index of inactive clients for their count."""
    desk = Desk.open(server_url, clock=clock)
    try:
        db = desk.db
        # 20,000 clients in one statement: first purchases one a day from 1 Jan 2020, one in 500 archived.
        made = {"name": "'Client ' || n", "archived": "n % 500 = 0", "first_purchase_on": "DATE '2020-01-01' + n % 2000"}
        fields = [f for f in Client._meta.sorted_fields if not f.null and f.name != "id" and f.name not in made]
        defaults = [f.db_value(f.default() if callable(f.default) else f.default) for f in fields]
        columns = [f.column_name for f in fields] + list(made)
        db.execute_sql(f"INSERT INTO client ({', '.join(columns)}) SELECT {', '.join(['?'] * len(fields))}, "
                       f"{', '.join(made.values())} FROM generate_series(0, 19999) AS n", defaults)
        db.execute_sql("ANALYZE client")
        where, params = _first_purchase_sql(db, _spans(_codes(dt.date(2026, 12, 28), dt.date(2027, 1, 3))))
        assert params == [1228, 1231, 101, 103]
        plan = "\n".join(r[0] for r in db.execute_sql(
            f"EXPLAIN SELECT c.id, c.first_purchase_on FROM client c WHERE {where} "
            "AND NOT c.archived AND NOT c.erased", params).fetchall())
        assert "client_first_purchase_md" in plan, plan
        inactive = "\n".join(r[0] for r in db.execute_sql(
            f"EXPLAIN SELECT count(*) FROM client WHERE {inactive_sql(sql_for(db))}").fetchall())
        assert "client_inactive" in inactive, inactive
        with desk.using():
            hits = personal_between(dt.date(2026, 12, 28), dt.date(2027, 1, 3), ["first_purchase"])
        days = {(12, 28), (12, 29), (12, 30), (12, 31), (1, 1), (1, 2), (1, 3)}
        firsts = [(n, dt.date(2020, 1, 1) + dt.timedelta(days=n % 2000)) for n in range(20_000) if n % 500]
        expected = sum(1 for n, first in firsts if (first.month, first.day) in days and first.year < 2027)
        assert len(hits) == expected > 0
    finally:
        desk.close()


@pytest.mark.parametrize("first", [dt.date(2024, 2, 29), dt.date(2025, 12, 31), dt.date(2025, 1, 1)])
def test_first_purchase_anniversaries_across_the_year_end_and_leap_day(desk, first):
    cid = make_client(desk, name="Year End")
    desk.history.record_purchase(PurchaseRecord(cid, first, 10000))
    start = dt.date(2026, 12, 28) if first.month != 2 else dt.date(2027, 2, 27)
    hits = personal_between(start, start + dt.timedelta(days=6), ["first_purchase"])
    expected = dt.date(2027, 2, 28) if first.month == 2 else (dt.date(2026, 12, 31) if first.month == 12
                                                              else dt.date(2027, 1, 1))
    assert [(h.client_id, h.date, h.years) for h in hits] == [(cid, expected, expected.year - first.year)]
    upcoming = desk.greetings.coming_up(7, start)
    assert [(i.date, i.client_ids) for i in upcoming.items if i.occasion.kind == "first_purchase"] == [
        (expected, (cid,))]
