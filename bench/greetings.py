"""Greetings bench: "Coming up" over 100,000 clients, composing a festival for everyone, and
1,000 personalised greeting cards into one PDF.

    python bench/greetings.py [--clients 100000] [--cards 1000]

Targets (issue 5): Coming up <= 300 ms over 100,000 clients; 1,000 cards <= 10 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

from _common import demo_database, print_table, summary, timed, working_copy


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--cards", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()

    from clientdesk.clock import FixedClock
    from clientdesk.desk import Desk
    from clientdesk.greetings import cards, deliver

    source, made = demo_database(args.clients)
    path = working_copy(source, "greetings")
    desk = Desk.open(path)
    desk.settings.set("shop_name", "शर्मा जनरल स्टोर")
    service = desk.greetings
    rows = []
    if made:
        rows.append(["demo database made (s)", made, "", "", ""])

    # Coming up on several days of the year (month windows of different lengths, festival-rich ones too)
    days = [dt.date(2026, m, d) for m, d in ((1, 1), (2, 20), (3, 1), (8, 25), (10, 15), (11, 1), (11, 22), (12, 24))]
    service.coming_up(today=days[0])  # warm the festival calendar for the year
    times = []
    for _ in range(args.runs):
        for day in days:
            ms, upcoming = timed(service.coming_up, None, day)
            times.append(ms)
    counts = upcoming.counts()
    rows.append(["Coming up, today+7 days+month (ms)", *summary(times), f"≤ 300; {counts}"])

    ms_first, _ = timed(Desk.open(path, clock=FixedClock(dt.date(2027, 6, 1))).greetings.coming_up)
    rows.append(["Coming up, first call of a new year (ms)", ms_first, "", "", "holidays package computed"])

    # composing Diwali for every client who celebrates it
    occasion, on = service.resolve("diwali", dt.date(2026, 11, 1))
    ms_ids, ids = timed(service.recipients, occasion, on)
    ms_compose, comp = timed(service.compose, occasion, on, ids, "whatsapp")
    rows.append([f"Diwali recipients ({len(ids)}) (ms)", ms_ids, "", "", ""])
    rows.append([f"compose Diwali for {len(ids)} (ms)", ms_compose, "", "",
                 f"{len(comp.drafts)} messages, {len(comp.left_out)} left out"])

    # 1,000 personalised cards (clients' own names and languages), A6 and A5
    comp_print = comp  # the same personalised messages; cards do not depend on the channel
    drafts = comp_print.drafts[: args.cards]
    with tempfile.TemporaryDirectory() as tmp:
        for layout in ("a6", "a5"):
            started, cpu = time.perf_counter(), time.process_time()
            pages = cards.write_cards(Path(tmp) / f"cards-{layout}.pdf", [deliver.card_of(comp_print, d) for d in drafts],
                                      deliver.shop_of(service), layout)
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
            size = (Path(tmp) / f"cards-{layout}.pdf").stat().st_size / 1e6
            rows.append([f"{len(drafts)} cards {layout} PDF (s)", elapsed, "", "",
                         f"≤ 10; CPU {cpu:.1f} s; {pages} pages, {size:.1f} MB"])
    desk.close()
    print_table(f"Greetings bench, {args.clients:,} clients", ["measure", "median", "p95", "max", "note"], rows)


if __name__ == "__main__":
    main()
