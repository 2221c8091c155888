"""Erasure that holds (DPDP Act 2023): after `delete`, nothing that says who the client was is
left in the database file, its WAL, the search indexes, the import-undo records or (on request)
the backups; a later sale with their phone finds nobody; bills keep amounts and dates."""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from clientdesk.backup import backup_database, list_backups
from clientdesk.greetings.models import ClientDate, GreetingLog
from clientdesk.importing.models import ImportChange
from clientdesk.loyalty.models import LoyaltyCard
from clientdesk.models import Client, ClientPhoneSearch, ClientSearch, ConsentEvent, Interaction, Phone, Purchase
from clientdesk.services import erasure
from clientdesk.clients.fields import ClientData, ConsentState, PhoneEntry
from clientdesk.clients.listing import ClientFilter
from clientdesk.services.history import InteractionRecord, LineItem, PurchaseRecord

ROOT = Path(__file__).resolve().parents[2]

# Strings that occur nowhere else in the file: each must be gone after the erase.
NAME = "Zorawar Quixlington"
HINDI_NAME = "ज़ोरावर क्विक्सलिंगटन"
FATHER = "Bhupindra Xylofanes"
BUSINESS = "Plumbagoworks Traders"
PHONE_DIGITS = "9876512347"
OTHER_PHONE_DIGITS = "9823411119"
EMAIL = "zorawar.quixlington@example.in"
NOTES = "allergic to marigold garlands zqx"
ADDRESS = "42 Wisteriavale Lane"
TAG = "quixlington-family"
VISIT = "asked about Wisteriavale wedding order"
CONSENT_NOTE = "given by nephew Qelvindar"
OTHER_SCRIPT_NAME = "ज़ोरावरजी क्विक्सलिंगटनजी"
OTHER_SCRIPT_FATHER = "भूपिन्द्रा ज़ाइलोफ़ानेस"
SECRETS = [NAME, "Zorawar", "Quixlington", "zorawar", "quixlington", HINDI_NAME, FATHER, "xylofanes", BUSINESS,
           "plumbagoworks", PHONE_DIGITS, OTHER_PHONE_DIGITS, EMAIL, NOTES, "marigold garlands", ADDRESS, TAG, VISIT,
           "Qelvindar", "27AAPFU0939F1ZV", OTHER_SCRIPT_NAME, OTHER_SCRIPT_FATHER]


def add(desk, name, phone=None, **fields):
    phones = [PhoneEntry(phone, is_primary=True)] if phone else []
    return desk.clients.create(ClientData(name=name, phones=phones, **fields))


def raw_bytes(path: Path) -> bytes:
    """The database file and its WAL, as they lie on the disk."""
    data = path.read_bytes()
    wal = Path(f"{path}-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


def leaked(path: Path, secrets=SECRETS) -> list[str]:
    data = raw_bytes(path)
    return [s for s in secrets if s.encode("utf-8") in data or s.lower().encode("utf-8") in data]


def full_client(desk, clock, name=NAME, bills=True):
    """A client with every kind of personal data, a loyalty card, a greeting and (optionally) bills."""
    cid = desk.clients.create(ClientData(
        name=name, honorific="Shri", father_name=FATHER, business_name=BUSINESS, gstin="27AAPFU0939F1ZV",
        name_other=OTHER_SCRIPT_NAME, father_name_other=OTHER_SCRIPT_FATHER,
        phones=[PhoneEntry(PHONE_DIGITS, is_primary=True, is_whatsapp=True), PhoneEntry(OTHER_PHONE_DIGITS)],
        email=EMAIL, notes=NOTES, postal_line=ADDRESS, postal_city="Pune", postal_pin="411001",
        birth_day=5, birth_month=6, birth_year=1980, anniversary_day=1, anniversary_month=2, tags=[TAG, "veg"],
        consents={"whatsapp": ConsentState(True, method="verbal")}))
    desk.clients.set_consent(cid, "email", True, method="counter_form", note=CONSENT_NOTE)
    desk.history.log_interaction(InteractionRecord(cid, clock.now(), "visit", summary=VISIT))
    interaction = desk.history.log_interaction(InteractionRecord(cid, clock.now(), "whatsapp", "out",
                                                                 summary=f"Happy birthday {name}!", kind="greeting"))
    GreetingLog.create(client=cid, at=clock.now(), channel="whatsapp", occasion_key="birthday",
                       interaction=interaction)
    ClientDate.create(client=cid, label=f"{name}'s shop opening", day=3, month=4)
    desk.cards.issue_card(cid)
    if bills:
        desk.history.record_purchase(PurchaseRecord(cid, clock.today() - dt.timedelta(days=3), 125000, bill_no="B-17",
                                                    note=f"for {name}", lines=[LineItem("Pizza", "Food", 1, 125000)]))
        desk.counter.record_sale(cid, 45000, bill_no="B-18")
    return cid


@pytest.fixture
def crowd(desk):
    """Other clients, so the indexes have many rows and segments around the one erased."""
    for i in range(60):
        add(desk, f"Neighbour {i} Sharma", f"98200{i:05d}", email=f"n{i}@example.in", notes=f"note {i}")
    return desk


@pytest.mark.sqlite_only  # the bytes of SQLite's file and WAL; on both engines: test_erasure_tables.py
def test_erase_with_bills_leaves_no_personal_byte_in_the_file_or_the_wal(crowd, clock, tmp_path):
    desk = crowd
    cid = full_client(desk, clock)
    for i in range(60, 80):  # written after: the erased client's index rows sit in older segments
        add(desk, f"Later {i} Verma", f"98200{i:05d}")
    path = tmp_path / "desk.sqlite"
    assert {NAME, EMAIL, NOTES, PHONE_DIGITS} <= set(leaked(path))  # the test can see them before

    assert desk.clients.delete(cid) == "erased"

    assert leaked(path) == []
    wal = Path(f"{path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # checkpointed and emptied
    data = desk.clients.get(cid)
    assert data.name == f"Erased client #{cid}" and data.erased and data.archived
    assert (data.email, data.father_name, data.business_name, data.gstin, data.notes, data.postal_line,
            data.postal_city, data.honorific) == ("", "", "", "", "", "", "", "")
    assert data.phones == [] and data.tags == [] and data.birth_day is None and data.anniversary_day is None
    assert {c: s.granted for c, s in data.consents.items()} == {"email": False, "whatsapp": False}
    proof = list(ConsentEvent.select().where(ConsentEvent.client == cid))
    assert [(e.channel, e.granted, e.note, e.method) for e in proof] == [
        ("email", False, "erased", "other"), ("whatsapp", False, "erased", "other")]
    assert Interaction.select().where(Interaction.client == cid).count() == 0
    assert GreetingLog.select().where(GreetingLog.client == cid).count() == 0
    assert ClientDate.select().where(ClientDate.client == cid).count() == 0
    assert [c.status for c in LoyaltyCard.select().where(LoyaltyCard.client == cid)] == ["blocked"]
    # Bills keep amounts, dates, numbers and items; nothing else.
    bills = desk.history.purchases(cid)
    assert sorted((b.amount_paise, b.bill_no, b.note) for b in bills) == [(45000, "B-18", ""), (125000, "B-17", "")]
    assert desk.clients.get(cid).total_spent_paise == 170000
    integrity = desk.db.execute_sql("PRAGMA integrity_check").fetchone()[0]
    assert integrity == "ok"
    # The search indexes are still whole for everybody else.
    assert [r.name for r in desk.clients.search("n7@example.in", limit=1)] == ["Neighbour 7 Sharma"]
    assert len(desk.clients.search("neighbour", limit=100)) == 60
    assert [r.name for r in desk.clients.search("20000012")] == ["Neighbour 12 Sharma"]


@pytest.mark.sqlite_only  # the bytes of SQLite's file; on both engines: test_erasure_tables.py
def test_erase_of_a_hindi_name(crowd, clock, tmp_path):
    cid = full_client(crowd, clock, name=HINDI_NAME)
    assert HINDI_NAME in leaked(tmp_path / "desk.sqlite")
    crowd.clients.delete(cid)
    assert leaked(tmp_path / "desk.sqlite") == []


@pytest.mark.sqlite_only  # the bytes of SQLite's file; on both engines: test_erasure_tables.py
def test_client_without_bills_is_removed_entirely(crowd, clock, tmp_path):
    desk = crowd
    cid = full_client(desk, clock, bills=False)
    referred = add(desk, "Referred Person", "9811122233", referred_by=cid)
    assert desk.clients.delete(cid) == "deleted"
    assert not desk.clients.exists(cid)
    assert leaked(tmp_path / "desk.sqlite") == []
    assert desk.clients.get(referred).referred_by is None
    for table in ("phone", "consent", "consent_event", "interaction", "greeting_log", "client_date", "loyalty_card",
                  "loyalty_member", "ledger_entry", "client_search", "client_phone_search"):
        column = "rowid" if table.startswith("client_") and table.endswith("search") else "client_id"
        count = desk.db.execute_sql(f"SELECT count(*) FROM {table} WHERE {column} = ?", (cid,)).fetchone()[0]
        assert count == 0, table
    assert desk.db.execute_sql("PRAGMA foreign_key_check").fetchall() == []


def test_erased_client_is_found_nowhere(crowd, clock):
    desk = crowd
    cid = full_client(desk, clock)
    card = desk.loyalty.card_of(cid)
    desk.clients.delete(cid)
    for text in ("zorawar", "Quixlington", "ज़ोरावर", PHONE_DIGITS, PHONE_DIGITS[-5:], EMAIL, "plumbagoworks",
                 "27AAPFU0939F1ZV", "Erased client", f"Erased client #{cid}"):
        assert desk.clients.search(text) == [], text
        assert desk.clients.count(ClientFilter(text=text, include_archived=True)) == 0, text
    assert desk.clients.find_by_phone(PHONE_DIGITS) is None
    assert desk.clients.find_by_email(EMAIL) is None
    assert desk.clients.find_by_gstin("27AAPFU0939F1ZV") is None
    assert cid not in desk.clients.ids(ClientFilter(include_archived=True), limit=-1)
    assert cid not in desk.clients.ids(ClientFilter(), limit=-1)
    assert desk.clients.count(ClientFilter(include_archived=True)) == 60
    assert ClientSearch.select().where(ClientSearch.rowid == cid).count() == 0
    assert ClientPhoneSearch.select().where(ClientPhoneSearch.rowid == cid).count() == 0
    assert desk.counter.lookup(PHONE_DIGITS).kind == "new_phone"
    assert desk.counter.lookup("zorawar").kind == "none"
    assert cid not in desk.cards.everyone_for_cards()
    assert desk.counter.lookup(card).kind == "none"  # the card is blocked and finds nobody
    assert desk.segments.client_ids("spent >= 1") == []  # the erased client keeps bills but no segment
    # The freed phone number and email may belong to someone new.
    new = add(desk, "Somebody New", PHONE_DIGITS, email=EMAIL)
    assert desk.clients.find_by_phone(PHONE_DIGITS) == new
    assert desk.counter.lookup(PHONE_DIGITS).client_ids == [new]


@pytest.fixture
def cli_in(capsys):
    """The command line in-process (parse, run), as main.py does it; argparse errors exit 2."""
    from clientdesk import cli

    def run(*args, db):
        try:
            code = cli.run_command(cli.build_parser().parse_args(["--db", str(db), *args]))
        except SystemExit as exc:
            code = exc.code
        out = capsys.readouterr()
        return subprocess.CompletedProcess(args, code, out.out, out.err)
    return run


def run_cli(*args, db):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=120)


def test_sale_with_the_erased_phone_does_not_reach_the_erased_client(tmp_path):
    db = tmp_path / "cli.sqlite"
    cid = int(run_cli("add", "--name", NAME, "--phone", PHONE_DIGITS, "--email", EMAIL, db=db).stdout)
    assert run_cli("sale", "--phone", PHONE_DIGITS, "--amount", "500", db=db).returncode == 0
    erased = run_cli("delete", str(cid), "--yes", db=db)
    assert erased.returncode == 0, erased.stderr
    assert leaked(db, [NAME, PHONE_DIGITS, EMAIL]) == []
    refused = run_cli("sale", "--phone", PHONE_DIGITS, "--amount", "700", db=db)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT amount_paise FROM purchase WHERE client_id = ?", (cid,)).fetchall() == [(50000,)]
    finally:
        conn.close()
    # A new client with that phone takes the next sale.
    new = int(run_cli("add", "--name", "Somebody New", "--phone", PHONE_DIGITS, db=db).stdout)
    sold = run_cli("sale", "--phone", PHONE_DIGITS, "--amount", "700", "--json", db=db)
    assert sold.returncode == 0, sold.stderr
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT client_id FROM purchase WHERE amount_paise = 70000").fetchall() == [(new,)]
    finally:
        conn.close()


def test_undo_last_import_after_an_erase_does_not_bring_the_data_back(desk, clock, tmp_path, engine):
    first = tmp_path / "first.csv"
    first.write_text(f"Name,Phone\n{NAME},{PHONE_DIGITS}\nKeeper Person,9811100001\n", encoding="utf-8")
    desk.imports.import_file(first)
    cid = desk.clients.find_by_phone(PHONE_DIGITS)
    desk.history.record_purchase(PurchaseRecord(cid, clock.today(), 99900))
    second = tmp_path / "second.csv"
    second.write_text(f"Name,Phone,Email,Notes,Address\n{NAME},{PHONE_DIGITS},{EMAIL},{NOTES},{ADDRESS}\n"
                      "Keeper Person,9811100001,keeper@example.in,,\n", encoding="utf-8")
    result = desk.imports.import_file(second)
    assert result.updated == 2
    assert desk.clients.get(cid).email == EMAIL
    assert ImportChange.select().where(ImportChange.target_id == cid, ImportChange.action == "client_updated").exists()

    desk.clients.delete(cid)
    assert not ImportChange.select().where(ImportChange.target_id == cid,
                                           ImportChange.action == "client_updated").exists()
    desk.imports.undo_last()
    desk.checkpoints.wait()
    data = desk.clients.get(cid)
    assert (data.name, data.email, data.notes, data.postal_line, data.phones) == (
        f"Erased client #{cid}", "", "", "", [])
    assert desk.clients.find_by_phone(PHONE_DIGITS) is None
    assert desk.clients.search("zorawar") == []
    keeper = desk.clients.find_by_phone("9811100001")
    assert desk.clients.get(keeper).email == ""  # the undo still works for everyone else
    if engine == "sqlite":  # the bytes of the file (a server's tables: test_erasure_tables.py)
        desk.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        assert [s for s in leaked(tmp_path / "desk.sqlite", [NAME, EMAIL, NOTES, ADDRESS, PHONE_DIGITS])] == []
    # and undoing the first import leaves the erased client (it has a bill) as it is
    desk.imports.undo_last()
    assert desk.clients.get(cid).name == f"Erased client #{cid}"


@pytest.mark.sqlite_only  # SQLite backup files (a server's are pg_dump's)
def test_erase_from_backups_rewrites_every_backup(crowd, clock, tmp_path):
    desk = crowd
    path = tmp_path / "desk.sqlite"
    keep = add(desk, "Stays Everywhere", "9811100002")
    with_bills = full_client(desk, clock)
    without = add(desk, "Qelvindar Nobills", "9811100003", email="qelvindar@example.in")
    before = backup_database(path, reason="start", now=dt.datetime(2026, 11, 20, 9))
    desk.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    backup_database(path, reason="manual", now=dt.datetime(2026, 11, 21, 9))
    old = list_backups(path)
    assert len(old) == 2 and all(NAME.encode() in p.read_bytes() for p in old)

    desk.clients.delete(with_bills)
    desk.clients.delete(without)
    results = erasure.erase_from_backups(path, with_bills, clock.now())
    results += erasure.erase_from_backups(path, without, clock.now())

    assert [(r.path, r.outcome, r.verified) for r in results] == [
        (old[0], "erased", True), (old[1], "erased", True), (old[0], "deleted", True), (old[1], "deleted", True)]
    for backup in list_backups(path):
        assert leaked(backup, SECRETS + ["qelvindar"]) == [], backup
        assert not Path(f"{backup}-wal").exists()
        conn = sqlite3.connect(backup)
        try:
            assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
            assert conn.execute("SELECT name, erased FROM client WHERE id = ?", (with_bills,)).fetchall() == [
                (f"Erased client #{with_bills}", 1)]
            assert conn.execute("SELECT count(*) FROM client WHERE id = ?", (without,)).fetchone()[0] == 0
            assert conn.execute("SELECT name FROM client WHERE id = ?", (keep,)).fetchone() == ("Stays Everywhere",)
            assert conn.execute("SELECT sum(amount_paise) FROM purchase WHERE client_id = ?",
                                (with_bills,)).fetchone() == (170000,)
            assert conn.execute("SELECT rowid FROM client_search WHERE client_search MATCH 'stays'").fetchall() == [
                (keep,)]
        finally:
            conn.close()
    assert before in list_backups(path)
    # A second run finds nothing more to do.
    assert [r.outcome for r in erasure.erase_from_backups(path, without, clock.now())] == ["absent", "absent"]


@pytest.mark.sqlite_only  # SQLite backup files (a server's are pg_dump's)
def test_a_damaged_backup_is_reported_and_the_others_still_rewritten(desk, clock, tmp_path):
    path = tmp_path / "desk.sqlite"
    cid = full_client(desk, clock)
    backup_database(path, now=dt.datetime(2026, 11, 20, 9))
    good = backup_database(path, now=dt.datetime(2026, 11, 21, 9))
    bad = list_backups(path)[0]
    bad.write_bytes(b"this is not a database" * 100)
    results = erasure.erase_from_backups(path, cid, clock.now())
    assert [(r.outcome, r.verified) for r in results] == [("failed", False), ("erased", True)]
    assert results[0].problem
    assert NAME.encode() not in good.read_bytes()


def test_erasing_an_old_format_backup_skips_what_it_does_not_have(tmp_path, clock):
    """A backup written by an older ClientDesk may lack tables and columns: they are skipped."""
    old = tmp_path / "backups" / "desk-20250101-000000-000000-start.sqlite"
    old.parent.mkdir()
    conn = sqlite3.connect(old)
    conn.executescript(f"""
        CREATE TABLE client (id INTEGER PRIMARY KEY, name TEXT, email TEXT, notes TEXT);
        CREATE TABLE phone (id INTEGER PRIMARY KEY, client_id INTEGER REFERENCES client(id), number TEXT);
        CREATE TABLE purchase (id INTEGER PRIMARY KEY, client_id INTEGER REFERENCES client(id), amount_paise INT);
        INSERT INTO client VALUES (1, '{NAME}', '{EMAIL}', '{NOTES}'), (2, 'Other', NULL, '');
        INSERT INTO phone VALUES (1, 1, '+91{PHONE_DIGITS}');
        INSERT INTO purchase VALUES (1, 1, 500);
    """)
    conn.commit()
    conn.close()
    results = erasure.erase_from_backups(tmp_path / "desk.sqlite", 1, clock.now())
    assert [(r.outcome, r.verified, r.clients) for r in results] == [("erased", True, 2)]
    assert leaked(old, [NAME, EMAIL, NOTES, PHONE_DIGITS]) == []


def test_delete_command(tmp_path, cli_in):
    db = tmp_path / "cli.sqlite"
    cid = int(cli_in("add", "--name", NAME, "--phone", PHONE_DIGITS, "--email", EMAIL, db=db).stdout)
    other = int(cli_in("add", "--name", "Other Person", "--phone", "9811100004", db=db).stdout)
    assert cli_in("sale", "--phone", PHONE_DIGITS, "--amount", "500", db=db).returncode == 0
    backup_database(db, now=dt.datetime(2026, 11, 21, 9))
    dump_before = _dump(db)

    for args in (["delete", str(cid)], ["delete", "abc", "--yes"], ["delete", "99999", "--yes"],
                 ["delete", str(10**30), "--yes"], ["delete", "-1", "--yes"]):
        result = cli_in(*args, db=db)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert _dump(db) == dump_before

    done = cli_in("delete", str(cid), "--yes", "--from-backups", "--json", db=db)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["outcome"] == "erased" and report["client"] == cid
    assert report["backups"] and all(b["verified"] and b["outcome"] == "erased" for b in report["backups"])
    assert leaked(db, [NAME, EMAIL, PHONE_DIGITS]) == []
    for backup in list_backups(db):
        assert leaked(backup, [NAME, EMAIL, PHONE_DIGITS]) == []
    plain = cli_in("delete", str(other), "--yes", db=db)
    assert plain.returncode == 0 and str(other) in plain.stdout


def _dump(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.mark.sqlite_only  # a pragma of SQLite's file
def test_secure_delete_is_on(desk):
    assert desk.db.execute_sql("PRAGMA secure_delete").fetchone()[0] == 1


def test_erasing_twice_is_harmless(desk, clock):
    cid = full_client(desk, clock)
    assert desk.clients.delete(cid) == "erased"
    assert desk.clients.delete(cid) == "erased"
    assert Client.get_by_id(cid).name == f"Erased client #{cid}"
    assert Phone.select().where(Phone.client == cid).count() == 0
    assert Purchase.select().where(Purchase.client == cid).count() == 2


def test_consent_command_gives_and_withdraws_with_proof(tmp_path, cli_in):
    db = tmp_path / "cli.sqlite"
    cid = int(cli_in("add", "--name", "Asha", "--phone", "9811100005", db=db).stdout)
    given = cli_in("consent", str(cid), "whatsapp", "--given", "verbal", "--json", db=db)
    assert given.returncode == 0, given.stderr
    assert json.loads(given.stdout)["granted"] is True
    shown = json.loads(cli_in("show", str(cid), "--json", db=db).stdout)
    assert shown["consents"]["whatsapp"]["granted"] and shown["consents"]["whatsapp"]["method"] == "verbal"
    withdrawn = cli_in("consent", str(cid), "whatsapp", "--withdraw", db=db)
    assert withdrawn.returncode == 0 and "withdrawn" in withdrawn.stdout
    shown = json.loads(cli_in("show", str(cid), "--json", db=db).stdout)
    assert not shown["consents"]["whatsapp"]["granted"]
    conn = sqlite3.connect(db)
    try:
        events = conn.execute("SELECT channel, granted, method FROM consent_event WHERE client_id = ? ORDER BY id",
                              (cid,)).fetchall()
    finally:
        conn.close()
    assert events == [("whatsapp", 1, "verbal"), ("whatsapp", 0, "other")]


BAD_CONSENT = [
    ["consent", "{id}", "telegram", "--given", "verbal"],
    ["consent", "{id}", "whatsapp", "--given", "shouted"],
    ["consent", "{id}", "whatsapp"],
    ["consent", "{id}", "whatsapp", "--given", "verbal", "--withdraw"],
    ["consent", "{id}", "WhatsApp", "--given", "verbal"],
    ["consent", "abc", "whatsapp", "--given", "verbal"],
    ["consent", "99999", "whatsapp", "--given", "verbal"],
    ["consent", str(10**30), "whatsapp", "--given", "verbal"],
    ["consent", "0", "whatsapp", "--withdraw"],
    ["consent", "{id}", "email", "--given", "verbal", "--note", "x" * 600],
    ["consent", "{id}", "", "--given", "verbal"],
]


def test_consent_command_bad_input_is_one_line_exit_2_nothing_written(tmp_path, cli_in):
    db = tmp_path / "cli.sqlite"
    cid = int(cli_in("add", "--name", "Asha", "--phone", "9811100005", db=db).stdout)
    before = _dump(db)
    for args in BAD_CONSENT:
        result = cli_in(*[a.replace("{id}", str(cid)) for a in args], db=db)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert _dump(db) == before, args


def test_consent_command_refuses_an_erased_client(tmp_path, cli_in):
    db = tmp_path / "cli.sqlite"
    cid = int(cli_in("add", "--name", "Asha", "--phone", "9811100005", db=db).stdout)
    assert cli_in("sale", "--phone", "9811100005", "--amount", "100", db=db).returncode == 0
    assert cli_in("delete", str(cid), "--yes", db=db).returncode == 0
    before = _dump(db)
    result = cli_in("consent", str(cid), "whatsapp", "--given", "verbal", db=db)
    assert result.returncode == 2 and "erased" in result.stderr
    assert _dump(db) == before


def test_window_delete_explains_then_erases_from_backups_too(qtbot, desk, clock, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from ui import dialogs
    from tests.editor_helpers import open_editor
    from ui.clients.page import ClientsPage

    cid = full_client(desk, clock)
    add(desk, "Stays Here", "9811100006")
    backup_database(tmp_path / "desk.sqlite", now=dt.datetime(2026, 11, 21, 9))
    page = ClientsPage(desk.clients, desk.path, desk.clock, functools.partial(open_editor, desk))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    row = next(r for r in range(page.model.rowCount()) if page.model.client_id(r) == cid)
    page.table.selectRow(row)
    asked, told = [], []
    monkeypatch.setattr(dialogs, "ask", lambda parent, title, text, *a, **k: asked.append((title, text))
                        or QMessageBox.Yes)
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: told.append(text))
    page.delete_selected()
    assert "Erased client #12" in asked[0][1] and NAME in asked[0][1] and "six years" in asked[0][1]
    assert "1 backup(s)" in asked[1][1] and "age out" in asked[1][1]
    qtbot.waitUntil(lambda: bool(told), timeout=30_000)
    assert told == ["Done: every backup was rewritten without them and checked."]
    assert leaked(tmp_path / "desk.sqlite") == []
    assert leaked(list_backups(tmp_path / "desk.sqlite")[0]) == []
    assert cid not in page.model.loaded_ids() and page.model.rowCount() == 1


def test_window_delete_without_backups_does_not_ask_about_them(qtbot, desk, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from ui import dialogs
    from tests.editor_helpers import open_editor
    from ui.clients.page import ClientsPage

    add(desk, "Walk In", "9876543210")
    page = ClientsPage(desk.clients, desk.path, desk.clock, functools.partial(open_editor, desk))
    qtbot.addWidget(page)
    page.refresh()
    page.table.selectRow(0)
    asked = []
    monkeypatch.setattr(dialogs, "ask", lambda parent, title, text, *a, **k: asked.append(title) or QMessageBox.Yes)
    page.delete_selected()
    assert asked == ["Delete clients"] and page.model.rowCount() == 0
