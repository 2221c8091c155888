"""Client import: plan every row (new, update, unchanged, skip, error, blank, total), show a
preview, then write the file in short transactions, block by block, under one record for "Undo
last import" that also takes back a failed, cancelled or crashed import (batches.py).

This module runs the import; planning.py decides what each row does (reading, cleaning, matching)
and writing.py writes the plan (bulk inserts, updates, indexes, the held transaction). Rows are
planned a block at a time; new clients go to the database in multi-row statements while later
blocks are planned (pipeline.py), with their search index rows.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import peewee as pw

from clientdesk import search, textkey
from clientdesk.errors import ClientDeskError, FileFormatError
from clientdesk.importing import batches, planning
from clientdesk.importing.bulk import bulk_for, next_id
from clientdesk.importing.mapping import MappingMemory, SourceTable, source_table
from clientdesk.importing.models import record_created
from clientdesk.importing.pipeline import pipelined
from clientdesk.importing.planning import (
    ClientPlanner, ClientValues, NumbersGivenMeanwhile, RowIssue, RowOutcome, _Existing, _New, _RowPlan,
    check_mapping,
)
from clientdesk.importing.readers import is_blank, read_file
from clientdesk.importing.writing import ClientWriter, HeldTransaction
from clientdesk.models import Client, Phone
from clientdesk.progress import NO_PROGRESS, Progress

log = logging.getLogger(__name__)

# New clients per statement batch handed to the writer, which commits once it has held the write
# lock writing.HOLD_SECONDS (at least one batch per transaction). Each commit writes every page it
# changed (17 client indexes, both search indexes) to the WAL again, so fewer, bigger transactions import
# faster: 100,000 rows took 12.2 s of CPU in transactions of 2,000 rows, 10.3 s of 5,000, 7.5 s
# of 10,000 (7-8 s in one transaction). 5,000 rows held the lock 0.6-0.9 s here on a shared
# machine (load 4 on 2 cores), 2 s with both cores loaded four times over.
WRITE_ROWS = 5000
# After each commit the writer leaves the write lock free this long, so that a sale waiting on
# another counter (it asks every db.LOCK_POLL_SECONDS) goes first: SQLite's locks are not fair.
PAUSE_SECONDS = 0.005


@dataclass
class ImportResult:
    """Counts, problems and the rows to put in the error report."""

    kind: str
    file_name: str
    batch_id: int | None = None
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    blank: int = 0
    totals: int = 0
    failed_rows: int = 0
    new_clients: int = 0  # sales registers: clients made for new phones
    issues: list[RowIssue] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    problem_rows: list[tuple[int, list, list[RowIssue]]] = field(default_factory=list)
    client_ids: list[int] = field(default_factory=list)
    # New clients who share a known number (counted in created too): (row, name in the file,
    # name of the client whose number it is, the number)
    family: list[tuple[int, str, str, str]] = field(default_factory=list)

    def summary(self) -> dict:
        """The command line's JSON: skipped counts every row that changed nothing and had no error;
        family_members (when there are any) lists the new clients who share a known number."""
        result = {
            "created": self.created,
            "updated": self.updated,
            "skipped": self.unchanged + self.skipped + self.blank + self.totals,
            "errors": [{"row": i.row, "field": i.field, "message": i.message} for i in self.issues],
        }
        if self.family:  # new clients who share a known number (a household), named as the file wrote them
            result["family_members"] = [{"row": row, "name": name, "family_of": owner, "phone": number}
                                        for row, name, owner, number in self.family]
        return result


class ClientImporter:
    """Plans and writes a client import. `add_opening_points(client_id, points, note)` is set by
    the Desk when the loyalty service exists; without it an opening-points column is reported."""

    def __init__(self, db, clients, settings, clock):
        self.db = db
        self.clients = clients
        self.settings = settings
        self.clock = clock
        self.memory = MappingMemory(settings)
        self.add_opening_points: Callable[[int, int, str], None] | None = None
        self.planner = ClientPlanner(db, clock, lambda: self.add_opening_points is not None)
        self.writer = ClientWriter(db, clock)

    # ----- reading ---------------------------------------------------------------------
    @staticmethod
    def open(path: Path | str, kind: str = "clients") -> SourceTable:
        """Read a file and find its header row; raises FileFormatError if it cannot be read.
        The spreadsheet reader runs in C without Python's lock, so the name-key tables the import
        needs load meanwhile."""
        with ThreadPoolExecutor(1, thread_name_prefix="read") as pool:
            reading = pool.submit(read_file, path)
            textkey.warm_up()
            raw = reading.result()
        if all(is_blank(r) for r in raw.rows):
            raise FileFormatError(f"{Path(path).name} has no rows")
        return source_table(raw, kind)

    def suggest_mapping(self, source: SourceTable, kind: str = "clients") -> list[str | None]:
        """The remembered mapping for these headers, else the automatic one."""
        return self.memory.suggest(source.headers, kind)

    def remember_mapping(self, source: SourceTable, kind: str, mapping: list[str | None]) -> None:
        self.memory.remember(source.headers, kind, mapping)

    @staticmethod
    def check_mapping(mapping: list[str | None], kind: str = "clients") -> None:
        """Raise FileFormatError unless the mapping can identify anyone."""
        check_mapping(mapping, kind)

    # ----- planning (planning.py) ------------------------------------------------------
    def plan(self, source: SourceTable, mapping: list[str | None], on_match: str = "fill",
             limit: int | None = None, progress: Progress = NO_PROGRESS) -> tuple[list[_RowPlan], dict[int, ClientValues], dict[int, ClientValues]]:
        """Decide every row (the first `limit`), writing nothing. Returns the row plans, and per
        updated client the values before and after (only clients that really change)."""
        return self.planner.plan(source, mapping, on_match, limit, progress)

    def preview(self, source: SourceTable, mapping: list[str | None], on_match: str = "fill",
                limit: int = 200) -> list[RowOutcome]:
        """What would happen to the first `limit` rows; nothing is written."""
        plans, _, _ = self.plan(source, mapping, on_match, limit=limit)
        return [p.outcome for p in plans]

    # ----- writing ---------------------------------------------------------------------
    def run(self, source: SourceTable, mapping: list[str | None], on_match: str = "fill",
            progress: Progress = NO_PROGRESS) -> ImportResult:
        """Import the whole file in short transactions; a cancel or failure takes back everything
        the import wrote, and so does the next import or undo after a crash (batches.py).

        Why not one transaction: it held the write lock for the whole file (7 s for 100,000 rows
        here), and a sale on the other counter gave up after its busy timeout. Now the writer
        commits once it has held the write lock HOLD_SECONDS (at least WRITE_ROWS new clients a
        transaction) and leaves the lock free for a moment, so any other write goes through between
        two (bench/counter_during_import.py).

        - The batch and its "running" marker are committed first; each block's transaction records
          the ids it wrote under the batch, so a crash leaves either nothing or a marked batch that
          names every row written; the last transaction removes the marker.
        - New clients are written while later rows are still being planned (pipeline.py): the
          helper thread plans a block and builds its statements with ids counted from the desk's
          next id; if another window added clients meanwhile, the writer moves the block's ids past
          them. A new client that a later row of the file changes is written again after the load.
        - The rows are planned with who had each number when the import began; each block's
          transaction first looks at the numbers other windows and counters gave clients since
          (they write between the import's transactions), so a row of the same person is left out
          as a problem, never written as a second client on that number
          (planning.ClientPlanner.settle_numbers_given_meanwhile).
        - Clients already in the desk are read, merged and written CHUNK at a time, each chunk in
          one transaction, so an edit made meanwhile in another window is not overwritten.
        - Other windows see the new clients appear block by block while the import runs."""
        self.planner.check_arguments(mapping, on_match)
        result = ImportResult("clients", source.raw.path.name, headers=list(source.headers))
        rows = source.data_rows
        steps = 10 * len(rows)  # the bar: rows planned and new clients written to 80 %, the rest after
        now = self.clock.now()  # the batch's time and every new client's: undo keeps clients edited after it
        with self.db.atomic("DEFERRED"):  # one consistent reading, without the write lock
            owners = self.planner.match_tables()
            first = next_id(Client)
            given = NumbersGivenMeanwhile(self.db)
        load = bulk_for(self.db)
        constants = self.writer.constants(now)
        with self.db.atomic():
            batch_id = batches.start("clients", source.raw.path.name, now)
            dropped = []
            if len(rows) >= search.BULK_ROWS and len(rows) >= 2 * (first - 1):
                # Rows that at least double the desk: its client and phone indexes (and on a server
                # the search index's trigram indexes, FTS5 has none to drop, and the foreign keys a
                # row would be checked against one by one) are built once after the load (1.2 s for
                # 100,000 clients on SQLite, against updating them row by row and writing their
                # pages again at every commit); the batch keeps their definitions,
                # so a failure, a cancel or a crash takes them back with the rows (batches.py).
                # Other counters read on meanwhile, more slowly: a desk this import doubles was small.
                dropped = batches.drop_indexes(batch_id, load, (Client._meta.table_name, Phone._meta.table_name,
                                                                search.SEARCH_TABLE, search.PHONE_SEARCH_TABLE))
        existing: dict[int, _Existing] = {}
        shift = 0  # ids other windows took while this import ran: later blocks move past them

        def prepare(hand_over) -> tuple[list[_RowPlan], list[_New]]:
            plans: list[_RowPlan] = []
            news: list[_New] = []
            for block in self.planner.plan_blocks(source, rows, mapping, on_match, owners, existing):
                fresh = []
                for plan in block:
                    target = plan.target
                    if target.__class__ is _New and target.id is None:
                        target.id = first + len(news)
                        news.append(target)
                        fresh.append(target)
                plans.extend(block)
                for start in range(0, len(fresh), WRITE_ROWS) if fresh else (0,):
                    part = fresh[start:start + WRITE_ROWS]
                    hand_over((part, self.writer.new_client_rows(load, part, constants), len(plans)))
            return plans, news

        held = HeldTransaction(self.db)

        def write(item) -> None:
            nonlocal shift
            fresh, statements, done = item
            held.open()
            batches.beat(batch_id)
            kept = self.planner.settle_numbers_given_meanwhile(fresh, given.look()) if fresh else fresh
            if kept:
                counted = fresh[0].id  # the block's first id as the helper counted it
                free = next_id(Client)
                if free > counted + shift:  # another window added clients since the ids were counted
                    shift = free - counted
                if shift or kept is not fresh:
                    for offset, new in enumerate(kept):
                        new.id = counted + shift + offset
                    statements = self.writer.new_client_rows(load, kept, constants)
                load.run(statements)
                given.passed()
                record_created(batch_id, "client_created", kept[0].id, len(kept))
                batches.count_created(batch_id, len(kept))
            if held.due():
                held.commit()
                time.sleep(PAUSE_SECONDS)  # the helper plans on meanwhile; a waiting counter's sale gets the lock
            progress.update(8 * done, steps, "")

        progress.update(0, steps, "")
        try:
            try:
                plans, news = pipelined(prepare, write)
                held.commit()
            except BaseException as exc:
                held.rollback(exc)
                raise
            if dropped:
                with self.db.atomic():
                    batches.beat(batch_id)
                    batches.restore_indexes(batch_id, beside=True)  # this transaction has written to none of their tables
            if any(n.left_out for n in news):
                news = [n for n in news if not n.left_out]
                _repeats_left_out(plans)
            stale = [n for n in news if n.stale]
            for start in range(0, len(stale), planning.BLOCK):
                part = stale[start:start + planning.BLOCK]
                with self.db.atomic():
                    batches.beat(batch_id)
                    self.writer.delete_new([n.id for n in part])
                    load.run(self.writer.new_client_rows(load, part, constants))
            pairs = [(n.id, t) for n in news for t in n.data.tags]
            for start in range(0, len(pairs), 20 * planning.BLOCK):
                with self.db.atomic():
                    batches.beat(batch_id)
                    self.writer.add_tags(pairs[start:start + 20 * planning.BLOCK])
            updated = self._update_existing(existing, on_match, batch_id, progress, steps, len(rows))
            if self.add_opening_points is not None:
                owed = [n for n in news if n.points]
                for start in range(0, len(owed), planning.CHUNK):
                    with self.db.atomic():
                        batches.beat(batch_id)
                        for new in owed[start:start + planning.CHUNK]:
                            self.add_opening_points(new.id, new.points, f"Import {source.raw.path.name}")
            progress.update(steps, steps, "")  # the last chance to cancel: after the next commit it is done
            with self.db.atomic():
                batches.beat(batch_id)
                batches.finish(batch_id, len(news), len(updated))
        except BaseException as exc:
            self._take_back(batch_id)
            if isinstance(exc, (pw.IntegrityError, sqlite3.IntegrityError)):
                raise ClientDeskError("Another change to the desk clashed with this import; nothing was imported. "
                                      "Try again.") from exc
            raise
        for plan in plans:
            if isinstance(plan.target, _New) and not plan.target.left_out:
                plan.outcome.client_id = plan.target.id
        result.batch_id = batch_id if news or updated else None
        result.client_ids = [n.id for n in news] + updated
        _tally(result, plans)
        log.info("Imported %s: %s created, %s updated", source.raw.path.name, result.created, result.updated)
        return result

    def _take_back(self, batch_id: int) -> None:
        """After a failure or cancel: remove what the committed blocks wrote. If even that fails
        (the disk is full, the file vanished), the batch keeps its marker and the next import or
        undo takes it back."""
        from clientdesk.importing.undo import ImportUndo

        try:
            ImportUndo(self.db, self.clients).discard(batch_id)
        except BaseException:  # the import's own error is the one to show
            log.exception("Could not take back the interrupted import %s now; it will be taken back later", batch_id)

    def _update_existing(self, existing: dict[int, _Existing], on_match: str, batch_id: int, progress: Progress,
                         steps: int, size: int) -> list[int]:
        """Merge the planned rows into the clients already in the desk and write the changes, CHUNK
        clients per transaction (read, merge and write together: an edit made meanwhile in another
        window is merged, not overwritten). Returns the ids of the clients that changed; progress
        runs from 80 to 100 % of `steps`."""
        ids = list(existing)
        changed: list[int] = []
        for start in range(0, len(ids), planning.CHUNK):
            part = {cid: existing[cid] for cid in ids[start:start + planning.CHUNK]}
            with self.db.atomic():
                batches.beat(batch_id)
                before, after = self.planner.merge_existing(part, on_match)
                self.writer.write_updates(before, after, batch_id)
            changed += after
            progress.update(8 * size + 2 * size * (start + len(part)) // len(ids), steps, "")
        return changed

    def insert_new(self, news: list[_New], batch_id: int | None) -> None:
        """Write clients planned elsewhere (the sales register's new phones); see ClientWriter.insert_new."""
        self.writer.insert_new(news, batch_id)


# row status -> the ImportResult count it adds to
_TALLY = {"new": "created", "family": "created", "update": "updated", "same": "unchanged", "skip": "skipped", "blank": "blank",
          "total": "totals", "error": "failed_rows"}


def _repeats_left_out(plans: list[_RowPlan]) -> None:
    """The rows that repeat a row left out (planning.settle_numbers_given_meanwhile) are not
    imported either: each says so."""
    for plan in plans:
        target = plan.target
        if target.__class__ is _New and target.left_out and plan.outcome is not target.outcome:
            outcome = plan.outcome
            outcome.status, outcome.client_id = "error", None
            outcome.issues.append(RowIssue(outcome.row, "phone", "meanwhile",
                                           f"Repeats row {target.row}, which was left out: "
                                           f"{target.outcome.issues[-1].message}"))


def _tally(result: ImportResult, plans: list[_RowPlan]) -> None:
    for plan in plans:
        outcome = plan.outcome
        counter = _TALLY.get(outcome.status)
        if counter:
            setattr(result, counter, getattr(result, counter) + 1)
        if outcome.status == "family":
            result.family.append((outcome.row, outcome.name, outcome.family_of, outcome.phone))
        if outcome.issues:
            result.issues.extend(outcome.issues)
            result.problem_rows.append((outcome.row, plan.cells, outcome.issues))

