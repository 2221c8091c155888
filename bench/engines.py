"""Both engines side by side (issue 14): the same data on SQLite and on PostgreSQL, same machine.

    python bench/engines.py [--clients 100000] [--sales 200] [--import-rows N] [--import-runs 3]

The SQLite side is the shared demo desk (bench/_common.demo_database: 100,000 clients make about
1,000,000 purchase lines), the PostgreSQL side a throwaway cluster started here (as the tests start
theirs: tests/postgres/cluster.py, but with the server's own durability settings: fsync and
synchronous_commit on, as a shop's server runs) holding a copy of that desk made with COPY
(bench/_server.py).
Each figure goes through the services the program uses:

- search: typing Latin names, Devanagari names, phone fragments and emails letter by letter into
  what the client list asks for on each key (count, a page of ids by relevance, a block of rows);
- sale commit: two counters, each a process with its own Desk, selling at the same moment to
  random clients and every tenth sale to one client both serve; each sale (one transaction) timed;
- import: a new client sheet of --import-rows rows (bench/import_export.make_sheet) into an empty
  client book, end to end (reading the file included); the median of --import-runs runs;
- insights refresh: everything the insights page recomputes, on the demo data;
- copy-to: `main.py --db DEMO copy-to URL` into an empty server database (a process of its own,
  its start included).

A figure whose service raises is printed "not available" with the reason below the table, and the
bench goes on. Targets (issue 14): search p95 <= 30 ms per keystroke; sale commit p95 <= 50 ms with
two counters at once; 100,000-row import <= 5 s; insights refresh <= 10 s; copy-to <= 60 s.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

from _common import (DATA, ROOT, client_list_keystroke, demo_database, keystrokes, percentile, print_table,
                     search_cases, timed, working_copy)

ENGINES = ("SQLite", "PostgreSQL")
HOT_EVERY = 10  # every tenth sale of each counter goes to the client both counters serve


class NotAvailable(Exception):
    """A figure that could not be measured; the message is its one-line reason."""


def one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    name = type(exc).__name__
    text = text if isinstance(exc, NotAvailable) else f"{name}: {text}"
    return text if len(text) <= 160 else text[:157] + "..."


def where(exc: BaseException) -> str:
    """The innermost line of our own code the error came from (file:line), for the reason: the
    site to port, not the database class every statement passes through."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        path = Path(frame.filename)
        if ROOT in path.parents and not {"bench", "postgres"} & set(path.relative_to(ROOT).parts):
            return f" ({path.relative_to(ROOT)}:{frame.lineno})"
    return ""


def ms(value: float) -> str:
    return f"{value:.1f} ms"


def seconds(value: float) -> str:
    return f"{value:.2f} s"


# ----- the measurements, each on one desk (a SQLite file or a server URL) -----------------------------
def search_figures(target, cases: dict[str, list[str]]) -> dict[str, str]:
    """p95 (and n) of one keystroke in the client list, per kind of text typed."""
    from clientdesk.desk import Desk

    desk = Desk.open(target)
    try:
        client_list_keystroke(desk, "a")  # the first statement opens the connection: not a keystroke
        out, every = {}, []
        for label, texts in cases.items():
            times = [timed(client_list_keystroke, desk, typed)[0] for text in texts for typed in keystrokes(text)]
            every += times
            out[label] = f"{ms(percentile(times, 95))} (n={len(times)})"
        out["all"] = f"{ms(percentile(every, 95))} (n={len(every)})"
        return out
    finally:
        desk.close()


def seller(target, plan: list[tuple[int, int]], barrier) -> dict:
    """One counter (a process of its own): sell the planned (client, amount) bills one by one,
    timing each sale's transaction. Busy (the other counter held the write lock too long) is counted."""
    from clientdesk.desk import Desk
    from clientdesk.errors import StorageError

    desk = Desk.open(target)
    for client_id, amount in plan[:3]:  # warm up: connection, statements, caches
        desk.counter.record_sale(client_id, amount, confirm=True)
    times, busy = [], 0
    barrier.wait(timeout=120)
    for client_id, amount in plan[3:]:
        try:
            times.append(timed(desk.counter.record_sale, client_id, amount, confirm=True)[0])
        except StorageError as exc:
            if exc.details.get("reason") != "busy":
                raise
            busy += 1
    desk.close()
    return {"times": times, "busy": busy}


def sale_figures(target, client_ids: list[int], sales: int) -> dict[str, str]:
    """Two counters selling at once: p95 and median of a sale's commit over both."""
    hot = client_ids[len(client_ids) // 2]
    plans = []
    for counter in range(2):
        rng = random.Random(100 + counter)
        plans.append([(hot if n % HOT_EVERY == 0 else rng.choice(client_ids), rng.randrange(100, 20_000) * 100)
                      for n in range(sales + 3)])
    ctx = multiprocessing.get_context("spawn")
    with ctx.Manager() as manager:
        barrier = manager.Barrier(2)
        with ctx.Pool(2) as pool:
            results = pool.starmap(seller, [(str(target), plan, barrier) for plan in plans])
    times = results[0]["times"] + results[1]["times"]
    busy = results[0]["busy"] + results[1]["busy"]
    return {"p95": f"{ms(percentile(times, 95))} (n={len(times)}{f', busy {busy}' if busy else ''})",
            "median": ms(percentile(times, 50)), "max": ms(max(times))}


def import_seconds(target, sheet: Path) -> float:
    """One import of `sheet` into the empty client book at `target`, end to end (read, clean,
    match, write, indexes), in seconds."""
    from clientdesk.desk import Desk

    desk = Desk.open(target)
    try:
        elapsed, result = timed(desk.imports.import_file, sheet)
        desk.checkpoints.wait()  # SQLite's checkpoint runs after the result is shown: not counted
        if result.created == 0:
            raise NotAvailable(f"the import created no clients ({len(result.issues)} problems)")
        return elapsed / 1000
    finally:
        desk.close()


def import_figure(new_target, sheet: Path, runs: int) -> str:
    """The median of `runs` imports, each into a new empty client book (`new_target(n)`), with the
    fastest and slowest: a shared machine moves one run by a third."""
    times = sorted(import_seconds(new_target(n), sheet) for n in range(runs))
    spread = f", {seconds(times[0])}–{seconds(times[-1])} over {runs} runs" if runs > 1 else ""
    return f"{seconds(statistics.median(times))} (median{spread})"


def insights_figure(target) -> str:
    from clientdesk.desk import Desk

    desk = Desk.open(target)
    try:
        elapsed, summary = timed(desk.insights.refresh)
        return f"{seconds(elapsed / 1000)} ({summary.clients_scored:,} scored)"
    finally:
        desk.close()


def copy_to_figure(source: Path, url: str, basedir: Path) -> str:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--basedir", str(basedir), "--db", str(source),
                           "copy-to", url],
                          capture_output=True, text=True, timeout=3600)
    elapsed = time.perf_counter() - started
    if done.returncode:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        raise NotAvailable(f"main.py copy-to exited {done.returncode}: {lines[-1].strip() if lines else 'no message'}")
    return seconds(elapsed)


# ----- the table ------------------------------------------------------------------------------------
class Table:
    def __init__(self) -> None:
        self.rows: list[list[str]] = []
        self.reasons: list[str] = []

    def measure(self, label: str, target: str, cells: dict[str, object]) -> None:
        """One row: for each engine a figure, or a function giving it (an error becomes "not available")."""
        row = [label, target]
        for engine in ENGINES:
            cell = cells.get(engine, "")
            if callable(cell):
                print(f"  {label}: {engine}...", flush=True)
                try:
                    cell = cell()
                except Exception as exc:  # noqa: BLE001 - a service not ported yet: say so and go on
                    self.reasons.append(f"{engine}, {label}: not available: {one_line(exc)}{where(exc)}")
                    cell = f"not available [{len(self.reasons)}]"
            row.append(str(cell))
        self.rows.append(row)

    def print(self, title: str) -> None:
        print_table(title, ["measure", "target", *ENGINES], self.rows)
        for n, reason in enumerate(self.reasons, start=1):
            print(f"[{n}] {reason}")


def lazily(fn, *args):
    """A function giving fn(*args) once, for several cells of one measurement (one run, several
    figures); an error is kept and raised again for each of them."""
    memo: dict = {}

    def get():
        if not memo:
            try:
                memo["value"] = fn(*args)
            except Exception as exc:  # noqa: BLE001 - raised again below, for each cell
                memo["error"] = exc
        if "error" in memo:
            raise memo["error"]
        return memo["value"]

    return get


def load() -> str:
    """How busy and how quick this machine is now: a shared machine's speed moves (a factor of
    five was seen in one day), and every figure moves with it."""
    one, five, fifteen = os.getloadavg()
    started = time.perf_counter()
    for _ in range(10_000_000):
        pass
    loop = time.perf_counter() - started
    return (f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs, "
            f"a 10,000,000-step Python loop in {loop:.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=100_000, help="clients in the demo desk (default 100,000)")
    parser.add_argument("--sales", type=int, default=200, help="sales timed per counter (default 200)")
    parser.add_argument("--import-rows", type=int, help="rows of the imported sheet (default: as many as --clients)")
    parser.add_argument("--import-runs", type=int, default=3, help="imports timed per engine, median shown (default 3)")
    parser.add_argument("--search-only", action="store_true", help="measure the search rows only")
    args = parser.parse_args()
    import_rows = args.import_rows or args.clients

    print(f"{platform.node()}: {load()} at the start", flush=True)
    source, made = demo_database(args.clients)
    print(f"SQLite demo desk {source.name}" + (f" made in {made:.0f} s" if made else " (reused)"), flush=True)
    import _server
    from tests.postgres.cluster import ClusterError

    try:
        cluster = _server.launch()
    except ClusterError as exc:
        print(f"PostgreSQL: not available: {one_line(exc)}", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="engines-", dir=DATA))
    try:
        server_url, copied_in, counts = _server.copy_from_sqlite(cluster, source, "engines_demo")
        scratch = working_copy(source, "engines")  # the SQLite desk the writing figures change
        with cluster.admin() as conn:
            version = conn.execute("SHOW server_version").fetchone()[0]
            durability = ", ".join(f"{name} {conn.execute(f'SHOW {name}').fetchone()[0]}"
                                   for name in ("fsync", "full_page_writes", "synchronous_commit"))
        print(f"PostgreSQL {version} (throwaway cluster: {durability}; SQLite: WAL, "
              f"synchronous=normal): the demo desk copied to it with COPY in {copied_in:.0f} s: "
              f"{counts['client']:,} clients, {counts['purchase']:,} bills, {counts['purchase_line']:,} purchase lines",
              flush=True)
        targets = {"SQLite": scratch, "PostgreSQL": server_url}
        table = Table()

        from clientdesk.desk import Desk

        desk = Desk.open(source)
        cases = {label: texts for label, texts in search_cases(desk).items() if texts}
        client_ids = [cid for (cid,) in desk.db.execute_sql("SELECT id FROM client ORDER BY id")]
        desk.close()
        found = {engine: lazily(search_figures, targets[engine], cases) for engine in ENGINES}
        for label in [*cases, "all"]:
            table.measure(f"search p95 per keystroke, {label}", "<= 30 ms",
                          {e: (lambda e=e, label=label: found[e]()[label]) for e in ENGINES})
        if args.search_only:
            table.print(f"SQLite and PostgreSQL, {counts['client']:,} clients: search ({load()} at the end)")
            return 0

        sold = {engine: lazily(sale_figures, targets[engine], client_ids, args.sales) for engine in ENGINES}
        for key, target in (("p95", "<= 50 ms"), ("median", ""), ("max", "")):
            table.measure(f"sale commit {key}, two counters at once", target,
                          {e: (lambda e=e, key=key: sold[e]()[key]) for e in ENGINES})

        from import_export import make_sheet

        sheet = work / "clients.xlsx"
        make_sheet(sheet, import_rows)
        table.measure(f"import of a {import_rows:,}-row client sheet", "<= 5 s",
                      {"SQLite": lambda: import_figure(lambda n: work / f"import{n}.sqlite", sheet, args.import_runs),
                       "PostgreSQL": lambda: import_figure(
                           lambda n: _server.new_client_book(cluster, f"engines_import{n}"), sheet, args.import_runs)})

        table.measure("insights refresh", "<= 10 s", {e: (lambda e=e: insights_figure(targets[e])) for e in ENGINES})

        table.measure(f"copy-to of the {args.clients:,}-client demo desk", "<= 60 s",
                      {"SQLite": "(the source)",
                       "PostgreSQL": lambda: copy_to_figure(source, _server.new_database(cluster, "engines_copy"),
                                                            work / "copy-to")})

        table.print(f"SQLite and PostgreSQL, {counts['client']:,} clients, {counts['purchase_line']:,} purchase lines "
                    f"({load()} at the end)")
    finally:
        cluster.remove()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
