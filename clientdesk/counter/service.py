"""The counter: find the client, record a bill with its points, stamp and bonuses, undo it, take a return.

Every write is one transaction. A counter sale records the bill through HistoryService and its
ledger entries through the loyalty service inside the same transaction, so either both are saved
or neither. The programme itself (rules, ledger, tiers, cards) is the loyalty service's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable, Sequence

import peewee as pw

from clientdesk.branches import NOWHERE, Origin
from clientdesk.clock import Clock
from clientdesk.errors import ConfirmationNeeded, NotFoundError, ValidationError
from clientdesk.loyalty.cards_service import CardService
from clientdesk.loyalty.models import CounterSale, LedgerEntry, LedgerUse, LoyaltyCard, LoyaltyMember
from clientdesk.loyalty.rules import birthday_in_week, looks_like_card, roll_over_stamps
from clientdesk.loyalty.service import LoyaltyService
from clientdesk.models import Client, Purchase
from clientdesk.services.history import LineItem, PurchaseRecord
from clientdesk.validate import normalize_phone


_MEMBER_FIELDS = ("tier", "stamps", "rewards_due", "last_stamp_on", "birthday_bonus_year")


@dataclass
class _MemberState:
    """What a sale reads and changes of a member's row (LoyaltyMember)."""

    tier: str
    stamps: int = 0
    rewards_due: int = 0
    last_stamp_on: dt.date | None = None
    birthday_bonus_year: int | None = None


@dataclass
class _SaleContext:
    birth_day: int | None
    birth_month: int | None
    count_today: int
    spend_12m: int
    balance: int
    lots_due: bool
    card_number: str | None
    member: _MemberState | None


@dataclass
class RedeemQuote:
    """The most points allowed on a bill and what they are worth."""

    points: int
    paise: int
    balance: int


@dataclass
class SaleResult:
    sale_id: int
    purchase_id: int | None
    client_id: int
    card_number: str | None
    amount_paise: int
    redeemed_points: int
    redeemed_paise: int
    net_paise: int
    points_earned: int
    bonus_points: int
    balance: int
    stamps: int
    stamps_needed: int
    stamp_added: bool
    rewards_due: int
    reward_earned: bool
    reward_used: bool
    tier: str
    tier_changed: bool
    joined: bool
    branch: str = ""   # where it was rung up (this desk's names)
    counter: str = ""

    def to_json(self) -> dict:
        """The result for `sale --json`."""
        return dict(self.__dict__)


@dataclass
class Lookup:
    """What the counter's one box found. kind: card | phone | name | new_phone | bad_card | blocked_card | none.
    A phone shared by a household finds all its people (kind phone, several client_ids, oldest first)."""

    kind: str
    client_ids: list[int] = field(default_factory=list)
    phone: str = ""
    card: str = ""


@dataclass
class UndoResult:
    sale_id: int
    client_id: int
    amount_paise: int
    points_reversed: int
    points_restored: int


class CounterService:
    """The shop counter. Needs the database, the loyalty service (its programme and ledger), the
    card service, the clients and history services and a clock. `origin`: this PC's branch and
    counter names, recorded on each sale and its bill (the Desk sets it)."""

    origin: Origin = NOWHERE

    def __init__(self, db, loyalty: LoyaltyService, cards: CardService, clients, history, clock: Clock | None = None):
        self.db = db
        self.loyalty = loyalty
        self.cards = cards
        self.clients = clients
        self.history = history
        self.clock = clock or Clock()

    def lookup(self, text: str, limit: int = 10) -> Lookup:
        """Resolve what was scanned or typed at the counter: a card, a phone, or a name."""
        text = (text or "").strip()
        if not text:
            return Lookup("none")
        compact = text.replace(" ", "").replace("-", "")
        if looks_like_card(compact):
            try:
                return Lookup("card", [self.cards.client_for_card(compact)], card=compact)
            except ValidationError as exc:
                if exc.reason == "blocked":
                    if Client.select(Client.erased).where(Client.id == exc.details["client_id"]).scalar():
                        return Lookup("none", card=compact)  # an erased client's card finds nobody
                    return Lookup("blocked_card", [exc.details["client_id"]], card=compact)
                if exc.reason == "checksum":
                    return Lookup("bad_card", card=compact)
            except NotFoundError:
                return Lookup("none", card=compact)
        if any(ch.isdigit() for ch in text):
            try:
                phone = normalize_phone(text)
            except ValidationError:
                phone = ""
            if phone:
                    # a household shares one number: all its people, oldest first, to pick from
                client_ids = self.clients.clients_with_phone(phone)
                return Lookup("phone", client_ids, phone=phone) if client_ids else Lookup("new_phone", phone=phone)
        rows = self.clients.search(text, limit=limit)
        return Lookup("name", [r.id for r in rows]) if rows else Lookup("none")

    def transactions_today(self, client_id: int) -> int:
        """Counter transactions of this client today (not undone): what the daily guard counts."""
        return (CounterSale.select().where((CounterSale.client == client_id) & (CounterSale.date == self.clock.today())
                                           & (CounterSale.undone == False)).count())  # noqa: E712

    def quote_redemption(self, client_id: int, bill_paise: int) -> RedeemQuote:
        """The most points that may pay part of this bill (oldest points first, each at its own value)."""
        return self._quote(self.loyalty.open_lots(client_id), bill_paise)

    def _quote(self, lots: list[tuple[int, int, int]], bill_paise: int) -> RedeemQuote:
        rules = self.loyalty.rules()
        balance = sum(r for _, r, _ in lots)
        cap = rules.redeem_cap_paise(max(bill_paise, 0))
        points = paise = 0
        for _, remaining, value in lots:
            if value <= 0:
                points += remaining
                continue
            fit = min(remaining, (cap - paise) // value)
            points += fit
            paise += fit * value
            if fit < remaining:
                break
        if points < rules.min_redeem_points:
            points = paise = 0
        return RedeemQuote(points, paise, balance)

    def value_of_points(self, client_id: int, points: int) -> int:
        """What redeeming `points` now is worth in paise (oldest points first, each at its own value)."""
        left, value = points, 0
        for _, remaining, lot_value in self.loyalty.open_lots(client_id):
            used = min(left, remaining)
            value += used * lot_value
            left -= used
            if not left:
                break
        return value

    def record_sale(self, client_id: int, amount_paise: int, redeem_points: int = 0, bill_no: str = "",
                    lines: Sequence[LineItem] = (), use_reward: bool = False, confirm: bool = False,
                    card: str = "") -> SaleResult:
        """Record a bill at the counter with its points, stamp and bonuses, all in one transaction.

        Raises ConfirmationNeeded when the card is over the daily guard (retry with confirm=True) and
        ValidationError for a redemption over the allowed maximum (nothing is recorded)."""
        if amount_paise <= 0:
            raise ValidationError("amount", "empty", "Type the bill amount")
        redeem_points = int(redeem_points or 0)
        if redeem_points < 0:
            raise ValidationError("redeem", "negative", "Points to redeem cannot be negative")
        self.loyalty.review_if_due()
        # On the shop's server every statement is a round trip: what the sale needs to know is read
        # in one statement (_sale_context), the decisions are made, then each row is written once.
        with self.db.atomic():
            rules = self.loyalty.rules()
            today, now = self.clock.today(), self.clock.now()
            ctx = self._sale_context(client_id, today)
            if ctx is None:
                raise NotFoundError(f"There is no client #{client_id}")
            if ctx.count_today >= rules.daily_guard and not confirm:
                raise ConfirmationNeeded(ctx.count_today, rules.daily_guard)
            expired = self.loyalty.expire_client(client_id) if ctx.lots_due else 0
            lots = self.loyalty.open_lots(client_id) if redeem_points else []
            if redeem_points:
                quote = self._quote(lots, amount_paise)
                if redeem_points < rules.min_redeem_points:
                    raise ValidationError("redeem", "too_few",
                                          f"At least {rules.min_redeem_points} points must be redeemed at a time")
                if redeem_points > quote.points:
                    raise ValidationError("redeem", "too_many",
                                          f"At most {quote.points} points can be redeemed on this bill "
                                          f"(balance {quote.balance}); nothing was recorded")
            joined = ctx.member is None
            before = _MemberState(tier=rules.tiers[0].code) if joined else ctx.member
            after = _MemberState(**before.__dict__)
            origin = self.origin
            redeemed_paise = self.loyalty.plan_take(lots, redeem_points)[1] if redeem_points else 0
            # the bill being recorded is dated today, so it is inside the 12 months of the tier
            tier = self.loyalty.tier_in_force(rules, before.tier, ctx.spend_12m + amount_paise)
            tier_changed = tier != before.tier
            after.tier = tier  # a new tier is in force since today (tier_since, written below)
            earned = rules.points_for(amount_paise - redeemed_paise, amount_paise, tier)
            signup = rules.signup_bonus if joined else 0
            birthday = 0
            if (rules.birthday_bonus and before.birthday_bonus_year != today.year
                    and birthday_in_week(ctx.birth_day, ctx.birth_month, today)):
                birthday = rules.birthday_bonus
                after.birthday_bonus_year = today.year
            stamp_added = reward_earned = False
            if rules.stamp_qualifies(amount_paise) and before.last_stamp_on != today:
                stamp_added = True
                after.last_stamp_on = today
                after.stamps, after.rewards_due = roll_over_stamps(before.stamps + 1, before.rewards_due,
                                                                   rules.stamps_needed)
                reward_earned = after.rewards_due > before.rewards_due
            reward_ok = not use_reward or after.rewards_due >= 1
            if use_reward and reward_ok:
                after.rewards_due -= 1
            # the writes, in the order (and with the rows) the ledger and undo expect
            if joined:
                LoyaltyMember.insert(client=client_id, joined_on=today, tier_since=today, **after.__dict__).execute()
            card_number = ctx.card_number
            if card_number is None and rules.issue_card_at_first_bill:
                card_number = self.cards.add_card(client_id)
            purchase_id = self.history.write_purchase(PurchaseRecord(
                client_id, today, amount_paise, bill_no=bill_no, note="counter", lines=list(lines),
                branch=origin.branch, counter=origin.counter))
            if not reward_ok:
                raise ValidationError("reward", "none_due", "No reward is due for this client")
            sale_id = CounterSale.insert(
                client=client_id, purchase=purchase_id, at=now, date=today, card=card or card_number or "",
                amount_paise=amount_paise, redeemed_points=redeem_points, redeemed_paise=redeemed_paise,
                earned_points=earned, bonus_points=signup + birthday, stamp_added=stamp_added,
                reward_earned=reward_earned, reward_used=use_reward, tier_before=before.tier, joined=joined,
                stamps_before=before.stamps, rewards_before=before.rewards_due,
                birthday_year_before=before.birthday_bonus_year, last_stamp_before=before.last_stamp_on,
                branch=origin.branch, counter=origin.counter).execute()
            if signup:
                self.loyalty.add_lot(client_id, "bonus", signup, rules, reason="signup", sale=sale_id)
            if redeem_points:
                self.loyalty.take_points(client_id, redeem_points, "redeem", sale=sale_id, purchase=purchase_id,
                                         lots=lots)
            if earned:
                self.loyalty.add_lot(client_id, "earn", earned, rules, sale=sale_id, purchase=purchase_id)
            if birthday:
                self.loyalty.add_lot(client_id, "bonus", birthday, rules, reason="birthday", sale=sale_id)
            changed = {k: v for k, v in after.__dict__.items() if v != getattr(before, k)}
            if tier_changed:
                changed["tier_since"] = today
            if changed and not joined:
                LoyaltyMember.update(**changed).where(LoyaltyMember.client == client_id).execute()
            # the ledger's sum as read under this transaction's write lock, and every entry written since
            balance = ctx.balance - expired + signup - redeem_points + earned + birthday
            return SaleResult(
                sale_id=sale_id, purchase_id=purchase_id, client_id=client_id, card_number=card_number,
                amount_paise=amount_paise, redeemed_points=redeem_points, redeemed_paise=redeemed_paise,
                net_paise=amount_paise - redeemed_paise, points_earned=earned, bonus_points=signup + birthday,
                balance=balance, stamps=after.stamps, stamps_needed=rules.stamps_needed,
                stamp_added=stamp_added, rewards_due=after.rewards_due, reward_earned=reward_earned,
                reward_used=use_reward, tier=tier, tier_changed=tier_changed, joined=joined,
                branch=origin.branch, counter=origin.counter)

    @staticmethod
    def _sale_context(client_id: int, today: dt.date) -> _SaleContext | None:
        """Everything a sale reads before it writes, in one statement: the client's birthday, the
        counter transactions today (the daily guard), the 12-month spend (the tier), the ledger's sum,
        whether lots are past their date, the active card and the member's row. None: no such client."""
        since = today - dt.timedelta(days=365)
        count_today = CounterSale.select(pw.fn.COUNT(CounterSale.id)).where(
            (CounterSale.client == client_id) & (CounterSale.date == today) & (CounterSale.undone == False))  # noqa: E712
        spend = Purchase.select(pw.fn.COALESCE(pw.fn.SUM(Purchase.amount_paise), 0)).where(
            (Purchase.client == client_id) & (Purchase.date > since))
        balance = LedgerEntry.select(pw.fn.COALESCE(pw.fn.SUM(LedgerEntry.points), 0)).where(
            LedgerEntry.client == client_id)
        due = LedgerEntry.select(LedgerEntry.id).where(  # as LoyaltyService.expire_client
            (LedgerEntry.client == client_id) & (LedgerEntry.remaining > 0) & (LedgerEntry.expires_on <= today))
        card = (LoyaltyCard.select(LoyaltyCard.number)  # as LoyaltyService.card_of
                .where((LoyaltyCard.client == client_id) & (LoyaltyCard.status == "active"))
                .order_by(LoyaltyCard.id.desc()).limit(1))
        row = (Client.select(Client.birth_day, Client.birth_month, count_today, spend, balance, pw.fn.EXISTS(due),
                             card, LoyaltyMember.client, *(getattr(LoyaltyMember, f) for f in _MEMBER_FIELDS))
               .join(LoyaltyMember, pw.JOIN.LEFT_OUTER, on=(LoyaltyMember.client == Client.id))
               .where(Client.id == client_id).tuples().first())
        if row is None:
            return None
        birth_day, birth_month, count, spent, points, lots_due, card_number, member_id, *member = row
        return _SaleContext(birth_day, birth_month, int(count), int(spent), int(points), bool(lots_due),
                            card_number, None if member_id is None else _MemberState(*member))

    # ----- reversal, undo, return ----------------------------------------------------------------
    def _reverse(self, entry: LedgerEntry, reason: str, sale=None) -> int:
        """Undo one entry with a reversal entry; returns the signed points moved."""
        if entry.points > 0:
            reversal, _ = self.loyalty.take_points(entry.client_id, entry.points, "reversal", reason=reason, sale=sale,
                                                   purchase=entry.purchase_id, reverses=entry.id, first_id=entry.id,
                                                   clamp=True)
            return reversal.points if reversal else 0
        today = self.clock.today()
        restored = 0
        for use in LedgerUse.select(LedgerUse, LedgerEntry).join(LedgerEntry, on=(LedgerUse.lot == LedgerEntry.id)).where(LedgerUse.entry == entry.id):
            lot = use.lot
            if lot.expires_on is None or lot.expires_on > today:
                LedgerEntry.update(remaining=LedgerEntry.remaining + use.points).where(LedgerEntry.id == lot.id).execute()
                restored += use.points
        if restored:
            self.loyalty.write_entry(entry.client_id, "reversal", restored, reason=reason, sale=sale,
                                     purchase=entry.purchase_id, reverses=entry.id)
        return restored

    def _reverse_all(self, entries: Iterable[LedgerEntry], reason: str, sale=None) -> tuple[int, int]:
        taken = given = 0
        for entry in sorted(entries, key=lambda e: -e.id):
            if entry.kind in ("reversal", "expire") or LedgerEntry.select().where(LedgerEntry.reverses == entry.id, LedgerEntry.kind == "reversal").exists():
                continue
            moved = self._reverse(entry, reason, sale)
            if moved < 0:
                taken -= moved
            else:
                given += moved
        return taken, given

    def last_undoable_sale(self) -> int | None:
        """Today's last counter transaction, if it has not been undone."""
        row = CounterSale.select(CounterSale.id, CounterSale.undone).where(CounterSale.date == self.clock.today()) \
            .order_by(CounterSale.id.desc()).first()
        return row.id if row and not row.undone else None

    def sale_info(self, sale_id: int) -> dict:
        """The figures of one counter transaction (for the undo question)."""
        sale = CounterSale.get_or_none(CounterSale.id == sale_id)
        if sale is None:
            raise NotFoundError(f"There is no counter transaction #{sale_id}")
        return {"id": sale.id, "client_id": sale.client_id, "amount_paise": sale.amount_paise,
                "redeemed_points": sale.redeemed_points, "earned_points": sale.earned_points,
                "date": sale.date, "undone": sale.undone}

    def undo_last_sale(self) -> UndoResult:
        """Reverse today's last counter transaction completely: the bill, its points, stamp and bonuses."""
        with self.db.atomic():
            sale_id = self.last_undoable_sale()
            if sale_id is None:
                raise ValidationError("undo", "nothing", "There is no counter transaction today to undo")
            sale = CounterSale.get_by_id(sale_id)
            entries = list(LedgerEntry.select().where(LedgerEntry.sale == sale_id))
            taken, given = self._reverse_all(entries, reason="undo", sale=None)
            if sale.purchase_id is not None:
                self.history.delete_purchase(sale.purchase_id)
            if sale.joined:
                LoyaltyMember.delete().where(LoyaltyMember.client == sale.client_id).execute()
            else:
                (LoyaltyMember.update(tier=sale.tier_before or LoyaltyMember.tier, stamps=sale.stamps_before,
                                      rewards_due=sale.rewards_before, birthday_bonus_year=sale.birthday_year_before,
                                      last_stamp_on=sale.last_stamp_before)
                 .where(LoyaltyMember.client == sale.client_id).execute())
            CounterSale.update(undone=True, purchase=None).where(CounterSale.id == sale_id).execute()
            return UndoResult(sale_id, sale.client_id, sale.amount_paise, taken, given)

    def return_purchase(self, purchase_id: int, note: str = "") -> tuple[int, int]:
        """A returned bill: reverse the points it earned and give back the points it redeemed.
        Returns (points taken back, points given back); the balance never goes below zero."""
        with self.db.atomic():
            if not Purchase.select().where(Purchase.id == purchase_id).exists():
                raise NotFoundError(f"There is no purchase #{purchase_id}")
            entries = list(LedgerEntry.select().where((LedgerEntry.purchase == purchase_id)))
            return self._reverse_all(entries, reason=note.strip() or "return")

    def use_reward(self, client_id: int) -> int:
        """Mark one stamp-card reward as given; returns the rewards still due."""
        with self.db.atomic():
            member = self.loyalty.member(client_id)
            if member is None or member.rewards_due < 1:
                raise ValidationError("reward", "none_due", "No reward is due for this client")
            member.rewards_due -= 1
            member.save()
            return member.rewards_due
