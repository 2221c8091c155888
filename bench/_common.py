"""Helpers shared by the bench scripts: a demo database of a given size, timing, a printed table."""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DATA = Path(os.environ.get("CLIENTDESK_BENCH_DATA", ROOT / "bench" / ".data"))


def demo_database(clients: int = 100_000, seed: int = 1) -> tuple[Path, float | None]:
    """Path of a demo database with `clients` clients (made once and reused); and the seconds it took
    to make, when it was made now."""
    from clientdesk.desk import Desk
    from clientdesk.demo import generate

    path = DATA / f"demo-{clients}-{seed}.sqlite"
    if path.exists():
        return path, None
    DATA.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in DATA.glob(partial.name + "*"):
        leftover.unlink()
    started = time.perf_counter()
    desk = Desk.open(partial)
    generate(desk, clients, seed=seed)
    desk.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    desk.close()
    elapsed = time.perf_counter() - started
    shutil.move(partial, path)
    return path, elapsed


def working_copy(path: Path, name: str) -> Path:
    """A scratch copy of a bench database, so a bench that writes leaves the shared one as it was."""
    target = DATA / f"{name}.sqlite"
    for old in DATA.glob(f"{name}.sqlite*"):
        old.unlink()
    shutil.copy(path, target)
    return target


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    """(milliseconds, result) of one call."""
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    return (time.perf_counter() - started) * 1000, result


def print_table(title: str, header: list[str], rows: list[list]) -> None:
    """A plain text table, columns padded."""
    cells = [header] + [[f"{c:.1f}" if isinstance(c, float) else str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    print(f"\n{title}")
    print("  ".join(h.ljust(w) for h, w in zip(cells[0], widths)))
    print("  ".join("-" * w for w in widths))
    for row in cells[1:]:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths)))


def summary(values: list[float]) -> list[float]:
    return [statistics.median(values), percentile(values, 95), max(values)]


def qt_teardown(*widgets) -> None:
    """End a bench's Qt part in order, while Python is still whole: background jobs finished,
    the widgets closed and deleted, Qt's messages back to its own handler (a Python handler left
    installed would be called during Qt's teardown at interpreter exit). The `ui` package, imported
    by every bench that shows a widget, also guards against PySide6 6.12.0's refcount bug on None
    and on True and False (ui/none_guard.py), the cause of the "none_dealloc" / "bool_dealloc"
    abort at exit."""
    import shiboken6
    from PySide6.QtCore import QThreadPool, qInstallMessageHandler

    QThreadPool.globalInstance().waitForDone(60_000)
    for widget in widgets:
        if shiboken6.isValid(widget):
            widget.close()
            shiboken6.delete(widget)
    qInstallMessageHandler(None)


# ----- search as typed into the client list (bench/foundation.py, bench/engines.py) ----------------
def keystrokes(text: str) -> list[str]:
    """What the search box holds after each key: "r", "ra", "ram", ..."""
    return [text[:i] for i in range(1, len(text) + 1)]


def client_list_keystroke(desk, typed: str) -> None:
    """What the client list does on a keystroke (ui/clients/list_model.py): the count, the first
    page of ids by relevance, the first block of rows."""
    from clientdesk.clients.listing import ClientFilter
    from ui.clients.list_model import BLOCK, PAGE

    flt = ClientFilter(text=typed)
    desk.clients.count(flt)
    ids = desk.clients.ids(flt, "relevance", False, 0, PAGE)
    desk.clients.rows(ids[:BLOCK])


def search_cases(desk) -> dict[str, list[str]]:
    """Texts typed in the search benches: names in Latin and Devanagari letters, fragments of
    stored phone numbers, stored emails (the last two taken from the desk, past its first rows)."""
    clients = desk.db.execute_sql("SELECT count(*) FROM client").fetchone()[0]
    phones = [n for (n,) in desk.db.execute_sql("SELECT number FROM phone ORDER BY id LIMIT 20 OFFSET ?",
                                                (min(5000, clients // 2),))]
    emails = [e for (e,) in desk.db.execute_sql(
        "SELECT email FROM client WHERE email IS NOT NULL ORDER BY id LIMIT 5 OFFSET ?", (min(3000, clients // 20),))]
    return {
        "Latin names": ["ramesh kumar", "sunita sharma", "laxmi narayan", "harpreet kaur", "abhishek joshi"],
        "Devanagari names": ["रमेश कुमार", "सुनीता शर्मा", "लक्ष्मी", "प्रिया सिंह"],
        "phone fragments": [p[3:] for p in phones[:5]] + [p[-6:] for p in phones[5:10]],
        "emails": emails,
    }
