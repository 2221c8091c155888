"""RFM quintile boundaries and the named groups."""

from __future__ import annotations

import numpy as np
import pytest

from clientdesk.insights import rfm


def test_ten_distinct_values_fall_two_to_a_quintile():
    assert rfm.scores(range(1, 11)).tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]


def test_smaller_is_better_for_recency():
    assert rfm.scores([1, 2, 3, 4, 5], higher_is_better=False).tolist() == [5, 4, 3, 2, 1]


def test_ties_share_the_lower_score():
    # 6 of 10 clients came once: they all sit in the lowest quintile
    assert rfm.scores([1, 1, 1, 1, 1, 1, 2, 3, 4, 9]).tolist() == [1, 1, 1, 1, 1, 1, 4, 4, 5, 5]
    assert rfm.scores([7, 7, 7]).tolist() == [1, 1, 1]


def test_edges_of_each_quintile():
    scores = rfm.scores(np.arange(100))
    assert [scores[i] for i in (0, 19, 20, 39, 40, 59, 60, 79, 80, 99)] == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    assert rfm.scores([]).tolist() == []
    assert rfm.scores([42]).tolist() == [1]


@pytest.mark.parametrize("r,f,m,group", [
    (5, 5, 5, "champions"), (4, 4, 4, "champions"), (4, 4, 3, "champions"),  # FM = round(3.5) = 4
    (4, 3, 3, "loyal"), (3, 5, 5, "loyal"), (3, 3, 2, "loyal"),
    (5, 1, 1, "new"), (4, 1, 2, "new"), (5, 1, 5, "loyal"),
    (3, 1, 1, "potential"), (4, 2, 2, "potential"), (5, 2, 1, "potential"),
    (2, 5, 5, "at_risk"), (1, 3, 3, "at_risk"), (2, 3, 2, "at_risk"),
    (2, 1, 2, "hibernating"), (2, 2, 2, "hibernating"),
    (1, 2, 2, "lost"), (1, 1, 1, "lost"),
])
def test_named_group_boundaries(r, f, m, group):
    assert rfm.group(r, f, m) == group


def test_every_score_combination_has_a_group():
    found = {rfm.group(r, f, m) for r in range(1, 6) for f in range(1, 6) for m in range(1, 6)}
    assert found == set(rfm.GROUPS)


def test_vectorised_groups_agree_with_the_rules():
    combos = np.array([(r, f, m) for r in range(1, 6) for f in range(1, 6) for m in range(1, 6)])
    assert rfm.groups(combos[:, 0], combos[:, 1], combos[:, 2]) == [rfm.group(*c) for c in combos.tolist()]
