"""Every bill records the branch and counter it was rung up at (issue 14): the counter's sale, a
bill recorded by hand, two counters selling to one client; names empty, long, Devanagari, quoted.
Runs on SQLite and PostgreSQL (BOTH_ENGINES)."""

from __future__ import annotations

import datetime as dt

import pytest

from clientdesk.branches import NO_BRANCH, Origin, bill_branches, clean_name
from clientdesk.clients.fields import ClientData, PhoneEntry
from clientdesk.desk import Desk
from clientdesk.errors import ValidationError
from clientdesk.location import MAX_NAME_LENGTH, CounterChoices
from clientdesk.services.history import PurchaseRecord

QUOTED = "O'Brien's \"Main\" Branch; DROP TABLE purchase;--"


def _client(desk, name="Ramesh Kumar", phone="9876543210") -> int:
    return desk.clients.create(ClientData(name=name, phones=[PhoneEntry(phone, is_primary=True)]))


def _rows(desk, sql, *params):
    with desk.using():
        return [tuple(r) for r in desk.db.execute_sql(sql, params).fetchall()]


def test_a_sale_records_the_pcs_branch_and_counter(desk):
    desk.set_origin(CounterChoices(branch="Andheri", counter="Counter 2"))
    client = _client(desk)
    result = desk.counter.record_sale(client, 1_250_00, bill_no="A-1")
    assert (result.branch, result.counter) == ("Andheri", "Counter 2")
    assert result.to_json()["branch"] == "Andheri"
    assert _rows(desk, "SELECT branch, counter, bill_no, amount_paise FROM purchase WHERE id = ?", result.purchase_id) == \
        [("Andheri", "Counter 2", "A-1", 1_250_00)]
    assert _rows(desk, "SELECT branch, counter FROM counter_sale WHERE id = ?", result.sale_id) == \
        [("Andheri", "Counter 2")]
    bill = desk.history.purchases(client)[0]
    assert (bill.branch, bill.counter) == ("Andheri", "Counter 2")


def test_a_desk_without_names_records_none_and_a_bill_by_hand_records_the_desks(desk):
    client = _client(desk)
    assert desk.origin == Origin()
    desk.counter.record_sale(client, 100_00)
    desk.set_origin(Origin("Bandra", "Front desk"))
    by_hand = desk.history.record_purchase(PurchaseRecord(client, dt.date(2026, 11, 1), 50_00, "H-1"))
    imported = desk.history.record_purchase(PurchaseRecord(client, dt.date(2026, 10, 1), 70_00, "H-2",
                                                           branch="", counter=""))  # said: no branch
    rows = dict((pid, (b, c)) for pid, b, c in _rows(desk, "SELECT id, branch, counter FROM purchase"))
    assert rows[by_hand] == ("Bandra", "Front desk") and rows[imported] == ("", "")
    assert sorted(rows.values()).count(("", "")) == 2
    assert bill_branches(desk.db) == [NO_BRANCH, "Bandra"]


def test_two_counters_with_different_names_sell_to_the_same_client(desk, desk_location, clock):
    desk.set_origin(Origin("Andheri", "Counter 1"))
    client = _client(desk)
    other = Desk.open(desk_location, clock=clock, origin=CounterChoices(branch="Bandra", counter="काउंटर २"))
    try:
        sales = []
        for n in range(3):
            sales.append(desk.counter.record_sale(client, (100 + n) * 100, confirm=True))
            sales.append(other.counter.record_sale(client, (200 + n) * 100, confirm=True))
        balance = other.loyalty.balance(client)
    finally:
        other.close()
    rows = _rows(desk, "SELECT p.id, p.branch, p.counter, p.amount_paise, s.branch, s.counter FROM purchase p "
                       "JOIN counter_sale s ON s.purchase_id = p.id ORDER BY p.id")
    assert [r[0] for r in rows] == [s.purchase_id for s in sales]
    assert [r[1:] for r in rows] == [
        ("Andheri", "Counter 1", 100_00, "Andheri", "Counter 1"), ("Bandra", "काउंटर २", 200_00, "Bandra", "काउंटर २"),
        ("Andheri", "Counter 1", 101_00, "Andheri", "Counter 1"), ("Bandra", "काउंटर २", 201_00, "Bandra", "काउंटर २"),
        ("Andheri", "Counter 1", 102_00, "Andheri", "Counter 1"), ("Bandra", "काउंटर २", 202_00, "Bandra", "काउंटर २")]
    # one client, one balance across the branches
    assert balance == desk.loyalty.balance(client) == sum(s.points_earned + s.bonus_points for s in sales)
    assert bill_branches(desk.db) == ["Andheri", "Bandra"]


@pytest.mark.parametrize("branch, counter", [
    ("", ""),
    ("अंधेरी पश्चिम", "काउंटर २"),
    (QUOTED, "it's \"2\""),
    ("x" * MAX_NAME_LENGTH, "y" * MAX_NAME_LENGTH),
])
def test_names_are_stored_and_read_back_exactly(desk, branch, counter):
    desk.set_origin(Origin.of(CounterChoices(branch=branch, counter=counter)))
    client = _client(desk)
    sale = desk.counter.record_sale(client, 300_00)
    assert _rows(desk, "SELECT branch, counter FROM purchase WHERE id = ?", sale.purchase_id) == [(branch, counter)]
    assert _rows(desk, "SELECT count(*) FROM purchase WHERE branch = ?", branch) == [(1,)]
    assert bill_branches(desk.db) == [branch]


def test_a_name_over_the_limit_is_refused_before_anything_is_written(desk, desk_location, clock):
    client = _client(desk)
    long = "श" * 200
    with pytest.raises(ValidationError) as info:
        desk.set_origin(CounterChoices(branch=long))
    assert info.value.field == "branch" and "at most 60" in str(info.value)
    assert desk.origin == Origin()  # the desk keeps its names
    with pytest.raises(ValidationError) as info:
        Desk.open(desk_location, clock=clock, origin=CounterChoices(branch="Main", counter="c" * 200))
    assert info.value.field == "counter"
    with pytest.raises(ValidationError):
        Origin("b" * 300)  # made by hand, past what the column holds
    with pytest.raises(ValidationError):
        desk.history.record_purchase(PurchaseRecord(client, dt.date(2026, 11, 1), 50_00, branch="b" * 200))
    assert _rows(desk, "SELECT count(*) FROM purchase") == [(0,)]


def test_names_are_cleaned_to_one_line():
    assert clean_name("  Andheri \n  West\t") == "Andheri West"
    assert clean_name("Main\x00\x07 branch") == "Main branch"
    assert clean_name(None) == "" and clean_name("   ") == ""
    # क़ typed as one character or as क + nukta: one spelling (NFC), so one branch
    assert clean_name("\u0958 नगर") == clean_name("क\u093c नगर") == "क\u093c नगर"
    assert clean_name("Cafe\u0301") == "Café"
    assert clean_name("ज़\u200dरा") == "ज़\u200dरा"  # a zero-width joiner is part of the spelling
    assert Origin.of(None) == Origin()
    sixty = clean_name("\u0958" * 60)  # 60 letters typed as one code point each: 120 in NFC, still 60 letters
    assert len(sixty) == 120 and clean_name(sixty) == sixty
    with pytest.raises(ValidationError):
        clean_name(("a" + "\u0301" * 5) * 60)  # 60 letters, but more than the column holds
