"""Two processes on one desk (two counters of one shop): a write waits for the other's write up to
the busy timeout, and says plainly what happened when it really times out."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clientdesk.db import BUSY_MESSAGE
from clientdesk.errors import StorageError
from clientdesk.loyalty.models import CounterSale
from clientdesk.clients.fields import ClientData, PhoneEntry

ROOT = Path(__file__).resolve().parents[2]

# Another program writing: takes the write lock as a ClientDesk write does, changes a row,
# says so on stdout, holds the lock for argv[2] seconds, commits.
_HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE client SET notes = 'held' WHERE id = (SELECT min(id) FROM client)")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
print("released", flush=True)
"""


class Holder:
    """A second process holding the desk's write lock for `seconds` (as an import on the other counter)."""

    def __init__(self, path: Path, seconds: float):
        self.proc = subprocess.Popen([sys.executable, "-c", _HOLDER, str(path), str(seconds)],
                                     stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout.readline().strip() == "locked"
        self.since = time.monotonic()

    def finish(self) -> None:
        out, _ = self.proc.communicate(timeout=30)
        assert out.strip() == "released" and self.proc.returncode == 0


def _client(desk, phone: str = "9876500001") -> int:
    return desk.clients.create(ClientData(name="Anita Desai", phones=[PhoneEntry(phone)]))


@pytest.mark.sqlite_only  # another process holding SQLite's file lock (the server's: tests/postgres)
def test_a_sale_waits_for_another_process_write_and_succeeds(desk):
    client_id = _client(desk)
    desk.counter.record_sale(client_id, 50_000)  # the counter has read the desk before: a warm connection
    holder = Holder(desk.path, 2.0)
    sale = desk.counter.record_sale(client_id, 75_000)
    waited = time.monotonic() - holder.since
    holder.finish()
    assert waited >= 1.5  # it waited for the other write instead of failing at once
    assert CounterSale.get_by_id(sale.sale_id).amount_paise == 75_000
    assert desk.clients.get(client_id).notes == "held"  # the other process's write is kept too
    assert desk.loyalty.balance(client_id) == sale.balance


@pytest.mark.sqlite_only  # another process holding SQLite's file lock (the server's: tests/postgres)
def test_every_kind_of_write_waits(desk):
    """Not only sales: a client edit and a new client (read-then-write transactions too)."""
    client_id = _client(desk)
    holder = Holder(desk.path, 1.0)
    other = desk.clients.create(ClientData(name="Vijay", phones=[PhoneEntry("9876500002")]))
    holder.finish()
    assert desk.clients.get(other).name == "Vijay"
    assert desk.loyalty.adjust(client_id, 10, "welcome") == 10


@pytest.mark.sqlite_only  # another process holding SQLite's file lock (the server's: tests/postgres)
def test_a_lock_held_past_the_timeout_is_a_clear_message_and_nothing_is_written(desk):
    client_id = _client(desk)
    desk.db.execute_sql("PRAGMA busy_timeout = 300")
    holder = Holder(desk.path, 2.0)
    started = time.monotonic()
    with pytest.raises(StorageError) as raised:
        desk.counter.record_sale(client_id, 75_000)
    waited = time.monotonic() - started
    holder.finish()
    assert raised.value.message == BUSY_MESSAGE and raised.value.details == {"reason": "busy"}
    assert "another counter" in str(raised.value) and "try again" in str(raised.value)
    assert 0.25 <= waited < 1.9  # the timeout, not the whole hold, and not at once
    assert CounterSale.select().count() == 0
    desk.counter.record_sale(client_id, 75_000)  # a moment later it goes through
    assert CounterSale.select().count() == 1


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=120)


@pytest.mark.sqlite_only  # another process holding SQLite's file lock (the server's: tests/postgres)
def test_the_sale_command_waits_for_another_process_write(desk):
    _client(desk)
    desk.close()
    holder = Holder(desk.path, 3.5)  # longer than the command takes to start, shorter than the 5 s timeout
    result = _cli(desk.path, "sale", "--phone", "9876500001", "--amount", "750", "--json")
    waited = time.monotonic() - holder.since
    holder.finish()
    assert result.returncode == 0, result.stderr
    assert waited >= 3.3
    assert '"amount_paise": 75000' in result.stdout.replace(" ", " ")
    assert _cli(desk.path, "show", "1", "--json").returncode == 0
    with desk.using():  # the desk is closed: its file, opened again
        assert CounterSale.select().count() == 1


@pytest.mark.slow
@pytest.mark.sqlite_only  # another process holding SQLite's file lock (the server's: tests/postgres)
def test_the_sale_command_past_the_timeout_is_one_clear_line(desk):
    _client(desk)
    desk.close()
    holder = Holder(desk.path, 8.0)
    result = _cli(desk.path, "sale", "--phone", "9876500001", "--amount", "750")
    holder.finish()
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [BUSY_MESSAGE] or BUSY_MESSAGE in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    with desk.using():  # the desk is closed: its file, opened again
        assert CounterSale.select().count() == 0


def test_the_window_words_the_busy_message_in_the_shops_language(qapp):
    from PySide6.QtCore import QTranslator

    from clientdesk.errors import StorageError
    from clientdesk.paths import resource
    from ui.dialogs import message_for

    busy = StorageError("in use", reason="busy")
    assert message_for(busy).startswith("The client book is busy")
    translator = QTranslator()
    assert translator.load(str(resource("i18n", "clientdesk_hi.qm")))
    qapp.installTranslator(translator)
    try:
        assert message_for(busy).startswith("ग्राहक-बही अभी व्यस्त है")
    finally:
        qapp.removeTranslator(translator)
