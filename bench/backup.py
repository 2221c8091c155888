"""Backup bench: the time to back up and verify a 100,000-client desk, check it, and restore it.

    python bench/backup.py [--clients 100000] [--runs 3]

Works on a scratch copy of the shared demo database (bench/_common.py builds it once); the copies
go to a scratch backups folder and a scratch "second folder" on the same disk.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from _common import demo_database, print_table, timed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from clientdesk import backup as backups

    source, built = demo_database(args.clients)
    if built is not None:
        print(f"built the demo database in {built:.0f} s")
    scratch = Path(tempfile.mkdtemp(prefix="clientdesk-backup-bench-"))
    db = scratch / "clientdesk.sqlite"  # a scratch copy: its backups folder is scratch/backups
    shutil.copy(source, db)
    size_mb = db.stat().st_size / 1e6
    second = scratch / "second"
    second.mkdir()
    rows: dict[str, list[float]] = {}

    def record(name: str, ms: float) -> None:
        rows.setdefault(name, []).append(ms)

    try:
        moment = dt.datetime(2026, 1, 1, 9, 0)
        outcome = None
        for run in range(args.runs):
            moment += dt.timedelta(days=1)
            folder = scratch / f"run{run}"
            folder.mkdir()
            target = folder / "copy.partial"
            record("copy (SQLite online backup API, to a one-file copy)", timed(backups._copy_with_sqlite, db, target)[0])
            record("quick_check + client count of the copy", timed(backups.check_database, target)[0])
            ms, outcome = timed(backups.make_backup, db, "start", now=moment)
            record("backup, verified (copy + check + sidecar + pruning)", ms)
            ms, outcome = timed(backups.make_backup, db, "start", now=moment + dt.timedelta(hours=1),
                                second_folder=second)
            record("backup, verified, + second folder (copied and checked there)", ms)
            record("list the backups (sidecars only)", timed(backups.describe_backups, db)[0])
            ms, result = timed(backups.check_database, db, full=True)
            assert result.ok
            record("`check`: integrity_check + foreign_key_check of the desk", ms)
            ms, restored = timed(backups.restore_backup, db, outcome.info.path, now=moment + dt.timedelta(hours=2))
            record("restore (keep the current file as a verified backup, then put the copy in place)", ms)
            shutil.rmtree(folder)
        clients = outcome.info.clients
        table = [[name, statistics.median(values), max(values)] for name, values in rows.items()]
        print_table(f"Backups of a desk with {clients:,} clients ({size_mb:.0f} MB file), {args.runs} runs, ms",
                    ["step", "median", "max"], table)
        started = time.perf_counter()
        backups.describe_backups(db)
        print(f"\n{len(backups.list_backups(db))} backups kept in {backups.backup_dir_for(db)}; "
              f"listing them took {(time.perf_counter() - started) * 1000:.1f} ms")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
