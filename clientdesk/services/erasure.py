"""Erasure that holds (India's DPDP Act 2023): on SQLite, a deleted client's personal data leaves
the database file, its WAL, the search indexes, the import-undo records and, on request, the
backups. On the shop's PostgreSQL server it leaves every row of every table, but not yet every
byte the server keeps: see "On a server" below.

A client with bills keeps the bills (GST books are kept 72 months) under a neutral placeholder,
"Erased client #ID": amounts, dates, bill numbers and the items bought stay; everything that
says who the person is goes. A client without bills is removed entirely.

The work is plain SQL on a DB-API `execute(sql, params)` so the same steps run on the open desk
(through peewee, on either engine) and on a backup file (through sqlite3), whatever version of
the schema the backup was written with: a table or column the file does not have is skipped. What
differs between the engines (the catalogue, the search index's 'optimize', what to do after the
transaction) comes from clientdesk.dialect.

Why it holds:
- `PRAGMA secure_delete=ON` (clientdesk.db.PRAGMAS, and here for backups) overwrites deleted
  content with zeros instead of leaving it in free space.
- FTS5 (SQLite 3.40 here, without its 'secure-delete' option) deletes a row by adding a
  tombstone; the words stay in older index segments until they are merged. An 'optimize' of the
  two search indexes after the erase merges every segment into one without them.
- The WAL keeps old page images until it is reset: a TRUNCATE checkpoint copies the new pages into
  the database file and empties the WAL.
- "Undo last import" reads what an import replaced from `import_change`; those records of the
  client are deleted, so an undo can never write the erased values back.

On a server (PostgreSQL), the same rows are deleted or blanked in one transaction, and no query
finds the client any more (tests/core/test_erasure_tables.py reads every table back). After it,
`checkpoint` runs a plain VACUUM of the tables the erase touched. What the server still keeps:
- In the table and index files: PostgreSQL does not overwrite a deleted or updated row. Until the
  VACUUM, the old row versions are dead tuples; the VACUUM removes them and their index entries and
  marks the space free for reuse, but does not zero it: measured on PostgreSQL 15, the erased
  name, email and notes were still readable in the bytes of the client table's file and of its
  name/email indexes after the VACUUM, until new rows overwrite that space. `VACUUM FULL client`
  (it locks the client table against every counter while it rewrites it) writes new files without
  them; the old files are deleted, not overwritten, on the server's disk.
- In the WAL (pg_wal): the inserts and updates that wrote the data, until the segments are
  recycled after later checkpoints, and in any WAL archive or standby the shop has set up.
- In pg_dump backups (`backup` on a server): `--from-backups` rewrites SQLite backup files only;
  a server's dumps keep the client until they are deleted.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from clientdesk.dialect import sql_for
from clientdesk.textkey import name_key

log = logging.getLogger(__name__)

Execute = Callable[..., "sqlite3.Cursor"]

PLACEHOLDER = "Erased client #{id}"
ERASED_NOTE = "erased"  # the note of the anonymous withdrawal kept as proof

SEARCH_TABLES = ("client_search", "client_phone_search")

# Rows about the person (their phones, tags, own dates, festivals, greetings sent, the timeline,
# marketing scores and suggestions): deleted whole. (table, column naming the client)
PROFILE_TABLES = (
    ("phone", "client_id"),
    ("client_tag", "client_id"),
    ("client_date", "client_id"),
    ("client_festivals", "client_id"),
    ("greeting_log", "client_id"),
    ("interaction", "client_id"),
    ("client_suggestion", "client_id"),
    ("upsell_signal", "client_id"),
    ("client_score", "client_id"),
)


def placeholder(client_id: int) -> str:
    """The neutral name an erased client with bills keeps."""
    return PLACEHOLDER.format(id=client_id)


def _blank_client(client_id: int, now: dt.datetime) -> dict:
    """Every column of the client row that can say who the person is, and its erased value."""
    name = placeholder(client_id)
    values = {
        "name": name, "search_key": name_key(name), "honorific": "", "father_name": "", "father_relation": "father",
        "name_other": "", "father_name_other": "",
        "gender": "", "email": None, "gstin": None, "business_name": "", "notes": "", "tags_text": "",
        "primary_phone": None, "referred_by_id": None, "likelihood": None, "source": "walk_in", "language": "hi",
        "archived": True, "erased": True, "updated_at": _text(now),
    }
    for kind in ("postal", "work"):
        for part in ("line", "city", "state", "pin"):
            values[f"{kind}_{part}"] = ""
    for kind in ("birth", "anniversary", "founded"):
        for part in ("day", "month", "year"):
            values[f"{kind}_{part}"] = None
    return values


def _text(value: dt.datetime | dt.date) -> str:
    """A date or time as peewee stores it."""
    return value.isoformat(" ") if isinstance(value, dt.datetime) else value.isoformat()


class _Executor:
    """A DB-API `execute` seen as a database by the dialect's catalogue methods."""

    def __init__(self, execute: Execute):
        self.execute_sql = execute


def dialect_of(execute: Execute):
    """The SQL dialect behind an `execute`: the desk's database for peewee's bound `execute_sql`
    (SQLite or the server); SQLite for sqlite3's `Connection.execute` (a backup file)."""
    return sql_for(getattr(execute, "__self__", None))


class _Schema:
    """The tables and columns one database has (a backup may be of an older version)."""

    def __init__(self, execute: Execute):
        self.execute = execute
        self.sql = dialect_of(execute)
        self.tables = self.sql.table_names(_Executor(execute))
        self._columns: dict[str, set[str]] = {}

    def columns(self, table: str) -> set[str]:
        if table not in self._columns:
            self._columns[table] = (self.sql.column_names(_Executor(execute=self.execute), table)
                                    if table in self.tables else set())
        return self._columns[table]

    def has(self, table: str, *columns: str) -> bool:
        return table in self.tables and set(columns) <= self.columns(table)


def erase_rows(execute: Execute, client_id: int, now: dt.datetime) -> str | None:
    """Erase one client in the current transaction: "erased" (bills kept under the placeholder),
    "deleted" (no bills: removed entirely), or None when the file has no such client.
    Needs foreign_keys=ON on the connection (a removed client's loyalty rows go by cascade)."""
    schema = _Schema(execute)
    if not schema.has("client", "id"):
        return None
    if execute("SELECT 1 FROM client WHERE id = ?", (client_id,)).fetchone() is None:
        return None
    has_bills = schema.has("purchase", "client_id") and execute(
        "SELECT 1 FROM purchase WHERE client_id = ? LIMIT 1", (client_id,)).fetchone() is not None

    # Tags this client alone used may name them ("Ramesh's family"): they go with the link.
    own_tags = []
    if schema.has("client_tag", "client_id", "tag_id") and schema.has("tag", "id"):
        own_tags = [t for (t,) in execute(
            "SELECT tag_id FROM client_tag WHERE client_id = ? AND tag_id NOT IN "
            "(SELECT tag_id FROM client_tag WHERE client_id != ?)", (client_id, client_id))]
    for table, column in PROFILE_TABLES:
        if schema.has(table, column):
            execute(f'DELETE FROM "{table}" WHERE "{column}" = ?', (client_id,))
    for tag_id in own_tags:
        execute("DELETE FROM tag WHERE id = ?", (tag_id,))
    if schema.has("import_change", "action", "target_id"):
        # What an import replaced (the old email, notes, address): undo must never bring it back.
        execute("DELETE FROM import_change WHERE action = 'client_updated' AND target_id = ?", (client_id,))
    _keep_withdrawal_only(execute, schema, client_id, now, keep=has_bills)
    for table in SEARCH_TABLES:
        if table in schema.tables:
            execute(f"DELETE FROM {table} WHERE rowid = ?", (client_id,))

    if has_bills:
        values = {k: v for k, v in _blank_client(client_id, now).items() if k in schema.columns("client")}
        execute(f"UPDATE client SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?",
                (*values.values(), client_id))
        if schema.has("purchase", "note"):
            execute("UPDATE purchase SET note = '' WHERE client_id = ? AND note != ''", (client_id,))
        if schema.has("ledger_entry", "reason", "kind"):  # an adjustment's reason is free text
            execute("UPDATE ledger_entry SET reason = '' WHERE client_id = ? AND reason != '' "
                    "AND kind NOT IN ('bonus', 'expire')", (client_id,))
        if schema.has("loyalty_card", "status", "blocked_on"):  # the card can no longer find anyone
            execute("UPDATE loyalty_card SET status = 'blocked', blocked_on = ? "
                    "WHERE client_id = ? AND status = 'active'", (_text(now.date()), client_id))
        outcome = "erased"
    else:
        if schema.has("client", "referred_by_id"):
            execute("UPDATE client SET referred_by_id = NULL WHERE referred_by_id = ?", (client_id,))
        execute("DELETE FROM client WHERE id = ?", (client_id,))
        outcome = "deleted"
    # Merge the search indexes' segments so the deleted words leave the file (see the module text).
    for table in SEARCH_TABLES:
        if table in schema.tables and schema.sql.search_optimize(table):
            execute(schema.sql.search_optimize(table))
    return outcome


def _keep_withdrawal_only(execute: Execute, schema: _Schema, client_id: int, now: dt.datetime,
                          keep: bool) -> None:
    """Consent history goes (its notes and methods may name people); for a client who stays as a
    placeholder, one anonymous withdrawal per channel they had consent on is kept as proof that
    the messages stopped."""
    channels: list[str] = []
    if schema.has("consent", "client_id", "channel"):
        channels = [c for (c,) in execute("SELECT channel FROM consent WHERE client_id = ? ORDER BY channel",
                                          (client_id,))]
        execute("DELETE FROM consent WHERE client_id = ?", (client_id,))
    if schema.has("consent_event", "client_id"):
        if schema.has("consent_event", "channel"):
            channels = sorted(set(channels) | {c for (c,) in execute(
                "SELECT DISTINCT channel FROM consent_event WHERE client_id = ?", (client_id,))})
        execute("DELETE FROM consent_event WHERE client_id = ?", (client_id,))
    if not keep:
        return
    when = _text(now)
    for channel in channels:
        if schema.has("consent", "client_id", "channel", "granted", "changed_at", "method", "guardian"):
            execute("INSERT INTO consent (client_id, channel, granted, changed_at, method, guardian) "
                    "VALUES (?, ?, ?, ?, 'other', ?)", (client_id, channel, False, when, False))
        if schema.has("consent_event", "client_id", "channel", "granted", "at", "method", "note"):
            execute("INSERT INTO consent_event (client_id, channel, granted, at, method, note) "
                    "VALUES (?, ?, ?, ?, 'other', ?)", (client_id, channel, False, when, ERASED_NOTE))


def touched_tables(db) -> set[str]:
    """The tables an erase writes to: every table with a client_id column (the profile rows, the
    bills, the ledger, what goes by cascade), the client row, its tags, the import-undo records and
    the search indexes."""
    schema = _Schema(db.execute_sql)
    return {t for t in schema.tables if "client_id" in schema.columns(t)} | (
        schema.tables & {"client", "tag", "import_change", *SEARCH_TABLES})


def checkpoint(db) -> bool:
    """After the erase's transaction, outside any: make the engine drop what it still keeps of the
    erased rows (clientdesk.dialect `reclaim`). SQLite: copy the WAL into the database file and
    empty it (the WAL still holds the old pages with the erased text); False when another
    connection's open read kept it from finishing within the busy timeout, and the next checkpoint
    finishes the job then. PostgreSQL: VACUUM the touched tables (see the module text for what a
    server still keeps)."""
    done = sql_for(db).reclaim(db, touched_tables(db))
    if not done:
        log.warning("The WAL could not be emptied after an erase: another connection is reading")
    return done


@dataclass(frozen=True)
class BackupErasure:
    """What erasing one client did to one backup file."""

    path: Path
    outcome: str  # erased | deleted | absent | failed
    verified: bool  # quick_check passed after the rewrite
    clients: int | None = None  # clients in the backup afterwards
    problem: str = ""

    def to_json(self) -> dict:
        return {"path": str(self.path), "outcome": self.outcome, "verified": self.verified,
                "clients": self.clients, "problem": self.problem}


def erase_from_backups(db_path: Path | str, client_id: int, now: dt.datetime,
                       progress: Callable[[int, int], None] | None = None) -> list[BackupErasure]:
    """Rewrite every backup of `db_path` without the client's personal data (the same steps as
    on the desk), VACUUM it so nothing of it stays in free pages, and check it. A backup that
    cannot be rewritten is reported ("failed") and the others are still done."""
    from clientdesk.backup import list_backups, verify_backup

    backups = list_backups(Path(db_path))
    results = []
    for done, path in enumerate(backups):
        result = _erase_backup(path, client_id, now)
        if result.outcome in ("erased", "deleted"):
            verify_backup(path)  # its recorded check and client count now describe the rewritten copy
        results.append(result)
        if progress is not None:
            progress(done + 1, len(backups))
    return results


def _erase_backup(path: Path, client_id: int, now: dt.datetime) -> BackupErasure:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=5, isolation_level=None)
    except sqlite3.Error as exc:
        return BackupErasure(path, "failed", False, problem=str(exc))
    try:
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("BEGIN IMMEDIATE")
        try:
            outcome = erase_rows(conn.execute, client_id, now)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        if outcome is None:
            outcome = "absent"
        else:
            conn.execute("VACUUM")  # rebuilt from the live rows: no erased byte stays in a free page
        verified = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        clients = conn.execute("SELECT count(*) FROM client").fetchone()[0]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return BackupErasure(path, outcome, verified, clients)
    except sqlite3.Error as exc:
        log.warning("Could not erase client %s from the backup %s: %s", client_id, path, exc)
        return BackupErasure(path, "failed", False, problem=str(exc))
    finally:
        conn.close()
