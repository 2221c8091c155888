"""ImportService: the one entry point the wizard and the command line use."""

from __future__ import annotations

from pathlib import Path

from clientdesk.db import BackgroundCheckpoints
from clientdesk.errors import ValidationError
from clientdesk.importing.bulk import paused_gc
from clientdesk.importing.importer import ClientImporter, ImportResult
from clientdesk.importing.planning import ON_MATCH, RowOutcome
from clientdesk.importing.mapping import FIELDS, SourceTable
from clientdesk.importing.registers import RegisterImporter
from clientdesk.importing.report import write_error_report
from clientdesk.importing.undo import BatchInfo, ImportUndo, UndoResult
from clientdesk.progress import NO_PROGRESS, Progress

KINDS = tuple(FIELDS)


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValidationError("kind", "invalid", f"kind is one of {', '.join(KINDS)}")


class ImportService:
    """Open a file, suggest and remember the column mapping, preview, import, report, undo."""

    def __init__(self, db, clients, settings, clock, checkpoints: BackgroundCheckpoints):
        self.db = db
        self.checkpoints = checkpoints
        self.client_importer = ClientImporter(db, clients, settings, clock)
        self.register_importer = RegisterImporter(db, clients, clock, self.client_importer)
        self.undo = ImportUndo(db, clients)

    @property
    def add_opening_points(self):
        return self.client_importer.add_opening_points

    @add_opening_points.setter
    def add_opening_points(self, fn) -> None:
        """Set by the Desk to loyalty.add_opening_balance(client_id, points, note)."""
        self.client_importer.add_opening_points = fn

    def open(self, path: Path | str, kind: str = "clients") -> SourceTable:
        """Read the file and find its header row (FileFormatError if it cannot be read)."""
        _check_kind(kind)
        with paused_gc():
            return ClientImporter.open(path, kind)

    def suggest_mapping(self, source: SourceTable, kind: str = "clients") -> list[str | None]:
        _check_kind(kind)
        return self.client_importer.suggest_mapping(source, kind)

    def remember_mapping(self, source: SourceTable, kind: str, mapping: list[str | None]) -> None:
        self.client_importer.remember_mapping(source, kind, mapping)

    def preview(self, source: SourceTable, mapping: list[str | None], kind: str = "clients",
                on_match: str = "fill", limit: int = 200) -> list[RowOutcome]:
        """Each of the first rows with the status it would get; nothing is written."""
        _check_kind(kind)
        if kind == "purchases":
            return self.register_importer.preview(source, mapping, limit)
        return self.client_importer.preview(source, mapping, on_match, limit)

    def run(self, source: SourceTable, mapping: list[str | None], kind: str = "clients",
            on_match: str = "fill", progress: Progress = NO_PROGRESS) -> ImportResult:
        """Import the whole file (taken back on cancel or failure); first takes back any import a
        crash stopped halfway (importer.ClientImporter.run)."""
        _check_kind(kind)
        if on_match not in ON_MATCH:
            raise ValidationError("on_match", "invalid", f"on_match is one of {', '.join(ON_MATCH)}")
        self.undo.clean_interrupted()
        with paused_gc(), self.checkpoints.after(self.db):
            if kind == "purchases":
                return self.register_importer.run(source, mapping, progress)
            return self.client_importer.run(source, mapping, on_match, progress)

    def import_file(self, path: Path | str, kind: str = "clients", on_match: str = "fill",
                    progress: Progress = NO_PROGRESS) -> ImportResult:
        """Open, map (remembered or automatic) and import in one call (command line, bench)."""
        source = self.open(path, kind)
        return self.run(source, self.suggest_mapping(source, kind), kind, on_match, progress)

    @staticmethod
    def write_error_report(result: ImportResult, path: Path | str, language: str = "en") -> Path:
        """Save the rows with problems as an .xlsx to fix and import again."""
        return write_error_report(result, Path(path), language)

    def last_batch(self) -> BatchInfo | None:
        """The import "Undo last import" would undo (`partial` when a crash stopped it halfway)."""
        return self.undo.last_batch()

    def clean_interrupted(self) -> list[UndoResult]:
        """Take back imports a crash stopped halfway (see importing/batches.py); cheap when there are
        none, so a window may call it when it opens a desk."""
        with self.checkpoints.after(self.db):
            return self.undo.clean_interrupted()

    def undo_last(self, progress: Progress = NO_PROGRESS) -> UndoResult:
        """Remove what the last import created and restore what it changed."""
        with self.checkpoints.after(self.db):
            return self.undo.undo_last(progress)
