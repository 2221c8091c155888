"""The stamp card roll-over (one function, used by a counter sale and by merging two clients)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from clientdesk.loyalty.rules import roll_over_stamps


def test_a_full_card_becomes_one_reward():
    assert roll_over_stamps(10, 0, 10) == (0, 1)


def test_a_card_short_of_full_stays():
    assert roll_over_stamps(9, 2, 10) == (9, 2)


def test_two_merged_cards_may_make_two_rewards():
    assert roll_over_stamps(9 + 9 + 3, 1, 7) == (0, 4)


def test_no_stamp_card_means_no_roll_over():
    assert roll_over_stamps(25, 3, 0) == (25, 3)


@given(st.integers(0, 1_000), st.integers(0, 50), st.integers(0, 100))
def test_stamps_are_never_lost_or_made(stamps, rewards_due, needed):
    left, due = roll_over_stamps(stamps, rewards_due, needed)
    assert due >= rewards_due
    if needed:
        assert 0 <= left < needed
        assert left + (due - rewards_due) * needed == stamps
    else:
        assert (left, due) == (stamps, rewards_due)
