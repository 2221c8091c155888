"""Pure rule functions: card check digit, points, tiers, birthday week, review dates."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from clientdesk.loyalty.rules import (
    LoyaltyRules, birthday_in_week, card_number, card_number_valid, looks_like_card,
)


@given(st.integers(1, 9_999_999_999), st.integers(0, 11), st.integers(1, 9))
def test_check_digit_catches_any_single_wrong_digit(sequence, position, delta):
    number = card_number(sequence)
    assert card_number_valid(number) and looks_like_card(number)
    wrong = number[:position] + str((int(number[position]) + delta) % 10) + number[position + 1:]
    assert not card_number_valid(wrong)


@given(st.integers(1, 9_999_999_999), st.integers(1, 10))
def test_check_digit_catches_swapped_neighbours(sequence, position):
    number = card_number(sequence)
    a, b = number[position], number[position + 1]
    if {a, b} in ({"0", "9"},) or a == b:  # the one swap Luhn cannot see, and no-op swaps
        return
    swapped = number[:position] + b + a + number[position + 2:]
    assert not card_number_valid(swapped)


def test_points_tiers_and_caps():
    rules = LoyaltyRules()
    assert rules.points_for(99_99, 99_99, "member") == 0
    assert rules.points_for(1_000_00, 1_000_00, "gold") == 15
    assert rules.tier_for_spend(9_999_99).code == "member"
    assert rules.tier_for_spend(10_000_00).code == "silver"
    assert rules.tier_for_spend(30_000_00).code == "gold"
    assert rules.next_tier("gold") is None
    assert rules.redeem_cap_paise(1_000_00) == 500_00
    assert rules.expiry_for(dt.date(2026, 1, 1)) == dt.date(2027, 1, 1)
    assert LoyaltyRules(expiry_days=0).expiry_for(dt.date(2026, 1, 1)) is None
    assert rules.last_review_on_or_before(dt.date(2026, 3, 31)) == dt.date(2025, 4, 1)
    assert rules.last_review_on_or_before(dt.date(2026, 4, 1)) == dt.date(2026, 4, 1)


def test_birthday_week_spans_year_end_and_leap_day():
    assert birthday_in_week(30, 12, dt.date(2027, 1, 2))
    assert not birthday_in_week(30, 12, dt.date(2027, 1, 3))
    assert birthday_in_week(29, 2, dt.date(2027, 3, 1))  # 28 Feb in a common year
    assert not birthday_in_week(None, 5, dt.date(2027, 5, 1))


def test_unknown_stored_keys_are_ignored_and_missing_ones_default():
    rules = LoyaltyRules.from_dict({"paise_per_point": 50_00, "retired_option": 1})
    assert rules.paise_per_point == 50_00 and rules.tiers == LoyaltyRules().tiers
    assert LoyaltyRules.from_dict(rules.to_dict()) == rules


def test_default_words_follow_the_shop_language_until_the_shop_saves_its_own(desk):
    desk.set_language("hi")
    rules = desk.loyalty.rules()
    assert [t.name for t in rules.tiers] == ["सदस्य", "सिल्वर", "गोल्ड"] and rules.stamp_reward == "10% छूट"
    assert "12 महीने" in rules.card_terms
    assert [t.min_spend_paise for t in rules.tiers] == [t.min_spend_paise for t in LoyaltyRules().tiers]
    desk.set_language("en")
    assert [t.name for t in desk.loyalty.rules().tiers] == ["Member", "Silver", "Gold"]
    desk.loyalty.set_rules(dataclasses.replace(desk.loyalty.rules(), stamp_reward="Free sweets"))
    desk.set_language("hi")  # the shop's own rules now: the language no longer changes them
    assert desk.loyalty.rules().stamp_reward == "Free sweets" and desk.loyalty.rules().tiers[2].name == "Gold"
