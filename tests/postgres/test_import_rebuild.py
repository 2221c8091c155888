"""Building a big import's dropped indexes again on the server (clientdesk/importing/rebuild.py):
the search tables' indexes on a second connection beside the import's, every index there at the
end, and the helper's connection closed; a helper that cannot get its table lock leaves the
index to the import's own connection."""

from __future__ import annotations

from clientdesk import search
from clientdesk.dialect import sql_for
from clientdesk.importing import rebuild


def _definitions(db):
    return sql_for(db).index_definitions(db)


def _drop(db, definitions):
    with db.atomic():
        for name, _ in definitions:
            db.execute_sql(f'DROP INDEX "{name}"')


def _connections(rows):
    return rows("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()")[0][0]


def test_indexes_built_beside_the_import_are_all_there_and_the_helper_connection_is_closed(server_db, server_rows):
    before = _definitions(server_db)
    wanted = [d for d in before if d[0].startswith(("client_search", "client_phone_search", "client_name",
                                                    "phone_number"))]
    assert any(rebuild._table(sql) == search.SEARCH_TABLE for _, sql in wanted)
    assert any(rebuild._table(sql) == "client" for _, sql in wanted)
    _drop(server_db, wanted)
    connections = _connections(server_rows)
    with server_db.atomic():
        assert rebuild.build_indexes(server_db, wanted, beside=True) == len(wanted)
    assert _definitions(server_db) == before
    assert _connections(server_rows) == connections


def test_a_search_index_the_helper_cannot_lock_is_built_by_the_import_itself(server_db, monkeypatch):
    """The caller's transaction wrote to the search table (it holds a lock the helper's CREATE
    INDEX waits for): the helper gives up after its lock wait, the caller builds the index."""
    monkeypatch.setattr(rebuild, "HELPER_LOCK_WAIT_MS", 100)
    before = _definitions(server_db)
    wanted = [d for d in before if d[0] in ("client_name", "client_search_name_trgm")]
    assert len(wanted) == 2
    _drop(server_db, wanted)
    with server_db.atomic():
        server_db.execute_sql(f'INSERT INTO "{search.SEARCH_TABLE}" (rowid, name) VALUES (1, \'ramesh\')')
        assert rebuild.build_indexes(server_db, wanted, beside=True) == 2
    assert _definitions(server_db) == before
    assert server_db.execute_sql(f'SELECT count(*) FROM "{search.SEARCH_TABLE}"').fetchone()[0] == 1


def test_without_beside_everything_is_built_on_the_callers_connection(server_db):
    before = _definitions(server_db)
    wanted = [d for d in before if d[0] in ("client_name", "client_phone_search_trgm")]
    _drop(server_db, wanted)
    with server_db.atomic():
        assert rebuild.build_indexes(server_db, wanted) == 2
    assert _definitions(server_db) == before
