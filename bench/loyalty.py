"""Loyalty bench: printing cards, a counter sale, a scanned client appearing.

    python bench/loyalty.py [--clients 100000] [--entries 1000000] [--sales 300]

Targets (issue 4): 1,000 cards into one PDF <= 3 s; a counter sale commits in <= 50 ms p95 with
100,000 clients and 1,000,000 ledger entries; a scanned client appears in <= 100 ms.
Works on a scratch copy of the shared demo database, topped up with members, cards and ledger entries.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import tempfile
import time
from pathlib import Path

from _common import demo_database, print_table, qt_teardown, summary, timed, working_copy

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.text.font.db=false;qt.qpa.*=false")


def fill_ledger(desk, entries: int, seed: int = 7) -> tuple[int, float]:
    """Make every client a member with a card and spread `entries` earn entries over them (bulk SQL)."""
    from clientdesk.loyalty.models import LedgerEntry, LoyaltyMember
    from clientdesk.loyalty.rules import card_number
    from clientdesk.models import Client

    have = LedgerEntry.select().count()
    if have >= entries:
        return have, 0.0
    started = time.perf_counter()
    rng = random.Random(seed)
    today = desk.clock.today()
    ids = [cid for (cid,) in Client.select(Client.id).order_by(Client.id).tuples()]
    with desk.db.atomic():
        desk.db.execute_sql("DELETE FROM ledger_use")
        desk.db.execute_sql("DELETE FROM ledger_entry")
        desk.db.execute_sql("DELETE FROM loyalty_card")
        desk.db.execute_sql("DELETE FROM loyalty_member")
        desk.db.execute_sql("DELETE FROM counter_sale")
        desk.db.execute_sql(
            "INSERT INTO loyalty_member (client_id, joined_on, tier, tier_since, stamps, rewards_due) "
            "SELECT id, ?, 'member', ?, 0, 0 FROM client", [today.isoformat(), today.isoformat()])
        cursor = desk.db.cursor()
        cursor.executemany("INSERT INTO loyalty_card (number, client_id, status, issued_on, printed_on) "
                           "VALUES (?, ?, 'active', ?, ?)",
                           [(card_number(i + 1), cid, today.isoformat(), today.isoformat())
                            for i, cid in enumerate(ids)])
        rows = []
        for n in range(entries):
            cid = ids[n % len(ids)]
            when = today - dt.timedelta(days=rng.randrange(0, 360))
            points = rng.randrange(1, 60)
            rows.append((cid, f"{when.isoformat()} 11:00:00", when.isoformat(), "earn", points, points,
                         (when + dt.timedelta(days=365)).isoformat(), 100, ""))
            if len(rows) == 50_000:
                cursor.executemany("INSERT INTO ledger_entry (client_id, at, date, kind, points, remaining, "
                                   "expires_on, value_paise, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
                rows = []
        if rows:
            cursor.executemany("INSERT INTO ledger_entry (client_id, at, date, kind, points, remaining, "
                               "expires_on, value_paise, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    desk.db.execute_sql("ANALYZE")
    assert LoyaltyMember.select().count() == len(ids)
    return LedgerEntry.select().count(), time.perf_counter() - started


def bench_cards(desk, count: int = 1000) -> list[list]:
    from clientdesk.loyalty.models import LoyaltyCard

    ids = [cid for (cid,) in LoyaltyCard.select(LoyaltyCard.client).order_by(LoyaltyCard.id).limit(count).tuples()]
    out = Path(tempfile.mkdtemp()) / "cards.pdf"
    rows = []
    for run in range(3):
        cpu = time.process_time()
        ms, result = timed(desk.cards.write_cards, out, ids)
        rows.append([f"{count} cards, front + back (run {run + 1})", result["pages"], f"{ms / 1000:.2f}",
                     f"{time.process_time() - cpu:.2f}", out.stat().st_size // 1024, "<= 3 s"])
    return rows


def bench_sales(desk, sales: int, seed: int = 11) -> tuple[list[float], list[float]]:
    from clientdesk.loyalty.models import LoyaltyCard

    rng = random.Random(seed)
    cards = [(cid, n) for cid, n in LoyaltyCard.select(LoyaltyCard.client, LoyaltyCard.number).tuples()]
    picks = rng.sample(cards, sales)
    plain, redeeming = [], []
    for cid, number in picks:
        amount = rng.randrange(100, 20_000) * 100
        quote = desk.counter.quote_redemption(cid, amount)
        redeem = quote.points if quote.points and rng.random() < 0.3 else 0
        ms, _ = timed(desk.counter.record_sale, cid, amount, redeem_points=redeem, confirm=True, card=number)
        (redeeming if redeem else plain).append(ms)
    return plain, redeeming


def bench_scan(desk, scans: int, seed: int = 13) -> tuple[list[float], list[float]]:
    """Service figures (lookup + summary + client) and the counter screen itself (Enter to client shown)."""
    from PySide6.QtWidgets import QApplication

    from clientdesk.loyalty.models import LoyaltyCard
    from ui.counter.page import CounterPage

    rng = random.Random(seed)
    numbers = [n for (n,) in LoyaltyCard.select(LoyaltyCard.number).tuples()]
    picks = rng.sample(numbers, scans)
    service = []
    for number in picks:
        started = time.perf_counter()
        found = desk.counter.lookup(number)
        desk.loyalty.summary(found.client_ids[0])
        desk.clients.get(found.client_ids[0])
        service.append((time.perf_counter() - started) * 1000)
    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(lambda kind, context, text: None if "propagateSizeHints" in text else print(text))
    app = QApplication.instance() or QApplication([])
    page = CounterPage(desk.counter, desk.loyalty, desk.clients, desk.insights, desk.settings, desk.clock)
    page.resize(1100, 700)
    page.show()
    app.processEvents()
    screen = []
    for number in rng.sample(numbers, scans):
        page.clear()
        page.lookup.edit.setText(number)
        started = time.perf_counter()
        page.lookup.find()
        app.processEvents()
        screen.append((time.perf_counter() - started) * 1000)
        assert page.client_id is not None
    qt_teardown(page)
    return service, screen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--sales", type=int, default=300)
    parser.add_argument("--reuse", action="store_true", help="reuse the filled scratch copy of an earlier run")
    args = parser.parse_args()

    from clientdesk.desk import Desk

    source, made = demo_database(args.clients)
    if made is not None:
        print(f"demo database with {args.clients:,} clients made in {made:.0f} s")
    scratch = source.parent / "loyalty.sqlite"
    path = scratch if args.reuse and scratch.exists() else working_copy(source, "loyalty")
    desk = Desk.open(path)
    try:
        entries, fill_s = fill_ledger(desk, args.entries)
        from clientdesk.models import Client, Purchase

        print(f"{Client.select().count():,} clients, {Purchase.select().count():,} bills, "
              f"{entries:,} ledger entries (filled in {fill_s:.0f} s); load average {os.getloadavg()[0]:.1f} "
              f"on {os.cpu_count()} CPUs")
        print_table("Printed cards", ["what", "pages", "seconds", "CPU seconds", "KiB", "target"],
                    bench_cards(desk))
        plain, redeeming = bench_sales(desk, args.sales)
        print_table("Counter sale commit (bill + ledger entries, one transaction), ms",
                    ["what", "n", "median", "p95", "max", "target"],
                    [["sale", len(plain), *summary(plain), "p95 <= 50"],
                     ["sale with redemption", len(redeeming), *summary(redeeming), "p95 <= 50"],
                     ["all", len(plain) + len(redeeming), *summary(plain + redeeming), "p95 <= 50"]])
        service, screen = bench_scan(desk, min(args.sales, 200))
        print_table("Scanned card to client shown, ms", ["what", "n", "median", "p95", "max", "target"],
                    [["service: lookup + summary + client", len(service), *summary(service), "<= 100"],
                     ["counter screen: Enter to client shown", len(screen), *summary(screen), "<= 100"]])
    finally:
        desk.close()


if __name__ == "__main__":
    main()
