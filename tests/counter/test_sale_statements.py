"""How many statements one counter sale sends to the database, on both engines: on the shop's
server every statement is a network round trip, so the count is pinned (it must not creep back)."""

from __future__ import annotations

import contextlib
import logging

from clientdesk.counter.service import SaleResult
from clientdesk.loyalty.models import CounterSale, LedgerEntry, LoyaltyMember
from clientdesk.models import Purchase
from clientdesk.services.history import LineItem
from tests.loyalty.helpers import add_client, check_ledger

# Statements peewee sends for one sale (its logger, "peewee" at DEBUG), the same on both engines.
# Not seen there: BEGIN/COMMIT, the server's write lock taken at BEGIN (clientdesk/postgres/database.py)
# and a redemption's two executemany (the lots' remaining, the ledger_use rows).
# Before the sale was read in one statement and each row written once: 23, 16 and 18.
FIRST_SALE = 11    # a new client: joins, first card, bill with a line, sign-up bonus and earned points
REPEAT_SALE = 5    # a member with a card buying again the same day: read, bill, stats, sale, points
REDEEM_SALE = 7    # ... and redeeming: the open lots read, one spending entry (and its uses), earned points


class _Statements(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.sql: list[str] = []

    def emit(self, record):
        self.sql.append(str(record.msg[0]) if isinstance(record.msg, tuple) else record.getMessage())


@contextlib.contextmanager
def statements():
    logger = logging.getLogger("peewee")
    handler, level = _Statements(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield handler.sql
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def _sale(desk, *args, **kwargs) -> tuple[SaleResult, list[str]]:
    desk.loyalty.review_if_due()  # once a day, outside the sale's count
    with statements() as sql:
        result = desk.counter.record_sale(*args, **kwargs)
    return result, list(sql)


def test_one_sale_sends_few_statements(desk):
    cid = add_client(desk)
    first, sql = _sale(desk, cid, 1_000_00, bill_no="B-1", lines=[LineItem("साड़ी", "कपड़े", 1, 1_000_00)])
    assert first.joined and first.card_number
    again, sql2 = _sale(desk, cid, 500_00, bill_no="B-2")
    desk.loyalty.adjust(cid, 200, "opening balance")
    redeem, sql3 = _sale(desk, cid, 2_000_00, redeem_points=150, confirm=True)
    assert redeem.redeemed_points == 150
    balances = check_ledger(cid)
    assert redeem.balance == balances[cid]
    assert (len(sql), len(sql2), len(sql3)) == (FIRST_SALE, REPEAT_SALE, REDEEM_SALE), (sql, sql2, sql3)
