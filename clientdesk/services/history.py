"""Purchases (bills with optional line items) and interactions (visits, calls, messages)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Sequence

from clientdesk.branches import NOWHERE, Origin, clean_name
from clientdesk.clock import Clock
from clientdesk.errors import NotFoundError, ValidationError
from clientdesk.models import DIRECTIONS, INTERACTION_CHANNELS, Interaction, Purchase, PurchaseLine


@dataclass
class LineItem:
    product: str = ""
    category: str = ""
    qty: Decimal = Decimal(1)
    amount_paise: int = 0


@dataclass
class PurchaseRecord:
    client_id: int
    date: dt.date
    amount_paise: int
    bill_no: str = ""
    note: str = ""
    lines: list[LineItem] = field(default_factory=list)
    id: int | None = None
    branch: str | None = None   # where the bill was made; None when recording: this desk's (HistoryService.origin)
    counter: str | None = None


@dataclass
class InteractionRecord:
    client_id: int
    at: dt.datetime
    channel: str = "visit"
    direction: str = "in"
    summary: str = ""
    kind: str = ""
    id: int | None = None


class HistoryService:
    """Record and list a client's purchases and interactions; keeps the client's figures current."""

    origin: Origin = NOWHERE  # this PC's branch and counter names, recorded on the bills it makes (the Desk sets it)

    def __init__(self, db, clients, clock: Clock | None = None):
        self.db = db
        self.clients = clients
        self.clock = clock or Clock()

    def _check_purchase(self, record: PurchaseRecord) -> None:
        if record.amount_paise < 0:
            raise ValidationError("amount", "negative", "The amount cannot be negative")
        if record.date > self.clock.today():
            raise ValidationError("date", "future", "The bill date is in the future")
        for line in record.lines:
            if line.amount_paise < 0 or line.qty <= 0:
                raise ValidationError("lines", "invalid", "Each item needs a positive quantity and amount")

    def record_purchase(self, record: PurchaseRecord) -> int:
        """Save one bill with its items; returns the purchase id."""
        self._check_purchase(record)
        with self.db.atomic():
            if not self.clients.exists(record.client_id):
                raise NotFoundError(f"There is no client #{record.client_id}")
            return self.write_purchase(record)

    def write_purchase(self, record: PurchaseRecord) -> int:
        """record_purchase inside the caller's transaction, for a client the caller has just read
        (no savepoint, no second look for the client: the counter's sale)."""
        self._check_purchase(record)
        branch = self.origin.branch if record.branch is None else clean_name(record.branch, "branch")
        counter = self.origin.counter if record.counter is None else clean_name(record.counter, "counter")
        purchase = Purchase.create(client=record.client_id, date=record.date, bill_no=record.bill_no.strip(),
                                   amount_paise=record.amount_paise, note=record.note,
                                   created_at=self.clock.now(), branch=branch, counter=counter)
        if record.lines:
            PurchaseLine.insert_many([
                {"purchase": purchase.id, "product": l.product.strip(), "category": l.category.strip(),
                 "qty": l.qty, "amount_paise": l.amount_paise} for l in record.lines]).execute()
        self.clients.refresh_stats([record.client_id])
        return purchase.id

    def delete_purchase(self, purchase_id: int) -> None:
        """Remove a bill entered by mistake (its items go with it)."""
        with self.db.atomic():
            purchase = Purchase.get_or_none(Purchase.id == purchase_id)
            if purchase is None:
                raise NotFoundError(f"There is no purchase #{purchase_id}")
            client_id = purchase.client_id
            purchase.delete_instance(recursive=True)
            self.clients.refresh_stats([client_id])

    def purchases(self, client_id: int, limit: int = 500) -> list[PurchaseRecord]:
        """A client's bills, newest first, with their items."""
        bills = list(Purchase.select().where(Purchase.client == client_id)
                     .order_by(Purchase.date.desc(), Purchase.id.desc()).limit(limit))
        lines: dict[int, list[LineItem]] = {}
        if bills:
            for l in PurchaseLine.select().where(PurchaseLine.purchase.in_([b.id for b in bills])).order_by(PurchaseLine.id):
                lines.setdefault(l.purchase_id, []).append(LineItem(l.product, l.category, l.qty, l.amount_paise))
        return [PurchaseRecord(client_id, b.date, b.amount_paise, b.bill_no, b.note, lines.get(b.id, []), b.id,
                               branch=b.branch, counter=b.counter)
                for b in bills]

    def log_interaction(self, record: InteractionRecord) -> int:
        """Save one visit, call or message; returns its id."""
        if record.channel not in INTERACTION_CHANNELS:
            raise ValidationError("channel", "invalid", f"Unknown channel {record.channel}")
        if record.direction not in DIRECTIONS:
            raise ValidationError("direction", "invalid", f"Unknown direction {record.direction}")
        with self.db.atomic():
            if not self.clients.exists(record.client_id):
                raise NotFoundError(f"There is no client #{record.client_id}")
            row = Interaction.create(client=record.client_id, at=record.at, channel=record.channel,
                                     direction=record.direction, summary=record.summary.strip(), kind=record.kind)
            if record.channel == "visit":
                self.clients.refresh_stats([record.client_id])
        return row.id

    def interactions(self, client_id: int, limit: int = 500) -> list[InteractionRecord]:
        """A client's timeline, newest first."""
        query = (Interaction.select().where(Interaction.client == client_id)
                 .order_by(Interaction.at.desc(), Interaction.id.desc()).limit(limit))
        return [InteractionRecord(client_id, i.at, i.channel, i.direction, i.summary, i.kind, i.id) for i in query]

    def client_ids_with_purchases(self, client_ids: Sequence[int]) -> set[int]:
        return {cid for (cid,) in Purchase.select(Purchase.client).where(Purchase.client.in_(list(client_ids))).distinct().tuples()}
