"""The shop's loyalty programme: one set of rules, stored in Settings as JSON.

Rules only decide what happens from now on: every ledger entry keeps the expiry date and the
rupee value per point it was earned with, so changing the rules never changes earned points.
Pure functions here; the service applies them to the database.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field

from clientdesk.errors import ValidationError

SETTINGS_KEY = "loyalty_rules"
BIRTHDAY_WEEK_DAYS = 3  # the birthday week: three days either side of the birthday
EXPIRING_SOON_DAYS = 30


@dataclass(frozen=True)
class Tier:
    """A tier reached by spend in the last 12 months; `multiplier_pct` 150 means 1.5× points."""

    code: str
    name: str
    min_spend_paise: int
    multiplier_pct: int = 100
    colour: str = "#607d8b"


# The shop's own words until it changes them, in the shop's language: tier names, stamp reward,
# the terms printed on cards.
DEFAULT_TEXTS = {
    "en": {"member": "Member", "silver": "Silver", "gold": "Gold", "stamp_reward": "10% off",
           "card_terms": "Points expire 12 months after they are earned. Not transferable."},
    "hi": {"member": "सदस्य", "silver": "सिल्वर", "gold": "गोल्ड", "stamp_reward": "10% छूट",
           "card_terms": "पॉइंट मिलने के 12 महीने बाद समाप्त हो जाते हैं। यह कार्ड किसी और को नहीं दिया जा सकता।"},
}
DEFAULT_TIERS = (
    Tier("member", DEFAULT_TEXTS["en"]["member"], 0, 100, "#00796b"),
    Tier("silver", DEFAULT_TEXTS["en"]["silver"], 10_000_00, 125, "#78909c"),
    Tier("gold", DEFAULT_TEXTS["en"]["gold"], 25_000_00, 150, "#c9a227"),
)


@dataclass(frozen=True)
class LoyaltyRules:
    """Every setting of the programme, with sensible defaults for a small shop."""

    paise_per_point: int = 100_00          # 1 point for every ₹100
    min_bill_paise: int = 0                # a bill below this earns no points
    point_value_paise: int = 100           # 1 point = ₹1 when redeemed
    min_redeem_points: int = 100
    max_redeem_pct: int = 50               # at most half of a bill paid with points
    expiry_days: int = 365                 # 0 = points never expire
    stamps_needed: int = 10                # 0 = no stamp card
    stamp_min_bill_paise: int = 500_00
    stamp_reward: str = DEFAULT_TEXTS["en"]["stamp_reward"]
    signup_bonus: int = 50
    birthday_bonus: int = 100
    review_month: int = 4                  # tiers may move down only on this date each year
    review_day: int = 1
    daily_guard: int = 5                   # more loyalty transactions than this on one card in a day: confirm
    issue_card_at_first_bill: bool = True
    card_terms: str = DEFAULT_TEXTS["en"]["card_terms"]
    tiers: tuple[Tier, ...] = field(default=DEFAULT_TIERS)

    # ----- storage --------------------------------------------------------------------------
    def to_dict(self) -> dict:
        value = dataclasses.asdict(self)
        value["tiers"] = [dataclasses.asdict(t) for t in self.tiers]
        return value

    @classmethod
    def from_dict(cls, value: dict | None) -> "LoyaltyRules":
        """Rules from stored JSON; unknown keys are ignored and missing ones take the defaults."""
        value = dict(value or {})
        names = {f.name for f in dataclasses.fields(cls)}
        kwargs = {k: v for k, v in value.items() if k in names and k != "tiers"}
        if "tiers" in value:
            kwargs["tiers"] = tuple(Tier(**{k: v for k, v in t.items() if k in Tier.__dataclass_fields__})
                                    for t in value["tiers"])
        return cls(**kwargs).validated()

    def validated(self) -> "LoyaltyRules":
        """These rules, checked; raises ValidationError naming the first bad setting."""
        def need(ok: bool, name: str, reason: str = "range", message: str = "") -> None:
            if not ok:
                raise ValidationError(name, reason, message or f"{name} is out of range")

        need(self.paise_per_point >= 1, "paise_per_point")
        need(self.min_bill_paise >= 0, "min_bill_paise")
        need(self.point_value_paise >= 1, "point_value_paise")
        need(self.min_redeem_points >= 1, "min_redeem_points")
        need(0 <= self.max_redeem_pct <= 100, "max_redeem_pct")
        need(0 <= self.expiry_days <= 3650, "expiry_days")
        need(0 <= self.stamps_needed <= 100, "stamps_needed")
        need(self.stamp_min_bill_paise >= 0, "stamp_min_bill_paise")
        need(self.signup_bonus >= 0 and self.birthday_bonus >= 0, "bonus")
        need(self.daily_guard >= 1, "daily_guard")
        try:
            dt.date(2001, self.review_month, self.review_day)  # 2001: not a leap year, so never 29 Feb
        except (TypeError, ValueError):
            need(False, "review_date", "invalid", "The review date is not a real date")
        need(bool(self.tiers), "tiers", "empty", "At least one tier is needed")
        codes = [t.code for t in self.tiers]
        need(len(set(codes)) == len(codes) and all(codes), "tiers", "invalid", "Tier codes must be unique")
        need(self.tiers[0].min_spend_paise == 0, "tiers", "invalid", "The first tier starts at ₹0")
        spends = [t.min_spend_paise for t in self.tiers]
        need(spends == sorted(spends) and len(set(spends)) == len(spends), "tiers", "invalid",
             "Each tier must need more spend than the one before")
        need(all(50 <= t.multiplier_pct <= 1000 for t in self.tiers), "tiers", "range",
             "A tier multiplier is between 0.5× and 10×")
        return self

    # ----- the rules themselves --------------------------------------------------------------
    def tier(self, code: str) -> Tier:
        for t in self.tiers:
            if t.code == code:
                return t
        return self.tiers[0]

    def rank(self, code: str) -> int:
        """Position of a tier (0 = the base tier); an unknown (deleted) tier counts as the base."""
        for i, t in enumerate(self.tiers):
            if t.code == code:
                return i
        return 0

    def tier_for_spend(self, spend_paise: int) -> Tier:
        """The highest tier whose threshold the 12-month spend reaches."""
        chosen = self.tiers[0]
        for t in self.tiers:
            if spend_paise >= t.min_spend_paise:
                chosen = t
        return chosen

    def next_tier(self, code: str) -> Tier | None:
        rank = self.rank(code)
        return self.tiers[rank + 1] if rank + 1 < len(self.tiers) else None

    def points_for(self, eligible_paise: int, bill_paise: int, tier_code: str) -> int:
        """Points earned on a bill: floor(eligible / amount per point × tier multiplier)."""
        if bill_paise < self.min_bill_paise or eligible_paise <= 0:
            return 0
        return (eligible_paise * self.tier(tier_code).multiplier_pct) // (self.paise_per_point * 100)

    def redeem_cap_paise(self, bill_paise: int) -> int:
        """The most of a bill that may be paid with points."""
        return bill_paise * self.max_redeem_pct // 100

    def expiry_for(self, earned_on: dt.date) -> dt.date | None:
        return earned_on + dt.timedelta(days=self.expiry_days) if self.expiry_days else None

    def stamp_qualifies(self, bill_paise: int) -> bool:
        return self.stamps_needed > 0 and bill_paise >= self.stamp_min_bill_paise

    def review_date(self, year: int) -> dt.date:
        return dt.date(year, self.review_month, self.review_day)

    def last_review_on_or_before(self, today: dt.date) -> dt.date:
        """The most recent yearly review date not after today."""
        this_year = self.review_date(today.year)
        return this_year if this_year <= today else self.review_date(today.year - 1)


def roll_over_stamps(stamps: int, rewards_due: int, stamps_needed: int) -> tuple[int, int]:
    """Every full stamp card becomes one reward: (stamps left, rewards due). Nothing rolls over
    when the shop has no stamp card (stamps_needed 0)."""
    if stamps_needed <= 0 or stamps < stamps_needed:
        return stamps, rewards_due
    full, left = divmod(stamps, stamps_needed)
    return left, rewards_due + full


def birthday_in_week(day: int | None, month: int | None, today: dt.date) -> bool:
    """True when a birthday (day, month) falls within three days of today (29 Feb → 28 Feb)."""
    if not day or not month:
        return False
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            birthday = dt.date(year, month, day)
        except ValueError:
            birthday = dt.date(year, month, day - 1)
        if abs((birthday - today).days) <= BIRTHDAY_WEEK_DAYS:
            return True
    return False


def card_check_digit(digits: str) -> str:
    """Luhn check digit of a string of digits: catches every single wrong digit and most swaps."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


CARD_PREFIX = "7"
CARD_LENGTH = 12


def card_number(sequence: int) -> str:
    """The card number for a sequence number: prefix 7, ten digits, one Luhn check digit."""
    body = f"{CARD_PREFIX}{sequence:010d}"
    return body + card_check_digit(body)


def looks_like_card(text: str) -> bool:
    text = (text or "").strip()
    return len(text) == CARD_LENGTH and text.isdigit() and text.startswith(CARD_PREFIX)


def card_number_valid(text: str) -> bool:
    """A card number typed or scanned has the right shape and check digit."""
    text = (text or "").strip()
    return looks_like_card(text) and card_check_digit(text[:-1]) == text[-1]


def default_rules(language: str = "en") -> LoyaltyRules:
    """The default programme with its words in `language` ("en" or "hi"; others get English)."""
    texts = DEFAULT_TEXTS.get(language, DEFAULT_TEXTS["en"])
    tiers = tuple(dataclasses.replace(t, name=texts[t.code]) for t in DEFAULT_TIERS)
    return LoyaltyRules(stamp_reward=texts["stamp_reward"], card_terms=texts["card_terms"], tiers=tiers)
