"""Client import end to end on a real database: cleaning, matching, nothing lost, preview,
one transaction with cancel, error report, remembered mapping, undo, opening points."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import openpyxl
import pytest

from clientdesk import search
from clientdesk.dialect import sql_for
from clientdesk.errors import FileFormatError, NotFoundError
from clientdesk.importing import batches, planning
from clientdesk.importing.models import ImportBatch, ImportChange
from clientdesk.models import Client, Phone
from clientdesk.progress import Cancelled, Progress
from clientdesk.schema import SEARCH_TABLE
from clientdesk.clients.fields import ClientData, PhoneEntry

MESSY = [
    ["Sharma General Store — Customer list"],
    [None],
    ["Party Name", "Mobile No.", "Email ID", "DOB", "Pincode", "GSTIN", "पिता का नाम", "Anniversary", "Address"],
    ["  Ramesh   Kumar ", 9876543210.0, "Ramesh@Gmail.COM", dt.datetime(1990, 6, 5), "560 034", "27AAPFU0939F1ZV",
     "Suresh Kumar", "17 Aug", "12, MG Road"],
    ["Suresh Verma", "98200 12345 / 98200 54321", None, "05/06/1990", 560034, "27AAPFU0939F1ZO", None, None, None],
    ["Bad Phone", "9.87654E+09", None, None, None, None, None, None, None],
    [None, None, None, None, "452001", None, None, None, "Only an address"],
    ["Ramesh K", "+91 98765 43210", None, None, None, None, None, "--08-21", None],
    [None] * 9,
    ["Total", None, None, None, None, None, None, None, None],
]


def _numbered_clients(count: int) -> list[list[str]]:
    """A sheet of `count` clients, "Client 0" on 9876500000 onwards, with its header row."""
    return [["Name", "Phone"]] + [[f"Client {i}", f"98765{i:05d}"] for i in range(count)]


def _bulk_sheet(desk, csvfile, monkeypatch, count: int, bulk_rows: int, block: int):
    """A sheet of `count` numbered clients that the import loads in bulk (search.BULK_ROWS lowered
    to `bulk_rows`, planned `block` rows at a time), and the desk's indexes and keys before it."""
    monkeypatch.setattr(search, "BULK_ROWS", bulk_rows)
    monkeypatch.setattr(planning, "BLOCK", block)
    return csvfile(_numbered_clients(count)), _index_sql(desk)


def _by_phone(desk, number):
    return desk.clients.get(desk.clients.find_by_phone(number))


def test_messy_sheet_imports_good_fields_and_reports_the_rest(desk, xlsx):
    path = xlsx(MESSY, merge="A1:I1")
    result = desk.imports.import_file(path)
    assert (result.created, result.updated, result.blank, result.totals, result.failed_rows) == (3, 0, 1, 1, 1)
    ramesh = _by_phone(desk, "9876543210")
    assert ramesh.name == "Ramesh Kumar" and ramesh.email == "ramesh@gmail.com"
    assert (ramesh.birth_day, ramesh.birth_month, ramesh.birth_year) == (5, 6, 1990)
    assert (ramesh.anniversary_day, ramesh.anniversary_month) == (17, 8)
    assert ramesh.postal_pin == "560034" and ramesh.gstin == "27AAPFU0939F1ZV" and ramesh.father_name == "Suresh Kumar"
    suresh = _by_phone(desk, "98200 54321")
    assert [p.number for p in suresh.phones] == ["+919820012345", "+919820054321"]
    assert suresh.gstin == "" and suresh.birth_month == 6  # bad GSTIN left out, the rest kept
    bad = Client.get(Client.name == "Bad Phone")
    assert not Phone.select().where(Phone.client == bad.id).exists()
    problems = {(i.row, i.field, i.reason) for i in result.issues}
    assert problems == {(5, "gstin", "checksum"), (6, "phone", "lost_digits"), (7, "name", "empty"),
                        (10, "file", "footer")}  # the totals row at the end: skipped, and said so
    summary = result.summary()
    assert summary["created"] == 3 and summary["skipped"] == 3 and len(summary["errors"]) == 4
    assert desk.clients.search("ramesh")[0].name == "Ramesh Kumar"  # indexed


def test_a_value_repeated_down_a_column_is_judged_the_same_in_every_row(desk, csvfile):
    """Dates are cleaned once per distinct cell: a bad one is still reported on each of its rows,
    in field order with the row's other problems, and a good one still lands on each client."""
    rows = [["Name", "Mobile", "DOB", "Tags"],
            ["Asha", "98765 11111", "31/02/1990", "VIP, VIP, Regular"],
            ["Bina", "12345", "31/02/1990", ""],
            ["Chetan", "98765 33333", "05/06/1990", "Regular"],
            ["Divya", "98765 44444", "05/06/1990", ""]]
    result = desk.imports.import_file(csvfile(rows))
    assert [(i.row, i.field, i.reason) for i in result.issues] == [
        (2, "birth", "invalid"), (3, "phone", "invalid"), (3, "birth", "invalid")]
    dates = {r.name: (r.birth_day, r.birth_month, r.birth_year) for r in Client.select()}
    assert dates == {"Asha": (None, None, None), "Bina": (None, None, None), "Chetan": (5, 6, 1990),
                     "Divya": (5, 6, 1990)}
    assert desk.clients.get(Client.get(Client.name == "Asha").id).tags == ["Regular", "VIP"]


def test_rows_matching_the_desk_or_earlier_rows_update_instead_of_twins(desk, csvfile):
    existing = desk.clients.create(ClientData(name="Anita Desai", phones=[PhoneEntry("9876500001")],
                                              email="anita@example.in", postal_city="Pune"))
    path = csvfile([["Name", "Phone", "Email", "City", "Business"],
                    ["Anita D.", "", "ANITA@example.in", "Mumbai", "Desai Traders"],
                    ["Vijay", "9876500002", "", "Indore", ""],
                    ["Vijay Singh", "098765 00002", "vijay@example.in", "", ""]])
    result = desk.imports.import_file(path)
    assert (result.created, result.updated) == (1, 2)
    anita = desk.clients.get(existing)
    assert anita.name == "Anita Desai" and anita.postal_city == "Pune"  # fill: empty fields only
    assert anita.business_name == "Desai Traders"
    vijay = _by_phone(desk, "9876500002")
    assert vijay.name == "Vijay" and vijay.email == "vijay@example.in"
    assert desk.clients.count() == 2


@pytest.mark.parametrize("on_match, bulk", [("fill", False), ("overwrite", False), ("fill", True)])
def test_a_later_block_adding_to_a_client_written_earlier_writes_it_again(desk, csvfile, monkeypatch, on_match, bulk):
    """New clients are written block by block while later rows are planned; a later row that adds
    to one of them (here from the third block) makes the import write that client again, whole
    (also in a bulk load, whose indexes are built after the rows)."""
    monkeypatch.setattr(planning, "BLOCK", 2)
    if bulk:
        monkeypatch.setattr(search, "BULK_ROWS", 3)
    path = csvfile([["Name", "Phone", "Email", "City", "DOB", "Tags"],
                    ["Vijay", "9876500002", "", "Indore", "", "wholesale"],
                    ["Meena", "9876500003", "", "", "", ""],
                    ["Farah", "9876500004", "", "", "", ""],
                    ["Rekha", "9876500005", "", "", "", ""],
                    ["Vijay Singh", "9876500006 / 098765 00002", "vijay@example.in", "Bhopal", "05/06/1990", "gold"]])
    result = desk.imports.import_file(path, on_match=on_match)
    assert (result.created, result.updated, desk.clients.count()) == (4, 1, 4)
    vijay = _by_phone(desk, "9876500006")
    expected_name, expected_city = ("Vijay", "Indore") if on_match == "fill" else ("Vijay Singh", "Bhopal")
    assert (vijay.name, vijay.postal_city, vijay.email) == (expected_name, expected_city, "vijay@example.in")
    assert (vijay.birth_day, vijay.birth_month, vijay.birth_year) == (5, 6, 1990)
    assert sorted(p.number for p in vijay.phones) == ["+919876500002", "+919876500006"]
    assert sorted(vijay.tags) == ["gold", "wholesale"]
    assert Phone.select().where(Phone.client == vijay.id, Phone.is_primary == True).count() == 1  # noqa: E712
    for text in ("vijay@example.in", "500006", "500002", expected_name):
        assert [r.id for r in desk.clients.search(text)] == [vijay.id], text
    assert desk.imports.undo_last().removed_clients == 4 and desk.clients.count() == 0


def test_overwrite_and_skip(desk, csvfile):
    cid = desk.clients.create(ClientData(name="Anita", phones=[PhoneEntry("9876500001")], postal_city="Pune"))
    path = csvfile([["Name", "Phone", "City"], ["Anita Desai", "9876500001", "Mumbai"]])
    assert desk.imports.import_file(path, on_match="skip").skipped == 1
    assert desk.clients.get(cid).postal_city == "Pune"
    result = desk.imports.import_file(path, on_match="overwrite")
    assert result.updated == 1
    assert (desk.clients.get(cid).name, desk.clients.get(cid).postal_city) == ("Anita Desai", "Mumbai")
    assert desk.imports.import_file(path, on_match="overwrite").unchanged == 1


def test_preview_writes_nothing_and_gives_each_row_a_status(desk, xlsx):
    desk.clients.create(ClientData(name="Ramesh", phones=[PhoneEntry("9876543210")]))
    source = desk.imports.open(xlsx(MESSY, merge="A1:I1"))
    mapping = desk.imports.suggest_mapping(source)
    outcomes = desk.imports.preview(source, mapping)
    assert [o.status for o in outcomes] == ["update", "new", "new", "error", "same", "blank", "total"]
    assert outcomes[0].row == 4 and outcomes[1].issues[0].field == "gstin"
    assert desk.clients.count() == 1 and ImportBatch.select().count() == 0


def test_cancel_leaves_the_database_as_it_was(desk, csvfile, monkeypatch):
    monkeypatch.setattr(planning, "BLOCK", 1000)
    rows = _numbered_clients(5000)
    path = csvfile(rows)
    seen = []

    def cancel_late(done, total, label):
        seen.append((done, total))
        if len(seen) == 3:  # at the start and after two blocks written; three still to plan
            progress.cancel()

    progress = Progress(cancel_late)
    with pytest.raises(Cancelled):
        desk.imports.import_file(path, progress=progress)
    assert len(seen) == 3 and seen[-1][0] < seen[-1][1] // 2 and desk.clients.count() == 0 and ImportBatch.select().count() == 0
    assert desk.imports.import_file(path).created == 5000


def _index_sql(desk):
    """The desk's indexes, and on a server its foreign keys (a big load drops both)."""
    sql = sql_for(desk.db)
    return sql.index_definitions(desk.db) + [(name, "key") for name in sorted(sql.key_names(desk.db))]


def test_big_import_into_an_empty_desk_builds_its_indexes_after_the_load_even_when_cancelled(desk, csvfile,
                                                                                              monkeypatch):
    """A big load that at least doubles the desk writes its rows without the client and phone
    indexes (on a server the search index's too) and builds them once after the load; a cancel
    while the rows are written leaves the tables and indexes exactly as they were."""
    path, indexes = _bulk_sheet(desk, csvfile, monkeypatch, 6000, 1000, 2000)
    during = []

    def cancel_in_insert(done, total, label):
        during.append(_index_sql(desk))
        if len(during) == 2:  # the first block of new clients is written and committed
            assert desk.clients.count() > 0
            progress.cancel()

    progress = Progress(cancel_in_insert)
    with pytest.raises(Cancelled):
        desk.imports.import_file(path, progress=progress)
    assert all(set(seen) <= set(indexes) for seen in during)
    dropped = {name for name, _ in set(indexes) - set(during[-1])}
    assert {"phone_number", "client_search_key_name"} <= dropped
    assert ("phone_client_id_fkey" in dropped) == sql_for(desk.db).is_server
    assert desk.clients.count() == 0 and Phone.select().count() == 0 and _index_sql(desk) == indexes
    assert desk.imports.import_file(path).created == 6000
    assert _index_sql(desk) == indexes and not ImportChange.select().where(ImportChange.action == batches.INDEXES).count()
    assert desk.clients.find_by_phone("9876505999") == Client.get(Client.name == "Client 5999").id


def test_an_import_that_does_not_double_the_desk_keeps_its_indexes(desk, csvfile, monkeypatch):
    monkeypatch.setattr(search, "BULK_ROWS", 100)
    monkeypatch.setattr(planning, "BLOCK", 100)
    desk.imports.import_file(csvfile([["Name", "Phone"]] + [[f"Old {i}", f"97000{i:05d}"] for i in range(200)]))
    indexes = _index_sql(desk)
    seen = []
    rows = _numbered_clients(300)
    desk.imports.import_file(csvfile(rows, name="more.csv"), progress=Progress(lambda *a: seen.append(_index_sql(desk))))
    assert all(s == indexes for s in seen) and _index_sql(desk) == indexes and desk.clients.count() == 500


@pytest.mark.sqlite_only  # FTS5's own settings table; the server's trigram index has no bulk settings
def test_bulk_load_settings_of_the_search_index_are_restored_and_every_client_is_found(desk, csvfile, monkeypatch):
    monkeypatch.setattr(search, "BULK_ROWS", 3)
    rows = [["Name", "Phone", "Email"], ["Ramesh Kumar", "9876501234", "ramesh@example.in"],
            ["सुनीता शर्मा", "9876505678", ""], ["Imran Khan", "", "imran@example.in"]]

    def settings():
        config = dict(desk.db.execute_sql(f"SELECT k, v FROM {SEARCH_TABLE}_config").fetchall())
        return config.get("automerge", 4), config.get("hashsize", 1024 * 1024)

    during = []
    progress = Progress(lambda done, total, label: during.append(settings()))
    assert desk.imports.import_file(csvfile(rows), progress=progress).created == 3
    assert set(during) == {(4, 1024 * 1024)}  # block by block, every commit leaves the defaults
    assert settings() == (4, 1024 * 1024)
    found = {text: [r.name for r in desk.clients.search(text)] for text in ("ramesh", "sunita", "05678", "imran@example.in")}
    assert found == {"ramesh": ["Ramesh Kumar"], "sunita": ["सुनीता शर्मा"], "05678": ["सुनीता शर्मा"],
                     "imran@example.in": ["Imran Khan"]}


def test_error_report_holds_original_rows_and_imports_again_once_fixed(desk, xlsx, tmp_path):
    result = desk.imports.import_file(xlsx(MESSY, merge="A1:I1"))
    report = desk.imports.write_error_report(result, tmp_path / "errors.xlsx")
    sheet = openpyxl.load_workbook(report).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][-2:] == ("Row", "Problem")
    assert [r[-2] for r in rows[1:]] == [5, 6, 7, 10]
    assert rows[2][0] == "Bad Phone" and rows[2][1] == "9.87654E+09" and "lost digits" in rows[2][-1]
    sheet.cell(row=3, column=2, value="9876540000")  # the shopkeeper types the full number
    sheet.cell(row=4, column=1, value="Address Only")
    sheet.parent.save(report)
    again = desk.imports.import_file(report)
    assert again.created == 1 and again.updated == 1
    assert _by_phone(desk, "9876540000").name == "Bad Phone"


def test_mapping_is_remembered_for_the_same_headers(desk, csvfile):
    path = csvfile([["Naam Grahak", "Sampark"], ["Ramesh", "9876543210"]])
    source = desk.imports.open(path)
    assert desk.imports.suggest_mapping(source) == [None, None]
    with pytest.raises(FileFormatError):
        desk.imports.run(source, [None, None])
    desk.imports.remember_mapping(source, "clients", ["name", "phone"])
    later = desk.imports.open(csvfile([["Naam Grahak", "Sampark"], ["Vijay", "9876500002"]], name="b.csv"))
    assert desk.imports.suggest_mapping(later) == ["name", "phone"]
    assert desk.imports.import_file(later.raw.path).created == 1


def test_many_updates_in_one_import_write_each_client_whole_and_undo_restores_them(desk, csvfile, monkeypatch):
    """Updates are written a chunk of clients at a time: fields, added phones, the file's first number
    as primary (overwrite), added tags, one undo record each; undo puts every client back."""
    monkeypatch.setattr(planning, "CHUNK", 2)  # three chunks for five clients
    ids = [desk.clients.create(ClientData(name=f"Client {i}", phones=[PhoneEntry(f"98765000{i:02d}")], tags=["Regular"],
                                          postal_city="Indore")) for i in range(5)]
    originals = [desk.clients.get(cid) for cid in ids]
    path = csvfile([["Name", "Phone", "Email", "Tags", "City"]]
                   + [[f"Client {i} Sharma", f"98765111{i:02d} / 98765000{i:02d}", f"c{i}@example.in", "Gold", "Bhopal"]
                      for i in range(5)])
    result = desk.imports.import_file(path, on_match="overwrite")
    assert (result.created, result.updated) == (0, 5)
    for i, cid in enumerate(ids):
        client = desk.clients.get(cid)
        assert (client.name, client.email, client.postal_city) == (f"Client {i} Sharma", f"c{i}@example.in", "Bhopal")
        assert [(p.number, p.is_primary) for p in client.phones] == [(f"+9198765111{i:02d}", True),
                                                                    (f"+9198765000{i:02d}", False)]
        assert sorted(client.tags) == ["Gold", "Regular"]
        assert [r.id for r in desk.clients.search(f"c{i}@example.in")] == [cid]
    assert ImportChange.select().where(ImportChange.action == "client_updated").count() == 5
    assert desk.imports.undo_last().restored_clients == 5
    for original, cid in zip(originals, ids):
        restored = desk.clients.get(cid)
        assert (restored.name, restored.email, restored.postal_city, restored.tags) == (
            original.name, original.email, original.postal_city, original.tags)
        assert [(p.number, p.is_primary) for p in restored.phones] == [(p.number, p.is_primary) for p in original.phones]


def test_undo_last_import_removes_created_and_restores_changed(desk, csvfile):
    cid = desk.clients.create(ClientData(name="Anita", phones=[PhoneEntry("9876500001")], tags=["Old"]))
    before = desk.clients.get(cid)
    path = csvfile([["Name", "Phone", "Email", "Tags", "City"],
                    ["Anita Desai", "9876500001 / 9876500009", "anita@example.in", "VIP", "Pune"],
                    ["New Person", "9876500002", "", "", ""]])
    result = desk.imports.import_file(path, on_match="overwrite")
    assert (result.created, result.updated) == (1, 1)
    changed = desk.clients.get(cid)
    assert changed.name == "Anita Desai" and len(changed.phones) == 2 and "VIP" in changed.tags
    undone = desk.imports.undo_last()
    assert (undone.removed_clients, undone.restored_clients) == (1, 1)
    after = desk.clients.get(cid)
    for name in ("name", "email", "postal_city", "phones", "tags"):
        assert getattr(after, name) == getattr(before, name)
    assert desk.clients.count() == 1 and desk.clients.find_by_phone("9876500009") is None
    assert desk.clients.search("desai") == []
    with pytest.raises(NotFoundError):
        desk.imports.undo_last()


def test_opening_points_go_to_loyalty_for_new_clients(desk, csvfile):
    path = csvfile([["Name", "Phone", "Loyalty points"], ["Ramesh", "9876543210", "250"], ["Vijay", "9876500002", "x"]])
    result = desk.imports.import_file(path)
    assert [(i.row, i.field) for i in result.issues] == [(3, "opening_points")]
    cid = desk.clients.find_by_phone("9876543210")
    assert desk.loyalty.balance(cid) == 250
    again = desk.imports.import_file(path)  # the same sheet again does not give the points twice
    assert [(i.row, i.reason) for i in again.issues] == [(2, "existing"), (3, "invalid")]
    assert desk.loyalty.balance(cid) == 250


def test_vcard_and_google_csv_import(desk, tmp_path, csvfile):
    from tests.importing.test_readers import ANDROID_21, VCARD_30

    vcf = tmp_path / "phone.vcf"
    vcf.write_text(ANDROID_21 + VCARD_30, encoding="utf-8")
    assert desk.imports.import_file(vcf).created == 2
    ramesh = _by_phone(desk, "+91 98765 43210")
    assert ramesh.name == "रमेश कुमार" and len(ramesh.phones) == 2 and ramesh.email == "ramesh@example.in"
    anita = _by_phone(desk, "9987654321")
    assert (anita.birth_day, anita.birth_month, anita.birth_year) == (21, 8, None)
    assert anita.postal_pin == "411001" and anita.business_name == "Desai Traders, Pune"
    google = csvfile([["First Name", "Last Name", "Phone 1 - Value", "E-mail 1 - Value", "E-mail 2 - Value"],
                      ["Ramesh", "Kumar", "+91 98765 43210 ::: 7000012345", "other@example.in", ""]], name="g.csv")
    result = desk.imports.import_file(google)
    assert (result.created, result.updated) == (0, 1)
    assert [p.number for p in desk.clients.get(ramesh.id).phones][-1] == "+917000012345"


def test_undo_keeps_created_clients_edited_or_billed_since(desk, csvfile):
    from clientdesk.clock import FixedClock
    from clientdesk.services.history import PurchaseRecord

    path = csvfile([["Name", "Phone"], ["Billed", "9876500001"], ["Edited", "9876500002"], ["Untouched", "9876500003"]])
    desk.imports.import_file(path)
    billed, edited = desk.clients.find_by_phone("9876500001"), desk.clients.find_by_phone("9876500002")
    desk.history.record_purchase(PurchaseRecord(billed, dt.date(2026, 11, 22), 100_00))
    desk.clients.clock = FixedClock(dt.datetime(2026, 11, 22, 11, 0))
    data = desk.clients.get(edited)
    data.postal_city = "Indore"
    desk.clients.update(edited, data)
    undone = desk.imports.undo_last()
    assert (undone.removed_clients, undone.kept_clients) == (1, 2)
    assert desk.clients.exists(billed) and desk.clients.exists(edited)
    assert desk.clients.find_by_phone("9876500003") is None


@pytest.mark.sqlite_only  # SQLite's WAL file; a server checkpoints its own log
def test_a_big_import_leaves_the_checkpoint_to_the_background_and_it_is_done(desk, csvfile):
    """The import's commit does not copy the WAL into the database file (db.BackgroundCheckpoints,
    tested in tests/core/test_storage.py); afterwards automatic checkpoints are on again and the
    background one has left nothing to copy."""
    from clientdesk import db as storage

    main = Path(desk.db.database)
    rows = [["Name", "Phone"]] + [[f"Client {i}", f"98{i:08d}"] for i in range(10_000)]

    def autocheckpoint():
        return desk.db.execute_sql("PRAGMA wal_autocheckpoint").fetchone()[0]

    during = set()
    progress = Progress(lambda done, total, label: during.add(autocheckpoint()))
    assert desk.imports.import_file(csvfile(rows), progress=progress).created == 10_000
    assert during == {0} and autocheckpoint() == storage.AUTOCHECKPOINT_PAGES
    desk.checkpoints.wait()
    size = main.stat().st_size
    busy, frames, copied = desk.db.execute_sql("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    assert frames > storage.AUTOCHECKPOINT_PAGES and copied == frames and main.stat().st_size == size
    assert desk.clients.count() == 10_000


@pytest.mark.sqlite_only  # SQLite's max_page_count stands in for a full disk
def test_a_full_disk_midway_is_a_clear_message_and_nothing_is_kept(desk, csvfile, monkeypatch):
    """SQLite runs out of room while the pipeline writes: the helper stops, the transaction rolls
    back, the shopkeeper reads what happened, and the desk is as it was."""
    from clientdesk.errors import StorageError

    monkeypatch.setattr(planning, "BLOCK", 500)
    desk.clients.create(ClientData(name="Anita", phones=[PhoneEntry("9876500001")]))
    pages = desk.db.execute_sql("PRAGMA page_count").fetchone()[0]
    desk.db.execute_sql(f"PRAGMA max_page_count = {pages + 40}")  # room for a few hundred clients only
    path = csvfile([["Name", "Phone"]] + [[f"Client {i}", f"98{i:08d}"] for i in range(5000)])
    with pytest.raises(StorageError, match="disk is full"):
        desk.imports.import_file(path)
    assert desk.clients.count() == 1 and Phone.select().count() == 1 and ImportBatch.select().count() == 0
    assert [r.name for r in desk.clients.search("client")] == []
    assert not [t for t in threading.enumerate() if t.name == "import-prepare"]


@pytest.mark.sqlite_only  # another program's lock on the file; the server's: test_server_import.py
def test_a_database_locked_by_another_program_is_a_clear_message(desk, csvfile):
    import sqlite3

    from clientdesk.errors import StorageError

    desk.db.execute_sql("PRAGMA busy_timeout = 200")
    other = sqlite3.connect(desk.db.database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another ClientDesk window in the middle of a write
    try:
        with pytest.raises(StorageError, match="in use by another program"):
            desk.imports.import_file(csvfile([["Name", "Phone"], ["Vijay", "9876500002"]]))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert desk.imports.import_file(csvfile([["Name", "Phone"], ["Vijay", "9876500002"]], name="b.csv")).created == 1


@pytest.mark.parametrize("bulk", [False, True], ids=["small", "bulk"])
def test_empty_email_gstin_phone_and_dates_are_stored_as_null(desk, csvfile, monkeypatch, bulk):
    """A row without an email, GSTIN, phone or birthday stores NULL there, on either engine and
    either way of writing (a bulk load's rows mark empty values their own way, bulk.SQLiteLoad.EMPTY):
    an empty string would make the second client without an email clash with the first on the
    email's unique index, and a 0 would be a birthday on no day."""
    if bulk:
        monkeypatch.setattr(search, "BULK_ROWS", 3)
    rows = [["Name", "Email", "GSTIN", "Birthday", "Phone"],
            ["Asha Rao", None, None, None, "9876500001"],
            ["Bina Das", None, None, None, None],
            ["Chetan Shah", "chetan@example.com", "27AAPFU0939F1ZV", "05/06/1990", "9876500003"],
            ["Dev Iyer", None, None, "--08-21", None]]
    assert desk.imports.import_file(csvfile(rows)).created == 4
    stored = {name: values for name, *values in desk.db.execute_sql(
        "SELECT name, email, gstin, primary_phone, birth_day, birth_month, birth_year, anniversary_day FROM client")}
    assert stored == {"Asha Rao": [None, None, "+919876500001", None, None, None, None],
                      "Bina Das": [None] * 7,
                      "Chetan Shah": ["chetan@example.com", "27AAPFU0939F1ZV", "+919876500003", 5, 6, 1990, None],
                      "Dev Iyer": [None, None, None, 21, 8, None, None]}


def test_numbers_another_counter_gives_clients_during_an_import_make_no_twins(desk, desk_location, csvfile,
                                                                              monkeypatch):
    """The import plans its rows with who had each number when it began; a counter that adds a
    client between two of its transactions (here `main.py add` in a process of its own) is seen
    before the next block is written: a row of the same person is left out as a problem that names
    the client (never a second client on that number), a clearly other name becomes a family member
    on it, and the rows after are imported as planned."""
    import subprocess
    import sys

    from clientdesk.importing import importer, writing

    monkeypatch.setattr(planning, "FIRST_BLOCK", 10)
    monkeypatch.setattr(planning, "BLOCK", 10)
    monkeypatch.setattr(importer, "WRITE_ROWS", 10)
    monkeypatch.setattr(writing, "HOLD_SECONDS", 0)  # every block commits: the counter writes in between
    rows = _numbered_clients(40)
    rows[32] = ["Meena Devi", "9876500030"]  # someone else on Client 30's number (sheet row 33)
    added = []

    def counter_adds(done, total, label):
        if done and not added:  # the first block is written and committed
            for name, phone in (("Client 25", "9876500025"), ("Suresh Reddy", "9876500030")):
                run = subprocess.run([sys.executable, "main.py", "--db", str(desk_location), "add", "--name", name,
                                      "--phone", phone], capture_output=True, text=True, timeout=120)
                assert run.returncode == 0, run.stderr
                added.append(int(run.stdout.split()[-1]))

    result = desk.imports.import_file(csvfile(rows), progress=Progress(counter_adds))
    assert len(added) == 2
    holders = {number: sorted(cid for (cid,) in desk.db.execute_sql("SELECT client_id FROM phone WHERE number = ?",
                                                                    (number,)))
               for number in ("+919876500025", "+919876500030")}
    assert holders["+919876500025"] == [added[0]]  # the same person: no twin
    assert len(holders["+919876500030"]) == 3  # Suresh Reddy, and the file's Client 30 and Meena Devi as family
    issues = [(i.row, i.reason) for i in result.issues]
    assert (27, "meanwhile") in issues and f"client #{added[0]}" in next(i.message for i in result.issues
                                                                       if i.reason == "meanwhile")
    assert result.created == 39 and desk.clients.count() == 41 and result.failed_rows == 1
    assert desk.clients.find_by_phone("9876500039") == Client.get(Client.name == "Client 39").id
    assert sorted(family[1] for family in result.family) == ["Client 30", "Meena Devi"]


def test_ctrl_c_in_the_middle_of_writing_rows_takes_the_import_back(desk, csvfile, monkeypatch, engine):
    """Ctrl-C lands while the rows are being sent (on the server: inside a COPY, which leaves the
    connection busy with it): the import stops, everything it wrote is taken back and its indexes
    made again, and the next import runs (the server's connection is replaced: rolling back on it
    failed and read as "the server is not answering")."""
    import psycopg

    from clientdesk.importing import bulk

    path, indexes = _bulk_sheet(desk, csvfile, monkeypatch, 1000, 100, 200)
    sent = []
    if engine == "postgresql":  # the signal arrives as a COPY has begun, before the driver hands it over
        enter = psycopg.Copy.__enter__

        def interrupted(self):
            enter(self)
            sent.append(self)
            if len(sent) == 3:
                raise KeyboardInterrupt
            return self
        monkeypatch.setattr(psycopg.Copy, "__enter__", interrupted)
    else:
        run = bulk.SQLiteLoad.run

        def interrupted(self, loads):
            sent.append(loads)
            if len(sent) == 3:
                raise KeyboardInterrupt
            return run(self, loads)
        monkeypatch.setattr(bulk.SQLiteLoad, "run", interrupted)
    with pytest.raises(KeyboardInterrupt):
        desk.imports.import_file(path)
    monkeypatch.undo()
    assert desk.clients.count() == 0 and Phone.select().count() == 0
    assert _index_sql(desk) == indexes
    assert not ImportBatch.select().count() and not ImportChange.select().count()
    assert desk.imports.import_file(path).created == 1000
