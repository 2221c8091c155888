"""Two desks in one process work side by side: each writes into its own file, closing one leaves
the other working, from any thread (issue 13, point 1)."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import openpyxl
import pytest

from clientdesk.db import current_database, open_databases, using
from clientdesk.desk import Desk
from clientdesk.models import Client
from clientdesk.clients.fields import ClientData, PhoneEntry
from clientdesk.clients.service import ClientService


def _names(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return sorted(r[0] for r in conn.execute("SELECT name FROM client"))
    finally:
        conn.close()


def _count(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def _sheet_names(path: Path) -> list[str]:
    sheet = openpyxl.load_workbook(path, read_only=True).active
    try:
        return sorted(row[0] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0])
    finally:
        sheet.parent.close()


def _client(desk: Desk, name: str, phone: str) -> int:
    return desk.clients.create(ClientData(name=name, phones=[PhoneEntry(phone, is_primary=True)]))


@pytest.fixture
def two(tmp_path, clock):
    a = Desk.open(tmp_path / "a.sqlite", clock=clock)
    b = Desk.open(tmp_path / "b.sqlite", clock=clock)
    yield a, b
    for desk in (a, b):
        desk.close()


def test_clients_sales_imports_searches_and_exports_go_to_their_own_file(two, tmp_path):
    a, b = two
    ravi = _client(a, "Ravi Kumar", "9876500001")
    _client(b, "Sunita Devi", "9876500002")
    _client(b, "Meena Gupta", "9876500003")
    a.counter.record_sale(ravi, 75_000)
    source = tmp_path / "more.csv"
    source.write_text("Name,Phone\nAsha Verma,9876500004\nGopal Rao,9876500005\n", encoding="utf-8")
    result = b.imports.import_file(source)
    assert result.created == 2

    assert _names(a.path) == ["Ravi Kumar"]
    assert _names(b.path) == ["Asha Verma", "Gopal Rao", "Meena Gupta", "Sunita Devi"]
    assert (_count(a.path, "counter_sale"), _count(b.path, "counter_sale")) == (1, 0)
    assert [r.name for r in a.clients.search("Sunita")] == []
    assert [r.name for r in b.clients.search("Sunita")] == ["Sunita Devi"]
    assert a.clients.count() == 1 and b.clients.count() == 4

    out_a, out_b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert a.exports.export_clients(out_a) == 1  # its rows are read as the sheet is written
    assert b.exports.export_clients(out_b) == 4
    assert _sheet_names(out_a) == ["Ravi Kumar"]
    assert _sheet_names(out_b) == ["Asha Verma", "Gopal Rao", "Meena Gupta", "Sunita Devi"]


def test_closing_one_desk_leaves_the_other_working(two):
    a, b = two
    _client(a, "Ravi Kumar", "9876500001")
    a.close()
    assert a.db not in open_databases() and b.db in open_databases()
    _client(b, "Sunita Devi", "9876500002")
    assert b.clients.count() == 1
    assert _names(a.path) == ["Ravi Kumar"] and _names(b.path) == ["Sunita Devi"]
    assert not b.db.is_closed()
    # With one database open, the models outside any desk call use it (the app, the CLI, tests).
    assert current_database() is b.db
    assert Client.select().count() == 1


def test_models_outside_a_desk_call_with_several_open_refuse_to_guess(two):
    a, b = two
    with pytest.raises(RuntimeError, match="2 ClientDesk databases are open"):
        Client.select().count()
    with pytest.raises(RuntimeError):
        ClientService(a.db, a.settings.unbound).create(ClientData(name="Lost", phones=[PhoneEntry("9876500009")]))
    assert _names(a.path) == [] and _names(b.path) == []
    with using(a.db):
        assert Client.select().count() == 0
    with b.using():
        assert current_database() is b.db


def test_a_lazy_iterator_runs_on_its_desk_after_the_call_returned(two):
    a, b = two
    ids_a = [_client(a, f"Asha {i}", f"98765000{i:02d}") for i in range(3)]
    _client(b, "Sunita Devi", "9876511111")
    records = a.exports.client_records(ids_a)  # a generator: nothing read yet
    assert _client(b, "Meena Gupta", "9876522222")  # desk B in use in between
    assert [r["name"] for r in records] == ["Asha 0", "Asha 1", "Asha 2"]


def test_a_lazy_iterator_taken_in_another_thread(two):
    a, b = two
    ids_b = [_client(b, f"Gopal {i}", f"98765100{i:02d}") for i in range(3)]
    records = b.exports.client_records(ids_b)
    seen: list = []
    thread = threading.Thread(target=lambda: seen.extend(r["name"] for r in records))
    thread.start()
    thread.join()
    assert seen == ["Gopal 0", "Gopal 1", "Gopal 2"]


def test_two_desks_used_from_two_threads_at_once(two):
    a, b = two
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def work(desk: Desk, prefix: str, digit: str) -> None:
        try:
            start.wait()
            for i in range(40):
                cid = _client(desk, f"{prefix} {i}", f"9{digit}{i:08d}")
                desk.counter.record_sale(cid, 10_000 + i)
                assert desk.clients.count() == i + 1
        except BaseException as exc:  # raised again below, on the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(a, "Asha", "1")), threading.Thread(target=work, args=(b, "Bala", "2"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert all(n.startswith("Asha") for n in _names(a.path)) and len(_names(a.path)) == 40
    assert all(n.startswith("Bala") for n in _names(b.path)) and len(_names(b.path)) == 40
    assert (_count(a.path, "counter_sale"), _count(b.path, "counter_sale")) == (40, 40)


def test_the_services_keep_their_class_and_take_attributes(two, clock):
    a, b = two
    assert isinstance(a.clients, ClientService)
    def opening_points(*args):
        pass

    b.imports.add_opening_points = opening_points  # set through the wrapper, on the service itself
    assert b.imports.unbound.client_importer.add_opening_points is opening_points
    assert a.imports.unbound.client_importer.add_opening_points == a.loyalty.unbound.add_opening_balance
    # A collaborator over the same database is handed out bound too.
    assert a.greetings.calendar.db is a.db


def test_a_desk_opened_again_after_close_works(tmp_path):
    path = tmp_path / "again.sqlite"
    first = Desk.open(path)
    _client(first, "Ravi Kumar", "9876500001")
    first.close()
    second = Desk.open(path)
    try:
        assert second.clients.count() == 1
    finally:
        second.close()
    assert second.db not in open_databases()
