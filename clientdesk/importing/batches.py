"""An import under way, as the database records it: a batch with a "running" marker.

A big import commits block by block (importer.py: a counter on another PC must not wait for the
whole file), so a crash can stop it halfway. To keep that safe, the batch and its marker are
committed before the first block, every block's transaction records the ids it wrote under the
batch and refreshes the marker's heartbeat, and the import's last transaction removes the
marker. At any instant the database holds either nothing of an import or a batch that names every
row it wrote; a batch whose marker outlived its process is an interrupted import, which
`ImportUndo.clean_interrupted` takes back (the next import and "Undo last import" run it).

The marker is one ImportChange row (action RUNNING) holding who runs the import: host, process id
and the time of its last block. Its process is gone when it ran on this computer and the process
no longer exists, or when its heartbeat is older than STALE_SECONDS (another computer, or a
process id reused since).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import socket
import sys
import time

from clientdesk.errors import ClientDeskError, StorageError
from clientdesk.importing.models import ImportBatch, ImportChange

log = logging.getLogger(__name__)

RUNNING = "import_running"
# The definitions of the indexes a big import dropped for its load (ImportChange.before: JSON list
# of [name, CREATE statement]); whoever finishes or takes back the batch creates them again.
INDEXES = "indexes_dropped"
# An import refreshes its heartbeat at every block, a few times a second; a minute of silence
# means its process is gone (or the computer slept: the import then stops itself, see beat()).
STALE_SECONDS = 120


class ImportTakenBack(ClientDeskError):
    """Another window found this import's heartbeat stale and took it back; it cannot go on."""

    code = "import_taken_back"

    def __init__(self):
        super().__init__("This import was stopped for too long and another window took it back; nothing of it "
                         "is kept. Import the file again.")


def _owner() -> dict:
    return {"host": socket.gethostname(), "pid": os.getpid(), "beat": time.time()}


def start(kind: str, file_name: str, created_at: dt.datetime) -> int:
    """Record a new batch with its running marker; call inside a (short) writing transaction and
    commit it before the import writes anything else. Returns the batch id."""
    batch_id = ImportBatch.create(kind=kind, file_name=file_name, created_at=created_at).id
    ImportChange.create(batch=batch_id, action=RUNNING, target_id=os.getpid(), before=json.dumps(_owner()))
    return batch_id


def beat(batch_id: int) -> None:
    """Refresh the heartbeat, inside each block's transaction. Raises ImportTakenBack when the
    marker is gone: another window judged this import dead (the computer slept for minutes) and
    undid it, so writing on would leave rows no batch names."""
    changed = (ImportChange.update(before=json.dumps(_owner()))
               .where(ImportChange.batch == batch_id, ImportChange.action == RUNNING).execute())
    if not changed:
        raise ImportTakenBack()


def mark(batch_id: int) -> None:
    """Put the running marker on a batch being undone (if it has none): a crash halfway through
    the undo leaves it for clean_interrupted to finish."""
    if not ImportChange.select().where(ImportChange.batch == batch_id, ImportChange.action == RUNNING).exists():
        ImportChange.create(batch=batch_id, action=RUNNING, target_id=os.getpid(), before=json.dumps(_owner()))


def count_created(batch_id: int, count: int) -> None:
    """Inside a block's transaction: the batch counts the clients written so far (a batch a crash
    stopped halfway tells "Undo last import" how many it made)."""
    ImportBatch.update(created=ImportBatch.created + count).where(ImportBatch.id == batch_id).execute()


def finish(batch_id: int, created: int, updated: int) -> None:
    """The import's last transaction: the batch is complete (or, when it changed nothing, gone)."""
    ImportChange.delete().where(ImportChange.batch == batch_id, ImportChange.action == RUNNING).execute()
    if created or updated:
        ImportBatch.update(created=created, updated=updated).where(ImportBatch.id == batch_id).execute()
    else:  # an import that changes nothing leaves nothing to undo
        ImportBatch.delete().where(ImportBatch.id == batch_id).execute()


def drop_indexes(batch_id: int, load, tables) -> list[tuple[str, str | list[str]]]:
    """Drop the non-unique indexes of `tables` (`load`: the engine's bulk load, bulk.bulk_for)
    and, on a server, the foreign keys a load may drop (dialect's loose_keys), saving how to make
    them again under the batch first; in the transaction that commits the batch's marker, so a
    crash at any later point leaves a marked batch that knows them. Returns the saved (name, how)
    pairs: `how` is a CREATE INDEX statement, or the statements that make a key again.
    A login that may not drop them (a counter's on the shop's server: no DDL) drops none, and the
    rows go into the indexed tables (slower, the same result)."""
    aside = [(name, sql, f'DROP INDEX "{name}"') for table in tables for name, sql in load.indexes(table)]
    aside += [(name, again, drop) for table in tables for name, drop, again in load.loose_keys(table)]
    if aside:
        db = ImportChange._meta.database
        try:
            with db.atomic():  # a savepoint: refused for want of ownership, nothing of it stays
                ImportChange.create(batch=batch_id, action=INDEXES, target_id=0,
                                    before=json.dumps([[name, how] for name, how, _ in aside]))
                for _, _, drop in aside:
                    db.execute_sql(drop)
        except StorageError as exc:
            if exc.details.get("reason") != "permission":
                raise
            log.info("Importing into indexed tables: %s", exc)
            return []
    return [(name, how) for name, how, _ in aside]


def restore_indexes(batch_id: int, beside: bool = False) -> int:
    """Make again the indexes and keys the batch dropped (those still missing) and forget them;
    inside a writing transaction. Returns how many were made. `beside`: a server may build
    indexes on a second connection meanwhile (rebuild.build_indexes; only when this transaction
    holds no lock on the tables)."""
    from clientdesk.dialect import sql_for
    from clientdesk.importing.rebuild import build_indexes

    db = ImportChange._meta.database
    saved = list(ImportChange.select(ImportChange.id, ImportChange.before)
                 .where(ImportChange.batch == batch_id, ImportChange.action == INDEXES).tuples())
    if not saved:
        return 0
    sql = sql_for(db)
    present = {name for name, _ in sql.index_definitions(db)} | sql.key_names(db)
    missing = {name: how if isinstance(how, str) else tuple(how)
               for _, before in saved for name, how in json.loads(before) if name not in present}
    made = build_indexes(db, list(missing.items()), beside)
    ImportChange.delete().where(ImportChange.id.in_([i for i, _ in saved])).execute()
    return made


def clear_marker(batch_id: int) -> None:
    """Inside the transaction that takes an interrupted batch back."""
    ImportChange.delete().where(ImportChange.batch == batch_id, ImportChange.action == RUNNING).execute()


def _process_exists(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # os.kill would end the process there
        import ctypes

        kernel = ctypes.windll.kernel32
        handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            return bool(kernel.GetExitCodeProcess(handle, ctypes.byref(code))) and code.value == 259  # STILL_ACTIVE
        finally:
            kernel.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process has that id now
        return True
    return True


def is_alive(owner_json: str | None, now: float | None = None) -> bool:
    """Whether the import that wrote this marker may still be running."""
    try:
        owner = json.loads(owner_json or "{}")
        host, pid, beat_at = owner["host"], int(owner["pid"]), float(owner["beat"])
    except (ValueError, KeyError, TypeError):
        return False  # a marker nobody can vouch for
    if (now or time.time()) - beat_at > STALE_SECONDS:
        return False
    if host == socket.gethostname() and not _process_exists(pid):
        return False
    return True


# The batches with a running marker, as (batch id, file name, marker): for `check`, on a raw
# connection of either engine (no models bound).
MARKED_SQL = (f'SELECT b.id, b.file_name, c.before FROM "{ImportBatch._meta.table_name}" b '
              f'JOIN "{ImportChange._meta.table_name}" c ON c.batch_id = b.id '
              f"WHERE c.action = '{RUNNING}' ORDER BY b.id")


def stopped_problems(marked) -> list[str]:
    """What `check` says of the imports stopped halfway among `marked` (MARKED_SQL's rows); one
    whose process still runs is none."""
    return [f"the import of {file_name} (batch {batch}) was stopped halfway: what it wrote is still in the book "
            "and the indexes it set aside are missing; open ClientDesk on this book (on the shop's server as its "
            "owner, or run server-setup again) and it is taken back"
            for batch, file_name, owner in marked if not is_alive(owner)]


def running() -> dict[int, bool]:
    """Batch id -> alive, for every batch with a running marker."""
    return {batch: is_alive(owner) for batch, owner in
            ImportChange.select(ImportChange.batch, ImportChange.before).where(ImportChange.action == RUNNING).tuples()}
