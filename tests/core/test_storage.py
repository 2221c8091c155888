"""Schema versions, migrations from an older file, refusing a newer one, backups at start."""

import datetime as dt
import sqlite3

import pytest

from clientdesk import migrations
from clientdesk.backup import backup_database, list_backups
from clientdesk.db import close_database, open_database
from clientdesk.desk import Desk
from clientdesk.errors import StorageError
from clientdesk.models import CORE_MODELS
from clientdesk.clients.fields import ClientData, PhoneEntry
from clientdesk.clients.listing import ClientFilter


def make_v1_database(path):
    """A file as the first release wrote it: the core tables only, schema version 1, one client."""
    import peewee

    db = peewee.SqliteDatabase(str(path))
    with db.bind_ctx(CORE_MODELS):
        db.create_tables(CORE_MODELS)
        db.execute_sql("INSERT INTO client (name, father_name, honorific, father_relation, gender, postal_line, "
                       "postal_city, postal_state, postal_pin, work_line, work_city, work_state, work_pin, "
                       "business_name, source, language, notes, archived, erased, visit_count, total_spent_paise, "
                       "tags_text, created_at, updated_at) VALUES ('Old Client', '', '', 'father', '', '', 'Pune', '', "
                       "'', '', '', '', '', '', 'walk_in', 'hi', '', 0, 0, 0, 0, '', '2025-01-01', '2025-01-01')")
        db.execute_sql("INSERT INTO phone (client_id, number, is_primary, is_whatsapp) VALUES (1, '+919876543210', 1, 0)")
    db.pragma("user_version", 1)
    db.close()


def test_new_database_gets_latest_version(tmp_path):
    db = open_database(tmp_path / "new.sqlite")
    assert db.pragma("user_version") == migrations.latest_version()
    assert db.pragma("journal_mode") == "wal"
    assert db.pragma("foreign_keys") == 1
    close_database()


def test_older_database_is_backed_up_and_migrated_keeping_data(tmp_path, clock):
    path = tmp_path / "old.sqlite"
    make_v1_database(path)
    desk = Desk.open(path, clock=clock)
    try:
        assert desk.db.pragma("user_version") == migrations.latest_version()
        assert desk.clients.get(1).name == "Old Client"
        assert desk.clients.find_by_phone("9876543210") == 1
        tables = {t for (t,) in desk.db.execute_sql("SELECT name FROM sqlite_master WHERE type='table'").fetchall()}
        from clientdesk.schema import all_models
        assert {m._meta.table_name for m in all_models()} <= tables
        desk.clients.create(ClientData(name="New", phones=[PhoneEntry("9820012345")]))
    finally:
        desk.close()
    if migrations.latest_version() > 1:
        backups = list_backups(path)
        assert backups, "a copy is made before migrating"
        copy = sqlite3.connect(backups[-1])
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
        assert copy.execute("SELECT name FROM client").fetchall() == [("Old Client",)]
        copy.close()


def test_version_5_search_index_with_phone_suffixes_becomes_the_phone_trigram_index(tmp_path, clock):
    path = tmp_path / "v5.sqlite"
    desk = Desk.open(path, clock=clock)
    desk.clients.create(ClientData(name="Old Client", phones=[PhoneEntry("9876543210")]))
    desk.close()
    conn = sqlite3.connect(path)
    conn.executescript("""
        DROP TABLE client_search; DROP TABLE client_phone_search;
        CREATE VIRTUAL TABLE client_search USING fts5(name, father, business, phones, email, gstin,
            tokenize='unicode61 remove_diacritics 2', detail=column, prefix='1 2');
        INSERT INTO client_search(rowid, name, father, business, phones, email, gstin)
            VALUES (1, 'old clint old client', '', '', '9876543210 876543210 76543210 6543210', '', '');
        PRAGMA user_version = 5;""")
    conn.close()
    desk = Desk.open(path, clock=clock)
    try:
        columns = [r[1] for r in desk.db.execute_sql("PRAGMA table_info(client_search)").fetchall()]
        assert "phones" not in columns
        assert [r.name for r in desk.clients.search("654321")] == ["Old Client"]
        assert [r.name for r in desk.clients.search("old")] == ["Old Client"]
        assert desk.clients.count(ClientFilter(text="98765")) == 1
    finally:
        desk.close()


def test_database_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "future.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE client (id INTEGER PRIMARY KEY)")
    conn.execute(f"PRAGMA user_version = {migrations.latest_version() + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StorageError, match="newer ClientDesk"):
        open_database(path)
    close_database()
    assert path.read_bytes() == before


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("my shopping list")
    with pytest.raises(StorageError, match="damaged|not a ClientDesk"):
        open_database(path)
    close_database()


def test_backups_at_start_keep_the_last_ten(tmp_path, clock):
    path = tmp_path / "desk.sqlite"
    Desk.open(path, clock=clock).close()
    start = dt.datetime(2026, 1, 1, 9, 0)
    for i in range(13):
        backup_database(path, reason="start", now=start + dt.timedelta(minutes=i))
    backups = list_backups(path)
    assert len(backups) == 10
    assert "20260101-091200" in backups[-1].name and "20260101-090300" in backups[0].name
    desk = Desk.open(path, clock=clock, backup=True)
    desk.close()
    assert len(list_backups(path)) == 10


def test_window_backs_up_at_start_in_the_background(qtbot, tmp_path):
    from clientdesk.paths import AppPaths
    from ui.app import open_window

    path = tmp_path / "desk.sqlite"
    Desk.open(path).close()
    window = open_window(AppPaths.under(tmp_path / "base"), path, backup=True)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: len(list_backups(path)) == 1, timeout=5000)
    window.desk.close()


def test_background_checkpoint_after_a_big_write_even_when_it_fails(tmp_path):
    """Inside the block the connection does not checkpoint at commit; after it (also after a
    failure) automatic checkpoints are back on and a background connection copies the WAL."""
    from pathlib import Path

    from clientdesk.db import AUTOCHECKPOINT_PAGES, BackgroundCheckpoints

    db = open_database(tmp_path / "desk.sqlite")
    checkpoints = BackgroundCheckpoints()
    try:
        with checkpoints.after(db):
            assert db.execute_sql("PRAGMA wal_autocheckpoint").fetchone() == (0,)
            with db.atomic():
                db.execute_sql("CREATE TABLE filler (x)")
                db.execute_sql("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                               "INSERT INTO filler SELECT randomblob(3000) FROM n")
            size_at_commit = Path(db.database).stat().st_size
        checkpoints.wait()
        assert Path(db.database).stat().st_size > size_at_commit + 2000 * 3000  # copied after the commit
        assert db.execute_sql("PRAGMA wal_autocheckpoint").fetchone() == (AUTOCHECKPOINT_PAGES,)
        with pytest.raises(ZeroDivisionError):
            with checkpoints.after(db):
                1 / 0
        checkpoints.wait()
        assert db.execute_sql("PRAGMA wal_autocheckpoint").fetchone() == (AUTOCHECKPOINT_PAGES,)
    finally:
        close_database()
