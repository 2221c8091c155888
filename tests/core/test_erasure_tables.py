"""Erasure on both engines, read back through SQL: after `delete`, no row of any table says who
the client was, and a client without bills has no row left anywhere. (SQLite's file and WAL bytes
are checked in test_erasure.py; on the server the erase is followed by a VACUUM of the tables it
touched, checked here by the server's own statistics.)"""

from __future__ import annotations

import pytest

from clientdesk.desk import Desk
from clientdesk.dialect import sql_for
from clientdesk.loyalty.models import LoyaltyCard
from clientdesk.models import ConsentEvent, Purchase
from clientdesk.services import erasure
from tests.core.test_erasure import EMAIL, HINDI_NAME, NAME, PHONE_DIGITS, SECRETS, add, full_client


def rows_naming(desk, secrets) -> list[tuple[str, str]]:
    """(table, secret) for every secret found in any value of any table of the client book."""
    sql = sql_for(desk.db)
    wanted = {s.casefold() for s in secrets} | {s for s in secrets}
    found = set()
    for table in sorted(sql.table_names(desk.db)):
        for row in desk.db.execute_sql(f'SELECT * FROM "{table}"').fetchall():
            for value in row:
                if isinstance(value, memoryview):
                    value = bytes(value)
                if isinstance(value, bytes):
                    found |= {(table, s) for s in wanted if s.encode("utf-8") in value}
                elif isinstance(value, str):
                    found |= {(table, s) for s in wanted if s in value or s in value.casefold()}
    return sorted(found)


def rows_of(desk, client_id: int) -> dict[str, int]:
    """Rows per table that point at the client (client_id, the search indexes' rowid, the client row)."""
    sql = sql_for(desk.db)
    counts = {}
    for table in sorted(sql.table_names(desk.db)):
        columns = sql.column_names(desk.db, table)
        column = ("client_id" if "client_id" in columns else "rowid" if table in erasure.SEARCH_TABLES
                  else "id" if table == "client" else None)
        if column is None:
            continue
        n = desk.db.execute_sql(f'SELECT count(*) FROM "{table}" WHERE {column} = ?', (client_id,)).fetchone()[0]
        if n:
            counts[table] = n
    return counts


@pytest.fixture
def neighbours(desk):
    for i in range(30):
        add(desk, f"Neighbour {i} Sharma", f"98200{i:05d}", email=f"n{i}@example.in", notes=f"note {i}")
    return desk


@pytest.mark.parametrize("name", [NAME, HINDI_NAME])
def test_erase_with_bills_leaves_no_personal_value_in_any_table(neighbours, clock, name):
    desk = neighbours
    cid = full_client(desk, clock, name=name)
    assert {name, EMAIL, PHONE_DIGITS} <= {s for _, s in rows_naming(desk, SECRETS)}  # the test sees them before

    assert desk.clients.delete(cid) == "erased"

    assert rows_naming(desk, SECRETS) == []
    left = rows_of(desk, cid)
    assert "phone" not in left and "interaction" not in left and "client_tag" not in left
    assert left["client"] == 1 and left["purchase"] == 2  # the placeholder and the bills (GST books)
    data = desk.clients.get(cid)
    assert data.name == f"Erased client #{cid}" and data.erased and data.archived
    assert [(e.channel, e.granted, e.note) for e in ConsentEvent.select().where(ConsentEvent.client == cid)
            .order_by(ConsentEvent.channel)] == [("email", False, "erased"), ("whatsapp", False, "erased")]
    assert [c.status for c in LoyaltyCard.select().where(LoyaltyCard.client == cid)] == ["blocked"]
    assert sorted(p.amount_paise for p in Purchase.select().where(Purchase.client == cid)) == [45000, 125000]
    assert len(desk.clients.search("neighbour", limit=100)) == 30  # everybody else is still found
    assert [r.name for r in desk.clients.search("n7@example.in", limit=1)] == ["Neighbour 7 Sharma"]


def test_a_client_without_bills_has_no_row_left_in_any_table(neighbours, clock):
    desk = neighbours
    cid = full_client(desk, clock, bills=False)
    referred = add(desk, "Referred Person", "9811122233", referred_by=cid)
    assert rows_of(desk, cid)["phone"] == 2

    assert desk.clients.delete(cid) == "deleted"

    assert rows_of(desk, cid) == {}
    assert rows_naming(desk, SECRETS) == []
    assert desk.clients.get(referred).referred_by is None


def test_the_tables_an_erase_touches_are_the_clients_own(desk):
    touched = erasure.touched_tables(desk.db)
    assert {"client", "phone", "purchase", "consent", "consent_event", "ledger_entry", "loyalty_card",
            "client_search", "client_phone_search", "import_change", "tag"} <= touched
    assert "setting" not in touched and "item_pair" not in touched  # nothing about one client


def test_on_the_server_the_touched_tables_are_vacuumed(server_url, clock):
    """After the erase's transaction a VACUUM of each touched table (outside any transaction): the
    dead row versions leave the tables and their indexes (their space is free for reuse)."""
    desk = Desk.open(server_url, clock=clock)
    try:
        cid = full_client(desk, clock)
        query = ("SELECT relname, vacuum_count FROM pg_stat_user_tables "
                 "WHERE relname IN ('client', 'phone', 'purchase', 'interaction', 'setting')")
        before = dict(desk.db.execute_sql(query).fetchall())
        desk.clients.delete(cid)
        after = dict(desk.db.execute_sql(query).fetchall())
    finally:
        desk.close()
    assert {t: after[t] - before[t] for t in after} == {"client": 1, "phone": 1, "purchase": 1, "interaction": 1,
                                                        "setting": 0}
