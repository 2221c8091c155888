"""Undo the last import: remove the clients and bills it created, restore what it changed.

The same reversal takes back an import that failed or was cancelled after some of its blocks were
committed (`discard`), and one a crash stopped halfway (`clean_interrupted`, see batches.py)."""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass

from clientdesk import search
from clientdesk.errors import ClientDeskError, NotFoundError
from clientdesk.importing import batches
from clientdesk.importing.models import ImportBatch, ImportChange, created_ids
from clientdesk.models import Client, ClientTag, Phone, Purchase, PurchaseLine, Tag
from clientdesk.progress import NO_PROGRESS, Cancelled, Progress

log = logging.getLogger(__name__)
CHUNK = 500
# After each chunk's commit the lock stays free this long: a sale waiting on another counter gets
# it (it asks every db.LOCK_POLL_SECONDS; SQLite's locks are not fair), as between import blocks.
PAUSE_SECONDS = 0.005


class _Uncancellable:
    """Progress for work that must run to its end once started: a cancel is ignored."""

    def __init__(self, progress: Progress):
        self.progress = progress

    def update(self, done: int, total: int) -> None:
        try:
            self.progress.update(done, total, "")
        except Cancelled:
            pass


@dataclass
class BatchInfo:
    """One import that can be undone."""

    id: int
    kind: str
    file_name: str
    created_at: object
    created: int
    updated: int
    partial: bool = False  # an import a crash stopped halfway: undoing it removes what it wrote


@dataclass
class UndoResult:
    batch: BatchInfo
    removed_clients: int = 0
    restored_clients: int = 0
    removed_purchases: int = 0
    kept_clients: int = 0  # created by the import but with bills or edits (a merge) since: kept


class ImportUndo:
    """Reverses ImportBatch records, newest first."""

    def __init__(self, db, clients):
        self.db = db
        self.clients = clients

    def last_batch(self) -> BatchInfo | None:
        """The newest import not yet undone (an import still running in another window is not one)."""
        running = batches.running()
        live = [b for b, alive in running.items() if alive]
        row = (ImportBatch.select().where(ImportBatch.undone == False, ImportBatch.id.not_in(live))  # noqa: E712
               .order_by(ImportBatch.id.desc()).first())
        if row is None:
            return None
        return BatchInfo(row.id, row.kind, row.file_name, row.created_at, row.created, row.updated,
                         partial=row.id in running)

    def undo_last(self, progress: Progress = NO_PROGRESS) -> UndoResult:
        """Undo the newest import in one transaction; raises NotFoundError if there is none. An
        import a crash stopped halfway is the newest: undoing it removes what it had written."""
        if any(batches.running().values()):
            raise ClientDeskError("Another window is importing a file right now; undo when it has finished.")
        info = self.last_batch()
        if info is None:
            raise NotFoundError("There is no import to undo")
        return self._undo(info, progress, forget=info.partial)

    def discard(self, batch_id: int) -> UndoResult:
        """Take back a batch this process is writing and gave up on (failure, cancel)."""
        row = ImportBatch.get_by_id(batch_id)
        return self._undo(BatchInfo(row.id, row.kind, row.file_name, row.created_at, row.created, row.updated,
                                    partial=True), forget=True)

    def clean_interrupted(self) -> list[UndoResult]:
        """Take back every import whose process died halfway (crash, power cut, killed): the rows
        its committed blocks wrote go, the clients it changed get their values back. Imports
        still running elsewhere are left alone."""
        dead = sorted((b for b, alive in batches.running().items() if not alive), reverse=True)
        rows = list(ImportBatch.select().where(ImportBatch.id.in_(dead)).order_by(ImportBatch.id.desc()))
        results = []
        for row in rows:
            log.warning("Taking back import %s (%s), stopped halfway", row.id, row.file_name)
            results.append(self._undo(BatchInfo(row.id, row.kind, row.file_name, row.created_at, row.created,
                                                row.updated, partial=True), forget=True))
        return results

    def _undo(self, info: BatchInfo, progress: Progress = NO_PROGRESS, forget: bool = False) -> UndoResult:
        """Reverse batch `info` in short transactions of CHUNK rows (100,000 clients took 14.6 s in
        one, and a counter's sale gave up after 5 s), under the batch's running marker: a crash
        halfway leaves a marked batch that clean_interrupted finishes (every step can run twice).
        Not cancellable once started: a half-undone import is worse than either end."""
        result = UndoResult(info)
        report = _Uncancellable(progress)
        with self.db.atomic():
            batches.mark(info.id)
            batches.restore_indexes(info.id)  # an import stopped during its load: the deletes below need them
            changes = list(ImportChange.select(ImportChange.action, ImportChange.target_id, ImportChange.before)
                           .where(ImportChange.batch == info.id,
                                  ImportChange.action.not_in([batches.RUNNING, batches.INDEXES]))
                           .order_by(ImportChange.id.desc()).tuples())
        total = len(changes)
        purchases = [i for a, t, b in changes if a == "purchase_created" for i in created_ids(t, b)]
        for start in range(0, len(purchases), CHUNK):
            chunk = purchases[start:start + CHUNK]
            with self.db.atomic():
                batches.beat(info.id)
                touched = {c for (c,) in Purchase.select(Purchase.client).where(Purchase.id.in_(chunk)).tuples()}
                PurchaseLine.delete().where(PurchaseLine.purchase.in_(chunk)).execute()
                result.removed_purchases += Purchase.delete().where(Purchase.id.in_(chunk)).execute()
                self.clients.refresh_stats(sorted(touched))
        report.update(len(purchases), total)
        updated = [(t, b) for a, t, b in changes if a == "client_updated"]
        for start in range(0, len(updated), CHUNK):
            with self.db.atomic():
                batches.beat(info.id)
                restored = []
                for target, before in updated[start:start + CHUNK]:
                    if self.clients.exists(target):
                        self._restore(target, json.loads(before))
                        restored.append(target)
                self.clients.reindex(restored)
            result.restored_clients += len(restored)
        created = [i for a, t, b in changes if a == "client_created" for i in created_ids(t, b)]
        for start in range(0, len(created), CHUNK):
            chunk = created[start:start + CHUNK]
            with self.db.atomic():
                batches.beat(info.id)
                busy = {c for (c,) in Purchase.select(Purchase.client).where(Purchase.client.in_(chunk)).distinct().tuples()}
                busy |= {c for (c,) in Client.select(Client.id).where(Client.id.in_(chunk),
                                                                     Client.updated_at > info.created_at).tuples()}
                present = {c for (c,) in Client.select(Client.id).where(Client.id.in_(chunk)).tuples()}
                gone = [c for c in chunk if c in present and c not in busy]
                result.kept_clients += len(busy)
                Client.update(referred_by=None).where(Client.referred_by.in_(gone)).execute()
                search.delete_rows(self.db, gone)
                Client.delete().where(Client.id.in_(gone)).execute()
            result.removed_clients += len(gone)
            time.sleep(PAUSE_SECONDS)
            report.update(len(purchases) + len(updated) + start + len(chunk), total)
        with self.db.atomic():
            if forget:  # an import that never finished leaves no record behind, only the log's line
                ImportBatch.delete().where(ImportBatch.id == info.id).execute()
            else:
                ImportBatch.update(undone=True).where(ImportBatch.id == info.id).execute()
                batches.clear_marker(info.id)
        log.info("Undid import %s (%s)", info.id, info.file_name)
        return result

    @staticmethod
    def _restore(client_id: int, snapshot: dict) -> None:
        fields = dict(snapshot.get("fields", {}))
        for name in ("email", "gstin"):
            if name in fields:
                fields[name] = fields[name] or None
        added = snapshot.get("phones_added", [])
        if added:
            Phone.delete().where(Phone.client == client_id, Phone.number.in_(added)).execute()
        primary = snapshot.get("primary")
        if primary:
            Phone.update(is_primary=(Phone.number == primary)).where(Phone.client == client_id).execute()
        tags = snapshot.get("tags_added", [])
        if tags:
            ClientTag.delete().where(ClientTag.client == client_id,
                                     ClientTag.tag.in_(Tag.select(Tag.id).where(Tag.name.in_(tags)))).execute()
        names = [t for (t,) in Tag.select(Tag.name).join(ClientTag).where(ClientTag.client == client_id).tuples()]
        fields["tags_text"] = ", ".join(sorted(names, key=str.casefold))
        fields["primary_phone"] = primary
        Client.update(**fields).where(Client.id == client_id).execute()
