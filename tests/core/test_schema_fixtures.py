"""Real client books written by earlier releases (tests/data/schemas) upgrade to the latest
schema with their data, and end with the same tables, columns and indexes as a new desk."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from clientdesk import migrations
from clientdesk.desk import Desk

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "schemas"


def schema_of(path: Path) -> dict:
    """Tables with their columns (name, type, not null, primary key; in any order) and named indexes with theirs."""
    conn = sqlite3.connect(path)
    try:
        result = {}
        for kind, name in conn.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                                       "ORDER BY name").fetchall():
            if kind == "table":
                result[("table", name)] = sorted((c[1], c[2].upper(), c[3], c[5])
                                                 for c in conn.execute(f'PRAGMA table_info("{name}")'))
            elif kind == "index":
                result[("index", name)] = [c[2] for c in conn.execute(f'PRAGMA index_info("{name}")')]
            else:
                result[(kind, name)] = None
        return result
    finally:
        conn.close()


@pytest.fixture(scope="module")
def fresh_schema(tmp_path_factory):
    path = tmp_path_factory.mktemp("fresh") / "new.sqlite"
    Desk.open(path).close()
    return schema_of(path)


def test_every_schema_version_has_a_fixture():
    versions = {int(p.stem[1:]) for p in FIXTURES.glob("v*.sqlite")}
    assert 1 in versions and migrations.latest_version() - 1 in versions


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("v*.sqlite")))
def test_an_old_client_book_upgrades_with_its_data(name, tmp_path, fresh_schema):
    path = tmp_path / name
    shutil.copy(FIXTURES / name, path)
    old_version = int(name[1:].split(".")[0])
    desk = Desk.open(path)
    try:
        assert desk.db.pragma("user_version") == migrations.latest_version()
        assert [r.name for r in desk.clients.search("ramesh")] == ["रमेश कुमार"]
        assert [r.name for r in desk.clients.search("प्रिया")] == ["Priya Singh"]
        assert desk.clients.find_by_phone("98765 43210") == 1
        assert desk.clients.get(1).email == "ramesh@example.in"
        assert desk.clients.get(2).gstin == "27AAPFU0939F1ZV"
        keys = dict(desk.db.execute_sql("SELECT id, search_key FROM client").fetchall())
        assert keys[1] and keys[2]  # the list's sort key is filled, old file or not
        assert desk.clients.get(1).name_other == ""  # schema 7's column, empty until the shop fills it
        new = desk.clients.create(desk.clients.get(2).__class__(name="Naya Grahak", phones=[]))
        assert desk.clients.get(new).name == "Naya Grahak"
    finally:
        desk.close()
    assert schema_of(path) == fresh_schema, f"v{old_version} upgraded differs from a new desk"


def test_migration_steps_are_frozen_sql_not_todays_models():
    import ast

    import clientdesk.migration_steps as steps

    tree = ast.parse(Path(steps.__file__).read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not any(name and name.endswith("models") for name in imported), imported
