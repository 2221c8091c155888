"""Association rules on a fixture with a known answer, and suggestions built from them."""

from __future__ import annotations

import numpy as np
import pytest

from clientdesk.insights import rules

from tests.insights.conftest import add_client, buy

NAMES = ["Pizza", "Cold Drink", "Bread", "Butter"]
# 20 bills: 8 Pizza+Cold Drink, 2 Pizza, 2 Cold Drink, 6 Bread+Butter, 2 Bread
BASKETS = [[0, 1]] * 8 + [[0]] * 2 + [[1]] * 2 + [[2, 3]] * 6 + [[2]] * 2


def _arrays():
    baskets = [b for b, items in enumerate(BASKETS) for _ in items]
    items = [i for basket in BASKETS for i in basket]
    return np.array(baskets), np.array(items)


def test_support_confidence_and_lift_match_the_hand_count():
    matrix, _ = rules.incidence(*_arrays(), len(NAMES))
    found = {(r.a, r.b): r for r in rules.rules(rules.co_counts(matrix), len(BASKETS), NAMES, min_count=1)}
    assert set(found) == {("Pizza", "Cold Drink"), ("Cold Drink", "Pizza"), ("Bread", "Butter"), ("Butter", "Bread")}
    pizza = found[("Pizza", "Cold Drink")]
    assert (pizza.count_a, pizza.count_ab) == (10, 8)
    assert pizza.support == pytest.approx(0.4)
    assert pizza.confidence == pytest.approx(0.8)
    assert pizza.lift == pytest.approx(1.6)
    assert found[("Bread", "Butter")].confidence == pytest.approx(0.75)
    assert found[("Butter", "Bread")].confidence == pytest.approx(1.0)
    assert found[("Butter", "Bread")].lift == pytest.approx(2.5)


def test_thresholds_and_duplicates_on_one_bill():
    baskets, items = _arrays()
    matrix, _ = rules.incidence(np.append(baskets, 0), np.append(items, 0), len(NAMES))  # Pizza twice on bill 0
    counts = rules.co_counts(matrix)
    assert counts[0, 0] == 10
    assert {(r.a, r.b) for r in rules.rules(counts, 20, NAMES, min_count=7)} == {("Pizza", "Cold Drink"),
                                                                            ("Cold Drink", "Pizza")}
    assert rules.rules(counts, 20, NAMES, min_confidence=0.9) == [
        r for r in rules.rules(counts, 20, NAMES) if r.a == "Butter"]


def test_best_suggestions_skips_what_the_client_has():
    owned = rules.incidence(np.array([0, 1, 1, 2]), np.array([0, 0, 1, 2]), 4)[0]
    strength = np.zeros((4, 4))
    strength[0, 1], strength[2, 3], strength[2, 1] = 0.8, 0.75, 0.3
    items, because, values = rules.best_suggestions(owned, strength, limit=2)
    assert items.tolist() == [[1, -1], [-1, -1], [3, 1]]
    assert because.tolist() == [[0, -1], [-1, -1], [2, 2]]
    assert values[2].tolist() == pytest.approx([0.75, 0.3])


def test_refresh_learns_the_pairs_and_suggests_with_reasons(desk):
    pizza = [("Pizza", "Snacks", 200)]
    cold = [("Cold Drink 2 L", "Beverages", 90)]
    bread, butter = [("Bread", "Bakery", 40)], [("Butter 100 g", "Dairy", 58)]
    bills = [pizza + cold] * 8 + [pizza] * 2 + [cold] * 2 + [bread + butter] * 6 + [bread] * 2
    ids = []
    for n, items in enumerate(bills):
        client = add_client(desk, f"Client {n}", f"98765{n:05d}")
        buy(desk, client, 3 + n, *items)
        ids.append(client)
    desk.insights.refresh()
    pairs = desk.insights.pairs()
    assert {frozenset((p.a, p.b)) for p in pairs} == {frozenset(("Pizza", "Cold Drink 2 L")),
                                                     frozenset(("Bread", "Butter 100 g"))}
    by_pair = {(p.a, p.b): p for p in pairs}
    assert ("Butter 100 g", "Bread") in by_pair and by_pair[("Butter 100 g", "Bread")].lift == pytest.approx(2.5)
    # the client who bought only Pizza is offered Cold Drink: 80% of Pizza bills have it
    suggestion, = desk.insights.suggestions(ids[8])
    assert (suggestion.product, suggestion.because_product, suggestion.percent) == ("Cold Drink 2 L", "Pizza", 80)
    assert (suggestion.bills_with_because, suggestion.bills_with_both) == (10, 8)
    assert suggestion.category == "Beverages"
    # only Bread -> Butter (75%, lift 2.5)
    assert [(s.product, s.percent) for s in desk.insights.suggestions(ids[18])] == [("Butter 100 g", 75)]
    # has both already: nothing; and once the client buys it, the suggestion goes away at once
    assert desk.insights.suggestions(ids[0]) == []
    buy(desk, ids[8], 0, *cold)
    assert desk.insights.suggestions(ids[8]) == []
    assert desk.insights.suggestions(ids[18], limit=0) == []
