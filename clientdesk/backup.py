"""Backups you can restore: verified copies of the database file, kept by generations.

A backup is made with SQLite's online backup API into a temporary file, switched to a
self-contained rollback journal (no `-wal` beside it), checked with `PRAGMA quick_check` and
counted (clients), and only then given its final name, next to a small JSON sidecar recording the
check. A database that fails the check is never copied over good backups: `DamagedDatabaseError`.

Retention keeps the newest `recent` verified copies plus the newest of each of the last `daily`
days, `weekly` ISO weeks and `monthly` months (grandfather-father-son); the newest verified copy is
never deleted, and nothing is deleted unless a new verified copy was just made.

A second folder (a USB drive, a folder a cloud drive syncs) gets a verified copy too, when it is
reachable; it is never created by us (an unplugged drive's empty mount point is not a backup).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from clientdesk.db import is_busy
from clientdesk.errors import StorageError

log = logging.getLogger(__name__)

KEEP_BACKUPS = 10  # the newest verified copies always kept, whatever their dates
KEEP_UNVERIFIED = 3  # copies that failed their check (a damaged desk kept before a restore)
STALE_PARTIAL_SECONDS = 3600  # a half-made copy older than this was left by a killed process
SIDECAR_FORMAT = 1
SECOND_WARN_DAYS = 3

# A backup's name after its stem: when it was taken and why (a file's copy, or a server's dump:
# clientdesk/postgres/backup.py names them the same way).
_STAMP = re.compile(r"-(\d{8}-\d{6}-\d{6})-([A-Za-z0-9_.-]+)\.(?:sqlite|dump)$")
_STAMPED = re.compile(r"-\d{8}-\d{6}-\d{6}-")  # in the name of every file a backup makes


class DamagedDatabaseError(StorageError):
    """The database fails SQLite's check: it was not backed up (good backups are kept)."""

    code = "damaged"

    def __init__(self, path: Path, problem: str):
        super().__init__(f"The client book {path} is damaged ({problem}). It was not backed up, so the good "
                         f"backups are kept; restore the newest good backup.", problem=problem)
        self.path = Path(path)
        self.problem = problem


@dataclass(frozen=True)
class Retention:
    """How many copies each generation keeps."""

    recent: int = KEEP_BACKUPS
    daily: int = 7
    weekly: int = 4
    monthly: int = 12


@dataclass(frozen=True)
class BackupInfo:
    """One backup file and what its sidecar says about it."""

    path: Path
    taken: dt.datetime
    reason: str
    clients: int | None
    verified: bool  # passed quick_check, and the file is unchanged since
    problem: str = ""  # why not verified: "not checked", "changed since it was checked", a check message
    size: int = 0

    def as_json(self) -> dict:
        return {"path": str(self.path), "taken": self.taken.isoformat(sep=" "), "reason": self.reason,
                "clients": self.clients, "verified": self.verified, "problem": self.problem, "size": self.size}


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    clients: int | None
    problems: list[str] = field(default_factory=list)

    @property
    def first_problem(self) -> str:
        return self.problems[0] if self.problems else ""


@dataclass(frozen=True)
class SecondCopy:
    """What happened in the second folder: `path` of the verified copy, or `error` (unreachable...)."""

    folder: Path
    path: Path | None = None
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.path is not None


@dataclass(frozen=True)
class BackupOutcome:
    info: BackupInfo
    second: SecondCopy | None = None
    pruned: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class RestoreOutcome:
    restored: Path
    source: Path
    clients: int | None
    kept: Path | None  # the copy of the file that was there before (None when there was none)


# ----- names and sidecars -----------------------------------------------------------------

def backup_dir_for(db_path: Path) -> Path:
    """Where backups of `db_path` go: a `backups` folder beside the database."""
    return Path(db_path).parent / "backups"


def list_backups(db_path: Path) -> list[Path]:
    """Backup files of `db_path` in its backups folder, oldest first (verified or not: see describe_backups)."""
    return _backup_files(backup_dir_for(db_path), Path(db_path).stem)


def _backup_files(folder: Path, stem: str) -> list[Path]:
    try:
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.glob(f"{glob_escape(stem)}-*.sqlite") if _STAMP.search(p.name[len(stem):]))
    except OSError:
        return []


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def sidecar_for(backup: Path) -> Path:
    """The JSON file recording a backup's check: same name, `.json`."""
    return backup.with_suffix(".json")


def _taken_and_reason(path: Path) -> tuple[dt.datetime, str]:
    match = _STAMP.search(path.name)
    if match is None:
        return dt.datetime.fromtimestamp(path.stat().st_mtime), "copy"
    return dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S-%f"), match.group(2)


def read_info(path: Path) -> BackupInfo:
    """What is known about one backup (a file's copy or a server's dump), from its sidecar (fast:
    no check is run)."""
    path = Path(path)
    try:
        taken, reason = _taken_and_reason(path)
        stat = path.stat()
    except OSError as exc:
        return BackupInfo(path, dt.datetime.min, "copy", None, False, f"unreadable: {exc.strerror or exc}")
    try:
        record = json.loads(sidecar_for(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return BackupInfo(path, taken, reason, None, False, "not checked", stat.st_size)
    clients = record.get("clients")
    if record.get("size") != stat.st_size or record.get("mtime_ns") != stat.st_mtime_ns:
        return BackupInfo(path, taken, reason, clients, False, "changed since it was checked", stat.st_size)
    verified = bool(record.get("verified")) and record.get("check") == "ok"
    return BackupInfo(path, taken, reason, clients, verified, "" if verified else str(record.get("check", "")),
                      stat.st_size)


def describe_backups(db_path: Path, folder: Path | None = None) -> list[BackupInfo]:
    """The backups of `db_path` (in its backups folder, or `folder`), newest first, with their checks."""
    db_path = Path(db_path)
    files = _backup_files(folder, db_path.stem) if folder is not None else list_backups(db_path)
    return sorted((read_info(p) for p in files), key=lambda i: i.taken, reverse=True)


def newest_good_backup(db_path: Path, folder: Path | None = None) -> BackupInfo | None:
    return next((info for info in describe_backups(db_path, folder) if info.verified), None)


# ----- checking -------------------------------------------------------------------------------

def _connect(path: Path, readonly: bool = True) -> sqlite3.Connection:
    mode = "ro" if readonly else "rw"
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode={mode}", uri=True, timeout=5)


def _stopped_imports(conn: sqlite3.Connection) -> list[str]:
    """Imports a crash stopped halfway, which the next open takes back (importing/batches.py)."""
    from clientdesk.importing import batches

    try:
        return batches.stopped_problems(conn.execute(batches.MARKED_SQL).fetchall())
    except sqlite3.OperationalError:  # a database from before import history
        return []


def _count_clients(conn: sqlite3.Connection) -> int | None:
    try:
        return conn.execute("SELECT count(*) FROM client").fetchone()[0]
    except sqlite3.OperationalError:  # no client table: not (yet) a ClientDesk database
        return None


def check_database(path: Path, full: bool = False) -> CheckResult:
    """SQLite's check of a database file (`quick_check`, or with `full` the slower `integrity_check`
    plus `foreign_key_check`) and its client count. Never writes to the file."""
    path = Path(path)
    if not path.is_file():
        return CheckResult(False, None, [f"no such file: {path}"])
    try:
        conn = _connect(path, readonly=True)
        try:
            rows = conn.execute("PRAGMA integrity_check(20)" if full else "PRAGMA quick_check(20)").fetchall()
            problems = [line.strip() for r in rows if r[0] != "ok" for line in str(r[0]).splitlines()
                        if line.strip() and not line.startswith("***")]
            if full and not problems:
                problems = [f"row {rowid} of {table} points to a missing row of {parent}"
                            for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check").fetchall()[:20]]
            clients = _count_clients(conn) if not problems else None
            if clients is None and not problems:
                problems = ["not a ClientDesk database (no client table)"]
            if clients is not None:
                problems += _stopped_imports(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return CheckResult(False, None, [str(exc)])
    return CheckResult(not problems, clients, problems)


def write_sidecar(backup: Path, taken: dt.datetime, reason: str, check: CheckResult, extra: dict | None = None) -> None:
    """Record beside `backup` (a file copy or a server's dump) when and why it was made, how its
    check went and its size and time, plus `extra` fields; written whole or not at all."""
    stat = backup.stat()
    record = {"format": SIDECAR_FORMAT, "taken": taken.isoformat(sep=" "), "reason": reason,
              "clients": check.clients, "verified": check.ok, "check": "ok" if check.ok else check.first_problem,
              "size": stat.st_size, "mtime_ns": stat.st_mtime_ns, **(extra or {})}
    target = sidecar_for(backup)
    temporary = target.with_name(target.name + ".tmp")
    with open(temporary, "w", encoding="utf-8") as out:
        json.dump(record, out, ensure_ascii=False)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, target)


def verify_backup(path: Path) -> BackupInfo:
    """Check one backup file again and record the result in its sidecar (e.g. after rewriting it)."""
    path = Path(path)
    taken, reason = _taken_and_reason(path)
    check = check_database(path)
    _remove_sides(path, only_empty=True)  # reading a copy in WAL mode (older ClientDesk) leaves them
    write_sidecar(path, taken, reason, check)
    return read_info(path)


def _remove_sides(path: Path, only_empty: bool = False) -> None:
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    try:
        if only_empty and wal.exists() and wal.stat().st_size > 0:
            return
        wal.unlink(missing_ok=True)
        shm.unlink(missing_ok=True)
    except OSError:
        pass


# ----- making a copy --------------------------------------------------------------------------

def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return
    try:
        _fsync(folder)
    except OSError:
        pass


def _copy_with_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of `source` (its WAL included) into a new file `target`, in rollback-journal
    mode so the copy is one self-contained file."""
    src = _connect(source, readonly=True)
    try:
        dest = sqlite3.connect(str(target))
        try:
            src.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
    finally:
        src.close()
    _fsync(target)


def clean_partials(folder: Path, now: dt.datetime) -> None:
    """Remove what a killed backup left in `folder`, once old enough not to be another process's
    work in progress: half-made copies and dumps (`.partial`, `.partial-journal`), half-written
    sidecars (`.json.tmp`) and sidecars whose backup never got its name. Only names ClientDesk
    gives (with a backup's time stamp) are touched: `--to` may be a folder of the user's own."""
    limit = now.timestamp() - STALE_PARTIAL_SECONDS
    try:
        names = [p for p in folder.iterdir() if _STAMPED.search(p.name)]
    except OSError:
        return
    for leftover in sorted(names, key=lambda p: p.suffix == ".json"):  # a sidecar after its half-made copy
        if not (leftover.name.endswith((".partial", ".partial-journal", ".json.tmp"))
                or (leftover.suffix == ".json" and not _sidecars_backup_exists(leftover))):
            continue
        try:
            if leftover.stat().st_mtime < limit:
                leftover.unlink()
        except OSError:
            pass


def _sidecars_backup_exists(sidecar: Path) -> bool:
    """`X.json` records `X.sqlite` or `X.dump`; `X.sqlite.json` and `X.dump.json` a copy still
    named `….partial` (sidecar_for of the half-made file)."""
    base = sidecar.name[:-len(".json")]
    names = [base + ".partial"] if base.endswith((".sqlite", ".dump")) else [base + ".sqlite", base + ".dump"]
    return any((sidecar.parent / name).exists() for name in names)


def _finish(partial: Path, target: Path, taken: dt.datetime, reason: str, check: CheckResult) -> None:
    """Sidecar first, then the final name: a file named like a backup with a sidecar is complete."""
    write_sidecar(partial, taken, reason, check)
    os.replace(sidecar_for(partial), sidecar_for(target))
    os.replace(partial, target)
    _fsync_dir(target.parent)


def _new_name(folder: Path, stem: str, taken: dt.datetime, reason: str) -> Path:
    reason = re.sub(r"[^A-Za-z0-9_.-]", "-", reason) or "copy"
    return folder / f"{stem}-{taken.strftime('%Y%m%d-%H%M%S-%f')}-{reason}.sqlite"


def _copy_into(db_path: Path, folder: Path, taken: dt.datetime, reason: str, keep_damaged: bool) -> BackupInfo:
    target = _new_name(folder, db_path.stem, taken, reason)
    partial = target.with_suffix(".partial")
    try:
        _copy_with_sqlite(db_path, partial)
        check = check_database(partial)
        if not check.ok and not keep_damaged:
            partial.unlink(missing_ok=True)
            raise DamagedDatabaseError(db_path, check.first_problem)
        _finish(partial, target, taken, reason, check)
    except sqlite3.DatabaseError as exc:
        partial.unlink(missing_ok=True)
        if not keep_damaged:
            raise DamagedDatabaseError(db_path, str(exc)) from exc
        shutil.copyfile(db_path, partial)  # not even SQLite can read it: keep the bytes as they are
        _fsync(partial)
        _finish(partial, target, taken, reason, CheckResult(False, None, [str(exc)]))
    except BaseException:  # a full disk, or Ctrl-C / SIGTERM: no half-made copy stays
        partial.unlink(missing_ok=True)
        raise
    return read_info(target)


def _copy_backup_to(info: BackupInfo, folder: Path) -> BackupInfo:
    """The same verified file into another folder (the second folder), checked again there."""
    target = folder / info.path.name
    partial = target.with_suffix(".partial")
    try:
        shutil.copyfile(info.path, partial)
        _fsync(partial)
        check = check_database(partial)
        _finish(partial, target, info.taken, info.reason, check)
    except (OSError, sqlite3.Error):
        partial.unlink(missing_ok=True)
        raise
    return read_info(target)


def make_backup(db_path: Path, reason: str = "start", now: dt.datetime | None = None,
                second_folder: Path | str | None = None, to: Path | None = None,
                retention: Retention | None = None, keep_damaged: bool = False,
                prune: bool = True) -> BackupOutcome | None:
    """Back up `db_path` into its backups folder (or `to`), verified, then into `second_folder`;
    prune each folder by `retention` (unless not `prune`: the copy kept before a restore must not
    delete the backup being restored). None when there is nothing to back up yet.

    Raises DamagedDatabaseError (nothing written, nothing pruned) when the database fails its check,
    unless `keep_damaged` (the copy kept before a restore), and StorageError when the folder can't be written.
    """
    db_path = Path(db_path)
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    retention = retention or Retention()
    now = now or dt.datetime.now()
    folder = Path(to) if to is not None else backup_dir_for(db_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        clean_partials(folder, now)
        info = _copy_into(db_path, folder, now, reason, keep_damaged)
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(f"Could not back up the database to {folder}: {getattr(exc, 'strerror', None) or exc}") \
            from exc
    pruned = prune_folder(folder, db_path.stem, retention, now) if info.verified and prune else []
    second = None
    if second_folder and info.verified:
        second = _second_copy(info, Path(second_folder), db_path.stem, retention if prune else None, now, folder)
    log.info("Backed up %s to %s (%s clients, verified %s)", db_path, info.path, info.clients, info.verified)
    return BackupOutcome(info, second, pruned)


def _second_copy(info: BackupInfo, second: Path, stem: str, retention: Retention | None, now: dt.datetime,
                 first: Path) -> SecondCopy:
    try:
        if not second.is_dir():
            return SecondCopy(second, error="not found (is the drive plugged in?)")
        if second.resolve() == first.resolve():
            return SecondCopy(second, error="the same folder as the first backups")
        clean_partials(second, now)
        copied = _copy_backup_to(info, second)
        if not copied.verified:
            copied.path.unlink(missing_ok=True)
            sidecar_for(copied.path).unlink(missing_ok=True)
            return SecondCopy(second, error=f"the copy there failed its check ({copied.problem})")
        if retention is not None:
            prune_folder(second, stem, retention, now)
        return SecondCopy(second, path=copied.path)
    except (OSError, sqlite3.Error) as exc:
        log.warning("Second backup folder %s: %s", second, exc)
        return SecondCopy(second, error=str(getattr(exc, "strerror", None) or exc))


def backup_database(db_path: Path, reason: str = "start", keep: int = KEEP_BACKUPS,
                    now: dt.datetime | None = None) -> Path | None:
    """Make a verified backup of `db_path` in its backups folder; returns the new file, or None when
    there is nothing to back up yet. Raises DamagedDatabaseError for a damaged database."""
    outcome = make_backup(db_path, reason, now=now, retention=Retention(recent=max(1, keep)))
    return outcome.info.path if outcome is not None else None


# ----- retention ------------------------------------------------------------------------------

def retained(taken: list[dt.datetime], retention: Retention) -> set[dt.datetime]:
    """Which of the verified copies taken at these moments the generations keep."""
    newest_first = sorted(set(taken), reverse=True)
    keep = set(newest_first[: max(1, retention.recent)])
    for count, bucket in ((retention.daily, lambda t: t.date()),
                          (retention.weekly, lambda t: t.isocalendar()[:2]),
                          (retention.monthly, lambda t: (t.year, t.month))):
        seen = []
        for moment in newest_first:
            key = bucket(moment)
            if key in seen:
                continue
            if len(seen) >= count:
                break
            seen.append(key)
            keep.add(moment)
    return keep


def prune_folder(folder: Path, stem: str, retention: Retention | None = None,
                 now: dt.datetime | None = None) -> list[Path]:
    """Delete the copies in `folder` no generation keeps; returns the deleted files.

    Copies without a sidecar (made by an older ClientDesk) or changed since their check are checked
    first. Copies that failed a check never count: the newest few are kept, older ones deleted.
    """
    infos = [read_info(p) for p in _backup_files(folder, stem)]
    infos = [verify_backup(i.path) if i.problem in ("not checked", "changed since it was checked") else i
             for i in infos]
    return prune_infos(infos, retention, remove_sides=True)


def prune_infos(infos: list[BackupInfo], retention: Retention | None = None,
                remove_sides: bool = False) -> list[Path]:
    """Delete the backups among `infos` (a file's copies or a server's dumps) that no generation
    keeps, with their sidecars (and `-wal`/`-shm` leftovers with `remove_sides`); none when no
    backup is verified. Returns the deleted files."""
    good = [i for i in infos if i.verified]
    if not good:
        return []
    keep = retained([i.taken for i in good], retention or Retention())
    bad = sorted((i for i in infos if not i.verified), key=lambda i: i.taken, reverse=True)
    doomed = [i.path for i in good if i.taken not in keep] + [i.path for i in bad[KEEP_UNVERIFIED:]]
    for path in doomed:
        try:
            path.unlink(missing_ok=True)
            sidecar_for(path).unlink(missing_ok=True)
            if remove_sides:
                _remove_sides(path)
        except OSError as exc:
            log.warning("Could not delete old backup %s: %s", path, exc)
    return doomed


def prune_backups(db_path: Path, keep: int = KEEP_BACKUPS) -> None:
    """Apply the generations to the backups of `db_path` (the newest `keep` always stay)."""
    prune_folder(backup_dir_for(db_path), Path(db_path).stem, Retention(recent=max(1, keep)))


# ----- restore ------------------------------------------------------------------------------

def _release_check(db_path: Path, wait: float) -> None:
    """Raise StorageError if another program has the database open (after waiting up to `wait`
    seconds for it to let go); fold its WAL into the file."""
    try:
        conn = sqlite3.connect(str(db_path), timeout=wait)
    except sqlite3.Error:
        return
    try:
        conn.execute("PRAGMA journal_mode=DELETE").fetchone()
    except sqlite3.OperationalError as exc:
        if is_busy(exc):
            raise StorageError("The client book is open in another ClientDesk window or program. "
                               "Close it and restore again.") from exc
    except sqlite3.DatabaseError:
        pass  # damaged: it is kept as a copy as it is
    finally:
        conn.close()


def restore_backup(db_path: Path, backup: Path, now: dt.datetime | None = None,
                   second_folder: Path | str | None = None, wait: float = 0.5) -> RestoreOutcome:
    """Put `backup` in place of the database at `db_path` (which must not be open). The file there is
    first kept as a backup ("before-restore"; a damaged one is kept too, unverified); its `-wal` and
    `-shm` are removed so that the restored file is exactly the backup."""
    from clientdesk import migrations

    db_path, backup = Path(db_path), Path(backup)
    check = check_database(backup)
    if not check.ok:
        raise StorageError(f"{backup} cannot be restored: {check.first_problem}")
    conn = _connect(backup)
    try:
        migrations.check_version(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()
    now = now or dt.datetime.now()
    kept = None
    if db_path.exists():
        if db_path.resolve() == backup.resolve():
            raise StorageError("That file is the client book itself; choose a backup.")
        _release_check(db_path, wait)
        outcome = make_backup(db_path, "before-restore", now=now, keep_damaged=True, second_folder=second_folder,
                              prune=False)
        kept = outcome.info.path if outcome is not None else None
    temporary = db_path.with_name(db_path.name + ".restoring")
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        if Path(f"{backup}-wal").exists():
            temporary.unlink(missing_ok=True)
            _copy_with_sqlite(backup, temporary)
        else:
            shutil.copyfile(backup, temporary)
            _fsync(temporary)
        for suffix in ("-wal", "-shm", "-journal"):  # never replayed onto the restored file
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        os.replace(temporary, db_path)
        _fsync_dir(db_path.parent)
    except (OSError, sqlite3.Error) as exc:
        temporary.unlink(missing_ok=True)
        raise StorageError(f"Could not restore {backup.name}: {getattr(exc, 'strerror', None) or exc}") from exc
    except BaseException:  # Ctrl-C / SIGTERM: the client book is the old one or the restored one, nothing beside it
        temporary.unlink(missing_ok=True)
        raise
    log.info("Restored %s from %s (kept the previous file as %s)", db_path, backup, kept)
    return RestoreOutcome(db_path, backup, check.clients, kept)


# ----- the second folder's settings ------------------------------------------------------------

SETTING_FOLDER = "backup_second_folder"
SETTING_LAST_OK = "backup_second_last_ok"
SETTING_WARN_DAYS = "backup_second_warn_days"
SETTING_SINCE = "backup_second_since"  # when the folder was chosen: the warning counts from then until a first copy


def second_folder_record(second: SecondCopy | None, now: dt.datetime) -> dict:
    """The settings to store after a backup: the time of the last copy that reached the second folder."""
    if second is None or not second.ok:
        return {}
    return {SETTING_LAST_OK: now.replace(microsecond=0).isoformat(sep=" ")}


def days_unreachable(values: dict, now: dt.datetime) -> int | None:
    """Whole days since a backup last reached the second folder, when that is at least the warning
    limit (None: no second folder chosen, or all is well)."""
    folder = values.get(SETTING_FOLDER) or ""
    if not folder:
        return None
    limit = int(values.get(SETTING_WARN_DAYS) or SECOND_WARN_DAYS)
    try:
        last = dt.datetime.fromisoformat(values.get(SETTING_LAST_OK) or values.get(SETTING_SINCE) or "")
    except ValueError:
        return limit  # chosen, never reached, and when it was chosen is unknown
    days = (now - last).days
    return days if days >= limit else None


def read_file_settings(db_path: Path) -> dict:
    """The shop settings stored in a database file, read without opening a Desk (the command line
    backs up before it opens one). Empty when the file has none or can't be read."""
    try:
        conn = _connect(db_path)
        try:
            rows = conn.execute("SELECT key, value FROM setting WHERE key LIKE 'backup_%'").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return {}
    values = {}
    for key, value in rows:
        try:
            values[key] = json.loads(value)
        except ValueError:
            continue
    return values


def store_file_settings(db_path: Path, values: dict) -> None:
    """Write shop settings straight into a database file (the command line's record of a backup)."""
    if not values:
        return
    try:
        conn = sqlite3.connect(str(db_path), timeout=5)
        try:
            with conn:
                conn.executemany("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                                 [(k, json.dumps(v, ensure_ascii=False)) for k, v in values.items()])
        finally:
            conn.close()
    except sqlite3.Error as exc:
        log.warning("Could not record the backup in %s: %s", db_path, exc)
