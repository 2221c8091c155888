"""What each import created or changed, so "Undo last import" can reverse it."""

from __future__ import annotations

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
    """One client or purchase touched by a batch; `before` holds what an update replaced (JSON)."""

    batch = pw.ForeignKeyField(ImportBatch, backref="changes", on_delete="CASCADE")
    action = pw.CharField()
    target_id = pw.IntegerField(index=True)
    before = pw.TextField(null=True)


IMPORT_MODELS = [ImportBatch, ImportChange]
