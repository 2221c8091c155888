"""The time source services are given, so tests can fix "today"."""

from __future__ import annotations

import datetime as dt


class Clock:
    """System time."""

    def today(self) -> dt.date:
        return dt.date.today()

    def now(self) -> dt.datetime:
        return dt.datetime.now().replace(microsecond=0)


class FixedClock(Clock):
    """A clock stuck at one moment (tests, demo data, back-tests)."""

    def __init__(self, moment: dt.datetime | dt.date):
        if not isinstance(moment, dt.datetime):
            moment = dt.datetime.combine(moment, dt.time(10, 0))
        self.moment = moment

    def today(self) -> dt.date:
        return self.moment.date()

    def now(self) -> dt.datetime:
        return self.moment
