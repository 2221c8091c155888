"""copy-to (issue 14, "Moving up"): the demo desk copied into an empty database on a throwaway
PostgreSQL cluster, timed per table and per step. Issue target: 100,000 clients in 60 s or less.

    python bench/copy_to.py [--clients 100000] [--sales 2000]

The source is the bench's demo desk (bench/_common.demo_database) plus `--sales` counter sales,
a tenth of them redeeming points, so the loyalty ledger has rows to copy and check; it is made
once and reused (bench/.data). The cluster is started as the tests start theirs
(tests/postgres/cluster.py) and removed at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import shutil
import time
from pathlib import Path

from _common import DATA, demo_database, print_table

TARGET_SECONDS = 60


def loyalty_desk(clients: int, sales: int):
    """The demo desk of `clients` with `sales` counter sales on it (made once)."""
    from clientdesk.clock import Clock
    from clientdesk.desk import Desk

    path = DATA / f"copy-to-{clients}-{sales}.sqlite"
    if path.exists():
        return path
    demo, _ = demo_database(clients)
    partial = DATA / f"copy-to-{clients}-{sales}.partial"
    for old in DATA.glob(partial.name + "*"):
        old.unlink()
    shutil.copy(demo, partial)
    desk = Desk.open(partial, clock=Clock())
    try:
        rng = random.Random(14)
        ids = desk.clients.ids(limit=clients)
        started = time.perf_counter()
        for n in range(sales):
            client = rng.choice(ids)
            redeem = 100 if n % 10 == 9 and desk.loyalty.balance(client) >= 100 else 0
            desk.counter.record_sale(client, rng.randint(50_000, 2_000_000), redeem_points=redeem, confirm=True)
        print(f"made {sales:,} counter sales in {time.perf_counter() - started:.1f} s")
        desk.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        desk.close()
    shutil.move(partial, path)
    return path


def server_cpu(cluster) -> float:
    """CPU seconds the cluster has used so far: its postmaster's own and those of the processes it
    has reaped (the copy's backend, parallel index workers), from /proc (Linux)."""
    pid = int((cluster.data / "postmaster.pid").read_text().split()[0])
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--sales", type=int, default=2_000)
    args = parser.parse_args()

    from clientdesk.postgres.copy import copy_to_server
    from clientdesk.progress import Progress
    from tests.postgres.cluster import start_cluster

    source = loyalty_desk(args.clients, args.sales)
    cluster = start_cluster()
    try:
        with contextlib.closing(cluster.admin()) as conn:
            conn.execute("CREATE DATABASE bench_copy TEMPLATE template0 ENCODING 'UTF8'")
        url = cluster.url("bench_copy")
        reports = []
        load = os.getloadavg()[0]
        server_before, python_before = server_cpu(cluster), time.process_time()
        result = copy_to_server(source, url, Progress(lambda *report: reports.append(report)))
        python_cpu = time.process_time() - python_before
        time.sleep(1)  # the copy's server process has ended and been reaped by the postmaster
        server_used = server_cpu(cluster) - server_before
    finally:
        cluster.stop()
        shutil.rmtree(cluster.folder, ignore_errors=True)

    rows = [[t.table, t.rows, t.seconds] for t in sorted(result.tables, key=lambda t: -t.seconds)]
    rows += [[f"({name})", "", seconds] for name, seconds in result.steps.items()]
    print_table(f"copy-to: {source.name} ({source.stat().st_size / 1e6:.0f} MB) to an empty database "
                f"(seconds)", ["table / step", "rows", "s"], rows)
    ledger = result.ledger
    print(f"\nclients {result.clients:,}, rows {result.rows:,}, search index {result.indexed:,}; ledger "
          f"{ledger.entries:,} entries, {ledger.points:,} points, checksum {ledger.short} equal on both sides")
    print(f"progress reports: {len(reports):,}")
    print(f"CPU: this process {python_cpu:.1f} s, the server {server_used:.1f} s (all its processes); "
          f"wall {result.seconds:.1f} s; load average before the copy {load:.1f} on {os.cpu_count()} cores")
    verdict = "meets" if result.seconds <= TARGET_SECONDS else "MISSES"
    print_table("copy-to, whole run", ["clients", "rows", "seconds", "rows/s", f"target ≤ {TARGET_SECONDS} s"],
                [[result.clients, result.rows, result.seconds, round(result.rows / result.seconds), verdict]])


if __name__ == "__main__":
    main()
