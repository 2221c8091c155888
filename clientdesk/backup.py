"""Copies of the database file made with SQLite's online backup API."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path

from clientdesk.errors import StorageError

log = logging.getLogger(__name__)

KEEP_BACKUPS = 10


def backup_dir_for(db_path: Path) -> Path:
    """Where backups of `db_path` go: a `backups` folder beside the database."""
    return Path(db_path).parent / "backups"


def backup_database(db_path: Path, reason: str = "start", keep: int = KEEP_BACKUPS,
                    now: dt.datetime | None = None) -> Path | None:
    """Copy `db_path` into its backup folder and keep only the newest `keep` copies.

    Returns the new file, or None when there is nothing to back up yet.
    """
    db_path = Path(db_path)
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    folder = backup_dir_for(db_path)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{db_path.stem}-{stamp}-{reason}.sqlite"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(str(db_path))
        try:
            dest = sqlite3.connect(str(target))
            with dest:
                source.backup(dest)
            dest.close()
        finally:
            source.close()
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(f"Could not back up the database to {folder}: {exc}") from exc
    prune_backups(db_path, keep)
    log.info("Backed up %s to %s", db_path, target)
    return target


def list_backups(db_path: Path) -> list[Path]:
    """Backups of `db_path`, oldest first."""
    folder = backup_dir_for(db_path)
    if not folder.exists():
        return []
    return sorted(folder.glob(f"{Path(db_path).stem}-*.sqlite"))


def prune_backups(db_path: Path, keep: int = KEEP_BACKUPS) -> None:
    """Delete all but the newest `keep` backups."""
    backups = list_backups(db_path)
    for old in backups[: max(0, len(backups) - keep)]:
        old.unlink(missing_ok=True)
