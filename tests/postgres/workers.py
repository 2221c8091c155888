"""Counters in processes of their own, for the concurrency tests (run with multiprocessing's
spawn: a fresh interpreter each, as a second PC would be)."""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def counter(url: str, client_id: int, seed: int, rounds: int, barrier) -> dict:
    """Sell, redeem and undo on one client `rounds` times; returns what this counter did."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import clientdesk.desk as desk_module
    from clientdesk.clock import FixedClock
    from clientdesk.errors import StorageError, ValidationError
    from clientdesk.postgres.database import open_server
    from tests.postgres.cluster import bind_models

    db = open_server(url)
    bind_models(db)
    desk_module.open_database = lambda path: db
    desk = desk_module.Desk.open("counter", clock=FixedClock(dt.datetime(2026, 11, 22, 10, 0)))
    rng = random.Random(seed)
    done = {"sales": 0, "redeemed": 0, "undone": 0, "refused": 0, "busy": 0}
    barrier.wait(timeout=60)  # all counters start together
    for _ in range(rounds):
        action = rng.random()
        try:
            if action < 0.15:
                desk.counter.undo_last_sale()
                done["undone"] += 1
                continue
            balance = desk.loyalty.balance(client_id)
            redeem = rng.choice([0, 0, 100, balance, balance + 100]) if balance >= 100 else 0
            result = desk.counter.record_sale(client_id, rng.randint(100, 5000) * 100, redeem_points=redeem,
                                              confirm=True)
            done["sales"] += 1
            done["redeemed"] += result.redeemed_points
        except ValidationError:  # more points than the balance now holds (another counter spent them)
            done["refused"] += 1
        except StorageError as exc:
            if exc.details.get("reason") != "busy":
                raise
            done["busy"] += 1
    desk.close()
    db.close()
    return done
