"""The text form of segments: parsing, writing back, and errors that point at the mistake."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from clientdesk.errors import ValidationError
from clientdesk.insights import query


@pytest.mark.parametrize("text", [
    "never bought category Meat",
    "bought category Dairy and never bought category Meat",
    "(city Pune or city Mumbai) and spent >= 5000 and not tag wholesale",
    "visits >= 3 in last 90 days and last visit more than 30 days ago",
    "birthday in November and consent whatsapp",
    "bought product Cold Drink 2 L in last 30 days",
    'bought "in last" and tag "or"',
    "not (tag veg or status lapsed)",
    "tier gold or close to next tier",
    "rfm at_risk and likelihood >= 40",
    "state Uttar Pradesh and pin 226 and source referral and language hi",
    "anniversary in March",
])
def test_canonical_text_reads_back_the_same(text):
    tree = query.parse(text)
    assert query.to_text(tree) == text
    assert query.parse(query.to_text(tree)) == tree


def test_never_bought_category_meat_is_understood_as_written():
    assert query.parse("never bought category Meat") == query.Condition("bought", "never", ("category", "Meat"))


def test_precedence_and_binds_tighter_than_or():
    tree = query.parse("tag a or tag b and not tag c")
    assert tree == query.Or((query.Condition("tag", "=", "a"),
                         query.And((query.Condition("tag", "=", "b"), query.Not(query.Condition("tag", "=", "c"))))))


def test_friendly_spellings():
    assert query.parse("spent > ₹1,250.50").value == 125050
    assert query.parse("last visit less than 7 days ago") == query.Condition("last_visit", "<", 7)
    assert query.parse("birthday in 11").value == 11
    assert query.parse("RFM at risk").value == "at_risk"
    assert query.parse("bought Cold Drink 2 L in the last 7 days").value == ("any", "Cold Drink 2 L")
    assert query.parse("city is D'Souza Nagar").value == "D'Souza Nagar"
    assert query.parse('bought product "Cold Drink 2 L"').value == ("product", "Cold Drink 2 L")


@pytest.mark.parametrize("text,position,token", [
    ("spent > lots", 8, "lots"),
    ("(city Pune and bought Pizza", 0, "("),
    ("city Pune and", 13, ""),
    ("colour red", 0, "colour"),
    ("birthday in Smarch", 12, "Smarch"),
    ("visits 3", 7, "3"),
    ("tag veg)", 7, ")"),
    ("never category Meat", 6, "category"),
    ("status sleeping", 7, "sleeping"),
    ("likelihood > 120", 13, "120"),
    ('tag "veg', 4, '"'),
    ("", 0, ""),
])
def test_malformed_query_points_at_the_problem(text, position, token):
    with pytest.raises(ValidationError) as info:
        query.parse(text)
    assert info.value.field == "query"
    assert info.value.details["position"] == position
    assert info.value.details["token"] == token
    assert f"position {position + 1}" in info.value.message


_names = st.text(alphabet="abcdefgh XYZ'-रमेश", min_size=1, max_size=12).filter(lambda s: s.strip())
_conditions = st.one_of(
    st.builds(lambda op, scope, name, days: query.Condition("bought", op, (scope, " ".join(name.split())), days),
              st.sampled_from(["bought", "never"]), st.sampled_from(query.SCOPES), _names,
              st.one_of(st.none(), st.integers(1, 999))),
    st.builds(lambda op, v: query.Condition("spent", op, v * 100), st.sampled_from(query.OPERATORS),
              st.integers(0, 10**6)),
    st.builds(lambda v: query.Condition("tag", "=", " ".join(v.split())), _names),
    st.builds(lambda m: query.Condition("birthday", "=", m), st.integers(1, 12)),
)
_trees = st.recursive(_conditions, lambda inner: st.one_of(
    st.builds(query.Not, inner),
    st.builds(lambda items: query.And(tuple(items)), st.lists(inner, min_size=2, max_size=3)),
    st.builds(lambda items: query.Or(tuple(items)), st.lists(inner, min_size=2, max_size=3))), max_leaves=6)


@given(_trees)
def test_any_tree_survives_text_and_back(tree):
    assert query.parse(query.to_text(tree)) == tree
