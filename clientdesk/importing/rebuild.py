"""Making again the indexes and keys a big import dropped for its load (batches.restore_indexes).

SQLite builds the indexes one after the other. The shop's server builds them with more memory
for sorting (MAINTENANCE_MEMORY: a GIN index of 100,000 clients spills to disk with the default
64 MB), and, when the caller allows it (`beside`), on two connections at once: this one and a
helper thread's, each taking the next index from one list, the slowest first (the search tables'
three GIN indexes take about as long as the client and phone tables' sixteen B-trees), so both
end about together: 100,000 clients' indexes took 1.5 s on two connections, 1.9 s on one (this
machine's two cores give 1.3 times one's work).

(Making the keys first, while the helper built the search tables' indexes, was tried: their
locks on the client and phone tables last until the caller commits, so the helper could take no
other index and the rest fell to this connection alone: 1.9 s.)

The helper's indexes are committed as each is built, outside the caller's transaction: that is
safe because building a missing index again is what restore_indexes does anyway (it skips those
present), and an index built early only makes the rows it covers quicker to find. Whatever the
helper could not build (no connection, a lock it waited for too long) is built here after it.

The foreign keys a server load dropped (dialect's loose_keys) are made last, on this connection:
their tables locked against writing for the moment it takes, the rows whose parent was deleted
meanwhile given what the key's ON DELETE action would have done to them (said in the log), then
the key made again, which checks every row in one join.
"""

from __future__ import annotations

import logging
import re
import threading
from typing import Sequence

log = logging.getLogger(__name__)

MAINTENANCE_MEMORY = "256MB"
# The helper's CREATE INDEX waits at most this long for a table lock (the caller's transaction
# could hold one it waits for: then this thread builds that index after the helper).
HELPER_LOCK_WAIT_MS = 2000

Definition = tuple[str, "str | Sequence[str]"]  # (name, CREATE INDEX statement | a key's statements)


def build_indexes(db, definitions: Sequence[Definition], beside: bool = False) -> int:
    """Make the indexes and keys `definitions` ((name, how) pairs of those missing now, as
    batches.drop_indexes saved them); inside the caller's writing transaction. `beside`: on a
    server, indexes may be built on a second connection meanwhile (the caller's transaction must
    hold no lock on their tables). Returns how many were made."""
    from clientdesk.dialect import sql_for

    indexes = [(name, how) for name, how in definitions if isinstance(how, str)]
    keys = [(name, how) for name, how in definitions if not isinstance(how, str)]
    if not sql_for(db).is_server:
        for _, sql in indexes:
            db.execute_sql(sql)
    elif indexes:
        db.execute_sql(f"SET LOCAL maintenance_work_mem = '{MAINTENANCE_MEMORY}'")
        _build_on_two(db, sorted(indexes, key=_cost, reverse=True), beside and len(indexes) > 1)
    for name, statements in keys:
        _make_key(db, name, statements)
    return len(definitions)


class _Work:
    """The indexes still to build, taken one at a time by either connection."""

    def __init__(self, items):
        self.items = list(items)
        self.lock = threading.Lock()

    def take(self):
        with self.lock:
            return self.items.pop(0) if self.items else None

    def drop_all(self) -> None:
        with self.lock:
            self.items.clear()


def _build_on_two(db, indexes: list[tuple[str, str]], beside: bool) -> None:
    if not beside:
        for _, sql in indexes:
            db.execute_sql(sql)
        return
    work = _Work(indexes)
    helper = threading.Thread(target=_build_aside, args=(_server(db), work), name="import-indexes", daemon=True)
    helper.start()
    try:
        while (item := work.take()) is not None:
            db.execute_sql(item[1])
    except BaseException:
        work.drop_all()  # the helper stops after the index it is building
        raise
    finally:
        helper.join()
    names = [name for name, _ in indexes]
    present = {n for (n,) in db.execute_sql("SELECT relname FROM pg_class WHERE relkind = 'i' "
                                            "AND relnamespace = current_schema()::regnamespace "
                                            "AND relname = ANY(?)", (names,)).fetchall()}
    for name, sql in indexes:
        if name not in present:  # the helper could not build it
            db.execute_sql(sql)


def _cost(definition: tuple[str, str]) -> int:
    """A rough size of an index's build, to start the slowest first: a GIN index costs about ten
    times a B-tree of as many columns (measured on 100,000 clients)."""
    sql = definition[1]
    terms = sql.count("||") + sql.count(",") + 1
    return terms * (10 if re.search(r"\bUSING\s+gin\b", sql, re.IGNORECASE) else 1)


def _make_key(db, name: str, statements: Sequence[str]) -> None:
    """Run a dropped key's statements: lock its tables, do its ON DELETE action for the rows
    whose parent went while it was dropped, make it again."""
    lock, completing, make = statements
    db.execute_sql(lock)
    done = db.execute_sql(completing).rowcount
    if done:
        log.warning("Foreign key %s: %s rows lost their parent row while an import had the key dropped; "
                    "done to them what the key's ON DELETE action does", name, done)
    db.execute_sql(make)


def _server(db):
    import peewee as pw

    return db.obj if isinstance(db, pw.DatabaseProxy) else db


def _build_aside(db, work: _Work) -> None:
    """On the helper thread: peewee gives it a connection of its own (closed at the end); it takes
    indexes from `work` until none are left, each committed as it is built. A failure is logged:
    the caller builds what is missing."""
    try:
        db.execute_sql(f"SET maintenance_work_mem = '{MAINTENANCE_MEMORY}'")
        db.execute_sql(f"SET lock_timeout = {HELPER_LOCK_WAIT_MS}")
        while (item := work.take()) is not None:
            db.execute_sql(item[1])
    except Exception as exc:  # noqa: BLE001 - the caller builds what is missing
        log.info("Building indexes beside the import's connection failed: %s", exc)
    finally:
        try:
            db.close()
        except Exception:  # noqa: BLE001 - only tidying up
            log.debug("Closing the index helper's connection failed", exc_info=True)
