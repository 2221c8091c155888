"""Two cores for one big import: Python prepares on a helper thread, SQLite writes on this one.

An import's Python work (cleaning cells, matching people, building rows) and SQLite's work
(inserting rows, filling the search index) each take seconds for 100,000 clients. SQLite runs a
statement without holding Python's lock, so while the thread that owns the connection runs one
statement, the helper thread prepares the next ones. That only pays with big statements (many
rows each, see bulk.insert_statements): every statement takes Python's lock back when it ends, and
with a busy helper each take-back waits for a thread switch. The switch interval is shortened
while a pipeline runs so those waits stay short (measured: 100,000 rows per-row took 30 s against a
busy helper; in multi-row statements 5 % longer than alone).
"""

from __future__ import annotations

import logging
import queue
import sys
import threading
from typing import Callable, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")
Item = TypeVar("Item")
SWITCH_INTERVAL = 0.001  # seconds; Python's default is 0.005
DEPTH = 4  # items prepared ahead of the writer (bounds the memory they hold)
_DONE = object()


class _Stopped(BaseException):
    """The writer failed or was cancelled: the helper stops at its next hand-over (a BaseException,
    so no `except Exception` in the preparing code can swallow it)."""


def pipelined(prepare: Callable[[Callable[[Item], None]], T], write: Callable[[Item], None]) -> T:
    """Run `prepare(hand_over)` on a helper thread and `write(item)` on this thread for every item
    it hands over, in order; return what `prepare` returned. `prepare` must not touch the database
    (the connection belongs to this thread). An exception on either side stops both and is raised
    here once the helper has ended, so the caller's transaction rolls back with nothing running."""
    items: queue.Queue = queue.Queue(maxsize=DEPTH)
    stop = threading.Event()
    outcome: dict[str, object] = {}

    def hand_over(item: Item) -> None:
        while True:
            if stop.is_set():
                raise _Stopped
            try:
                items.put(item, timeout=0.05)
                return
            except queue.Full:
                continue

    def helper() -> None:
        try:
            outcome["value"] = prepare(hand_over)
        except _Stopped:
            pass
        except BaseException as exc:  # raised again on the writing thread
            outcome["error"] = exc
        finally:
            items.put(_DONE)  # the writer always drains up to here

    previous = sys.getswitchinterval()
    sys.setswitchinterval(min(previous, SWITCH_INTERVAL))
    thread = threading.Thread(target=helper, name="import-prepare", daemon=True)
    thread.start()
    try:
        while (item := items.get()) is not _DONE:
            write(item)
    except BaseException:
        stop.set()
        while items.get() is not _DONE:
            pass
        thread.join()
        if "error" in outcome:  # the writer's failure is raised; this one would be lost
            log.error("The import's preparing thread failed too", exc_info=outcome["error"])
        raise
    finally:
        thread.join()
        sys.setswitchinterval(previous)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
