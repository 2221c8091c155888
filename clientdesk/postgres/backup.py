"""Backups of a client book on the shop's server: `pg_dump -Fc` into a file on this PC, checked
with `pg_restore --list`, and restored whole or not at all.

The counterpart of clientdesk.backup (SQLite's file copies) for `backup`, `backups`, `restore`
and `check` with `--db postgresql://…`:

- a backup is `pg_dump --format=custom` into `<stem>-<stamp>-<reason>.dump.partial` in the
  backups folder of this PC (the data folder's `backups`, or `--to`), checked with
  `pg_restore --list` (readable to its end, and a ClientDesk client book: the client table and the
  schema version are in it), recorded in a JSON sidecar like the file backups', and only then
  given its final name; old dumps are pruned by the same generations (clientdesk.backup.retained);
- a restore takes the client book's write lock (postgres.database.WRITE_LOCK: the counters'
  sales wait, then are told the book is busy), keeps a dump of what is there ("before-restore"),
  and runs `pg_restore --single-transaction --clean --if-exists`: every table is replaced, or,
  when anything fails, nothing is (PostgreSQL rolls the one transaction back). A restore kept
  waiting for a table by another session (a counter or program in the middle of a long read) for
  RESTORE_LOCK_WAIT_SECONDS gives up and changes nothing: meanwhile every counter's reading
  queues behind it, so it must not wait long;
- a check reads every table of the client book on the server and checks the newest dump; with
  `full` it also restores that dump into a scratch database when the user may create one.

pg_dump and pg_restore are found and run by clientdesk.postgres.tools (on PATH, then in the
newest installation; they end when ClientDesk ends). The password goes to them in the child's
environment (PGPASSWORD), never on its command line (other users can read that). Their session
asks the server to drop it within seconds once the tool is gone (client_connection_check_interval,
where the server has it: PostgreSQL 14 and newer, not on Windows): a tool killed outright (as
Windows ends it) cannot cancel its own query.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import subprocess
import time
import uuid
from pathlib import Path

from clientdesk.backup import (BackupInfo, BackupOutcome, CheckResult, RestoreOutcome, Retention, clean_partials,
                               prune_infos, read_info, sidecar_for, write_sidecar)
from clientdesk.errors import StorageError
from clientdesk.postgres.address import ServerAddress, parse_server_url, resolve_password
from clientdesk.postgres.tools import run_tool
from clientdesk.progress import NO_PROGRESS, Progress

log = logging.getLogger(__name__)

SUFFIX = ".dump"
FRESH_EVERY_SECONDS = 60  # how often a dump under way marks its half-made file as still being written
RESTORE_LOCK_WAIT_SECONDS = 8  # how long a restore waits for one table before it gives up
CONNECTION_CHECK = "-c client_connection_check_interval=2000"  # the server looks every 2 s
_STAMP = re.compile(r"-(\d{8}-\d{6}-\d{6})-([A-Za-z0-9_.-]+)\.dump$")


# ----- the programs -------------------------------------------------------------------------------
def _child_env(address: ServerAddress | None) -> dict:
    """The tools' environment: ours (libpq's own PGPASSFILE, PGSSLMODE... still count; the
    connection string names host, port, user and database), with the password in PGPASSWORD."""
    env = dict(os.environ)
    password = _password_of(address) if address is not None else None
    if password is not None:
        env["PGPASSWORD"] = password
    return env


def _server_checks_connections(address: ServerAddress) -> bool:
    """True when the server accepts client_connection_check_interval. Older servers refuse the
    name, servers on Windows any value but 0, and either would refuse a tool that asked for it."""
    import peewee

    db = _open(address)
    try:
        db.execute_sql(f"SET {CONNECTION_CHECK.removeprefix('-c ')}")
        return True
    except (StorageError, peewee.DatabaseError) as exc:
        log.info("The server at %s has no connection check for the tools: %s", address.host, exc)
        return False
    finally:
        db.close()


def _password_of(address: ServerAddress) -> str | None:
    """The password: the URL's (or the keyring's), or a `?password=` option of the URL."""
    if address.password is not None:
        return address.password
    return next((v for k, v in address.options if k.lower() == "password"), None)


def conninfo(address: ServerAddress, dbname: str | None = None, application_name: str = "ClientDesk backup") -> str:
    """The libpq connection string for the tools, WITHOUT the password (it goes in PGPASSWORD);
    `application_name` is how the server's session list names the tool's session. Where the
    server has it, the connection check is added to the session's options (after PGOPTIONS',
    which libpq would otherwise no longer read)."""
    from psycopg.conninfo import make_conninfo

    params = {k: v for k, v in address.connect_params().items() if k.lower() != "password"}
    params["dbname"] = dbname or address.dbname
    params["application_name"] = application_name
    if _server_checks_connections(address):
        params["options"] = f"{os.environ.get('PGOPTIONS', '')} {CONNECTION_CHECK}".strip()
    return make_conninfo(**{k: str(v) for k, v in params.items()})


def _run(tool: str, args: list[str], address: ServerAddress | None, while_running=None) -> subprocess.CompletedProcess:
    return run_tool(tool, args, _child_env(address), while_running)


def _tool_problem(result: subprocess.CompletedProcess) -> str:
    """The first error line pg_dump / pg_restore wrote (what a shopkeeper can read), one line."""
    lines = [line.strip() for line in (result.stderr or "").splitlines() if line.strip()]
    errors = [line for line in lines if "error:" in line or "FATAL" in line] or lines
    text = errors[0] if errors else f"exit code {result.returncode}"
    return re.sub(r"^(pg_dump|pg_restore)(\.exe)?: (error: )?", "", text)


def _raise_for_server(address: ServerAddress) -> None:
    """After a tool failed: when the server itself is the reason (not answering, refused, no
    database), raise its one-line StorageError."""
    from clientdesk.postgres.setup import server_state

    server_state(address)


# ----- names and sidecars -------------------------------------------------------------------------
def stem_for(address: ServerAddress) -> str:
    """The first part of a dump's name: the server and the database (safe in any file system)."""
    raw = f"server-{address.host}-{address.port}-{address.dbname}"
    return re.sub(r"[^A-Za-z0-9_.-]", "_", raw)


def list_dumps(folder: Path, address: ServerAddress) -> list[Path]:
    stem = stem_for(address)
    try:
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.iterdir() if p.name.startswith(stem + "-")
                      and _STAMP.fullmatch(p.name[len(stem):]))
    except OSError:
        return []


def describe_dumps(folder: Path, address: ServerAddress) -> list[BackupInfo]:
    return sorted((read_info(p) for p in list_dumps(folder, address)), key=lambda i: i.taken, reverse=True)


def newest_good_dump(folder: Path, address: ServerAddress) -> BackupInfo | None:
    return next((i for i in describe_dumps(folder, address) if i.verified), None)


# ----- checking a dump ---------------------------------------------------------------------------
def list_contents(dump: Path) -> list[str]:
    """`pg_restore --list`: the dump's table of contents (reads the whole archive's header and
    table of contents; a cut or foreign file fails). StorageError when it cannot be read."""
    result = _run("pg_restore", ["--list", str(dump)], None)
    if result.returncode:
        raise StorageError(f"{Path(dump).name} is not a readable server backup: {_tool_problem(result)}",
                           reason="bad_dump")
    return [line for line in result.stdout.splitlines() if line and not line.startswith(";")]


def check_dump(dump: Path) -> CheckResult:
    """The quick check of a dump: its table of contents reads, and it holds a ClientDesk client
    book (the client table's data and the schema version)."""
    from clientdesk.postgres.schema import VERSION_TABLE

    try:
        contents = list_contents(dump)
    except StorageError as exc:
        return CheckResult(False, None, [exc.message])
    data = {_entry_name(line) for line in contents if " TABLE DATA " in line}
    missing = [t for t in ("client", VERSION_TABLE) if t not in data]
    if missing:
        return CheckResult(False, None, [f"not a ClientDesk client book (no {', '.join(missing)} table)"])
    return CheckResult(True, None)


def _entry_name(line: str) -> str:
    """The table of a `pg_restore --list` TABLE DATA line: `12; 0 16390 TABLE DATA public client owner`."""
    head = line.split(" TABLE DATA ", 1)[1].split()
    return head[1] if len(head) >= 2 else ""


def dump_schema_version(dump: Path) -> int | None:
    """The schema version recorded in a dump (its clientdesk_schema row), read without restoring."""
    from clientdesk.postgres.schema import VERSION_TABLE

    result = _run("pg_restore", ["--data-only", f"--table={VERSION_TABLE}", "--file=-", str(dump)], None)
    if result.returncode:
        return None
    lines = result.stdout.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("COPY ") and f"{VERSION_TABLE} " in line and i + 1 < len(lines):
            columns = line[line.index("(") + 1:line.index(")")].replace('"', "").split(", ")
            values = lines[i + 1].split("\t")
            with contextlib.suppress(ValueError, IndexError):
                return int(values[columns.index("version")])
    return None


# ----- the server's client book -----------------------------------------------------------------
def _open(address: ServerAddress):
    from clientdesk.postgres.setup import _database

    return _database(address)


def count_clients(address: ServerAddress) -> int | None:
    db = _open(address)
    try:
        if db.execute_sql("SELECT to_regclass('client') IS NULL").fetchone()[0]:
            return None
        return db.execute_sql("SELECT count(*) FROM client").fetchone()[0]
    finally:
        db.close()


def _resolved(url_or_address) -> ServerAddress:
    address = url_or_address if isinstance(url_or_address, ServerAddress) else parse_server_url(url_or_address)
    return resolve_password(address)


# ----- making a dump -----------------------------------------------------------------------------
def make_server_backup(url: str | ServerAddress, folder: Path, reason: str = "manual",
                       now: dt.datetime | None = None, retention: Retention | None = None,
                       keep_unverified: bool = False, progress: Progress = NO_PROGRESS,
                       prune: bool = True) -> BackupOutcome | None:
    """Dump the client book at `url` into `folder` (made if missing), checked, then prune the
    folder's older dumps of this server (unless not `prune`: the dump kept before a restore must
    not delete the dump being restored). None when the server's database has no client book yet.
    Raises StorageError (server away, pg_dump missing or failing, the folder can't be written);
    Cancelled when `progress` is cancelled while pg_dump works (pg_dump is ended, no file kept)."""
    from clientdesk.postgres.setup import server_state

    address = _resolved(url)
    if server_state(address) != "ready":  # raises for a server that is away
        return None
    now = now or dt.datetime.now()
    folder = Path(folder)
    reason = re.sub(r"[^A-Za-z0-9_.-]", "-", reason) or "copy"
    target = folder / f"{stem_for(address)}-{now.strftime('%Y%m%d-%H%M%S-%f')}-{reason}{SUFFIX}"
    partial = target.with_name(target.name + ".partial")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        clean_partials(folder, now)  # dumps a killed pg_dump left
        clients = count_clients(address)
        progress.check()  # Cancel is looked at before each step, and while pg_dump works
        result = _run("pg_dump", ["--format=custom", "--no-password", f"--file={partial}",
                                  f"--dbname={conninfo(address)}"], address, _DumpWatch(partial, progress))
        if result.returncode:
            partial.unlink(missing_ok=True)
            _raise_for_server(address)
            raise StorageError(f"pg_dump could not back up the client book at {address.host}: {_tool_problem(result)}",
                               reason="dump_failed")
        with open(partial, "rb") as data:
            os.fsync(data.fileno())
        progress.check()
        check = check_dump(partial)
        if not check.ok and not keep_unverified:
            partial.unlink(missing_ok=True)
            raise StorageError(f"The backup pg_dump made failed its check ({check.first_problem}); the older backups "
                               "are kept.", reason="dump_failed")
        check = CheckResult(check.ok, clients, check.problems)
        progress.check()  # the last moment: after this the backup is made
        write_sidecar(partial, now, reason, check, {"engine": "postgresql", "server": address.display})
        os.replace(sidecar_for(partial), sidecar_for(target))
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise StorageError(f"Could not back up the client book to {folder}: {exc.strerror or exc}",
                           reason="folder") from exc
    except BaseException:  # Cancel, Ctrl-C: the half-written dump goes
        partial.unlink(missing_ok=True)
        raise
    info = read_info(target)
    pruned = prune_dumps(folder, address, retention, now) if info.verified and prune else []
    log.info("Backed up the client book at %s to %s (%s clients)", address.display, target, clients)
    return BackupOutcome(info, None, pruned)


class _DumpWatch:
    """pg_dump's while_running: Cancel ends it (Cancelled), and its half-made file's time is kept
    current, so that another backup's clean-up (clean_partials) never takes a dump still under
    way (even one kept waiting an hour for a table) for a killed one's leftover."""

    def __init__(self, partial: Path, progress: Progress):
        self.partial, self.progress, self.touched = partial, progress, time.monotonic()

    def __call__(self) -> None:
        self.progress.check()
        if time.monotonic() - self.touched >= FRESH_EVERY_SECONDS:
            with contextlib.suppress(OSError):  # not there yet (pg_dump makes it once connected)
                os.utime(self.partial)
            self.touched = time.monotonic()


def prune_dumps(folder: Path, address: ServerAddress, retention: Retention | None = None,
                now: dt.datetime | None = None) -> list[Path]:
    """Delete this server's dumps in `folder` that no generation keeps (as clientdesk.backup.prune_folder)."""
    return prune_infos([read_info(p) for p in list_dumps(folder, address)], retention)


# ----- restoring -----------------------------------------------------------------------------------
def _may_replace_tables(db) -> bool:
    """True when this user owns (or is a member of the owner of) every table of the client book:
    pg_restore --clean drops and makes them again."""
    row = db.execute_sql("SELECT coalesce(bool_and(pg_has_role(current_user, tableowner, 'USAGE')), true) "
                         "FROM pg_tables WHERE schemaname = current_schema()").fetchone()
    return bool(row[0])


def restore_server_backup(url: str | ServerAddress, dump: Path, folder: Path,
                          now: dt.datetime | None = None) -> RestoreOutcome:
    """Put the dump `dump` in place of the client book at `url`, whole or not at all (see the
    module's docstring); what was there is first kept as a dump ("before-restore") in `folder`."""
    from clientdesk.postgres import schema
    from clientdesk.postgres.setup import server_state

    address = _resolved(url)
    dump = Path(dump)
    check = check_dump(dump)
    if not check.ok:
        raise StorageError(f"{dump.name} cannot be restored: {check.first_problem}", reason="bad_dump")
    version = dump_schema_version(dump)
    if version is None:
        raise StorageError(f"{dump.name} cannot be restored: its schema version cannot be read", reason="bad_dump")
    schema.check_version(version, address.host)
    state = server_state(address)
    if state == "foreign":
        raise StorageError(f"The database {address.dbname} on the shop's server at {address.host} is not a ClientDesk "
                           "client book (it has other tables); restore into an empty database.",
                           reason="not_clientdesk")
    db = _open(address)
    try:
        if not _may_replace_tables(db):
            raise StorageError(f"Restoring on the shop's server replaces its tables: it needs the server's admin user "
                               f"(the one server-setup was run with), not {address.user}.", reason="permission",
                               host=address.host)
        kept = None
        if state == "ready":
            outcome = make_server_backup(address, folder, "before-restore", now=now, keep_unverified=True,
                                         prune=False)
            kept = outcome.info.path if outcome is not None else None
        session = f"ClientDesk restore {uuid.uuid4().hex[:12]}"
        with db.atomic():  # the write lock: counters' sales wait, then are told the book is busy
            result = _run("pg_restore", ["--single-transaction", "--clean", "--if-exists", "--no-owner",
                                         "--exit-on-error", "--no-password",
                                         f"--dbname={conninfo(address, application_name=session)}", str(dump)],
                          address, _LockWaitWatch(db, session, address.host))
        if result.returncode:
            _raise_for_server(address)
            raise StorageError(f"{dump.name} was not restored (the client book on the server is as it was): "
                               f"{_tool_problem(result)}", reason="restore_failed")
    finally:
        db.close()
    clients = count_clients(address)
    log.info("Restored the client book at %s from %s (kept the previous one as %s)", address.display, dump, kept)
    return RestoreOutcome(Path(address.display), dump, clients, kept)


class _LockWaitWatch:
    """pg_restore's while_running: when its session has waited for the same lock longer than
    RESTORE_LOCK_WAIT_SECONDS, cancel its query (the restore then changes nothing) and raise
    StorageError "busy". Looks through `db`, which holds the restore's write lock."""

    def __init__(self, db, session: str, host: str):
        self.db, self.session, self.host = db, session, host
        self.waiting_for, self.since = None, 0.0

    def __call__(self) -> None:
        self.db.execute_sql("SELECT pg_stat_clear_snapshot()")  # else the session list is read once per transaction
        row = self.db.execute_sql(
            "SELECT a.pid, l.locktype, l.database, l.relation, l.transactionid FROM pg_stat_activity a "
            "JOIN pg_locks l ON l.pid = a.pid AND NOT l.granted WHERE a.application_name = %s LIMIT 1",
            (self.session,)).fetchone()
        now = time.monotonic()
        if row is None or row[1:] != self.waiting_for:
            self.waiting_for, self.since = (row[1:] if row else None), now
            return
        if now - self.since >= RESTORE_LOCK_WAIT_SECONDS:
            self.db.execute_sql("SELECT pg_cancel_backend(%s)", (row[0],))
            raise StorageError(f"The client book on the shop's server at {self.host} is in use (a counter or another "
                               f"program kept a table open for over {RESTORE_LOCK_WAIT_SECONDS} seconds); nothing was "
                               "restored and the client book is as it was. Try again when the counters are quiet.",
                               reason="busy", host=self.host)


# ----- checking the server's client book -----------------------------------------------------------
def check_server(url: str | ServerAddress) -> CheckResult:
    """Read every table of the client book on the server (a damaged page or index shows as an
    error), count its clients, and name the imports a crash stopped halfway. Raises StorageError
    when the server cannot be used."""
    from psycopg import sql

    from clientdesk.postgres import schema
    from clientdesk.postgres.setup import server_state

    address = _resolved(url)
    state = server_state(address)
    if state != "ready":
        what = "has no client book yet (server-setup makes it)" if state == "empty" else \
            "is not a ClientDesk client book (it has other tables)"
        raise StorageError(f"The database {address.dbname} on the shop's server at {address.host} {what}.",
                           reason=state, host=address.host)
    db = _open(address)
    problems = []
    try:
        version = schema.stored_version(db)
        if version is not None and version > schema.latest_version():
            problems.append(f"written by a newer ClientDesk (schema {version})")
        tables = [t for (t,) in db.execute_sql("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                                               "ORDER BY tablename").fetchall()]
        for table in tables:
            try:  # outside a transaction (autocommit): a failing table does not stop the others
                db.execute_sql(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table)).as_string(None))
            except StorageError as exc:
                if exc.details.get("reason") in ("unreachable", "not_ready"):
                    raise
                problems.append(f"{table}: {exc.message}")
        clients = db.execute_sql("SELECT count(*) FROM client").fetchone()[0] if not problems else None
        if clients is not None:
            from clientdesk.importing import batches

            problems += batches.stopped_problems(db.execute_sql(batches.MARKED_SQL).fetchall())
    finally:
        db.close()
    return CheckResult(not problems, clients, problems)


def may_create_databases(address: ServerAddress) -> bool:
    db = _open(address)
    try:
        return bool(db.execute_sql("SELECT rolsuper OR rolcreatedb FROM pg_roles WHERE rolname = current_user")
                    .fetchone()[0])
    finally:
        db.close()


def trial_restore(url: str | ServerAddress, dump: Path) -> CheckResult:
    """Restore `dump` into a scratch database on the same server and count its clients; the
    scratch database is dropped again. Needs a user that may create databases."""
    from psycopg import sql

    address = _resolved(url)
    scratch = f"clientdesk_check_{uuid.uuid4().hex[:12]}"
    admin = _open(address)  # peewee's connections are in autocommit: CREATE DATABASE may run
    try:
        admin.execute_sql(sql.SQL("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8'").format(
            sql.Identifier(scratch)).as_string(None))
        try:
            result = _run("pg_restore", ["--single-transaction", "--no-owner", "--no-privileges", "--exit-on-error",
                                         "--no-password", f"--dbname={conninfo(address, scratch)}", str(dump)],
                          address)
            if result.returncode:
                return CheckResult(False, None, [f"a trial restore failed: {_tool_problem(result)}"])
            probe = _open(ServerAddress(address.host, address.port, address.user, scratch, address.password,
                                        address.options))
            try:
                clients = probe.execute_sql("SELECT count(*) FROM client").fetchone()[0]
            finally:
                probe.close()
            return CheckResult(True, clients)
        finally:
            admin.execute_sql(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(scratch)).as_string(None))
    finally:
        admin.close()
