"""Foundation bench: search as typed, first paint of the window, scrolling to the end, memory, demo time.

    python bench/foundation.py [--clients 100000]

Targets (issue 2): search p95 <= 30 ms per keystroke; first page painted <= 1.5 s after start;
scrolling to the end stays responsive; resident memory <= 300 MB.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from _common import ROOT, client_list_keystroke, demo_database, keystrokes, print_table, search_cases, summary, timed

WINDOW_SCRIPT = r"""
import time; t0 = time.perf_counter()
import json, os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.text.font.db=false;qt.qpa.*=false")
sys.path.insert(0, sys.argv[1])
from pathlib import Path
import psutil
from PySide6.QtWidgets import QApplication
from clientdesk.paths import AppPaths
from ui.app import make_application, open_window
paths = AppPaths.under(sys.argv[3])
app = make_application([], "en")
window = open_window(paths, Path(sys.argv[2]), None, backup=False)
window.show()
table = window.pages["clients"].table
app.processEvents()
table.viewport().grab()
first_paint = time.perf_counter() - t0
model = window.pages["clients"].model
steps = []
while model.canFetchMore():
    started = time.perf_counter()
    table.scrollToBottom()
    app.processEvents()
    table.viewport().grab()
    steps.append((time.perf_counter() - started) * 1000)
rss = psutil.Process().memory_info().rss / 2**20
print(json.dumps({"first_paint_s": first_paint, "scroll_steps": steps, "rows": model.rowCount(), "rss_mb": rss}))
"""


def bench_search(db: Path) -> list[list]:
    from clientdesk.desk import Desk

    desk = Desk.open(db)
    rows = []
    for label, texts in search_cases(desk).items():
        list_ms, top_ms = [], []
        for text in texts:
            for typed in keystrokes(text):
                list_ms.append(timed(client_list_keystroke, desk, typed)[0])
                top_ms.append(timed(desk.clients.search, typed, 20)[0])
        rows.append([label, len(list_ms), *summary(list_ms), *summary(top_ms)[:2]])
    desk.close()
    return rows


def bench_window(db: Path, basedir: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", WINDOW_SCRIPT, str(ROOT), str(db), str(basedir)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=100_000)
    args = parser.parse_args()
    db, made_in = demo_database(args.clients)
    import sqlite3

    conn = sqlite3.connect(db)
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("client", "purchase", "purchase_line", "interaction")}
    conn.close()
    print_table("Data", ["clients", "bills", "purchase lines", "interactions", "demo made in (s)"],
                [[counts["client"], counts["purchase"], counts["purchase_line"], counts["interaction"],
                  f"{made_in:.1f}" if made_in else "(reused)"]])
    print_table("Search, keystroke by keystroke (ms)",
                ["query kind", "keystrokes", "list p50", "list p95", "list max", "ranked top-20 p50", "ranked p95"],
                bench_search(db))
    window = bench_window(db, db.parent / "window-base")
    steps = window["scroll_steps"]
    print_table("Window", ["first page painted (s)", "rows after scrolling to the end", "scroll steps",
                           "scroll step p95 (ms)", "scroll step max (ms)", "resident memory (MB)"],
                [[f"{window['first_paint_s']:.2f}", window["rows"], len(steps), *summary(steps)[1:],
                  f"{window['rss_mb']:.0f}"]])


if __name__ == "__main__":
    main()
