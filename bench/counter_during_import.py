"""Counter sales while another process imports a big client list: how long does a sale wait?

Three processes share one desk file, as two counters of one shop do: this one starts the others
and prints the table; a "counter" process records a sale every ~100 ms (the service call, timed
from the click to the commit); an "import" process imports a 100,000-row sheet (the import
bench's sheet) meanwhile. The counter starts a second before the import and stops a second after.

    python bench/counter_during_import.py [--rows 100000] [--interval 0.1]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, percentile, print_table  # noqa: F401  (ROOT puts the project on sys.path)

CLIENTS = 20  # the counter's regulars, made before the import starts


def _counter(db: Path, stop: Path, interval: float) -> None:
    """Record sales until `stop` exists; one JSON line per sale: wall time, seconds, outcome."""
    from clientdesk.desk import Desk
    from clientdesk.errors import ClientDeskError

    desk = Desk.open(db)
    ids = [cid for (cid,) in desk.db.execute_sql("SELECT id FROM client ORDER BY id LIMIT ?", (CLIENTS,))]
    n = 0
    while not stop.exists():
        started = time.perf_counter()
        try:
            desk.counter.record_sale(ids[n % len(ids)], 10_000 + n, confirm=True)
            outcome = "ok"
        except ClientDeskError as exc:
            outcome = str(exc)
        seconds = time.perf_counter() - started
        print(json.dumps({"at": time.time(), "seconds": seconds, "outcome": outcome}), flush=True)
        n += 1
        time.sleep(max(0.0, interval - seconds))
    desk.close()


def _importer(db: Path, sheet: Path) -> None:
    from clientdesk.desk import Desk

    desk = Desk.open(db)
    started = time.time()
    result = desk.imports.import_file(sheet)
    ended = time.time()
    desk.checkpoints.wait()
    desk.close()
    print(json.dumps({"started": started, "ended": ended, "created": result.created}), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--interval", type=float, default=0.1, help="seconds between two sales")
    parser.add_argument("--sheet", type=Path, help="an import bench sheet already made (else one is made)")
    parser.add_argument("--role", choices=("counter", "import"))
    parser.add_argument("--db", type=Path)
    parser.add_argument("--stop", type=Path)
    args = parser.parse_args()
    if args.role == "counter":
        _counter(args.db, args.stop, args.interval)
        return
    if args.role == "import":
        _importer(args.db, args.sheet)
        return

    from clientdesk.desk import Desk
    from clientdesk.clients.fields import ClientData, PhoneEntry
    import import_export

    work = Path(tempfile.mkdtemp(prefix="clientdesk-counter-"))
    sheet = args.sheet
    if sheet is None:
        sheet = work / "clients.xlsx"
        import_export.make_sheet(sheet, args.rows)
    db = work / "desk.sqlite"
    desk = Desk.open(db)
    for i in range(CLIENTS):
        desk.clients.create(ClientData(name=f"Counter regular {i}", phones=[PhoneEntry(f"70000{i:05d}")]))
    desk.close()

    stop = work / "stop"
    me = [sys.executable, __file__, "--db", str(db), "--interval", str(args.interval)]
    counter = subprocess.Popen(me + ["--role", "counter", "--stop", str(stop)], stdout=subprocess.PIPE, text=True)
    time.sleep(1.5)  # the counter's first sales, before the import
    importer = subprocess.run(me + ["--role", "import", "--sheet", str(sheet)], capture_output=True, text=True,
                              check=True)
    time.sleep(1.0)
    stop.touch()
    out, _ = counter.communicate(timeout=60)
    imported = json.loads(importer.stdout.strip().splitlines()[-1])
    sales = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    during = [s for s in sales if imported["started"] <= s["at"] and s["at"] - s["seconds"] <= imported["ended"]]
    alone = [s for s in sales if s not in during]

    def row(label: str, group: list[dict]) -> list:
        waits = [s["seconds"] * 1000 for s in group if s["outcome"] == "ok"]
        failed = [s for s in group if s["outcome"] != "ok"]
        return [label, len(group), len(failed), percentile(waits, 50), percentile(waits, 95),
                max(waits) if waits else float("nan")]

    print_table(f"Counter sale (click to commit) while a {imported['created']:,}-row import runs in another process "
                f"({imported['ended'] - imported['started']:.1f} s)",
                ["sales", "count", "refused", "p50 ms", "p95 ms", "max ms"],
                [row("during the import", during), row("before and after it", alone)])
    refusals = sorted({s["outcome"] for s in during if s["outcome"] != "ok"})
    for text in refusals:
        print(f"refused: {text}")


if __name__ == "__main__":
    main()
