"""Segments against answers worked out by hand on the small shop in conftest.py."""

from __future__ import annotations

import pytest

from clientdesk.errors import ValidationError

from tests.insights.conftest import buy

CASES = [
    ("never bought category Meat", {"asha", "chetan", "divya"}),
    ("bought category Dairy and never bought category Meat", {"asha"}),
    ("bought Milk 1 L", {"asha", "bala"}),
    ('bought product "milk 1 l"', {"asha", "bala"}),
    ("bought category meat in last 30 days", {"farid"}),
    ("never bought category Meat in the last 30 days", {"asha", "bala", "chetan", "divya"}),
    ("spent >= 500", {"bala", "farid"}),
    ("spent >= ₹5,00", {"bala", "farid"}),
    ("spent < 400 in last 90 days", {"asha", "chetan", "divya"}),
    ("visits >= 2", {"asha", "farid"}),
    ("visits >= 2 in last 60 days", {"farid"}),
    ("visits = 0", {"divya"}),
    ("last visit more than 30 days ago", {"bala", "chetan"}),
    ("last visit > 30 days ago", {"bala", "chetan"}),
    ("not last visit more than 30 days ago", {"asha", "divya", "farid"}),
    ("last visit less than 30 days ago", {"asha", "farid"}),
    ("city pune", {"asha", "chetan", "farid"}),
    ("city Pune and not bought Pizza", {"asha", "farid"}),
    ("(city pune or city mumbai) and never bought category Dairy", {"chetan", "farid"}),
    ("city pune or city mumbai and never bought category Dairy", {"asha", "chetan", "farid"}),
    ("not (city pune or tag veg)", {"bala", "divya"}),
    ("status lapsed", {"chetan"}),
    ("status prospect", {"divya"}),
    ("status active", {"asha", "bala", "farid"}),
    ("tag VEG", {"asha"}),
    ("consent whatsapp", {"asha"}),
    ("birthday in November", {"asha"}),
    ("anniversary in mar", {"divya"}),
    ("pin 411", {"farid"}),
    ("pin 110001", {"divya"}),
    ("source referral", {"chetan"}),
    ("language en", {"chetan"}),
    ("state maharashtra", {"bala"}),
]


@pytest.mark.parametrize("query,expected", CASES)
def test_segment_matches_hand_computed_answer(desk, shop, query, expected):
    ids = desk.segments.client_ids(query)
    assert ids == sorted(shop[name] for name in expected)
    assert desk.segments.count(query) == len(expected)


def test_archived_clients_never_match(desk, shop):
    assert shop["esha"] not in desk.segments.client_ids("bought category Dairy")


def test_unknown_product_points_at_it_with_a_hint(desk, shop):
    with pytest.raises(ValidationError) as info:
        desk.segments.count("city Pune and never bought category Meet")
    assert info.value.details["position"] == len("city Pune and never bought category ")
    assert info.value.details["token"] == "Meet"
    assert 'did you mean "Meat"' in info.value.message


def test_saved_segments(desk, shop):
    first = desk.segments.save("Vegetarians", "bought category dairy  and never bought category Meat")
    assert [(s.name, s.query) for s in desk.segments.saved()] == [
        ("Vegetarians", "bought category dairy and never bought category Meat")]
    again = desk.segments.save("Vegetarians", "tag veg")
    assert again == first and desk.segments.get(first).query == "tag veg"
    assert desk.segments.find("vegetarians").id == first
    with pytest.raises(ValidationError):
        desk.segments.save("Bad", "never bought category Fish")
    with pytest.raises(ValidationError):
        desk.segments.save("  ", "tag veg")
    desk.segments.delete(first)
    assert desk.segments.saved() == []


def test_loyalty_tier_condition(desk, shop):
    desk.loyalty.enrol(shop["bala"])
    desk.loyalty.enrol(shop["farid"])
    assert desk.segments.client_ids("tier member") == sorted([shop["bala"], shop["farid"]])
    assert desk.segments.client_ids("tier Gold") == []
    buy(desk, shop["farid"], 1, ("Chicken 1 kg", "Meat", 9_500))  # ₹10,400 in 12 months: Silver at once
    assert desk.loyalty.summary(shop["farid"]).tier == "silver"
    assert desk.segments.client_ids("tier silver") == [shop["farid"]]
    assert desk.segments.client_ids("tier member") == [shop["bala"]]
    with pytest.raises(ValidationError) as info:
        desk.segments.count("tier platinum")
    assert info.value.details["token"] == "platinum"
