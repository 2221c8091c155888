"""The schema on a server: every table, the search index, the version; newer schemas refused."""

from __future__ import annotations

import contextlib

import psycopg
import pytest

from clientdesk import migrations
from clientdesk.errors import StorageError
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
    assert "client_search_name_trgm" not in indexes  # no query needs it (clientdesk/postgres/search.py)
    assert {"client_search_name_words", "client_search_other_trgm", "client_phone_search_trgm",
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
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute("CREATE INDEX client_archived_search_key_name ON client (archived, search_key, name)")
        conn.execute("CREATE INDEX phone_client_id ON phone (client_id)")
    assert set(COVERED_INDEXES) <= present()
    open_server(server_url).close()
    assert not set(COVERED_INDEXES) & present() and set(COVERED_INDEXES.values()) <= present()
