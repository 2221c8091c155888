"""An import while another counter sells: the sales wait for the import's short transactions and
all go through, and every point they gave or took is in the ledger. On a SQLite file and on the
run's PostgreSQL server (`book`, from test_crash_import), the counter in a process of its own."""

from __future__ import annotations

import sys
import time

import pytest

from clientdesk.desk import Desk
from clientdesk.errors import StorageError
from clientdesk.importing import importer, planning
from clientdesk.loyalty.models import CounterSale
from clientdesk.models import Client
from tests.importing.test_crash_import import (  # noqa: F401 - book is a fixture
    _SALES, REGULARS, ROWS, _kill, _regulars, _sheet, _sound, _spawn, book,
)
from tests.loyalty.helpers import check_ledger

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")


def test_sales_in_another_process_wait_for_the_import_and_every_point_counts(tmp_path, book, monkeypatch):
    monkeypatch.setattr(planning, "BLOCK", 400)
    monkeypatch.setattr(importer, "WRITE_ROWS", 200)
    _regulars(book)
    sheet = _sheet(tmp_path / "clients.csv")
    sales = _spawn(_SALES, book)
    desk = Desk.open(book)
    try:
        time.sleep(0.3)
        began = time.time()
        assert desk.imports.import_file(sheet).created == ROWS
        ended = time.time()
        time.sleep(0.3)
        assert sales.poll() is None, sales.stderr.read()  # no sale failed: the loop runs on
        lines = [line.split() for line in _kill(sales) if line.startswith("sale ")]
        during = [float(took) for _, _, took, at in lines if began < float(at) < ended]
        assert during, "no sale was recorded while the import ran"
        assert max(float(took) for _, _, took, _ in lines) < 5  # far below the wait a sale gives up after
        recorded = {s.id: s for s in CounterSale.select()}
        assert {int(sale_id) for _, sale_id, _, _ in lines} <= set(recorded)  # every sale the counter saw is there
        balances = check_ledger()
        for cid in {s.client_id for s in recorded.values()}:  # nothing lost, nothing doubled
            given = sum(s.earned_points + s.bonus_points - s.redeemed_points for s in recorded.values()
                        if s.client_id == cid and not s.undone)
            assert balances.get(cid, 0) == given
        assert Client.select().count() == REGULARS + ROWS
        _sound(desk)
    finally:
        if sales.poll() is None:
            _kill(sales)
        desk.close()


def test_an_import_on_the_server_behind_a_long_write_elsewhere_is_a_clear_message(server_url, tmp_path):
    """Another counter holds the server's write lock past the wait (SQLite's counterpart is
    test_client_import's locked-file test): the import stops with the one-line storage message,
    writes nothing, and goes through once the lock is free."""
    import psycopg

    from clientdesk.postgres.database import WRITE_LOCK

    desk = Desk.open(server_url)
    try:
        desk.db.lock_wait_ms = 200
        path = tmp_path / "one.csv"
        path.write_text("Name,Phone\nVijay,9876500002\n", encoding="utf-8")
        with psycopg.connect(server_url) as other:  # another counter in the middle of a write
            other.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            with pytest.raises(StorageError) as caught:
                desk.imports.import_file(path)
            other.rollback()
        assert "\n" not in str(caught.value) and desk.clients.count() == 0
        assert desk.imports.import_file(path).created == 1
    finally:
        desk.close()
