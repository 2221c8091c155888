"""Client service: create, edit, identity (one client per phone/email), merge, erase, search, paging."""

import datetime as dt

import pytest

from clientdesk.errors import DuplicateError, NotFoundError, ValidationError
from clientdesk.clients.fields import ClientData, ConsentState, PhoneEntry
from clientdesk.clients.listing import ClientFilter
from clientdesk.services.history import InteractionRecord, LineItem, PurchaseRecord


def add(desk, name, phone=None, **fields):
    phones = [PhoneEntry(phone, is_primary=True)] if phone else []
    return desk.clients.create(ClientData(name=name, phones=phones, **fields))


def test_create_normalises_and_reads_back(desk):
    cid = add(desk, "  रमेश   कुमार ", "098765 43210", email="Ramesh@Example.IN", gstin="27aapfu0939f1zv",
              postal_pin="560 034", birth_day=29, birth_month=2, tags=["veg", " veg ", "wholesale"],
              consents={"whatsapp": ConsentState(True, method="counter_form")})
    data = desk.clients.get(cid)
    assert data.name == "रमेश कुमार"
    assert [p.number for p in data.phones] == ["+919876543210"]
    assert data.phones[0].is_primary
    assert data.email == "ramesh@example.in"
    assert data.gstin == "27AAPFU0939F1ZV"
    assert data.postal_pin == "560034"
    assert (data.birth_day, data.birth_month, data.birth_year) == (29, 2, None)
    assert data.tags == ["veg", "wholesale"]
    assert data.consents["whatsapp"].granted
    assert data.status == "prospect"


@pytest.mark.parametrize("fields,field", [
    ({"name": ""}, "name"),
    ({"name": "A", "phones": [PhoneEntry("12345")]}, "phone"),
    ({"name": "A", "email": "not-an-email"}, "email"),
    ({"name": "A", "gstin": "27AAPFU0939F1ZO"}, "gstin"),
    ({"name": "A", "postal_pin": "12"}, "postal_pin"),
    ({"name": "A", "birth_day": 31, "birth_month": 2}, "birth"),
    ({"name": "A", "birth_month": 2}, "birth"),
    ({"name": "A", "likelihood": 140}, "likelihood"),
])
def test_bad_fields_are_refused_with_the_field_named(desk, fields, field):
    with pytest.raises(ValidationError) as info:
        desk.clients.create(ClientData(**fields))
    assert info.value.field == field
    assert desk.clients.count() == 0


def test_one_client_per_phone_and_per_email(desk):
    first = add(desk, "Ramesh Kumar", "9876543210", email="r@example.in")
    with pytest.raises(DuplicateError) as info:
        add(desk, "Someone", "+91 98765-43210")
    assert info.value.other_id == first and info.value.other_name == "Ramesh Kumar"
    with pytest.raises(DuplicateError):
        add(desk, "Someone", "9820012345", email="R@EXAMPLE.IN")
    assert desk.clients.count() == 1
    assert desk.clients.find_by_phone("०९८७६५ ४३२१०") == first
    assert desk.clients.find_by_email("R@example.in") == first


def test_update_keeps_identity_rules(desk):
    a = add(desk, "A", "9876543210")
    b = add(desk, "B", "9820012345")
    data = desk.clients.get(b)
    data.phones.append(PhoneEntry("98765 43210"))
    with pytest.raises(DuplicateError):
        desk.clients.update(b, data)
    data = desk.clients.get(a)
    data.name = "A Sharma"
    desk.clients.update(a, data)
    assert desk.clients.get(a).name == "A Sharma"


def test_merge_moves_history_and_keeps_richer_fields(desk, clock):
    keep = add(desk, "Ramesh", "9876543210", tags=["veg"])
    other = add(desk, "Ramesh Kumar Sharma", "9820012345", email="ramesh@example.in", birth_day=5, birth_month=6,
                tags=["wholesale"], consents={"email": ConsentState(True)})
    desk.history.record_purchase(PurchaseRecord(other, clock.today(), 50000, lines=[LineItem("Rice", "Grocery")]))
    desk.history.log_interaction(InteractionRecord(other, clock.now(), "phone", "in", "asked for rice"))
    desk.clients.merge(keep, other)
    merged = desk.clients.get(keep)
    assert merged.name == "Ramesh Kumar Sharma"
    assert merged.email == "ramesh@example.in"
    assert (merged.birth_day, merged.birth_month) == (5, 6)
    assert sorted(p.number for p in merged.phones) == ["+919820012345", "+919876543210"]
    assert merged.tags == ["veg", "wholesale"]
    assert merged.consents["email"].granted
    assert merged.total_spent_paise == 50000 and merged.status == "active"
    assert len(desk.history.purchases(keep)) == 1 and len(desk.history.interactions(keep)) == 1
    assert not desk.clients.exists(other)
    assert desk.clients.find_by_phone("9820012345") == keep
    assert [r.id for r in desk.clients.search("9820012345")] == [keep]


def test_merge_runs_area_hooks_in_the_same_transaction(desk):
    keep, other = add(desk, "A", "9876543210"), add(desk, "B", "9820012345")

    def failing_hook(keep_id, other_id):
        raise ValidationError("merge", "invalid", "refused by an area")

    desk.clients.merge_hooks.append(failing_hook)
    with pytest.raises(ValidationError):
        desk.clients.merge(keep, other)
    assert desk.clients.exists(other)
    assert desk.clients.find_by_phone("9820012345") == other


def test_delete_without_bills_removes_with_bills_erases_profile_keeps_bills(desk, clock):
    plain = add(desk, "Walk In", "9876543210")
    assert desk.clients.delete(plain) == "deleted"
    assert not desk.clients.exists(plain)
    assert desk.clients.search("walk") == []
    buyer = add(desk, "Buyer", "9820012345", email="b@example.in", birth_day=1, birth_month=1, notes="likes tea",
                tags=["veg"], consents={"whatsapp": ConsentState(True)})
    desk.history.record_purchase(PurchaseRecord(buyer, clock.today(), 10000))
    assert desk.clients.delete(buyer) == "erased"
    data = desk.clients.get(buyer)
    assert data.erased and data.archived
    assert data.email == "" and data.birth_day is None and data.notes == "" and data.tags == []
    assert not data.consents["whatsapp"].granted
    assert len(desk.history.purchases(buyer)) == 1


def test_unknown_id(desk):
    with pytest.raises(NotFoundError):
        desk.clients.get(999)


def test_status_prospect_active_lapsed(desk, clock):
    cid = add(desk, "A", "9876543210")
    assert desk.clients.get(cid).status == "prospect"
    desk.history.record_purchase(PurchaseRecord(cid, clock.today() - dt.timedelta(days=400), 1000))
    assert desk.clients.get(cid).status == "lapsed"
    assert desk.clients.count(ClientFilter(status="lapsed")) == 1
    desk.settings.set("lapse_days", 500)
    assert desk.clients.get(cid).status == "active"


@pytest.fixture
def people(desk):
    ids = {
        "ramesh": add(desk, "रमेश कुमार", "9876543210", email="ramesh.k@example.in", postal_city="Pune"),
        "suresh": add(desk, "Suresh Kumar", "9820054321"),
        "sunita": add(desk, "Sunita Sharma", "9820012345", business_name="Sharma Traders", gstin="27AAPFU0939F1ZV"),
        "laxmi": add(desk, "Laxmi Narayan", "9123456780"),
    }
    return ids


@pytest.mark.parametrize("typed,who", [
    ("ramesh", "ramesh"), ("Ramesh Kumar", "ramesh"), ("सुनीता", "sunita"), ("sunita sh", "sunita"),
    ("लक्ष्मी", "laxmi"), ("3210", "ramesh"), ("98765", "ramesh"), ("765432", "ramesh"), ("+91 98765 43210", "ramesh"),
    ("ramesh.k@example.in", "ramesh"), ("sharma trad", "sunita"), ("27AAPFU", "sunita"),
])
def test_search_finds_across_scripts_and_fields(desk, people, typed, who):
    results = desk.clients.search(typed)
    assert results and results[0].id == people[who]


def test_search_ranks_exact_phone_first_and_similar_names_next(desk, people):
    assert [r.id for r in desk.clients.search("9820054321")] == [people["suresh"]]
    names = [r.id for r in desk.clients.search("kumar")]
    assert set(names) == {people["ramesh"], people["suresh"]}
    assert desk.clients.search("zzzz") == []


def test_search_with_an_underscore_typed_finds_and_never_fails(desk):
    """An underscore is no letter: "off_s" is the words "off" and "s" (SQLite's index split it so
    and refused the phrase it became)."""
    shop = add(desk, "Anil Verma", "9812345678", business_name="off_shop traders", email="anil_v@example.in")
    other = add(desk, "Offer Singh", "9812345679")
    for typed in ("off_s", "off_", "_", "a_v", "anil_v@example.in", "off_shop", "__init__"):
        found = {r.id for r in desk.clients.search(typed)}
        assert desk.clients.count(ClientFilter(text=typed)) == len(found) or typed == "_", typed
        assert found <= {shop, other}, typed
    assert {r.id for r in desk.clients.search("off_s")} == {shop, other}  # "of…" and "s…"
    assert {r.id for r in desk.clients.search("off_shop")} == {shop}
    assert [r.id for r in desk.clients.search("anil_v@example.in")] == [shop]


def test_paging_and_sorting_in_sql(desk):
    for i in range(25):
        add(desk, f"Client {i:02d}", f"98200{i:05d}")
    first = desk.clients.page(ClientFilter(), "name", False, 0, 10)
    second = desk.clients.page(ClientFilter(), "name", False, 10, 10)
    assert [r.name for r in first] == [f"Client {i:02d}" for i in range(10)]
    assert [r.name for r in second] == [f"Client {i:02d}" for i in range(10, 20)]
    last = desk.clients.page(ClientFilter(), "name", True, 0, 1)
    assert last[0].name == "Client 24"
    assert desk.clients.count(ClientFilter(text="client")) == 25


def test_one_digit_lists_everyone_two_digits_match_the_start_of_a_number(desk, people):
    assert desk.clients.count(ClientFilter(text="9")) == 4 and desk.clients.search("9") == []
    assert {r.id for r in desk.clients.search("98")} == {people["ramesh"], people["suresh"], people["sunita"]}
    assert desk.clients.count(ClientFilter(text="91")) == 1  # 91234 56780, not the +91 of everyone
    assert [r.id for r in desk.clients.search("9123")] == [people["laxmi"]]
