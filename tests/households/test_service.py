"""Clients who share a phone number: joining is explicit, every member is found, each is separate."""

from __future__ import annotations

import pytest

from clientdesk.errors import DuplicateError, NotFoundError, ValidationError
from clientdesk.models import Phone
from clientdesk.clients.fields import ClientData, PhoneEntry
from clientdesk.clients.listing import ClientFilter
from clientdesk.clients.service import SharedPhoneError
from tests.households.conftest import NUMBER


def test_a_number_of_someone_else_is_refused_naming_them(desk, household):
    suresh, meena = household
    with pytest.raises(DuplicateError) as caught:
        desk.clients.create(ClientData(name="Ravi Reddy", phones=[PhoneEntry("098765 43210")]))
    assert caught.value.other_id == suresh and caught.value.other_name == "Suresh Reddy"
    assert desk.clients.count() == 2
    other = desk.clients.create(ClientData(name="Anil", phones=[PhoneEntry("9800000001")]))
    with pytest.raises(DuplicateError):  # nor by an edit
        desk.clients.update(other, ClientData(name="Anil", phones=[PhoneEntry("9876543210")]))
    assert [p.number for p in desk.clients.get(other).phones] == ["+919800000001"]


def test_family_of_joins_the_household_and_each_is_listed_oldest_first(desk, household):
    suresh, meena = household
    assert desk.clients.clients_with_phone("98765 43210") == [suresh, meena]
    assert desk.clients.clients_with_phone("+91 98765-43210") == [suresh, meena]
    assert desk.clients.clients_with_phone("not a phone") == [] and desk.clients.clients_with_phone("9111111111") == []
    assert Phone.select().where(Phone.number == NUMBER).count() == 2


def test_find_by_phone_never_picks_one_of_a_household(desk, household):
    suresh, meena = household
    with pytest.raises(SharedPhoneError) as caught:
        desk.clients.find_by_phone("9876543210")
    assert caught.value.members == [(suresh, "Suresh Reddy"), (meena, "Meena Devi")]
    assert isinstance(caught.value, ValidationError)
    solo = desk.clients.create(ClientData(name="Priya", phones=[PhoneEntry("9812345678")]))
    assert desk.clients.find_by_phone("98123 45678") == solo and desk.clients.find_by_phone("9111111111") is None


def test_a_member_edits_her_own_record_without_asking_again(desk, household):
    suresh, meena = household
    data = desk.clients.get(meena)
    data.postal_city = "Pune"
    desk.clients.update(meena, data)  # her number is hers already: no family_of needed
    assert desk.clients.get(meena).postal_city == "Pune"
    assert desk.clients.clients_with_phone(NUMBER) == [suresh, meena]


def test_family_of_someone_without_the_number_is_refused(desk, household):
    suresh, _ = household
    other = desk.clients.create(ClientData(name="Anil", phones=[PhoneEntry("9800000001")]))
    with pytest.raises(DuplicateError):  # the number is Suresh's, not Anil's household
        desk.clients.create(ClientData(name="Ravi", phones=[PhoneEntry("9876543210")]), family_of=other)
    with pytest.raises(ValidationError, match="nothing to share"):
        desk.clients.create(ClientData(name="Ravi", phones=[PhoneEntry("9111111111")]), family_of=suresh)
    with pytest.raises(NotFoundError):
        desk.clients.create(ClientData(name="Ravi", phones=[PhoneEntry("9111111111")]), family_of=999)
    assert desk.clients.count() == 3


def test_one_client_per_email_stays(desk, household):
    suresh, meena = household
    data = desk.clients.get(suresh)
    data.email = "reddy@example.in"
    desk.clients.update(suresh, data)
    mine = desk.clients.get(meena)
    mine.email = "Reddy@Example.in"
    with pytest.raises(DuplicateError) as caught:
        desk.clients.update(meena, mine, family_of=suresh)  # sharing the phone does not share the email
    assert caught.value.field == "email" and desk.clients.get(meena).email == ""


def test_a_number_shared_by_three(desk, household):
    suresh, meena = household
    ravi = desk.clients.create(ClientData(name="Ravi Reddy", phones=[PhoneEntry("9876543210"),
                                                                       PhoneEntry("9800000003")]), family_of=meena)
    assert desk.clients.clients_with_phone(NUMBER) == [suresh, meena, ravi]
    assert desk.clients.find_by_phone("9800000003") == ravi
    rows = desk.clients.page(ClientFilter(text="43210"))  # a fragment of the number lists every member
    assert sorted(r.id for r in rows) == [suresh, meena, ravi]
    assert desk.clients.count(ClientFilter(text="43210")) == 3
    assert sorted(r.id for r in desk.clients.search("98765 43210")) == [suresh, meena, ravi]
    assert sorted(r.id for r in desk.clients.page(ClientFilter(text="9876543210"))) == [suresh, meena, ravi]
    assert sorted(r.id for r in desk.clients.page(ClientFilter(text="98"))) == [suresh, meena, ravi]


def test_removing_a_members_phone_leaves_the_others(desk, household):
    suresh, meena = household
    data = desk.clients.get(meena)
    data.phones = [PhoneEntry("9811111111", is_primary=True)]  # she has a mobile of her own now
    desk.clients.update(meena, data)
    assert desk.clients.clients_with_phone(NUMBER) == [suresh]
    assert desk.clients.find_by_phone("9876543210") == suresh
    assert desk.clients.get(suresh).phones[0].number == NUMBER
    assert [r.id for r in desk.clients.page(ClientFilter(text="43210"))] == [suresh]
    desk.clients.delete(suresh)  # and a deleted member takes only their own row
    assert desk.clients.clients_with_phone(NUMBER) == []
    assert desk.clients.find_by_phone("9811111111") == meena


def test_deleting_one_member_keeps_the_others_number(desk, household):
    suresh, meena = household
    desk.clients.delete(meena)
    assert desk.clients.clients_with_phone(NUMBER) == [suresh]


def test_merging_two_members_of_a_household(desk, household):
    suresh, meena = household
    desk.counter.record_sale(suresh, 1000_00)
    desk.counter.record_sale(meena, 500_00)
    before = desk.loyalty.balance(suresh) + desk.loyalty.balance(meena)
    desk.clients.merge(suresh, meena)  # they were one person after all
    assert desk.clients.clients_with_phone(NUMBER) == [suresh]
    assert [p.number for p in desk.clients.get(suresh).phones] == [NUMBER]
    assert not desk.clients.exists(meena) and desk.loyalty.balance(suresh) == before
    assert Phone.select().where(Phone.number == NUMBER).count() == 1


def test_each_member_keeps_their_own_points(desk, household):
    suresh, meena = household
    desk.counter.record_sale(meena, 700_00)
    assert desk.loyalty.balance(suresh) == 0 < desk.loyalty.balance(meena)
    found = desk.counter.lookup("98765 43210")
    assert found.kind == "phone" and found.client_ids == [suresh, meena]
