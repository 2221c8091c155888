"""Schema 8 on old client books: every phone kept (ids too), the number no longer unique, sharing works."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import peewee as pw
import pytest

from clientdesk.desk import Desk
from clientdesk.errors import DuplicateError
from clientdesk.clients.fields import ClientData, PhoneEntry

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "schemas"


def phone_rows(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT id, client_id, number, is_primary, is_whatsapp FROM phone ORDER BY id").fetchall()
    finally:
        conn.close()


def phone_indexes(path: Path) -> dict[str, tuple[int, list[str]]]:
    """The phone table's indexes: name → (unique, columns); uniqueness is what schema 8 changes."""
    conn = sqlite3.connect(path)
    try:
        return {name: (unique, [c[2] for c in conn.execute(f'PRAGMA index_info("{name}")')])
                for _, name, unique, *_ in conn.execute('PRAGMA index_list("phone")')}
    finally:
        conn.close()


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("v*.sqlite")))
def test_an_old_book_keeps_every_phone_and_then_shares_one(name, tmp_path):
    path = tmp_path / name
    shutil.copy(FIXTURES / name, path)
    before = phone_rows(path)
    assert before, "the fixture has phones"
    desk = Desk.open(path)
    try:
        assert phone_rows(path) == before
        owner = desk.clients.find_by_phone("98765 43210")
        with pytest.raises(DuplicateError):  # still refused without asking
            desk.clients.create(ClientData(name="Meena Devi", phones=[PhoneEntry("9876543210")]))
        meena = desk.clients.create(ClientData(name="Meena Devi", phones=[PhoneEntry("9876543210")]), family_of=owner)
        assert desk.clients.clients_with_phone("9876543210") == [owner, meena]
        with pytest.raises(pw.IntegrityError):  # one row per client and number
            desk.db.execute_sql("INSERT INTO phone (client_id, number, is_primary, is_whatsapp) VALUES (?, ?, 0, 0)",
                                (meena, "+919876543210"))
    finally:
        desk.close()
    fresh = tmp_path / "fresh.sqlite"
    Desk.open(fresh).close()
    assert phone_indexes(path) == phone_indexes(fresh) == {
        "phone_client_id": (0, ["client_id"]), "phone_number": (0, ["number"]),
        "phone_client_id_number": (1, ["client_id", "number"])}
