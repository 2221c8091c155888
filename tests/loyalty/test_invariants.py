"""The ledger invariants over random sequences of sales, returns, redemptions, expiries, merges,
adjustments, undos and rule changes: the balance is the sum of the entries and of the unspent
lots, never negative; a refused operation changes nothing; a merge adds balances together."""

from __future__ import annotations

import dataclasses
import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clientdesk.clock import FixedClock
from clientdesk.desk import Desk
from clientdesk.errors import ValidationError
from clientdesk.loyalty.models import LedgerEntry
from clientdesk.models import Client, Purchase
from tests.loyalty.helpers import add_client, check_ledger

OPS = st.one_of(
    st.tuples(st.just("sale"), st.integers(0, 3), st.integers(1, 60_000_00), st.integers(0, 400)),
    st.tuples(st.just("return"), st.integers(0, 50)),
    st.tuples(st.just("days"), st.integers(1, 200)),
    st.tuples(st.just("merge"), st.integers(0, 3), st.integers(0, 3)),
    st.tuples(st.just("adjust"), st.integers(0, 3), st.integers(-300, 300)),
    st.tuples(st.just("undo"),),
    st.tuples(st.just("rules"), st.sampled_from([50_00, 100_00, 250_00]), st.sampled_from([0, 30, 365]),
              st.sampled_from([25, 100, 200])),
)


def _total() -> int:
    return sum(p for (p,) in LedgerEntry.select(LedgerEntry.points).tuples())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(OPS, min_size=1, max_size=20))
def test_ledger_invariants_hold_for_any_sequence(ops):
    clock = FixedClock(dt.datetime(2026, 1, 10, 10, 0))
    with tempfile.TemporaryDirectory() as tmp:
        desk = Desk.open(Path(tmp) / "l.sqlite", clock=clock)
        try:
            clients = [add_client(desk, f"Client {i}", f"98765432{i:02d}", birth_day=12, birth_month=1) for i in range(4)]
            for op in ops:
                before = _total()
                count_before = LedgerEntry.select().count()
                alive = {cid for (cid,) in Client.select(Client.id).tuples()}
                kind = op[0]
                try:
                    if kind == "sale":
                        cid = clients[op[1]]
                        if cid not in alive:
                            continue
                        quote = desk.counter.quote_redemption(cid, op[2])
                        redeem = min(op[3], quote.balance)
                        desk.counter.record_sale(cid, op[2], redeem_points=redeem, confirm=True)
                        assert redeem <= quote.points  # only allowed redemptions get here
                    elif kind == "return":
                        ids = [pid for (pid,) in Purchase.select(Purchase.id).order_by(Purchase.id).tuples()]
                        if ids:
                            desk.counter.return_purchase(ids[op[1] % len(ids)])
                    elif kind == "days":
                        clock.moment += dt.timedelta(days=op[1])
                        desk.loyalty.expire_due()
                    elif kind == "merge":
                        keep, other = clients[op[1]], clients[op[2]]
                        if keep == other or keep not in alive or other not in alive:
                            continue
                        balances = check_ledger()
                        desk.clients.merge(keep, other)
                        after = check_ledger()
                        assert after.get(keep, 0) == balances.get(keep, 0) + balances.get(other, 0)
                        assert other not in after
                        clients = [keep if c == other else c for c in clients]
                    elif kind == "adjust":
                        cid = clients[op[1]]
                        if cid not in alive or op[2] == 0:
                            continue
                        desk.loyalty.adjust(cid, op[2], "counted again")
                    elif kind == "undo":
                        if desk.counter.last_undoable_sale() is not None:
                            desk.counter.undo_last_sale()
                    elif kind == "rules":
                        rules = desk.loyalty.rules()
                        lots = list(LedgerEntry.select(LedgerEntry.id, LedgerEntry.expires_on, LedgerEntry.value_paise,
                                                       LedgerEntry.points).tuples())
                        desk.loyalty.set_rules(dataclasses.replace(rules, paise_per_point=op[1], expiry_days=op[2],
                                                                   point_value_paise=op[3]))
                        assert list(LedgerEntry.select(LedgerEntry.id, LedgerEntry.expires_on, LedgerEntry.value_paise,
                                                       LedgerEntry.points).tuples()) == lots
                except ValidationError:
                    # a refused operation records nothing
                    assert LedgerEntry.select().count() == count_before
                    assert _total() == before
                check_ledger()
        finally:
            desk.close()
