"""The import pipeline (prepare on a helper thread, write on this one) and the multi-row
statements it hands over."""

from __future__ import annotations

import sqlite3
import sys
import threading

import pytest

from clientdesk.importing.bulk import ROWS_PER_STATEMENT, insert_statements
from clientdesk.importing.pipeline import DEPTH, pipelined


def test_every_item_is_written_in_order_on_the_calling_thread():
    written, threads = [], set()

    def prepare(hand_over):
        for i in range(50):
            hand_over(i)
        return "planned"

    def write(item):
        written.append(item)
        threads.add(threading.current_thread())

    assert pipelined(prepare, write) == "planned"
    assert written == list(range(50)) and threads == {threading.current_thread()}


def test_a_failed_write_stops_the_helper_and_is_raised_here():
    handed = []

    def prepare(hand_over):
        for i in range(10_000):
            hand_over(i)
            handed.append(i)
        return "finished"

    def write(item):
        if item == 3:
            raise sqlite3.OperationalError("database or disk is full")

    interval = sys.getswitchinterval()
    with pytest.raises(sqlite3.OperationalError, match="full"):
        pipelined(prepare, write)
    assert len(handed) < 3 + DEPTH + 20  # it stopped at its next hand-over, not at the end
    assert sys.getswitchinterval() == interval
    assert not [t for t in threading.enumerate() if t.name == "import-prepare"]


def test_a_failure_while_preparing_is_raised_after_what_came_before_was_written():
    written = []

    def prepare(hand_over):
        hand_over("first block")
        raise ValueError("a bug in planning")

    interval = sys.getswitchinterval()
    with pytest.raises(ValueError, match="planning"):
        pipelined(prepare, written.append)
    assert written == ["first block"] and sys.getswitchinterval() == interval


def test_insert_statements_respect_the_bound_value_limit_and_write_every_row():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, city TEXT, source TEXT, flag INTEGER)")
    rows = [(i, f"Client {i}", "Indore" if i % 2 else None) for i in range(1, 1001)]
    statements = list(insert_statements("t", ("id", "name", "city"), rows, limit=300,
                                        constants=(("source", "it's imported"), ("flag", 0))))
    assert len(statements) == 10 and all(len(params) <= 300 for _, params in statements)
    for sql, params in statements:
        db.execute(sql, params)
    assert db.execute("SELECT count(*), count(city), min(source), max(flag) FROM t").fetchone() == (
        1000, 500, "it's imported", 0)
    assert db.execute("SELECT name FROM t WHERE id = 1000").fetchone() == ("Client 1000",)
    assert list(insert_statements("t", ("id",), [], limit=300)) == []
    many = list(insert_statements("t", ("id",), [(i,) for i in range(5000)], limit=250_000))
    assert [len(params) for _, params in many] == [ROWS_PER_STATEMENT, ROWS_PER_STATEMENT, 5000 - 2 * ROWS_PER_STATEMENT]


def test_insert_statements_store_the_empty_marker_as_null():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT UNIQUE, day INTEGER, name TEXT)")
    rows = [(1, "", 0, ""), (2, "a@b.in", 17, "Anita"), (3, "", 0, "")]
    for sql, params in insert_statements("t", ("id", "email", "day", "name"), rows, limit=999,
                                         null_when={"email": "", "day": 0}):
        db.execute(sql, params)
    assert db.execute("SELECT * FROM t ORDER BY id").fetchall() == [
        (1, None, None, ""), (2, "a@b.in", 17, "Anita"), (3, None, None, "")]
