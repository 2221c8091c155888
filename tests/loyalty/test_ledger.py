"""Loyalty rules at work on a real database: earning, stamps, tiers, redemption, expiry, bonuses,
cards, the daily guard, undo, returns, merges and opening balances."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from clientdesk.errors import ConfirmationNeeded, NotFoundError, ValidationError
from clientdesk.loyalty.models import CounterSale, LedgerEntry, LoyaltyMember
from clientdesk.loyalty.rules import LoyaltyRules, card_number_valid
from clientdesk.models import Purchase
from tests.loyalty.helpers import add_client, check_ledger


def plain_rules(desk, **changes) -> LoyaltyRules:
    """Defaults without sign-up/birthday bonus so the arithmetic in a test is easy to follow."""
    rules = dataclasses.replace(desk.loyalty.rules(), signup_bonus=0, birthday_bonus=0, **changes)
    desk.loyalty.set_rules(rules)
    return rules


def test_sale_earns_points_stamp_and_issues_card(desk):
    plain_rules(desk)
    cid = add_client(desk)
    result = desk.counter.record_sale(cid, 2_550_00, bill_no="B-17")
    assert result.points_earned == 25  # floor(₹2,550 / ₹100)
    assert result.balance == 25
    assert result.stamp_added and result.stamps == 1
    assert card_number_valid(result.card_number)
    assert Purchase.get_by_id(result.purchase_id).bill_no == "B-17"
    summary = desk.loyalty.summary(cid)
    assert (summary.points, summary.stamps, summary.card_number) == (25, 1, result.card_number)
    assert summary.next_tier == "silver" and summary.to_next_tier_paise == 10_000_00 - 2_550_00


def test_minimum_bill_and_one_stamp_a_day(desk, clock):
    plain_rules(desk, min_bill_paise=200_00, stamp_min_bill_paise=300_00)
    cid = add_client(desk)
    small = desk.counter.record_sale(cid, 150_00)
    assert small.points_earned == 0 and not small.stamp_added
    first = desk.counter.record_sale(cid, 500_00)
    second = desk.counter.record_sale(cid, 500_00)
    assert first.stamp_added and not second.stamp_added  # at most one stamp per day
    clock.moment += dt.timedelta(days=1)
    assert desk.counter.record_sale(cid, 500_00).stamps == 2


def test_stamp_card_gives_reward_and_starts_again(desk, clock):
    plain_rules(desk, stamps_needed=3, stamp_reward="free chai")
    cid = add_client(desk)
    results = []
    for _ in range(4):
        results.append(desk.counter.record_sale(cid, 600_00))
        clock.moment += dt.timedelta(days=1)
    assert [r.stamps for r in results] == [1, 2, 0, 1]
    assert results[2].reward_earned and results[2].rewards_due == 1
    assert desk.loyalty.summary(cid).reward_text == "free chai"
    used = desk.counter.record_sale(cid, 100_00, use_reward=True)
    assert used.rewards_due == 0
    with pytest.raises(ValidationError):
        desk.counter.use_reward(cid)


def test_tier_up_at_once_with_multiplier_down_only_at_review(desk, clock):
    plain_rules(desk)
    cid = add_client(desk)
    assert desk.counter.record_sale(cid, 9_000_00).tier == "member"
    up = desk.counter.record_sale(cid, 2_000_00)  # 12-month spend ₹11,000: Silver, 1.25×
    assert up.tier == "silver" and up.tier_changed
    assert up.points_earned == 25  # 20 × 1.25
    # A year later the spend has dropped out of the window, but the tier holds until the review date.
    clock.moment = dt.datetime(2027, 12, 1, 10)
    assert desk.loyalty.summary(cid).tier == "silver"
    clock.moment = dt.datetime(2028, 3, 31, 10)
    assert desk.loyalty.summary(cid).tier == "silver"
    clock.moment = dt.datetime(2028, 4, 1, 10)
    assert desk.loyalty.summary(cid).tier == "member"
    assert LoyaltyMember.get_by_id(cid).tier == "member"
    assert desk.loyalty.client_ids_by_tier() == {"member": {cid}, "silver": set(), "gold": set()}


def test_redemption_cap_minimum_and_refusal_records_nothing(desk):
    plain_rules(desk, min_redeem_points=50, max_redeem_pct=20)
    cid = add_client(desk)
    desk.loyalty.add_opening_balance(cid, 500, "old register")
    quote = desk.counter.quote_redemption(cid, 1_000_00)
    assert (quote.points, quote.paise, quote.balance) == (200, 200_00, 500)  # 20 % of ₹1,000
    purchases = Purchase.select().count()
    entries = LedgerEntry.select().count()
    with pytest.raises(ValidationError) as refused:
        desk.counter.record_sale(cid, 1_000_00, redeem_points=201)
    assert refused.value.reason == "too_many"
    with pytest.raises(ValidationError):
        desk.counter.record_sale(cid, 1_000_00, redeem_points=10)  # below the minimum
    assert (Purchase.select().count(), LedgerEntry.select().count()) == (purchases, entries)
    sale = desk.counter.record_sale(cid, 1_000_00, redeem_points=200)
    assert sale.redeemed_paise == 200_00 and sale.net_paise == 800_00
    assert sale.points_earned == 8  # points on what was paid
    assert sale.balance == 500 - 200 + 8
    check_ledger()


def test_expiry_oldest_first_and_expiring_soon(desk, clock):
    plain_rules(desk, expiry_days=60, min_redeem_points=1, max_redeem_pct=100)
    cid = add_client(desk)
    desk.loyalty.add_opening_balance(cid, 100)            # expires 21 Jan 2027
    clock.moment += dt.timedelta(days=40)
    desk.loyalty.adjust(cid, 50, "festival gift")          # expires 2 Mar 2027
    summary = desk.loyalty.summary(cid)
    assert summary.points == 150 and summary.expiring_soon == 100
    desk.counter.record_sale(cid, 120_00, redeem_points=30)  # takes from the oldest lot first
    gift = LedgerEntry.get(LedgerEntry.kind == "adjust")
    assert gift.remaining == 50
    opening = LedgerEntry.get(LedgerEntry.kind == "opening")
    assert opening.remaining == 70
    clock.moment += dt.timedelta(days=25)                  # past the first lot's date
    assert desk.loyalty.expire_due() == 70
    assert desk.loyalty.balance(cid) == 50 + 0  # the sale's 0 points (₹90 paid) + the gift
    expired = LedgerEntry.get(LedgerEntry.kind == "expire")
    assert expired.points == -70 and expired.date == opening.expires_on
    check_ledger()


def test_rule_change_never_touches_earned_points(desk, clock):
    plain_rules(desk, expiry_days=365, point_value_paise=100, min_redeem_points=1, max_redeem_pct=100)
    cid = add_client(desk)
    desk.counter.record_sale(cid, 5_000_00)  # 50 points worth ₹1 each, expiring in a year
    lot = LedgerEntry.get(LedgerEntry.kind == "earn")
    plain_rules(desk, expiry_days=30, point_value_paise=50, paise_per_point=1_000_00, min_redeem_points=1,
                max_redeem_pct=100)
    again = LedgerEntry.get_by_id(lot.id)
    assert (again.points, again.expires_on, again.value_paise) == (50, lot.expires_on, 100)
    sale = desk.counter.record_sale(cid, 100_00, redeem_points=50)
    assert sale.redeemed_paise == 50_00  # redeemed at the value it was earned with
    clock.moment += dt.timedelta(days=100)
    assert desk.loyalty.summary(cid).points == sale.balance  # not expired by the new 30-day rule


def test_signup_and_birthday_bonus_once_a_year(desk, clock):
    desk.loyalty.set_rules(dataclasses.replace(desk.loyalty.rules(), signup_bonus=50, birthday_bonus=100))
    cid = add_client(desk, birth_day=24, birth_month=11)  # two days from the test date
    assert desk.loyalty.summary(cid).birthday_this_week
    first = desk.counter.record_sale(cid, 100_00)
    assert first.joined and first.bonus_points == 150 and first.balance == 151
    clock.moment += dt.timedelta(days=1)
    assert desk.counter.record_sale(cid, 100_00).bonus_points == 0
    clock.moment = dt.datetime(2027, 11, 25, 10)
    assert desk.counter.record_sale(cid, 100_00).bonus_points == 100
    other = add_client(desk, "Priya", "9812345678", birth_day=1, birth_month=6)
    assert not desk.loyalty.summary(other).birthday_this_week
    assert desk.counter.record_sale(other, 100_00).bonus_points == 50


def test_adjust_needs_reason_and_never_goes_negative(desk):
    plain_rules(desk)
    cid = add_client(desk)
    with pytest.raises(ValidationError) as exc:
        desk.loyalty.adjust(cid, 10, "  ")
    assert exc.value.field == "reason"
    assert desk.loyalty.adjust(cid, 40, "sorry for the wait") == 40
    with pytest.raises(ValidationError):
        desk.loyalty.adjust(cid, -41, "mistake")
    assert desk.loyalty.adjust(cid, -40, "mistake") == 0
    assert [r.reason for r in desk.loyalty.ledger(cid)] == ["mistake", "sorry for the wait"]


def test_opening_balance_is_an_entry_without_signup_bonus(desk):
    cid = add_client(desk)
    desk.loyalty.add_opening_balance(cid, 320, "Excel import")
    rows = desk.loyalty.ledger(cid)
    assert [(r.kind, r.points, r.reason) for r in rows] == [("opening", 320, "Excel import")]
    assert desk.loyalty.is_member(cid)
    with pytest.raises(ValidationError):
        desk.loyalty.add_opening_balance(cid, -5)
    with pytest.raises(NotFoundError):
        desk.loyalty.add_opening_balance(9999, 5)


def test_card_check_digit_replace_and_block(desk):
    cid = add_client(desk)
    number = desk.cards.issue_card(cid)
    assert desk.cards.issue_card(cid) == number  # issued once
    assert desk.cards.client_for_card(number) == cid
    typo = number[:5] + str((int(number[5]) + 1) % 10) + number[6:]
    with pytest.raises(ValidationError) as exc:
        desk.cards.client_for_card(typo)
    assert exc.value.reason == "checksum"
    assert desk.counter.lookup(typo).kind == "bad_card"
    desk.loyalty.adjust(cid, 70, "welcome")
    new = desk.cards.replace_card(cid)
    assert new != number and desk.loyalty.card_of(cid) == new
    with pytest.raises(ValidationError) as blocked:
        desk.cards.client_for_card(number)
    assert blocked.value.reason == "blocked"
    assert desk.counter.lookup(number).kind == "blocked_card"
    assert desk.loyalty.balance(cid) == desk.loyalty.summary(cid).points
    assert [c.status for c in desk.cards.client_cards(cid)] == ["active", "blocked"]


def test_lookup_by_card_phone_name_and_unknown_phone(desk):
    cid = add_client(desk, "सुनीता शर्मा", "98765 43210")
    number = desk.cards.issue_card(cid)
    assert desk.counter.lookup(number).client_ids == [cid]
    assert desk.counter.lookup("+91-98765-43210").kind == "phone"
    assert desk.counter.lookup("sunita").client_ids == [cid]
    unknown = desk.counter.lookup("91234 56780")
    assert unknown.kind == "new_phone" and unknown.phone == "+919123456780"


def test_more_than_five_a_day_asks_for_confirmation(desk):
    plain_rules(desk, daily_guard=5)
    cid = add_client(desk)
    for _ in range(5):
        desk.counter.record_sale(cid, 100_00)
    with pytest.raises(ConfirmationNeeded) as exc:
        desk.counter.record_sale(cid, 100_00)
    assert exc.value.count == 5
    assert CounterSale.select().count() == 5
    assert desk.counter.record_sale(cid, 100_00, confirm=True).sale_id


def test_undo_reverses_the_last_counter_transaction_completely(desk, clock):
    plain_rules(desk, stamps_needed=2, min_redeem_points=1, max_redeem_pct=100)
    cid = add_client(desk)
    desk.loyalty.add_opening_balance(cid, 100)
    clock.moment -= dt.timedelta(days=1)
    desk.counter.record_sale(cid, 600_00)  # yesterday: one stamp
    clock.moment += dt.timedelta(days=1)
    before = desk.loyalty.summary(cid)
    client_before = desk.clients.get(cid)
    sale = desk.counter.record_sale(cid, 12_000_00, redeem_points=60)
    assert sale.reward_earned and sale.tier == "silver"
    undone = desk.counter.undo_last_sale()
    assert undone.sale_id == sale.sale_id
    after = desk.loyalty.summary(cid)
    assert (after.points, after.stamps, after.rewards_due, after.tier) == (before.points, before.stamps,
                                                                           before.rewards_due, before.tier)
    assert not Purchase.select().where(Purchase.id == sale.purchase_id).exists()
    assert desk.clients.get(cid).total_spent_paise == client_before.total_spent_paise
    assert desk.counter.last_undoable_sale() is None
    with pytest.raises(ValidationError):
        desk.counter.undo_last_sale()
    check_ledger()


def test_undo_is_only_for_today(desk, clock):
    cid = add_client(desk)
    desk.counter.record_sale(cid, 100_00)
    clock.moment += dt.timedelta(days=1)
    with pytest.raises(ValidationError):
        desk.counter.undo_last_sale()


def test_return_reverses_points_and_gives_back_redeemed(desk):
    plain_rules(desk, min_redeem_points=1, max_redeem_pct=100)
    cid = add_client(desk)
    desk.loyalty.add_opening_balance(cid, 100)
    sale = desk.counter.record_sale(cid, 1_000_00, redeem_points=100)
    assert sale.balance == 9
    taken, given = desk.counter.return_purchase(sale.purchase_id)
    assert (taken, given) == (9, 100)
    assert desk.loyalty.balance(cid) == 100
    assert desk.counter.return_purchase(sale.purchase_id) == (0, 0)  # only once
    kinds = [r.kind for r in desk.loyalty.ledger(cid)]
    assert kinds.count("reversal") == 2
    check_ledger()


def test_return_after_points_were_spent_stops_at_zero(desk):
    plain_rules(desk, min_redeem_points=1, max_redeem_pct=100)
    cid = add_client(desk)
    first = desk.counter.record_sale(cid, 5_000_00)
    desk.counter.record_sale(cid, 100_00, redeem_points=50)
    taken, _ = desk.counter.return_purchase(first.purchase_id)
    assert taken == 0 and desk.loyalty.balance(cid) == 0
    check_ledger()


def test_merge_adds_ledgers_stamps_and_cards(desk):
    plain_rules(desk, stamps_needed=3)
    keep = add_client(desk, "Ramesh", "9876543210")
    other = add_client(desk, "Ramesh K", "9876500000")
    desk.counter.record_sale(keep, 2_000_00)
    desk.counter.record_sale(other, 11_000_00)
    card = desk.loyalty.card_of(other)
    balances = check_ledger()
    desk.clients.merge(keep, other)
    summary = desk.loyalty.summary(keep)
    assert summary.points == balances[keep] + balances[other]
    assert (summary.stamps, summary.tier) == (2, "silver")
    assert desk.cards.client_for_card(card) == keep
    assert not LoyaltyMember.select().where(LoyaltyMember.client == other).exists()


def test_rules_round_trip_and_validation(desk):
    rules = dataclasses.replace(LoyaltyRules(), paise_per_point=50_00, stamp_reward="मुफ़्त मिठाई")
    desk.loyalty.set_rules(rules)
    assert desk.loyalty.rules() == rules
    with pytest.raises(ValidationError):
        desk.loyalty.set_rules(dataclasses.replace(rules, max_redeem_pct=120))
    with pytest.raises(ValidationError):
        desk.loyalty.set_rules(dataclasses.replace(rules, tiers=rules.tiers[::-1]))
    assert desk.loyalty.tier_codes() == ["member", "silver", "gold"]


def test_issue_cards_in_bulk_joins_with_signup_bonus(desk):
    ids = [add_client(desk, f"C{i}", f"98100000{i:02d}") for i in range(5)]
    existing = desk.cards.issue_card(ids[2])
    numbers = desk.cards.issue_cards(ids)
    assert numbers[ids[2]] == existing
    assert len(set(numbers.values())) == 5 and all(card_number_valid(n) for n in numbers.values())
    assert all(desk.loyalty.balance(cid) == desk.loyalty.rules().signup_bonus for cid in ids)
    with pytest.raises(NotFoundError):
        desk.cards.issue_cards([4242])


def test_refresh_tiers_stores_upgrades_from_bills_outside_the_counter(desk):
    from clientdesk.services.history import PurchaseRecord

    cid = add_client(desk)
    desk.loyalty.enrol(cid)
    desk.history.record_purchase(PurchaseRecord(cid, desk.clock.today(), 30_000_00))
    assert LoyaltyMember.get_by_id(cid).tier == "member"
    assert desk.loyalty.summary(cid).tier == "gold"  # up at once on screen
    assert desk.loyalty.refresh_tiers() == 1
    assert LoyaltyMember.get_by_id(cid).tier == "gold"
    assert desk.loyalty.refresh_tiers() == 0
