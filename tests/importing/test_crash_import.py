"""Killed halfway: an import and a counter's sales, each in its own process, SIGKILLed at random
points. Afterwards the file is sound, the ledger adds up, every sale the counter saw committed is
there, and the import left either nothing, all of it, or a marked batch that the next import or
undo takes back completely (importing/batches.py). Each runs on a SQLite file and on a client book
on the run's PostgreSQL server (`book`)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clientdesk.desk import Desk
from clientdesk.dialect import sql_for
from clientdesk.importing import batches
from clientdesk.importing.models import ImportBatch, ImportChange
from clientdesk.loyalty.models import CounterSale
from clientdesk.models import Client, Phone
from clientdesk.search import PHONE_SEARCH_TABLE, SEARCH_TABLE
from clientdesk.clients.fields import ClientData, PhoneEntry
from tests.loyalty.helpers import check_ledger

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")

ROOT = Path(__file__).resolve().parents[2]
ROWS = 4000
BLOCK = 400
WRITE_ROWS = 200  # each block of rows planned is written in two transactions
REGULARS = 10
ROUNDS = int(os.environ.get("CLIENTDESK_CRASH_ROUNDS", "3"))

# Imports `argv[2]` into `argv[1]` in blocks of BLOCK rows, printing as each WRITE_ROWS are written.
_IMPORT = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from clientdesk.desk import Desk
from clientdesk.dialect import sql_for
from clientdesk.importing import importer, planning
from clientdesk.progress import Progress
planning.BLOCK = {BLOCK}
importer.WRITE_ROWS = {WRITE_ROWS}
desk = Desk.open(sys.argv[1])
print("ready", flush=True)
result = desk.imports.import_file(sys.argv[2], progress=Progress(lambda done, total, label: print("block", done, flush=True)))
print("imported", result.created, flush=True)
"""

# Records sales on the regulars until killed: "sale ID SECONDS-IT-TOOK END-TIME" once record_sale returned.
_SALES = f"""
import sys, time
sys.path.insert(0, {str(ROOT)!r})
from clientdesk.desk import Desk
desk = Desk.open(sys.argv[1])
ids = [cid for (cid,) in desk.db.execute_sql("SELECT id FROM client ORDER BY id LIMIT {REGULARS}")]
print("ready", flush=True)
n = 0
while True:
    cid = ids[n % len(ids)]
    redeem = 100 if n % 3 == 2 and desk.loyalty.balance(cid) >= 100 else 0  # the least a redemption may be
    started = time.monotonic()
    sale = desk.counter.record_sale(cid, 20_000 + n, redeem_points=redeem, confirm=True)
    print("sale", sale.sale_id, time.monotonic() - started, time.time(), flush=True)
    n += 1
"""


def _sheet(path: Path) -> Path:
    lines = ["Name,Phone,Email,City,Tags"]
    lines += [f"Imported {i},98{i:08d},imported{i}@example.in,Indore,{'gold' if i % 7 == 0 else ''}" for i in range(ROWS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _spawn(script: str, *args) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", script, *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
    return proc


def _kill(proc: subprocess.Popen) -> list[str]:
    """SIGKILL (if still running) and everything it printed."""
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    out, _ = proc.communicate(timeout=60)
    return out.splitlines()


@pytest.fixture(params=["sqlite", "postgresql"])
def book(request, tmp_path):
    """Where the client book is: a SQLite file, or a client book of the test's own on the server."""
    if request.param == "postgresql":
        return request.getfixturevalue("fresh_server_url")
    return tmp_path / "desk.sqlite"


def _sound(desk) -> None:
    """The client book is whole: SQLite checks its file, foreign keys and FTS5 indexes; on the
    server (which checks foreign keys itself) every index row belongs to a client, and the next
    client a counter adds gets a free id (a bulk load that gave ids moved the sequence on)."""
    if not sql_for(desk.db).is_server:
        assert desk.db.execute_sql("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert desk.db.execute_sql("PRAGMA foreign_key_check").fetchall() == []
        for table in (SEARCH_TABLE, PHONE_SEARCH_TABLE):
            desk.db.execute_sql(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
        return
    for table in (SEARCH_TABLE, PHONE_SEARCH_TABLE):
        assert desk.db.execute_sql(f'SELECT count(*) FROM "{table}" s LEFT JOIN client c ON c.id = s.rowid '
                                   "WHERE c.id IS NULL").fetchone()[0] == 0
    top = desk.db.execute_sql("SELECT max(id) FROM client").fetchone()[0] or 0
    last, called = desk.db.execute_sql("SELECT last_value, is_called FROM client_id_seq").fetchone()
    assert last + called > top


def _index_counts(desk) -> tuple[int, int]:
    return tuple(desk.db.execute_sql(f"SELECT count(*) FROM {t}").fetchone()[0] for t in (SEARCH_TABLE, PHONE_SEARCH_TABLE))


def _regulars(path: Path) -> None:
    desk = Desk.open(path)
    for i in range(REGULARS):
        desk.clients.create(ClientData(name=f"Regular {i}", phones=[PhoneEntry(f"70000{i:05d}")]))
    desk.close()


@pytest.mark.parametrize("round_no", range(ROUNDS))
def test_an_import_and_a_sale_loop_killed_at_random_points(tmp_path, book, round_no):
    rng = random.Random(round_no)
    path = book
    _regulars(path)
    sheet = _sheet(tmp_path / "clients.csv")
    sales = _spawn(_SALES, path)
    importing = _spawn(_IMPORT, path, sheet)
    # Kill the import after a random number of its blocks (or before the first, or never), a
    # random few milliseconds later so the kill lands inside transactions too.
    blocks = ROWS // WRITE_ROWS // 2 if round_no == 0 else rng.randint(0, ROWS // WRITE_ROWS + 1)  # round 0: halfway
    lines = []
    while len(lines) < blocks and (line := importing.stdout.readline()):
        lines.append(line.strip())
    time.sleep(rng.uniform(0, 0.05))
    import_out = lines + _kill(importing)
    time.sleep(rng.uniform(0, 0.3))
    sale_ids = [int(line.split()[1]) for line in _kill(sales) if line.startswith("sale ")]
    assert sale_ids, "the counter recorded no sale during the import"

    desk = Desk.open(path)
    try:
        _sound(desk)
        assert set(sale_ids) <= {s.id for s in CounterSale.select(CounterSale.id)}  # nothing committed is lost
        balances = check_ledger()
        finished = any(line.startswith("imported") for line in import_out)
        marked = batches.running()
        assert round_no or marked, "round 0 kills the import halfway"
        print(f"round {round_no}: killed after {blocks} blocks; {'finished' if finished else 'halfway' if marked else 'nothing written'}")
        if finished:
            assert marked == {} and Client.select().count() == REGULARS + ROWS
        elif marked:  # killed halfway: a batch naming what it wrote, recognised as dead
            assert list(marked.values()) == [False]
            info = desk.imports.last_batch()
            assert info.partial and info.id in marked
            written = Client.select().count() - REGULARS
            assert written % WRITE_ROWS == 0 and info.created == written  # whole transactions or nothing
            if rng.random() < 0.5:
                desk.imports.undo_last()
            else:
                desk.imports.clean_interrupted()
        if not finished:  # taken back: the desk as before the import, with every sale
            assert Client.select().count() == REGULARS and Phone.select().count() == REGULARS
            assert _index_counts(desk) == (REGULARS, REGULARS)
            assert ImportBatch.select().count() == 0 and ImportChange.select().count() == 0
            assert desk.imports.last_batch() is None
        _sound(desk)
        assert set(sale_ids) <= {s.id for s in CounterSale.select(CounterSale.id)}
        assert check_ledger() == balances
        assert desk.imports.import_file(sheet).created == (0 if finished else ROWS)  # the file goes in whole
        assert Client.select().count() == REGULARS + ROWS and _index_counts(desk) == (REGULARS + ROWS,) * 2
        assert desk.clients.find_by_phone(f"98{ROWS - 1:08d}") == Client.get(Client.name == f"Imported {ROWS - 1}").id
    finally:
        desk.close()


def test_a_running_import_in_another_process_is_left_alone(tmp_path, book):
    """Only a dead import is taken back: one that is writing right now in another window keeps
    its batch, and undo waits for it to finish."""
    path = book
    _regulars(path)
    desk = Desk.open(path)
    try:
        with desk.db.atomic():
            batch = batches.start("clients", "other.csv", desk.clock.now())  # as another live window's import
        assert desk.imports.clean_interrupted() == [] and batches.running() == {batch: True}
        assert desk.imports.last_batch() is None
        from clientdesk.errors import ClientDeskError

        with pytest.raises(ClientDeskError, match="importing a file right now"):
            desk.imports.undo_last()
        stale = json.dumps({"host": "another-pc", "pid": os.getpid(), "beat": time.time() - batches.STALE_SECONDS - 1})
        ImportChange.update(before=stale).where(ImportChange.batch == batch).execute()
        assert batches.running() == {batch: False}  # silent for minutes: dead
        assert [r.batch.id for r in desk.imports.clean_interrupted()] == [batch]
        assert ImportBatch.select().count() == 0
    finally:
        desk.close()


def test_an_import_taken_back_meanwhile_stops_instead_of_writing_on(tmp_path, book):
    """A computer that slept for minutes mid-import: another window took the batch back; the
    import notices at its next block, stops, and leaves nothing of itself."""
    from clientdesk.importing import planning
    from clientdesk.progress import Progress

    path = book
    _regulars(path)
    desk = Desk.open(path)
    try:
        blocks = []

        def meanwhile(done, total, label):
            blocks.append(done)
            if len(blocks) == 2:  # another window judges this import dead and takes it back
                ImportChange.delete().where(ImportChange.action == batches.RUNNING).execute()

        old = planning.BLOCK
        planning.BLOCK = BLOCK
        try:
            with pytest.raises(batches.ImportTakenBack):
                desk.imports.import_file(_sheet(tmp_path / "c.csv"), progress=Progress(meanwhile))
        finally:
            planning.BLOCK = old
        assert Client.select().count() == REGULARS and ImportBatch.select().count() == 0
        _sound(desk)
    finally:
        desk.close()


def test_clients_added_in_another_window_during_an_import_keep_their_ids(desk, csvfile, monkeypatch):
    """Ids are counted ahead while the file is planned; a client added meanwhile elsewhere takes
    the next id, and the import's later blocks move past it. Undo removes exactly the import's."""
    from clientdesk.importing import planning
    from clientdesk.progress import Progress

    monkeypatch.setattr(planning, "BLOCK", 100)
    others = []

    def meanwhile(done, total, label):
        if len(others) < 3 and done:  # between two blocks, another window adds a client
            others.append(desk.clients.create(ClientData(name=f"Walk-in {len(others)}",
                                                         phones=[PhoneEntry(f"70001{len(others):05d}")])))

    rows = [["Name", "Phone"]] + [[f"Client {i}", f"98{i:08d}"] for i in range(500)]
    result = desk.imports.import_file(csvfile(rows), progress=Progress(meanwhile))
    assert result.created == 500 and len(set(result.client_ids)) == 500 and not set(others) & set(result.client_ids)
    for i in (0, 150, 499):
        cid = desk.clients.find_by_phone(f"98{i:08d}")
        assert Client.get_by_id(cid).name == f"Client {i}" and cid in result.client_ids
        assert [r.id for r in desk.clients.search(f"98{i:08d}")] == [cid]
    assert [Client.get_by_id(o).name for o in others] == ["Walk-in 0", "Walk-in 1", "Walk-in 2"]
    assert desk.imports.undo_last().removed_clients == 500
    assert sorted(c.id for c in Client.select()) == sorted(others)
    _sound(desk)


# The same import, big enough to be loaded without the client and phone indexes.
_BIG_IMPORT = _IMPORT.replace("planning.BLOCK = ", "from clientdesk import search\nsearch.BULK_ROWS = 1000\nplanning.BLOCK = ")


def test_an_import_killed_during_its_load_gets_its_indexes_back(tmp_path, book):
    """A file that at least doubles the desk is loaded without the client and phone indexes (on
    a server the search index's too), their definitions saved under the batch in the
    transaction that dropped them: killed halfway, the next start takes the rows back and
    creates the indexes again."""
    _regulars(book)
    desk = Desk.open(book)
    indexes = sql_for(desk.db).index_definitions(desk.db)
    keys = sql_for(desk.db).key_names(desk.db)  # on a server the load drops phone's and client's keys too
    desk.close()
    importing = _spawn(_BIG_IMPORT, book, _sheet(tmp_path / "clients.csv"))
    for _ in range(4):  # a few blocks in: halfway through the load
        assert importing.stdout.readline().startswith("block")
    out = _kill(importing)
    assert not any(line.startswith("imported") for line in out)
    desk = Desk.open(book)
    try:
        during = sql_for(desk.db).index_definitions(desk.db)
        assert set(during) < set(indexes)
        assert list(batches.running().values()) == [False]  # the marker, committed with the drop
        if sql_for(desk.db).is_server:
            assert {"phone_client_id_fkey", "client_referred_by_id_fkey"} <= keys - sql_for(desk.db).key_names(desk.db)
        desk.imports.clean_interrupted()
        assert sql_for(desk.db).index_definitions(desk.db) == indexes and sql_for(desk.db).key_names(desk.db) == keys
        assert Client.select().count() == REGULARS and _index_counts(desk) == (REGULARS, REGULARS)
        assert ImportBatch.select().count() == 0 and ImportChange.select().count() == 0
        _sound(desk)
        assert desk.imports.import_file(tmp_path / "clients.csv").created == ROWS
        assert sql_for(desk.db).index_definitions(desk.db) == indexes and sql_for(desk.db).key_names(desk.db) == keys
        _sound(desk)
    finally:
        desk.close()


# Undoes the last import of `argv[1]` CHUNK rows per transaction, printing each chunk as it commits.
_UNDO = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from clientdesk.desk import Desk
from clientdesk.dialect import sql_for
from clientdesk.importing import undo
from clientdesk.progress import Progress
undo.CHUNK = 200
desk = Desk.open(sys.argv[1])
print("ready", flush=True)
desk.imports.undo_last(Progress(lambda done, total, label: print("chunk", done, flush=True)))
print("undone", flush=True)
"""


@pytest.mark.parametrize("round_no", range(2))
def test_an_undo_killed_halfway_is_finished_later(tmp_path, book, round_no):
    rng = random.Random(100 + round_no)
    path = book
    _regulars(path)
    desk = Desk.open(path)
    desk.imports.import_file(_sheet(tmp_path / "clients.csv"))
    desk.close()
    undoing = _spawn(_UNDO, path)
    chunks = 8 if round_no == 0 else rng.randint(0, ROWS // 200)
    for _ in range(chunks):
        if not undoing.stdout.readline():
            break
    time.sleep(rng.uniform(0, 0.02))
    out = _kill(undoing)
    desk = Desk.open(path)
    try:
        _sound(desk)
        if "undone" not in out:
            assert round_no or 0 < Client.select().count() - REGULARS < ROWS  # round 0: surely halfway
            if batches.running():  # a marked batch, recognised as dead: finished by the next undo or import
                assert list(batches.running().values()) == [False] and desk.imports.last_batch().partial
                desk.imports.clean_interrupted()
            else:  # killed before it began: the import is all there, and undoes as usual
                assert Client.select().count() == REGULARS + ROWS
                desk.imports.undo_last()
        assert Client.select().count() == REGULARS and _index_counts(desk) == (REGULARS, REGULARS)
        assert batches.running() == {} and desk.imports.last_batch() is None
        _sound(desk)
    finally:
        desk.close()
