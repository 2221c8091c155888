"""The counter's sale, read in one statement and written row by row once (clientdesk/counter/service.py),
does exactly what it did before: the same random sequences of sales (redemptions, rewards, birthday
weeks, lots expiring at the sale, tier changes, the daily guard), undos and adjustments run through
the sale as it was (ReferenceCounter.record_sale, kept here as it stood) and as it is, leave the
same rows in every table and give the same answers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import tempfile
from pathlib import Path
from typing import Sequence

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from clientdesk.clock import FixedClock
from clientdesk.counter.service import CounterService, SaleResult
from clientdesk.desk import Desk
from clientdesk.errors import ConfirmationNeeded, NotFoundError, ValidationError
from clientdesk.loyalty.models import CounterSale, LedgerEntry, LedgerUse, LoyaltyCard, LoyaltyMember
from clientdesk.loyalty.rules import birthday_in_week, roll_over_stamps
from clientdesk.models import Client, Purchase, PurchaseLine
from clientdesk.services.history import LineItem, PurchaseRecord
from tests.loyalty.helpers import add_client, check_ledger


class ReferenceCounter(CounterService):
    """The counter with record_sale as it was before it was made fewer statements (commit 7510772)."""

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
        with self.db.atomic():
            client = self.loyalty.require_client(client_id)
            rules = self.loyalty.rules()
            today, now = self.clock.today(), self.clock.now()
            count = (CounterSale.select().where((CounterSale.client == client_id) & (CounterSale.date == today)
                                                & (CounterSale.undone == False)).count())  # noqa: E712
            if count >= rules.daily_guard and not confirm:
                raise ConfirmationNeeded(count, rules.daily_guard)
            self.loyalty.expire_client(client_id)
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
            member = self.loyalty.member(client_id)
            origin = self.origin
            sale = CounterSale.create(client=client_id, at=now, date=today, card=card, amount_paise=amount_paise,
                                      joined=member is None, branch=origin.branch, counter=origin.counter)
            if member is None:
                member = self.loyalty.join(client_id, rules, bonus=True, sale=sale)
            sale.tier_before = member.tier
            sale.stamps_before, sale.rewards_before = member.stamps, member.rewards_due
            sale.birthday_year_before, sale.last_stamp_before = member.birthday_bonus_year, member.last_stamp_on
            card_number = self.loyalty.card_of(client_id)
            if card_number is None and rules.issue_card_at_first_bill:
                card_number = self.cards.issue_new_card(client_id, rules)
            purchase_id = self.history.record_purchase(PurchaseRecord(
                client_id, today, amount_paise, bill_no=bill_no, note="counter", lines=list(lines),
                branch=origin.branch, counter=origin.counter))
            sale.purchase = purchase_id
            redeemed_paise = 0
            if redeem_points:
                _, redeemed_paise = self.loyalty.take_points(client_id, redeem_points, "redeem", sale=sale,
                                                             purchase=purchase_id, lots=lots)
            tier = self.loyalty.tier_in_force(rules, member.tier, self.loyalty.spend_12m(client_id))
            tier_changed = tier != member.tier
            if tier_changed:
                member.tier, member.tier_since = tier, today
            earned = rules.points_for(amount_paise - redeemed_paise, amount_paise, tier)
            if earned:
                self.loyalty.add_lot(client_id, "earn", earned, rules, sale=sale, purchase=purchase_id)
            bonus = rules.signup_bonus if sale.joined else 0
            if (rules.birthday_bonus and member.birthday_bonus_year != today.year
                    and birthday_in_week(client.birth_day, client.birth_month, today)):
                self.loyalty.add_lot(client_id, "bonus", rules.birthday_bonus, rules, reason="birthday", sale=sale)
                member.birthday_bonus_year = today.year
                bonus += rules.birthday_bonus
            stamp_added = reward_earned = False
            if rules.stamp_qualifies(amount_paise) and member.last_stamp_on != today:
                stamp_added = True
                member.stamps += 1
                member.last_stamp_on = today
                rewards_before = member.rewards_due
                member.stamps, member.rewards_due = roll_over_stamps(member.stamps, rewards_before, rules.stamps_needed)
                reward_earned = member.rewards_due > rewards_before
            if use_reward:
                if member.rewards_due < 1:
                    raise ValidationError("reward", "none_due", "No reward is due for this client")
                member.rewards_due -= 1
            member.save()
            sale.redeemed_points, sale.redeemed_paise, sale.earned_points = redeem_points, redeemed_paise, earned
            sale.bonus_points, sale.stamp_added, sale.reward_earned, sale.reward_used = bonus, stamp_added, reward_earned, use_reward
            sale.card = card or card_number or ""
            sale.save()
            return SaleResult(
                sale_id=sale.id, purchase_id=purchase_id, client_id=client_id, card_number=card_number,
                amount_paise=amount_paise, redeemed_points=redeem_points, redeemed_paise=redeemed_paise,
                net_paise=amount_paise - redeemed_paise, points_earned=earned, bonus_points=bonus,
                balance=self.loyalty.balance(client_id), stamps=member.stamps, stamps_needed=rules.stamps_needed,
                stamp_added=stamp_added, rewards_due=member.rewards_due, reward_earned=reward_earned,
                reward_used=use_reward, tier=tier, tier_changed=tier_changed, joined=sale.joined,
                branch=origin.branch, counter=origin.counter)


OPS = st.one_of(
    st.tuples(st.just("sale"), st.integers(0, 3), st.integers(1, 40_000_00), st.integers(0, 400), st.booleans(),
              st.booleans(), st.booleans()),
    st.tuples(st.just("days"), st.integers(1, 200)),
    st.tuples(st.just("undo"),),
    st.tuples(st.just("adjust"), st.integers(0, 3), st.integers(1, 300)),
    st.tuples(st.just("rules"), st.sampled_from([0, 30, 365]), st.sampled_from([0, 2, 10]), st.sampled_from([1, 2])),
)
TABLES = (Client, Purchase, PurchaseLine, CounterSale, LedgerEntry, LedgerUse, LoyaltyMember, LoyaltyCard)
SKIP = {"updated_at", "created_at", "search_key", "sort_key"}


def _rows() -> dict[str, list[tuple]]:
    out = {}
    for model in TABLES:
        fields = [f for name, f in model._meta.fields.items() if name not in SKIP]
        key = model._meta.primary_key
        out[model._meta.table_name] = list(model.select(*fields).order_by(key).tuples())
    return out


def _run(ops: Sequence[tuple], reference: bool) -> tuple[list, dict]:
    clock = FixedClock(dt.datetime(2026, 1, 8, 10, 0))
    with tempfile.TemporaryDirectory() as tmp:
        desk = Desk.open(Path(tmp) / "d.sqlite", clock=clock)
        try:
            if reference:
                object.__getattribute__(desk.counter, "_service").__class__ = ReferenceCounter
            clients = [add_client(desk, f"Client {i}", f"98765432{i:02d}", birth_day=10 + i, birth_month=1)
                       for i in range(4)]
            answers: list = []
            for op in ops:
                try:
                    if op[0] == "sale":
                        _, who, amount, redeem, reward, confirm, with_line = op
                        lines = [LineItem("साड़ी", "कपड़े", 1, amount)] if with_line else []
                        result = desk.counter.record_sale(clients[who], amount, redeem_points=redeem,
                                                          use_reward=reward, confirm=confirm, lines=lines)
                        assert isinstance(result, SaleResult)
                        assert result.balance == check_ledger(clients[who]).get(clients[who], 0)
                        answers.append(result.to_json())
                    elif op[0] == "days":
                        clock.moment += dt.timedelta(days=op[1])
                    elif op[0] == "undo":
                        answers.append(dataclasses.asdict(desk.counter.undo_last_sale()))
                    elif op[0] == "adjust":
                        answers.append(desk.loyalty.adjust(clients[op[1]], op[2], "correction"))
                    elif op[0] == "rules":
                        rules = dataclasses.replace(desk.loyalty.rules(), expiry_days=op[1], stamps_needed=op[2],
                                                    daily_guard=op[3])
                        desk.loyalty.set_rules(rules)
                except (ValidationError, ConfirmationNeeded, NotFoundError) as exc:
                    answers.append((type(exc).__name__, str(exc)))
            check_ledger()
            return answers, _rows()
        finally:
            desk.close()


# every path at least once: join with sign-up and birthday bonus, a first card, lots expiring at the
# sale, a redemption, a tier change, stamps rolling over into a reward that is used, the daily guard, undo
EVERY_PATH = [("sale", 0, 30_000_00, 0, False, False, True), ("days", 200), ("days", 200),
              ("adjust", 1, 300), ("sale", 0, 500_00, 0, False, False, False), ("rules", 365, 2, 1),
              ("sale", 1, 2_000_00, 150, False, False, False), ("sale", 1, 900_00, 0, False, False, False),
              ("sale", 1, 900_00, 0, False, True, False), ("days", 1), ("sale", 1, 900_00, 0, True, True, False),
              ("sale", 1, 900_00, 0, True, True, False), ("undo",), ("sale", 2, 100_00, 400, True, True, True)]


@example(EVERY_PATH)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(OPS, min_size=1, max_size=25))
def test_the_sale_does_what_it_did(ops):
    answers, rows = _run(ops, reference=False)
    old_answers, old_rows = _run(ops, reference=True)
    assert answers == old_answers
    for table, old in old_rows.items():
        assert rows[table] == old, table


def test_a_missing_client_is_refused_alike(desk):
    for counter_class in (ReferenceCounter, CounterService):
        object.__getattribute__(desk.counter, "_service").__class__ = counter_class
        try:
            desk.counter.record_sale(4242, 100_00)
        except NotFoundError as exc:
            assert str(exc) == "There is no client #4242"
        else:
            raise AssertionError("a sale to nobody was recorded")
    assert CounterSale.select().count() == Purchase.select().count() == 0
