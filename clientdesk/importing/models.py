"""What each import created or changed, so "Undo last import" can reverse it."""

from __future__ import annotations

import json

import peewee as pw

from clientdesk.db import BaseModel

KINDS = ("clients", "purchases")
ACTIONS = ("client_created", "client_updated", "purchase_created")


class ImportBatch(BaseModel):
    """One imported file."""

    kind = pw.CharField()
    file_name = pw.CharField()
    created_at = pw.DateTimeField()
    created = pw.IntegerField(default=0)
    updated = pw.IntegerField(default=0)
    undone = pw.BooleanField(default=False, index=True)


class ImportChange(BaseModel):
    """A client or purchase touched by a batch. For "client_updated", `before` holds what the
    update replaced (JSON); for created rows, ids target_id .. before["last"] (a contiguous run)."""

    batch = pw.ForeignKeyField(ImportBatch, backref="changes", on_delete="CASCADE")
    action = pw.CharField()
    target_id = pw.IntegerField(index=True)
    before = pw.TextField(null=True)


IMPORT_MODELS = [ImportBatch, ImportChange]


def record_created(batch_id: int, action: str, first_id: int, count: int) -> None:
    """Record that a batch created `count` rows with consecutive ids from `first_id`."""
    if count:
        ImportChange.create(batch=batch_id, action=action, target_id=first_id,
                            before=json.dumps({"last": first_id + count - 1}))


def created_ids(target_id: int, before: str | None) -> range:
    """The ids a "..._created" change stands for."""
    last = json.loads(before)["last"] if before else target_id
    return range(target_id, last + 1)
