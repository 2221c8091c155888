"""Making a big import's dropped indexes and keys again on the server (clientdesk/importing/
rebuild.py): indexes on two connections taking from one list, every index there at the end and
the helper's connection closed; a helper that cannot get its table lock leaves the index to the
import's own connection; the foreign keys (dialect's loose_keys) dropped and made again, with what
their ON DELETE action does to the rows whose parent went meanwhile."""

from __future__ import annotations

from clientdesk import search
from clientdesk.dialect import sql_for
from clientdesk.importing import rebuild
from clientdesk.models import Client, Phone


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
    assert {name.split("_")[0] for name, _ in wanted} == {"client", "phone"} and len(wanted) >= 6
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
    wanted = [d for d in before if d[0] in ("client_search_other_lexemes", "client_search_name_lexemes")]
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


def test_the_slowest_indexes_are_taken_first():
    definitions = [("client_name", "CREATE INDEX client_name ON public.client USING btree (name)"),
                   ("client_list", "CREATE INDEX client_list ON public.client USING btree (archived, search_key, name, id)"),
                   ("trgm", "CREATE INDEX trgm ON public.client_search USING gin (((' ' || name) || father) gin_trgm_ops)")]
    assert [n for n, _ in sorted(definitions, key=rebuild._cost, reverse=True)] == ["trgm", "client_list", "client_name"]


def _keys(rows):
    return sorted(rows("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f' "
                       "AND conrelid::regclass::text IN ('client', 'phone')"))


def test_the_keys_a_load_drops_are_made_again_doing_their_on_delete_action(server_db, server_rows, caplog):
    """phone.client_id (ON DELETE CASCADE) and client.referred_by_id (SET NULL) are dropped for a
    load; a client deleted meanwhile left a phone and a referral behind (no key to act): making the
    keys again deletes that phone and clears that referral, as the keys would have, and says so."""
    keys = _keys(server_rows)
    assert [name for name, _ in keys] == ["client_referred_by_id_fkey", "phone_client_id_fkey"]
    sql = sql_for(server_db)
    loose = sql.loose_keys(server_db, "phone") + sql.loose_keys(server_db, "client")
    assert sorted(name for name, _, _ in loose) == [name for name, _ in keys]
    ramesh, suresh = Client.create(name="Ramesh"), Client.create(name="Suresh")
    asha = Client.create(name="Asha", referred_by=suresh)
    Phone.create(client=ramesh, number="+919876543210", is_primary=True)
    Phone.create(client=suresh, number="+919812345678", is_primary=True)
    for _, drop, _ in loose:
        server_db.execute_sql(drop)
    assert _keys(server_rows) == [] and not {name for name, _ in keys} & sql.key_names(server_db)
    server_db.execute_sql("DELETE FROM client WHERE id = ?", (suresh.id,))  # no key: its phone and Asha's referral stay
    assert server_rows("SELECT count(*) FROM phone")[0][0] == 2
    with caplog.at_level("WARNING"), server_db.atomic():
        assert rebuild.build_indexes(server_db, [(name, again) for name, _, again in loose]) == 2
    assert _keys(server_rows) == keys and {name for name, _ in keys} <= sql.key_names(server_db)
    assert server_rows("SELECT client_id FROM phone") == [(ramesh.id,)]
    assert server_rows("SELECT referred_by_id FROM client WHERE id = %s", asha.id) == [(None,)]
    assert sum("lost their parent row" in r.message for r in caplog.records) == 2


def test_a_client_another_counter_deletes_during_a_big_import_loses_its_phone_as_the_key_says(
        server_desk, server_rows, tmp_path, monkeypatch, caplog):
    """A big import has the keys dropped; meanwhile another counter deletes a client that has a
    phone and had referred someone (nothing cascades: there is no key). After the import the keys
    are back, that phone is gone and the referral cleared, as ON DELETE would have done, and every
    imported client is there."""
    from clientdesk.importing import planning
    from clientdesk.progress import Progress

    monkeypatch.setattr(search, "BULK_ROWS", 100)
    monkeypatch.setattr(planning, "BLOCK", 100)
    keys = _keys(server_rows)
    gone = Client.create(name="Old Client")
    Phone.create(client=gone, number="+919811100000", is_primary=True)
    referred = Client.create(name="Referred Client", referred_by=gone)
    sheet = tmp_path / "clients.csv"
    sheet.write_text("Name,Phone\n" + "".join(f"New Client {i},98765{i:05d}\n" for i in range(300)), encoding="utf-8")
    deleted = []

    def another_counter_deletes(done, total, label):
        if done and not deleted:  # the first block is written: the keys are dropped
            assert [name for name, _ in _keys(server_rows)] == []
            deleted.append(server_rows("SELECT set_config('lock_timeout', '5s', false)"))
            deleted.append(server_rows("DELETE FROM client WHERE id = %s RETURNING id", gone.id))

    with caplog.at_level("WARNING"):
        result = server_desk.imports.import_file(sheet, progress=Progress(another_counter_deletes))
    assert deleted == [[("5s",)], [(gone.id,)]] and result.created == 300
    assert _keys(server_rows) == keys
    assert server_rows("SELECT count(*) FROM phone WHERE client_id = %s", gone.id) == [(0,)]
    assert server_rows("SELECT referred_by_id FROM client WHERE id = %s", referred.id) == [(None,)]
    assert server_rows("SELECT count(*) FROM client WHERE name LIKE 'New Client %%'") == [(300,)]
    assert sum("lost their parent row" in r.message for r in caplog.records) == 2
