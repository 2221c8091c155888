"""Exports on both engines (issue 14): the same client book gives the same Excel and vCard files
on SQLite and on the shop's server; hostile selections (none, 100,000 ids)."""

from __future__ import annotations

import datetime as dt
import logging

import openpyxl

from clientdesk.clients.fields import ClientData, PhoneEntry
from clientdesk.clients.listing import ClientFilter
from clientdesk.desk import Desk
from clientdesk.services.history import InteractionRecord, LineItem, PurchaseRecord


def _fill(desk) -> list[int]:
    """The same clients, bills and visits on either engine; one client never bought anything,
    one is archived, one has three phones."""
    ids = [
        desk.clients.create(ClientData(
            name="रमेश कुमार", father_name="सुरेश कुमार", email="ramesh@example.in", business_name="Kumar Traders",
            phones=[PhoneEntry("9876543210", True), PhoneEntry("9820012345"), PhoneEntry("9811122233")],
            postal_city="Indore", postal_pin="452001", birth_day=5, birth_month=6, birth_year=1990,
            anniversary_day=17, anniversary_month=8, tags=["VIP", "Wedding"], notes="likes silk; \"blue\"")),
        desk.clients.create(ClientData(name="Anita Desai", phones=[PhoneEntry("9876500001")], birth_day=29,
                                       birth_month=2)),
        desk.clients.create(ClientData(name="Vijay", email="vijay@example.in")),  # no purchase: a prospect
        desk.clients.create(ClientData(name="=cmd|' /C calc'!A0", phones=[PhoneEntry("9876500002")])),
        desk.clients.create(ClientData(name="Old Customer", phones=[PhoneEntry("9876500003")])),
    ]
    desk.history.record_purchase(PurchaseRecord(ids[0], dt.date(2026, 11, 2), 1234567_50, "B-1", lines=[
        LineItem("Silk saree", "Sarees", 1, 1234000_00), LineItem("Blouse", "Fabric", 2, 567_50)]))
    desk.history.record_purchase(PurchaseRecord(ids[1], dt.date(2026, 10, 1), 500_00, "B-2"))
    desk.history.record_purchase(PurchaseRecord(ids[4], dt.date(2024, 1, 15), 99_00, "B-0"))  # lapsed by now
    desk.history.record_purchase(PurchaseRecord(ids[0], dt.date(2026, 10, 1), 10_00, "B-3"))  # same day as B-2
    desk.history.log_interaction(InteractionRecord(ids[0], dt.datetime(2026, 11, 20, 11, 30), "visit", "in", "पूछताछ"))
    desk.history.log_interaction(InteractionRecord(ids[1], dt.datetime(2026, 11, 20, 11, 30), "phone", "out", "Reminder"))
    desk.clients.archive(ids[4])
    return ids


def _sheet(path):
    book = openpyxl.load_workbook(path)
    sheet = book.active
    return (sheet.title, sheet.freeze_panes, sheet.auto_filter.ref,
            [[(c.value, c.data_type, c.number_format) for c in row] for row in sheet.iter_rows()])


def _exports(desk, folder, ids) -> dict:
    folder.mkdir()
    everyone = ClientFilter(include_archived=True)
    made = {
        "clients.xlsx": desk.exports.export_clients(folder / "clients.xlsx", flt=everyone),
        "clients-hi.xlsx": desk.exports.export_clients(folder / "clients-hi.xlsx", "hi"),
        "chosen.xlsx": desk.exports.export_clients(folder / "chosen.xlsx", ids=[ids[2], ids[0], ids[4]]),
        "purchases.xlsx": desk.exports.export_purchases(folder / "purchases.xlsx"),
        "some-purchases.xlsx": desk.exports.export_purchases(folder / "some-purchases.xlsx", "hi",
                                                             flt=ClientFilter(ids=frozenset(ids[:2]))),
        "interactions.xlsx": desk.exports.export_interactions(folder / "interactions.xlsx", "hi"),
        "clients.vcf": desk.exports.export_vcard(folder / "clients.vcf", flt=everyone),
    }
    return {name: (count, _sheet(folder / name) if name.endswith(".xlsx") else (folder / name).read_bytes())
            for name, count in made.items()}


def test_the_same_book_exports_the_same_files_on_both_engines(tmp_path, server_url, clock):
    found = {}
    for engine, location in (("sqlite", tmp_path / "desk.sqlite"), ("postgresql", server_url)):
        desk = Desk.open(location, clock=clock)
        try:
            ids = _fill(desk)
            found[engine] = (ids, _exports(desk, tmp_path / engine, ids))
        finally:
            desk.close()
    (ids, sqlite), (server_ids, server) = found["sqlite"], found["postgresql"]
    assert server_ids == ids
    for name in sqlite:
        assert server[name] == sqlite[name], name
    counts = {name: count for name, (count, _) in server.items()}
    assert counts == {"clients.xlsx": 5, "clients-hi.xlsx": 4, "chosen.xlsx": 3, "purchases.xlsx": 5,
                      "some-purchases.xlsx": 4, "interactions.xlsx": 2, "clients.vcf": 5}
    by_name = {row[0][0]: row for row in server["clients.xlsx"][1][3][1:]}
    assert by_name["Vijay"][13][0] == "Prospect" and by_name["Old Customer"][13][0] == "Lapsed"
    assert by_name["रमेश कुमार"][13][0] == "Active" and by_name["रमेश कुमार"][16][0] == dt.datetime(2026, 11, 20)
    assert by_name["रमेश कुमार"][3][0] == "98200 12345 / 98111 22233"  # other phones in the order they were added
    assert by_name["=cmd|' /C calc'!A0"][0][1] == "s"  # text, never a formula
    bills = [row[1][0] for row in server["purchases.xlsx"][1][3][1:]]
    assert bills == ["B-0", "B-2", "B-3", "B-1", "B-1"]  # by date, then as entered


def test_an_empty_selection_exports_headers_only(desk, tmp_path):
    desk.clients.create(ClientData(name="Asha", phones=[PhoneEntry("9876500009")]))
    assert desk.exports.client_ids(ids=[]) == []
    assert desk.exports.export_clients(tmp_path / "c.xlsx", ids=[]) == 0
    assert desk.exports.export_vcard(tmp_path / "c.vcf", ids=[]) == 0 and (tmp_path / "c.vcf").read_bytes() == b""
    assert desk.exports.export_purchases(tmp_path / "p.xlsx", flt=ClientFilter(ids=frozenset())) == 0
    assert desk.exports.export_interactions(tmp_path / "i.xlsx", flt=ClientFilter(ids=frozenset())) == 0
    assert len(list(openpyxl.load_workbook(tmp_path / "p.xlsx").active.iter_rows())) == 1


def test_a_hundred_thousand_ids_export_in_short_statements(desk, tmp_path, caplog):
    """A selection of 100,000 ids (most of them gone) is one parameter per statement: the SQL text
    stays short, and the clients that exist are exported in name order."""
    real = [desk.clients.create(ClientData(name=name, phones=[PhoneEntry(f"98765000{n:02d}")]))
            for n, name in enumerate(["Zoya", "Asha", "Meena"])]
    ids = list(range(2_000_000, 2_099_997)) + real
    with caplog.at_level(logging.DEBUG, logger="peewee"):
        assert desk.exports.export_clients(tmp_path / "c.xlsx", ids=ids) == 3
        records = list(desk.exports.client_records(list(range(2_000_000, 2_050_000)) + real))
    assert [r["name"] for r in records] == ["Zoya", "Asha", "Meena"]  # in the order asked
    rows = list(openpyxl.load_workbook(tmp_path / "c.xlsx").active.iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == ["Asha", "Meena", "Zoya"]
    statements = [r.msg[0] for r in caplog.records if r.name == "peewee" and isinstance(r.msg, tuple)]
    assert statements and max(map(len, statements)) < 2_000
