"""Running a whole transaction again when the server says it collided with another counter's.

PostgreSQL ends one of two colliding transactions with a serialization failure (40001) or a
deadlock (40P01); nothing of it was written, and running the same work again is correct. With the
write lock every server transaction takes (clientdesk.postgres.database.WRITE_LOCK) this is rare;
the caller of a service method that may meet it wraps the call, never a part of a transaction:

    result = retrying(lambda: desk.counter.record_sale(client_id, amount))
"""

from __future__ import annotations

import logging
import random
import time
from typing import Callable, TypeVar

from clientdesk.postgres.errors import is_conflict

log = logging.getLogger(__name__)

T = TypeVar("T")
ATTEMPTS = 5


def retrying(work: Callable[[], T], attempts: int = ATTEMPTS, pause: float = 0.02,
             sleep: Callable[[float], None] = time.sleep) -> T:
    """`work()`, run again (up to `attempts` times in all, after a short random pause that grows)
    while it fails with a conflict; any other error, or the last conflict, goes on as it is."""
    for attempt in range(1, attempts + 1):
        try:
            return work()
        except Exception as exc:
            if attempt == attempts or not is_conflict(exc):
                raise
            log.info("Transaction collided with another counter's (attempt %s of %s); running it again",
                     attempt, attempts)
            sleep(pause * attempt * (1 + random.random()))
    raise AssertionError("unreachable")  # pragma: no cover
