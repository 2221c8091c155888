"""The schema on a server: every table, the search index, the version; newer schemas refused."""

from __future__ import annotations

import contextlib

import psycopg
import pytest

from clientdesk import migrations
from clientdesk.errors import StorageError
from clientdesk.postgres import search as pgs
from clientdesk.postgres.database import open_server
from clientdesk.postgres.schema import VERSION_TABLE, table_models
from clientdesk.schema import PHONE_SEARCH_TABLE, SEARCH_TABLE, all_models


@pytest.fixture
def server_url(fresh_server_url):
    """These tests change the version: each has a client book of its own."""
    return fresh_server_url


def tables(rows) -> set[str]:
    return {t for (t,) in rows("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}


def test_every_table_of_the_schema_is_made(server_db, server_rows):
    expected = {m._meta.table_name for m in all_models()} | {VERSION_TABLE}
    assert tables(server_rows) == expected
    assert {SEARCH_TABLE, PHONE_SEARCH_TABLE} <= expected
    assert server_rows(f"SELECT version FROM {VERSION_TABLE}") == [(migrations.latest_version(),)]
    indexes = {name for (name,) in server_rows("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")}
    assert not set(pgs.UNUSED_INDEXES) & indexes  # no query needs them (clientdesk/postgres/search.py)
    assert {"client_search_name_lexemes", "client_search_other_lexemes", "client_phone_search_trgm",
            "client_archived_only", "client_inactive", "client_first_purchase_md", "loyalty_card_number"} <= indexes
    # every model's columns are there
    for model in table_models():
        columns = {c for (c,) in server_rows("SELECT column_name FROM information_schema.columns "
                                             "WHERE table_name = %s", model._meta.table_name)}
        assert columns == {f.column_name for f in model._meta.sorted_fields}, model


def test_opening_again_changes_nothing(server_db, server_url, server_rows):
    before = server_rows(f"SELECT version, written_at FROM {VERSION_TABLE}")
    open_server(server_url).close()
    assert server_rows(f"SELECT version, written_at FROM {VERSION_TABLE}") == before


def test_a_newer_server_schema_is_refused_before_anything_is_written(server_db, server_url, server_rows):
    newer = migrations.latest_version() + 1
    server_rows(f"UPDATE {VERSION_TABLE} SET version = %s RETURNING version", newer)
    before = server_rows("SELECT count(*) FROM setting")
    with pytest.raises(StorageError) as info:
        open_server(server_url)
    error = info.value
    assert error.details["reason"] == "newer"
    assert f"schema {newer}" in error.message and "newer ClientDesk" in error.message and "\n" not in error.message
    assert server_rows(f"SELECT version FROM {VERSION_TABLE}") == [(newer,)]
    assert server_rows("SELECT count(*) FROM setting") == before


def test_an_older_server_schema_without_a_step_is_refused(server_db, server_url, server_rows):
    server_rows(f"UPDATE {VERSION_TABLE} SET version = 6 RETURNING version")
    with pytest.raises(StorageError) as info:
        open_server(server_url)
    assert info.value.details["reason"] == "no_step"


def test_a_database_with_other_tables_is_not_taken_over(pg_cluster, pg_database):
    url = pg_cluster.url(pg_database)
    with contextlib.closing(psycopg.connect(url, autocommit=True)) as conn:
        conn.execute("CREATE TABLE invoices (id int)")
        with pytest.raises(StorageError) as info:
            open_server(url)
        assert info.value.details["reason"] == "not_clientdesk"
        assert conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall() == \
            [("invoices",)]


def test_an_empty_database_is_only_set_up_when_asked(pg_cluster, pg_database):
    url = pg_cluster.url(pg_database)
    with pytest.raises(StorageError) as info:
        open_server(url, create=False)
    assert info.value.details["reason"] == "empty"
    with contextlib.closing(psycopg.connect(url)) as conn:
        assert conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone() == (0,)


def test_two_counters_setting_up_the_same_empty_database_at_once(pg_cluster, pg_database):
    from concurrent.futures import ThreadPoolExecutor

    url = pg_cluster.url(pg_database)

    def counter(_):
        open_server(url).close()  # a connection belongs to the thread that opened it

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(counter, range(4)))
    with contextlib.closing(psycopg.connect(url)) as conn:
        assert conn.execute(f"SELECT count(*), min(version) FROM {VERSION_TABLE}").fetchone() == \
            (1, migrations.latest_version())


def test_a_server_book_does_without_the_indexes_another_covers(server_db, server_url, server_rows):
    """The model's (archived, search_key, name) and the phone's (client_id) index: the server's
    (archived, search_key, name, id) and UNIQUE (client_id, number) start with the same columns.
    A book made before has them; its owner's next open drops them."""
    from clientdesk.postgres.schema import COVERED_INDEXES

    def present():
        return {name for (name,) in server_rows("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")}

    assert not set(COVERED_INDEXES) & present() and set(COVERED_INDEXES.values()) <= present()

    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute("CREATE INDEX client_archived_search_key_name ON client (archived, search_key, name)")
        conn.execute("CREATE INDEX phone_client_id ON phone (client_id)")
    assert set(COVERED_INDEXES) <= present()
    open_server(server_url).close()
    assert not set(COVERED_INDEXES) & present() and set(COVERED_INDEXES.values()) <= present()


CLIENT_DEFAULTS = ("SELECT a.attname, pg_get_expr(d.adbin, d.adrelid) FROM pg_attribute a JOIN pg_attrdef d "
                   "ON d.adrelid = a.attrelid AND d.adnum = a.attnum WHERE a.attrelid = 'client'::regclass")


def test_the_client_table_carries_the_models_constant_defaults(server_db, server_url, server_rows):
    """What a big import's COPY leaves out of each row comes from these defaults: each is the
    model's own, and a book made without them gets them at its owner's next open."""
    from clientdesk.models import Client

    expected = {f.column_name: f.default for f in Client._meta.sorted_fields
                if f.default is not None and not callable(f.default)}
    assert {"father_relation", "language", "archived", "visit_count", "total_spent_paise"} <= set(expected)

    def defaults():
        found = dict(server_rows(CLIENT_DEFAULTS))
        columns = [c for c in found if "nextval" not in found[c]]
        values = server_rows("SELECT " + ", ".join(found[c] for c in columns))[0] if columns else ()
        return dict(zip(columns, values))

    assert defaults() == expected

    with psycopg.connect(server_url, autocommit=True) as conn:
        for column in expected:
            conn.execute(f'ALTER TABLE client ALTER COLUMN "{column}" DROP DEFAULT')
    assert defaults() == {}
    open_server(server_url).close()
    assert defaults() == expected


def test_a_big_import_leaves_to_the_defaults_only_what_they_give(server_desk, tmp_path):
    """The bulk load's constants: with the defaults, only the source and the times go in each row;
    without them (a book a counter could not bring up to date), every constant but the NULLs
    does; and the imported clients hold the model's defaults either way."""
    from clientdesk.importing.writing import _CONSTANT_COLUMNS, ClientWriter
    from clientdesk.models import Client

    writer = ClientWriter(server_desk.db, server_desk.clock)
    assert [c for c, _ in writer.constants()] == ["source", "created_at", "updated_at"]
    sheet = tmp_path / "clients.csv"
    sheet.write_text("Name,Phone\n" + "".join(f"Client {n},98{n:08d}\n" for n in range(50)), encoding="utf-8")
    defaults = {f.column_name: f.default for f in Client._meta.sorted_fields
                if f.name in _CONSTANT_COLUMNS[3:] and not callable(f.default)}
    columns = ", ".join(f'"{c}"' for c in defaults)
    for run in range(2):
        if run:
            with server_desk.db.atomic():
                for column in defaults:
                    server_desk.db.execute_sql(f'ALTER TABLE client ALTER COLUMN "{column}" DROP DEFAULT')
            assert [c for c, _ in writer.constants()] == ["source", "created_at", "updated_at",
                                                          *(c for c, v in defaults.items() if v is not None)]
            assert server_desk.imports.undo_last().removed_clients == 50
        result = server_desk.imports.import_file(sheet)
        assert result.created == 50
        stored = server_desk.db.execute_sql(f"SELECT DISTINCT {columns} FROM client").fetchall()
        assert stored == [tuple(defaults.values())], run


def test_text_columns_have_no_length_limit_and_an_older_books_owner_lifts_it(server_db, server_url, server_rows):
    """SQLite keeps text of any length; so does the server (peewee made VARCHAR(255)): a book
    made with the limit loses it at its owner's next open."""
    limited = ("SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE c.relkind = 'r' "
               "AND c.relnamespace = 'public'::regnamespace AND a.atttypid = 'varchar'::regtype AND a.atttypmod > 0")
    assert server_rows(limited) == [(0,)]
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute("ALTER TABLE client ALTER COLUMN tags_text TYPE varchar(255)")
        conn.execute("ALTER TABLE tag ALTER COLUMN name TYPE varchar(255)")
    assert server_rows(limited) == [(2,)]
    open_server(server_url).close()
    assert server_rows(limited) == [(0,)]
