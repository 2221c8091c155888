"""The loyalty programme at work: its rules, members, the points ledger and tiers.

Every write is one transaction. The counter (clientdesk/counter/service.py) records bills and
their points through the ledger methods here, inside its own transaction; cards are issued and
printed by clientdesk/loyalty/cards_service.py.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Iterable, Sequence

import peewee as pw

from clientdesk.clock import Clock
from clientdesk.errors import NotFoundError, ValidationError
from clientdesk.loyalty.models import CounterSale, LedgerEntry, LedgerUse, LoyaltyCard, LoyaltyMember
from clientdesk.loyalty.rules import (EXPIRING_SOON_DAYS, SETTINGS_KEY, LoyaltyRules, birthday_in_week, default_rules,
                                      roll_over_stamps)
from clientdesk.models import Client, Purchase

log = logging.getLogger(__name__)

REVIEW_SETTING = "loyalty_last_review"


@dataclass
class LoyaltySummary:
    points: int
    tier: str
    stamps: int
    stamps_needed: int
    rewards_due: int
    reward_text: str
    card_number: str | None
    expiring_soon: int
    next_tier: str | None
    to_next_tier_paise: int | None
    member: bool = False
    tier_name: str = ""
    tier_colour: str = ""
    spend_12m_paise: int = 0
    next_expiry_on: dt.date | None = None
    birthday_this_week: bool = False


@dataclass
class LedgerRow:
    id: int
    at: dt.datetime
    kind: str
    points: int
    remaining: int
    expires_on: dt.date | None
    value_paise: int
    reason: str
    bill_no: str = ""
    running: int = 0
    bill_paise: int = 0  # the amount of the bill the entry belongs to (earned or redeemed on it)


class LoyaltyService:
    """The shop's loyalty programme. Needs the database, settings, clients and history services and a clock."""

    def __init__(self, db, settings, clients, history, clock: Clock | None = None):
        self.db = db
        self.settings = settings
        self.clients = clients
        self.history = history
        self.clock = clock or Clock()
        self._reviewed_for: dt.date | None = None
        self._rules: LoyaltyRules | None = None
        self.language = "en"  # of the default words, until the shop saves rules of its own (set_language)

    # ----- rules -------------------------------------------------------------------------------
    def rules(self) -> LoyaltyRules:
        """The rules in force (defaults, in the shop's language, until the shop changes them); read
        once, kept until set_rules or set_language."""
        if self._rules is None:
            stored = self.settings.get(SETTINGS_KEY, None)
            self._rules = LoyaltyRules.from_dict(stored) if stored else default_rules(self.language)
        return self._rules

    def set_language(self, language: str) -> None:
        """The language of the default words (tier names, stamp reward, card terms) while the shop
        has not saved rules of its own."""
        self.language = language
        self._rules = None

    def set_rules(self, new_rules: LoyaltyRules) -> None:
        """Save new rules. Points already earned keep their own expiry and value."""
        new_rules.validated()
        self.settings.set(SETTINGS_KEY, new_rules.to_dict())
        self._rules = new_rules

    def tier_codes(self) -> list[str]:
        """Tier codes from lowest to highest."""
        return [t.code for t in self.rules().tiers]

    # ----- members -----------------------------------------------------------------------------
    def member(self, client_id: int) -> LoyaltyMember | None:
        """The client's membership row, or None for a client who has not joined."""
        return LoyaltyMember.get_or_none(LoyaltyMember.client == client_id)

    def join(self, client_id: int, rules: LoyaltyRules, bonus: bool, sale: CounterSale | None = None) -> LoyaltyMember:
        """Make the client a member, with the sign-up bonus when `bonus` (inside the caller's transaction)."""
        today = self.clock.today()
        member = LoyaltyMember.create(client=client_id, joined_on=today, tier=rules.tiers[0].code, tier_since=today,
                                      birthday_bonus_year=None)
        if bonus and rules.signup_bonus:
            self.add_lot(client_id, "bonus", rules.signup_bonus, rules, reason="signup", sale=sale)
        return member

    def enrol(self, client_id: int) -> bool:
        """Make a client a member (with the sign-up bonus); False if already one."""
        with self.db.atomic():
            self.require_client(client_id)
            if self.member(client_id) is not None:
                return False
            self.join(client_id, self.rules(), bonus=True)
            return True

    def is_member(self, client_id: int) -> bool:
        """True when the client has joined the programme."""
        return self.member(client_id) is not None

    def require_client(self, client_id: int) -> Client:
        """The client's id, name and birthday (all loyalty needs); NotFoundError if there is no such client."""
        client = (Client.select(Client.id, Client.name, Client.birth_day, Client.birth_month)
                  .where(Client.id == client_id).first())
        if client is None:
            raise NotFoundError(f"There is no client #{client_id}")
        return client

    # ----- the ledger --------------------------------------------------------------------------
    def write_entry(self, client_id: int, kind: str, points: int, *, remaining: int = 0, expires_on=None,
                    value_paise: int = 0, reason: str = "", sale=None, purchase=None, reverses=None,
                    when: dt.datetime | None = None) -> LedgerEntry:
        """One ledger entry as it is given (inside the caller's transaction)."""
        when = when or self.clock.now()
        return LedgerEntry.create(client=client_id, at=when, date=when.date(), kind=kind, points=points,
                                  remaining=remaining, expires_on=expires_on, value_paise=value_paise,
                                  reason=reason, sale=sale, purchase=purchase, reverses=reverses)

    def add_lot(self, client_id: int, kind: str, points: int, rules: LoyaltyRules, reason: str = "",
                sale=None, purchase=None) -> LedgerEntry:
        """New points as a lot with today's expiry and point value (inside the caller's transaction)."""
        return self.write_entry(client_id, kind, points, remaining=points,
                                expires_on=rules.expiry_for(self.clock.today()), value_paise=rules.point_value_paise,
                                reason=reason, sale=sale, purchase=purchase)

    def open_lots(self, client_id: int, first_id: int | None = None) -> list[tuple[int, int, int]]:
        """(id, remaining, value_paise) of unexpired lots, oldest first (lot `first_id` before all)."""
        today = self.clock.today()
        lots = list(LedgerEntry.select(LedgerEntry.id, LedgerEntry.remaining, LedgerEntry.value_paise)
                    .where((LedgerEntry.client == client_id) & (LedgerEntry.remaining > 0)
                           & (LedgerEntry.expires_on.is_null() | (LedgerEntry.expires_on > today)))
                    .order_by(LedgerEntry.date, LedgerEntry.id).tuples())
        if first_id is not None:
            lots.sort(key=lambda lot: lot[0] != first_id)
        return lots

    def take_points(self, client_id: int, points: int, kind: str, *, reason: str = "", sale=None, purchase=None,
                    reverses=None, first_id: int | None = None, clamp: bool = False,
                    lots: list[tuple[int, int, int]] | None = None) -> tuple[LedgerEntry | None, int]:
        """Take points from lots oldest first as one negative entry; returns (entry, rupee value in paise).

        With clamp, takes what there is; otherwise raises when the balance is short."""
        if lots is None:
            lots = self.open_lots(client_id, first_id)
        available = sum(r for _, r, _ in lots)
        if points > available:
            if not clamp:
                raise ValidationError("points", "too_many", f"Only {available} points are available")
            points = available
        if points <= 0:
            return None, 0
        entry = self.write_entry(client_id, kind, -points, reason=reason, sale=sale, purchase=purchase, reverses=reverses)
        taken, value = self.plan_take(lots, points)
        uses = [(entry.id, lot_id, used) for lot_id, used in taken]
        cursor = self.db.cursor()
        cursor.executemany("UPDATE ledger_entry SET remaining = remaining - ? WHERE id = ?",
                           [(used, lot_id) for _, lot_id, used in uses])
        cursor.executemany("INSERT INTO ledger_use (entry_id, lot_id, points) VALUES (?, ?, ?)", uses)
        return entry, value

    @staticmethod
    def plan_take(lots: Sequence[tuple[int, int, int]], points: int) -> tuple[list[tuple[int, int]], int]:
        """(lot id, points used) oldest first and their rupee value in paise, for taking `points`
        from `lots` (as open_lots gives them; at most their sum): what take_points writes."""
        left, value, taken = points, 0, []
        for lot_id, remaining, lot_value in lots:
            if left == 0:
                break
            used = min(left, remaining)
            taken.append((lot_id, used))
            value += used * lot_value
            left -= used
        return taken, value

    def balance(self, client_id: int) -> int:
        """The client's points: the sum of their ledger."""
        return self._balance(client_id)

    @staticmethod
    def _balance(client_id: int) -> int:
        return LedgerEntry.select(pw.fn.SUM(LedgerEntry.points)).where(LedgerEntry.client == client_id).scalar() or 0

    def ledger(self, client_id: int, limit: int = 1000) -> list[LedgerRow]:
        """The client's ledger, newest first, with the balance after each entry."""
        query = (LedgerEntry.select(LedgerEntry, Purchase.bill_no, Purchase.amount_paise.alias("bill_paise"))
                 .join(Purchase, on=(LedgerEntry.purchase == Purchase.id), join_type=pw.JOIN.LEFT_OUTER)
                 .where(LedgerEntry.client == client_id).order_by(LedgerEntry.id).objects())
        rows, running = [], 0
        for e in query:
            running += e.points
            rows.append(LedgerRow(e.id, e.at, e.kind, e.points, e.remaining, e.expires_on, e.value_paise,
                                  e.reason, getattr(e, "bill_no", "") or "", running,
                                  getattr(e, "bill_paise", 0) or 0))
        rows.reverse()
        return rows[:limit]

    def add_opening_balance(self, client_id: int, points: int, note: str = "") -> int | None:
        """Points carried over from an earlier system, as one "opening" entry; returns its id (None for 0)."""
        points = int(points)
        if points < 0:
            raise ValidationError("opening_points", "negative", "An opening balance cannot be negative")
        if points == 0:
            return None
        with self.db.atomic():
            self.require_client(client_id)
            rules = self.rules()
            if self.member(client_id) is None:
                self.join(client_id, rules, bonus=False)
            return self.add_lot(client_id, "opening", points, rules, reason=note.strip()).id

    def adjust(self, client_id: int, points: int, reason: str) -> int:
        """A manual correction (reason required); returns the new balance. Never below zero."""
        reason = " ".join((reason or "").split())
        if not reason:
            raise ValidationError("reason", "empty", "Give a reason for the adjustment")
        if not points:
            raise ValidationError("points", "empty", "Give a number of points other than zero")
        with self.db.atomic():
            self.require_client(client_id)
            rules = self.rules()
            if self.member(client_id) is None:
                self.join(client_id, rules, bonus=False)
            self.expire_client(client_id)
            if points > 0:
                self.add_lot(client_id, "adjust", points, rules, reason=reason)
            else:
                self.take_points(client_id, -points, "adjust", reason=reason)
            return self._balance(client_id)

    # ----- expiry ------------------------------------------------------------------------------
    def expire_client(self, client_id: int) -> int:
        """Write the expiry of the client's lots past their date; returns the points expired."""
        due = list(LedgerEntry.select(LedgerEntry.id, LedgerEntry.remaining, LedgerEntry.expires_on)
                   .where((LedgerEntry.client == client_id) & (LedgerEntry.remaining > 0)
                          & (LedgerEntry.expires_on <= self.clock.today())).tuples())
        return self._expire_lots([(client_id, *row) for row in due])

    def _expire_lots(self, due: Sequence[tuple[int, int, int, dt.date]]) -> int:
        total = 0
        for client_id, lot_id, remaining, expires_on in due:
            entry = self.write_entry(client_id, "expire", -remaining, reason="", reverses=lot_id,
                                     when=dt.datetime.combine(expires_on, dt.time()))
            LedgerUse.create(entry=entry.id, lot=lot_id, points=remaining)
            LedgerEntry.update(remaining=0).where(LedgerEntry.id == lot_id).execute()
            total += remaining
        return total

    def expire_due(self, client_ids: Iterable[int] | None = None) -> int:
        """Write an expiry entry for every lot past its date (all clients, or these); returns points expired."""
        with self.db.atomic():
            query = (LedgerEntry.select(LedgerEntry.client, LedgerEntry.id, LedgerEntry.remaining, LedgerEntry.expires_on)
                     .where((LedgerEntry.remaining > 0) & (LedgerEntry.expires_on <= self.clock.today())))
            if client_ids is not None:
                query = query.where(LedgerEntry.client.in_(list(client_ids)))
            return self._expire_lots(list(query.tuples()))

    # ----- tiers -------------------------------------------------------------------------------
    def spend_12m(self, client_id: int) -> int:
        """What the client spent in the last 365 days, in paise."""
        since = self.clock.today() - dt.timedelta(days=365)
        return (Purchase.select(pw.fn.SUM(Purchase.amount_paise))
                .where((Purchase.client == client_id) & (Purchase.date > since)).scalar() or 0)

    def tier_in_force(self, rules: LoyaltyRules, stored: str | None, spend: int) -> str:
        """Up at once when the spend reaches a tier; down only at the yearly review."""
        earned = rules.tier_for_spend(spend)
        if stored is None or rules.rank(earned.code) > rules.rank(stored):
            return earned.code
        return rules.tier(stored).code

    def review_if_due(self) -> bool:
        """On the first use on or after the yearly review date, set every member's tier from their
        last 12 months of spend (tiers can go down only here). Returns True when a review ran."""
        today = self.clock.today()
        if self._reviewed_for == today:
            return False
        with self.db.atomic():
            rules = self.rules()
            due = rules.last_review_on_or_before(today)
            last = self.settings.get(REVIEW_SETTING, None)
            ran = False
            if last is not None and dt.date.fromisoformat(last) < due:
                self._review(rules, due)
                ran = True
            if last is None or ran:
                self.settings.set(REVIEW_SETTING, due.isoformat())
        self._reviewed_for = today
        return ran

    def _review(self, rules: LoyaltyRules, review_on: dt.date) -> None:
        """Tiers from the 12 months up to the review date (even when the review runs a few days late)."""
        since = review_on - dt.timedelta(days=365)
        cases = " ".join(f"WHEN spend >= {int(t.min_spend_paise)} THEN ?" for t in reversed(rules.tiers[1:]))
        params = [t.code for t in reversed(rules.tiers[1:])]
        self.db.execute_sql(
            f"""WITH s AS (SELECT m.client_id AS cid,
                       (SELECT coalesce(sum(p.amount_paise), 0) FROM purchase p
                        WHERE p.client_id = m.client_id AND p.date > ? AND p.date <= ?) AS spend
                     FROM loyalty_member m),
                 t AS (SELECT cid, CASE {cases} ELSE ? END AS tier FROM s)
                UPDATE loyalty_member SET tier = (SELECT tier FROM t WHERE t.cid = loyalty_member.client_id),
                       tier_since = ?
                WHERE tier <> (SELECT tier FROM t WHERE t.cid = loyalty_member.client_id)""",
            [since.isoformat(), review_on.isoformat(), *params, rules.tiers[0].code, review_on.isoformat()])
        log.info("Yearly loyalty tier review for %s", review_on)

    def tiers_by_client(self, client_ids: Sequence[int] | None = None) -> dict[int, str]:
        """Each member's tier in force now (stored tier, or higher when the 12-month spend reached it):
        every member, or only these clients."""
        self.review_if_due()
        rules = self.rules()
        since = (self.clock.today() - dt.timedelta(days=365)).isoformat()
        sql = ("SELECT m.client_id, m.tier, (SELECT coalesce(sum(p.amount_paise), 0) FROM purchase p "
               "WHERE p.client_id = m.client_id AND p.date > ?) FROM loyalty_member m")
        result: dict[int, str] = {}
        if client_ids is None:
            chunks = [(sql, [since])]
        else:
            ids = list(client_ids)
            chunks = [(f"{sql} WHERE m.client_id IN ({','.join('?' * len(ids[i:i + 500]))})",
                       [since, *ids[i:i + 500]]) for i in range(0, len(ids), 500)]
        for query, params in chunks:
            for cid, tier, spend in self.db.execute_sql(query, params):
                result[cid] = self.tier_in_force(rules, tier, spend)
        return result

    def refresh_tiers(self) -> int:
        """Store every upgrade that is due (bills recorded outside the counter, imports), so the
        `loyalty_member.tier` column is the tier in force for SQL filters; returns members moved up."""
        effective = self.tiers_by_client()
        with self.db.atomic():
            stored = dict(LoyaltyMember.select(LoyaltyMember.client, LoyaltyMember.tier).tuples())
            moved: dict[str, list[int]] = {}
            for cid, code in effective.items():
                if stored.get(cid) != code:
                    moved.setdefault(code, []).append(cid)
            for code, ids in moved.items():
                for start in range(0, len(ids), 500):
                    (LoyaltyMember.update(tier=code, tier_since=self.clock.today())
                     .where(LoyaltyMember.client.in_(ids[start:start + 500])).execute())
            return sum(len(ids) for ids in moved.values())

    def client_ids_by_tier(self) -> dict[str, set[int]]:
        """Member ids per tier code (every code present, lowest first); for segments and filters."""
        result: dict[str, set[int]] = {code: set() for code in self.tier_codes()}
        for cid, code in self.tiers_by_client().items():
            result.setdefault(code, set()).add(cid)
        return result

    def client_ids_in_tier(self, code: str) -> set[int]:
        """Member ids whose tier in force is `code`."""
        return self.client_ids_by_tier().get(code, set())

    # ----- the member's card (issuing and printing cards: cards_service.CardService) ------------
    def card_of(self, client_id: int) -> str | None:
        """The client's active card number, if any."""
        row = (LoyaltyCard.select(LoyaltyCard.number)
               .where((LoyaltyCard.client == client_id) & (LoyaltyCard.status == "active"))
               .order_by(LoyaltyCard.id.desc()).first())
        return row.number if row else None

    # ----- reading -----------------------------------------------------------------------------
    def summary(self, client_id: int) -> LoyaltySummary:
        """Points, tier, stamps, rewards, card and what expires soon, for one client."""
        self.review_if_due()
        rules = self.rules()
        client = self.require_client(client_id)
        member = self.member(client_id)
        today = self.clock.today()
        spend = self.spend_12m(client_id)
        tier = self.tier_in_force(rules, member.tier if member else None, spend)
        lots = list(LedgerEntry.select(LedgerEntry.remaining, LedgerEntry.expires_on)
                    .where((LedgerEntry.client == client_id) & (LedgerEntry.remaining > 0)
                           & (LedgerEntry.expires_on.is_null() | (LedgerEntry.expires_on > today))).tuples())
        soon_limit = today + dt.timedelta(days=EXPIRING_SOON_DAYS)
        expiring = [(r, e) for r, e in lots if e is not None and e <= soon_limit]
        dated = [e for _, e in lots if e is not None]
        nxt = rules.next_tier(tier)
        return LoyaltySummary(
            points=sum(r for r, _ in lots), tier=tier, stamps=member.stamps if member else 0,
            stamps_needed=rules.stamps_needed, rewards_due=member.rewards_due if member else 0,
            reward_text=rules.stamp_reward, card_number=self.card_of(client_id),
            expiring_soon=sum(r for r, _ in expiring), next_tier=nxt.code if nxt else None,
            to_next_tier_paise=max(nxt.min_spend_paise - spend, 0) if nxt else None,
            member=member is not None, tier_name=rules.tier(tier).name, tier_colour=rules.tier(tier).colour,
            spend_12m_paise=spend, next_expiry_on=min(dated) if dated else None,
            birthday_this_week=birthday_in_week(client.birth_day, client.birth_month, today))

    # ----- merge -------------------------------------------------------------------------------
    def merge_hook(self, keep_id: int, other_id: int) -> None:
        """Move the ledger, cards and counter sales of `other_id` to `keep_id` and join their stamp cards
        (called by ClientService.merge inside its transaction)."""
        for model in (LedgerEntry, LoyaltyCard, CounterSale):
            model.update(client=keep_id).where(model.client == other_id).execute()
        other = self.member(other_id)
        if other is None:
            return
        keep = self.member(keep_id)
        if keep is None:
            LoyaltyMember.update(client=keep_id).where(LoyaltyMember.client == other_id).execute()
            return
        rules = self.rules()
        keep.stamps, keep.rewards_due = roll_over_stamps(keep.stamps + other.stamps,
                                                         keep.rewards_due + other.rewards_due, rules.stamps_needed)
        if rules.rank(other.tier) > rules.rank(keep.tier):
            keep.tier, keep.tier_since = other.tier, other.tier_since
        keep.joined_on = min(keep.joined_on, other.joined_on)
        years = [y for y in (keep.birthday_bonus_year, other.birthday_bonus_year) if y]
        keep.birthday_bonus_year = max(years) if years else None
        stamps_days = [d for d in (keep.last_stamp_on, other.last_stamp_on) if d]
        keep.last_stamp_on = max(stamps_days) if stamps_days else None
        keep.save()
        LoyaltyMember.delete().where(LoyaltyMember.client == other_id).execute()
