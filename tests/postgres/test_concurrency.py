"""Several counters selling, redeeming and undoing on the same client at the same moment, each in a
process of its own: the ledger stays whole (no lost, doubled or negative points)."""

from __future__ import annotations

import contextlib
import multiprocessing

import psycopg

from clientdesk.clients.fields import ClientData, PhoneEntry
from tests.loyalty.helpers import check_ledger
from tests.postgres.workers import counter

COUNTERS = 3
ROUNDS = 40


def test_counters_at_once_keep_the_ledger_whole(server_desk, server_url):
    client = server_desk.clients.create(ClientData(name="रमेश कुमार", phones=[PhoneEntry("9876543210")]))
    server_desk.loyalty.adjust(client, 500, "opening balance")

    ctx = multiprocessing.get_context("spawn")
    with ctx.Manager() as manager:
        barrier = manager.Barrier(COUNTERS)
        with ctx.Pool(COUNTERS) as pool:
            results = pool.starmap(counter, [(server_url, client, seed, ROUNDS, barrier) for seed in range(COUNTERS)])
    assert sum(r["sales"] for r in results) > COUNTERS * ROUNDS // 2
    assert sum(r["redeemed"] for r in results) > 0

    with contextlib.closing(psycopg.connect(server_url)) as conn:
        rows = lambda sql, *p: conn.execute(sql, p or None).fetchall()  # noqa: E731
        # every lot: 0 <= remaining <= points; every spending entry used exactly its points from lots
        assert rows("SELECT count(*) FROM ledger_entry WHERE points > 0 AND NOT (remaining BETWEEN 0 AND points)") \
            == [(0,)]
        assert rows("SELECT count(*) FROM ledger_entry WHERE points <= 0 AND remaining <> 0") == [(0,)]
        (balance, remaining), = rows("SELECT sum(points), sum(remaining) FROM ledger_entry WHERE client_id = %s",
                                     client)
        assert balance == remaining >= 0
        # the balance is what the sales left: opening 500 + earned - redeemed, undone sales taken back
        (earned, redeemed), = rows(
            "SELECT coalesce(sum(earned_points + bonus_points), 0), coalesce(sum(redeemed_points), 0) "
            "FROM counter_sale WHERE client_id = %s AND NOT undone", client)
        assert balance == 500 + earned - redeemed
        # no sale recorded twice or lost: each counter's count of sales is in the table
        (sales,), = rows("SELECT count(*) FROM counter_sale WHERE client_id = %s", client)
        assert sales == sum(r["sales"] for r in results)
    assert server_desk.loyalty.balance(client) == balance
    assert check_ledger(client) == {client: balance}  # the loyalty tests' invariants, on the server's rows
