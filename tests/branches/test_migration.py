"""Schema 9 (branch and counter on purchase and counter_sale) on a client book of schema 8: the
SQLite fixture of the last release before it (tests/data/schemas/v8.sqlite), and a server client
book at schema 8 brought forward by SERVER_STEPS[9]. Every row is kept; old bills name no branch."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

import psycopg
import pytest

from clientdesk import migrations
from clientdesk.branches import Origin, bill_branches
from clientdesk.desk import Desk
from clientdesk.postgres.schema import STEP_9_DOUBLE_FIGURES, SERVER_STEPS, VERSION_TABLE

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "schemas"
NEW_COLUMNS = {"purchase": ("branch", "counter"), "counter_sale": ("branch", "counter")}


def _sqlite_tables(path: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    """Every plain table's columns and rows (in rowid order); not the search index (derived data)."""
    conn = sqlite3.connect(path)
    try:
        virtual = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL%'")]
        names = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                             "AND name NOT LIKE 'sqlite_%' ORDER BY name")
                 if not any(n == v or n.startswith(f"{v}_") for v in virtual)]
        result = {}
        for name in names:
            cursor = conn.execute(f'SELECT * FROM "{name}" ORDER BY rowid')
            result[name] = ([d[0] for d in cursor.description], cursor.fetchall())
        return result
    finally:
        conn.close()


@pytest.mark.sqlite_only
def test_schema_8_file_upgrades_keeping_every_row(tmp_path, clock):
    path = tmp_path / "v8.sqlite"
    shutil.copy(FIXTURES / "v8.sqlite", path)
    before = _sqlite_tables(path)
    assert before["purchase"][1] and before["counter_sale"][1]  # the fixture has a bill and a counter sale
    desk = Desk.open(path, clock=clock)
    try:
        assert desk.db.pragma("user_version") == migrations.latest_version() == 9
        assert bill_branches(desk.db) == [""]  # the old bills name no branch
    finally:
        desk.close()
    after = _sqlite_tables(path)
    for table, (columns, rows) in before.items():
        new_columns, new_rows = after[table]
        keep = [new_columns.index(c) for c in columns]
        old_part = [tuple(r[i] for i in keep) for r in new_rows]
        assert old_part == rows, table  # every row, unchanged
        if table in NEW_COLUMNS:
            assert set(new_columns) - set(columns) == set(NEW_COLUMNS[table])
            added = [new_columns.index(c) for c in NEW_COLUMNS[table]]
            assert [tuple(r[i] for i in added) for r in new_rows] == [("", "")] * len(rows)
        else:
            assert new_columns == columns, table
    desk = Desk.open(path, clock=clock, origin=Origin("Andheri", "Counter 1"))
    try:
        sale = desk.counter.record_sale(2, 500_00)
    finally:
        desk.close()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT branch, counter FROM purchase WHERE id = ?", (sale.purchase_id,)).fetchone() == \
            ("Andheri", "Counter 1")
        assert [r[2] for r in conn.execute('PRAGMA index_info("purchase_branch_date_client_id_amount_paise")')] == \
            ["branch", "date", "client_id", "amount_paise"]
    finally:
        conn.close()
    assert list(tmp_path.rglob("*before-v9*")), "the file is backed up before migrating"


@pytest.mark.sqlite_only
def test_step_9_finds_a_column_already_there(tmp_path):
    path = tmp_path / "v8.sqlite"
    shutil.copy(FIXTURES / "v8.sqlite", path)
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE purchase ADD COLUMN branch VARCHAR(255) NOT NULL DEFAULT ''")
    conn.commit()
    conn.close()
    Desk.open(path).close()
    conn = sqlite3.connect(path)
    try:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(purchase)")]
        assert columns.count("branch") == 1 and columns.count("counter") == 1
    finally:
        conn.close()


# ----- the server ------------------------------------------------------------------------------
def _server_rows(conn, table: str) -> tuple[list[str], list[tuple]]:
    cursor = conn.execute(f'SELECT * FROM "{table}" ORDER BY 1')
    return [d.name for d in cursor.description], cursor.fetchall()


def _server_shape(conn, tables=("purchase", "counter_sale")) -> dict:
    """Columns (type, nullable, default) and index definitions of `tables`."""
    columns = conn.execute(
        "SELECT table_name, column_name, data_type, character_maximum_length, is_nullable, column_default "
        "FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ANY(%s) "
        "ORDER BY 1, 2", (list(tables),)).fetchall()
    indexes = conn.execute("SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                           "AND tablename = ANY(%s) ORDER BY 1, 2", (list(tables),)).fetchall()
    return {"columns": columns, "indexes": indexes}


def _make_schema_8(url: str, clock) -> None:
    """A server client book as schema 8 left it, with rows: clients, a counter sale, a bill by hand.
    (Schema 9 only added the two columns on two tables and one index; they are taken away.)"""
    from clientdesk.clients.fields import ClientData, PhoneEntry

    desk = Desk.open(url, clock=clock)
    try:
        a = desk.clients.create(ClientData(name="रमेश कुमार", phones=[PhoneEntry("9876543210", is_primary=True)]))
        b = desk.clients.create(ClientData(name="Priya Singh", phones=[PhoneEntry("9812345678", is_primary=True)]))
        desk.counter.record_sale(a, 1_250_50)
        desk.counter.record_sale(b, 2_000_00)
    finally:
        desk.close()
    with contextlib.closing(psycopg.connect(url, autocommit=True)) as conn:
        conn.execute('DROP INDEX "purchase_branch_date_client_id_amount_paise"')
        for table, columns in NEW_COLUMNS.items():
            for column in columns:
                conn.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
        for table, columns in STEP_9_DOUBLE_FIGURES.items():  # schema 8 had peewee's float4 there
            for column in columns:
                conn.execute(f'ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE real')
        conn.execute(f"UPDATE {VERSION_TABLE} SET version = 8")


def test_server_step_9_brings_a_schema_8_book_forward(fresh_server_url, server_url, clock):
    assert 9 in SERVER_STEPS
    _make_schema_8(fresh_server_url, clock)
    with contextlib.closing(psycopg.connect(fresh_server_url)) as conn:
        tables = [t for (t,) in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                                             "AND tablename <> %s ORDER BY 1", (VERSION_TABLE,))]
        before = {t: _server_rows(conn, t) for t in tables}
    assert len(before["purchase"][1]) == 2 and len(before["counter_sale"][1]) == 2
    Desk.open(fresh_server_url, clock=clock).close()  # the step runs as the book is opened
    with contextlib.closing(psycopg.connect(fresh_server_url)) as conn:
        assert conn.execute(f"SELECT version FROM {VERSION_TABLE}").fetchone() == (migrations.latest_version(),)
        assert conn.execute("SELECT table_name, column_name FROM information_schema.columns "
                            "WHERE table_schema = current_schema() AND data_type = 'real'").fetchall() == []
        for table, (columns, rows) in before.items():
            new_columns, new_rows = _server_rows(conn, table)
            keep = [new_columns.index(c) for c in columns]
            assert [tuple(r[i] for i in keep) for r in new_rows] == rows, table  # every row, unchanged
            if table in NEW_COLUMNS:
                added = [new_columns.index(c) for c in NEW_COLUMNS[table]]
                assert [tuple(r[i] for i in added) for r in new_rows] == [("", "")] * len(rows)
    desk = Desk.open(fresh_server_url, clock=clock, origin=Origin("Bandra", "काउंटर २"))
    try:
        new_sale = desk.counter.record_sale(1, 300_00)
        assert bill_branches(desk.db) == ["", "Bandra"]
    finally:
        desk.close()
    with contextlib.closing(psycopg.connect(fresh_server_url)) as conn:
        assert conn.execute("SELECT branch, counter FROM purchase WHERE id = %s",
                            (new_sale.purchase_id,)).fetchone() == ("Bandra", "काउंटर २")
        migrated = _server_shape(conn)
    with contextlib.closing(psycopg.connect(server_url)) as conn:
        fresh = _server_shape(conn)
    # the same columns (type, length, NOT NULL, DEFAULT '') and indexes as a client book made at 9
    assert sorted(migrated["columns"]) == sorted(fresh["columns"])
    assert migrated["indexes"] == fresh["indexes"]
