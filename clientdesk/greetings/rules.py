"""The rules that keep greetings respectful, as pure functions (the service feeds them rows).

- consent: only a client who consented to the channel is greeted on it (DPDP);
- minors (under 18 by birth year) only with a guardian's consent on that channel;
- frequency cap: at most `per_7_days` greetings in 7 days and `per_30_days` in 30 days;
- the same occasion never twice in one year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

# The consent channel each greeting channel needs.
CONSENT_CHANNEL = {"print": "post", "whatsapp": "whatsapp", "email": "email", "copy": "sms"}
CHANNELS = tuple(CONSENT_CHANNEL)
# The Interaction channel a greeting is logged under.
INTERACTION_CHANNEL = {"print": "letter", "whatsapp": "whatsapp", "email": "email", "copy": "sms"}

REASONS = (
    "not_found", "archived", "erased", "not_celebrated", "no_consent", "minor", "no_phone", "no_email",
    "already_greeted", "cap_7_days", "cap_30_days",
)


@dataclass(frozen=True)
class Caps:
    per_7_days: int = 1
    per_30_days: int = 4

    @classmethod
    def from_settings(cls, settings) -> "Caps":
        """The caps configured in Settings (default 1 in 7 days, 4 in 30 days)."""
        return cls(int(settings.get("greet_cap_7_days", 1)), int(settings.get("greet_cap_30_days", 4)))


@dataclass(frozen=True)
class Sent:
    """One earlier greeting of a client, as the cap sees it."""

    on: dt.date
    occasion_key: str = ""
    occasion_on: dt.date | None = None


def age_on(birth_year: int | None, birth_month: int | None, birth_day: int | None, on: dt.date) -> int | None:
    """Age in whole years, or None without a birth year. An unknown day counts as not yet reached."""
    if not birth_year:
        return None
    reached = birth_month is not None and birth_day is not None and (on.month, on.day) >= (birth_month, birth_day)
    return on.year - birth_year - (0 if reached else 1)


def is_minor(birth_year: int | None, birth_month: int | None, birth_day: int | None, on: dt.date) -> bool:
    """True for a client known to be under 18 on `on`."""
    age = age_on(birth_year, birth_month, birth_day, on)
    return age is not None and age < 18


def consent_reason(granted: bool, guardian: bool, minor: bool) -> str | None:
    """Why a client may not be greeted on a channel, or None."""
    if not granted:
        return "no_consent"
    if minor and not guardian:
        return "minor"
    return None


def cap_reason(history: Iterable[Sent], today: dt.date, occasion_key: str, occasion_on: dt.date | None,
               caps: Caps) -> str | None:
    """Why one more greeting today would be too many, or None.

    The same occasion (not "any message") is never greeted twice in one year: a greeting counts
    against an occasion when its occasion date is in the same year.
    """
    history = list(history)
    if occasion_key and occasion_on is not None:
        for sent in history:
            if sent.occasion_key == occasion_key and sent.occasion_on is not None \
                    and sent.occasion_on.year == occasion_on.year:
                return "already_greeted"
    week = sum(1 for s in history if today - dt.timedelta(days=7) < s.on <= today)
    if week >= caps.per_7_days:
        return "cap_7_days"
    month = sum(1 for s in history if today - dt.timedelta(days=30) < s.on <= today)
    if month >= caps.per_30_days:
        return "cap_30_days"
    return None
