"""Small builders shared by the loyalty tests."""

from __future__ import annotations

from clientdesk.loyalty.models import LedgerEntry, LedgerUse
from clientdesk.clients.fields import ClientData, PhoneEntry


def add_client(desk, name: str = "रमेश कुमार", phone: str = "9876543210", **fields) -> int:
    return desk.clients.create(ClientData(name=name, phones=[PhoneEntry(phone)], **fields))


def check_ledger(client_id: int | None = None) -> dict[int, int]:
    """Assert the ledger invariants (per client or everywhere); returns each client's balance."""
    query = LedgerEntry.select()
    if client_id is not None:
        query = query.where(LedgerEntry.client == client_id)
    balances: dict[int, int] = {}
    remaining: dict[int, int] = {}
    for e in query:
        balances[e.client_id] = balances.get(e.client_id, 0) + e.points
        if e.points > 0:
            assert 0 <= e.remaining <= e.points
        else:
            assert e.remaining == 0
        remaining[e.client_id] = remaining.get(e.client_id, 0) + e.remaining
        if e.points < 0:
            used = sum(u.points for u in LedgerUse.select().where(LedgerUse.entry == e.id))
            assert used == -e.points, (e.kind, used, e.points)
            assert all(u.lot.client_id == e.client_id for u in LedgerUse.select().where(LedgerUse.entry == e.id))
    for cid, balance in balances.items():
        assert balance >= 0
        assert balance == remaining[cid]
    return balances
