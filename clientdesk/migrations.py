"""Schema versions in PRAGMA user_version and the numbered steps between them.

A new file gets the whole current schema at once. An older file is backed up, then brought
forward one numbered step at a time, each step in its own transaction. A file from a newer
ClientDesk is refused.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable

from playhouse.migrate import SqliteMigrator

from clientdesk import schema
from clientdesk.backup import backup_database
from clientdesk.errors import StorageError

log = logging.getLogger(__name__)

Step = Callable[[object, SqliteMigrator], None]

# version -> step that turns version-1 into version. Version 1 is the foundation schema.
MIGRATIONS: dict[int, Step] = {}


def migration(version: int):
    """Register a step that upgrades a database from `version - 1` to `version`."""

    def register(step: Step) -> Step:
        MIGRATIONS[version] = step
        return step

    return register


def latest_version() -> int:
    """The schema version this program writes."""
    from clientdesk import migration_steps  # noqa: F401  (registers the steps)

    return max(MIGRATIONS, default=1)


def _has_tables(db) -> bool:
    return bool(db.execute_sql("SELECT 1 FROM sqlite_master WHERE type='table' LIMIT 1").fetchone())


def check_version(version: int) -> None:
    """Refuse a database written by a newer ClientDesk."""
    target = latest_version()
    if version > target:
        raise StorageError(
            f"This database was written by a newer ClientDesk (schema {version}, this program knows {target}). "
            "Install the newer ClientDesk to open it."
        )


def upgrade(db, path: Path) -> int:
    """Create or migrate the schema of `db` (stored at `path`); returns the version now in force."""
    target = latest_version()
    version = db.pragma("user_version")
    check_version(version)
    if version == 0:
        if _has_tables(db):
            raise StorageError(f"{path} is not a ClientDesk database.")
        with db.atomic():
            schema.create_all(db)
            db.pragma("user_version", target)
        return target
    if version < target:
        backup_database(Path(path), reason=f"before-v{target}")
        migrator = SqliteMigrator(db)
        for step_version in range(version + 1, target + 1):
            step = MIGRATIONS.get(step_version)
            log.info("Migrating %s to schema %s", path, step_version)
            with migrator.migration_context():
                if step is not None:
                    step(db, migrator)
                db.pragma("user_version", step_version)
    return target
