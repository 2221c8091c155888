"""The services on a server: clients, search in both scripts, a sale with points and a redemption,
an undo; every outcome read back from the server on a connection of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from clientdesk.errors import DuplicateError
from clientdesk.clients.fields import ClientData, PhoneEntry
from clientdesk.clients.listing import ClientFilter
from tests.loyalty.helpers import check_ledger


@pytest.fixture
def shop(server_desk):
    """Four clients, as a shop enters them: Devanagari and Latin names."""
    c = server_desk.clients
    ids = {
        "ramesh": c.create(ClientData(name="रमेश कुमार", phones=[PhoneEntry("9876543210")])),
        "laxmi": c.create(ClientData(name="Laxmi Narayan", phones=[PhoneEntry("+91 98123 45678")],
                                     email="laxmi@example.in")),
        "harpreet": c.create(ClientData(name="हरप्रीत कौर", phones=[PhoneEntry("०९८९८ ९८९८९८")])),
        "suresh": c.create(ClientData(name="Suresh Kumar", business_name="Kumar Traders",
                                      phones=[PhoneEntry("9000012345")])),
    }
    return ids


def test_clients_are_stored_on_the_server(server_desk, shop, server_rows):
    assert server_rows("SELECT c.name, p.number FROM client c JOIN phone p ON p.client_id = c.id ORDER BY c.id") == [
        ("रमेश कुमार", "+919876543210"), ("Laxmi Narayan", "+919812345678"), ("हरप्रीत कौर", "+919898989898"),
        ("Suresh Kumar", "+919000012345")]
    assert server_rows("SELECT rowid, name FROM client_search WHERE rowid = %s", shop["ramesh"]) == \
        [(shop["ramesh"], "rmesh kumr")]
    assert server_rows("SELECT rowid, phones FROM client_phone_search ORDER BY rowid")[0] == \
        (shop["ramesh"], "9876543210")


def test_a_phone_belongs_to_one_client(server_desk, shop, server_rows):
    with pytest.raises(DuplicateError) as info:
        server_desk.clients.create(ClientData(name="Someone", phones=[PhoneEntry("098765 43210")]))
    assert info.value.other_id == shop["ramesh"]
    assert server_rows("SELECT count(*) FROM client") == [(4,)]


def test_find_by_phone_however_typed(server_desk, shop):
    for typed in ("98765 43210", "+91-98765-43210", "०९८७६५ ४३२१०", "919876543210"):
        assert server_desk.clients.find_by_phone(typed) == shop["ramesh"]
    assert server_desk.clients.find_by_phone("9999999999") is None


@pytest.mark.parametrize("typed, who", [
    ("ramesh", "ramesh"), ("रमेश", "ramesh"), ("rame", "ramesh"), ("ramesh kumar", "ramesh"),
    ("laxmi", "laxmi"), ("लक्ष्मी", "laxmi"), ("narayan", "laxmi"), ("नारायण", "laxmi"),
    ("harpreet", "harpreet"), ("हरप्रीत", "harpreet"), ("kaur", "harpreet"),
    ("traders", "suresh"), ("laxmi@example.in", "laxmi"),
])
def test_search_finds_by_a_name_fragment_in_either_script(server_desk, shop, typed, who):
    found = [r.id for r in server_desk.clients.search(typed)]
    assert found and found[0] == shop[who]


def test_search_by_any_part_of_a_phone(server_desk, shop):
    assert [r.id for r in server_desk.clients.search("43210")] == [shop["ramesh"]]
    assert [r.id for r in server_desk.clients.search("९००००१")] == [shop["suresh"]]  # Devanagari digits
    assert set(server_desk.clients.ids(ClientFilter(text="98"))) == {shop["ramesh"], shop["laxmi"], shop["harpreet"]}


def test_kumar_finds_both_kumars_and_counts_agree(server_desk, shop):
    found = {r.id for r in server_desk.clients.search("kumar")}
    assert found == {shop["ramesh"], shop["suresh"]}
    assert server_desk.clients.count(ClientFilter(text="kumar")) == 2
    assert server_desk.clients.count(ClientFilter(text="कुमार")) == 2
    assert server_desk.clients.count(ClientFilter(text="zzz")) == 0
    assert server_desk.clients.count() == 4


def test_archived_clients_leave_the_search(server_desk, shop):
    server_desk.clients.archive(shop["suresh"])
    assert {r.id for r in server_desk.clients.search("kumar")} == {shop["ramesh"]}
    assert server_desk.clients.count(ClientFilter(text="kumar", include_archived=True)) == 2


def test_an_edited_name_is_found_by_its_new_name_only(server_desk, shop):
    data = server_desk.clients.get(shop["laxmi"])
    data.name = "Lakshmi Devi"
    server_desk.clients.update(shop["laxmi"], data)
    assert [r.id for r in server_desk.clients.search("devi")] == [shop["laxmi"]]
    assert server_desk.clients.search("narayan") == []


def test_a_sale_a_redemption_and_an_undo(server_desk, shop, server_rows):
    loyalty, counter, client = server_desk.loyalty, server_desk.counter, shop["ramesh"]
    sale = counter.record_sale(client, 1_000_000)  # ₹10,000
    assert sale.points_earned > 0
    balance = loyalty.balance(client)
    assert server_rows("SELECT sum(points) FROM ledger_entry WHERE client_id = %s", client) == [(balance,)]

    redeemed = counter.record_sale(client, 50_000, redeem_points=100)
    assert redeemed.redeemed_points == 100 and redeemed.net_paise == 50_000 - redeemed.redeemed_paise
    assert loyalty.balance(client) == balance - 100 + redeemed.points_earned
    check_ledger(client)
    assert server_rows("SELECT kind, points FROM ledger_entry WHERE client_id = %s AND sale_id = %s ORDER BY id",
                       client, redeemed.sale_id) == [("redeem", -100), ("earn", redeemed.points_earned)]
    assert server_rows("SELECT amount_paise FROM purchase WHERE id = %s", redeemed.purchase_id) == [(50_000,)]

    undone = counter.undo_last_sale()
    assert undone.sale_id == redeemed.sale_id and undone.points_restored == 100
    assert loyalty.balance(client) == balance
    assert server_rows("SELECT undone FROM counter_sale WHERE id = %s", redeemed.sale_id) == [(True,)]
    assert server_rows("SELECT sum(points) FROM ledger_entry WHERE client_id = %s", client) == [(balance,)]
    check_ledger(client)
    stats = server_rows("SELECT visit_count, total_spent_paise FROM client WHERE id = %s", client)
    assert stats == [(1, 1_000_000)]


def test_merge_moves_phones_and_points(server_desk, shop, server_rows):
    loyalty = server_desk.loyalty
    server_desk.counter.record_sale(shop["suresh"], 1_000_000)
    total = loyalty.balance(shop["suresh"]) + loyalty.balance(shop["ramesh"])
    server_desk.clients.merge(shop["ramesh"], shop["suresh"])
    assert loyalty.balance(shop["ramesh"]) == total
    assert server_rows("SELECT count(*) FROM client WHERE id = %s", shop["suresh"]) == [(0,)]
    assert [r.id for r in server_desk.clients.search("9000012345")] == [shop["ramesh"]]
    check_ledger()


def test_a_desk_opens_on_a_server_url(server_url, server_rows):
    """Desk.open takes the URL itself (not a file called 'postgresql:/…'), and its services write there."""
    from clientdesk.desk import Desk

    desk = Desk.open(server_url)
    try:
        assert desk.path == server_url
        client = desk.clients.create(ClientData(name="मीना देवी", phones=[PhoneEntry("9876543210")]))
        desk.counter.record_sale(client, 100_000)
        assert server_rows("SELECT name FROM client WHERE id = %s", client) == [("मीना देवी",)]
        assert server_rows("SELECT count(*) FROM counter_sale WHERE client_id = %s", client) == [(1,)]
        assert [r.id for r in desk.clients.search("meena")] == [client]
    finally:
        desk.close()
    assert not Path(server_url).exists() and not Path("postgresql:").exists()
