"""The Desk: one open database and every service over it. The window and the command line
both build one with `Desk.open(path)` and call the same services."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import peewee

from clientdesk.backup import backup_database
from clientdesk.clock import Clock
from clientdesk.db import BackgroundCheckpoints, close_database, needs_upgrade, open_database
from clientdesk.exporting.service import ExportService
from clientdesk.greetings.service import GreetingService
from clientdesk.importing.service import ImportService
from clientdesk.insights.segments import SegmentService
from clientdesk.insights.service import InsightService
from clientdesk.loyalty.service import LoyaltyService
from clientdesk.services.clients import ClientService
from clientdesk.services.history import HistoryService
from clientdesk.services.settings import SettingsService


@dataclass
class Desk:
    path: Path
    db: object
    clock: Clock
    settings: SettingsService
    clients: ClientService
    history: HistoryService
    loyalty: LoyaltyService
    greetings: GreetingService
    imports: ImportService
    exports: ExportService
    segments: SegmentService
    insights: InsightService
    checkpoints: BackgroundCheckpoints

    @staticmethod
    def needs_upgrade(path: Path | str) -> bool:
        """True when opening `path` will first bring an older file up to date (see db.needs_upgrade)."""
        return needs_upgrade(path)

    @classmethod
    def open(cls, path: Path | str, clock: Clock | None = None, backup: bool = False) -> "Desk":
        """Open the database at `path` (backing it up first when `backup`), and build the services."""
        path = Path(path)
        if backup:
            backup_database(path, reason="start")
        clock = clock or Clock()
        db = open_database(path)
        settings = SettingsService(db)
        clients = ClientService(db, settings, clock)
        history = HistoryService(db, clients, clock)
        loyalty = LoyaltyService(db, settings, clients, history, clock)
        clients.merge_hooks.append(loyalty.merge_hook)
        checkpoints = BackgroundCheckpoints()
        imports = ImportService(db, clients, settings, clock, checkpoints)
        imports.add_opening_points = loyalty.add_opening_balance
        return cls(path=path, db=db, clock=clock, settings=settings, clients=clients, history=history,
                   loyalty=loyalty, greetings=GreetingService(db, settings, clients, history, clock, loyalty),
                   imports=imports, exports=ExportService(db, clients, clock),
                   segments=SegmentService(db, clients, clock, loyalty),
                   insights=InsightService(db, clients, settings, clock, loyalty), checkpoints=checkpoints)

    def set_language(self, language: str) -> None:
        """The shop's language ("en" or "hi") for words the desk supplies until the shop writes its
        own: the loyalty programme's tier names, stamp reward and card terms."""
        self.loyalty.set_language(language)

    def close(self) -> None:
        """Close the database, after background checkpoints, letting SQLite refresh its
        query-planner statistics first."""
        self.checkpoints.wait()
        try:
            self.db.execute_sql("PRAGMA optimize")
        except peewee.DatabaseError:  # a locked or read-only file must not stop the program from closing
            pass
        close_database()
