"""A small shop whose segment answers are worked out by hand (today is 22 Nov 2026).

    asha    Pune, tag veg, whatsapp consent, born November; Milk (Dairy) 10 and 100 days ago  -> ₹300
    bala    Mumbai; Chicken (Meat) + Milk 40 days ago                                          -> ₹500
    chetan  Pune, language en, source referral; Pizza + Cold Drink 2 L 200 days ago (lapsed)   -> ₹300
    divya   Delhi, PIN 110001, anniversary in March; no bills (prospect)
    esha    archived; Milk 5 days ago                                                          -> ₹100
    farid   Pune, PIN 411038; Chicken 5, 35 and 65 days ago                                    -> ₹900
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from clientdesk.clients.fields import ClientData, ConsentState, PhoneEntry
from clientdesk.services.history import LineItem, PurchaseRecord

TODAY = dt.date(2026, 11, 22)


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def add_client(desk, name: str, phone: str, **fields) -> int:
    return desk.clients.create(ClientData(name=name, phones=[PhoneEntry(phone, is_primary=True)], **fields))


def buy(desk, client_id: int, days_ago: int, *items: tuple[str, str, int]) -> int:
    """One bill: items are (product, category, rupees)."""
    lines = [LineItem(product, category, Decimal(1), rupees * 100) for product, category, rupees in items]
    return desk.history.record_purchase(PurchaseRecord(client_id, ago(days_ago), sum(l.amount_paise for l in lines),
                                                       lines=lines))


@pytest.fixture
def shop(desk):
    """The six clients above; returns {name: id}."""
    ids = {}
    ids["asha"] = add_client(desk, "Asha Verma", "9876500001", postal_city="Pune", tags=["veg"], birth_day=5,
                             birth_month=11, consents={"whatsapp": ConsentState(True)})
    ids["bala"] = add_client(desk, "Bala Iyer", "9876500002", postal_city="Mumbai", postal_state="Maharashtra")
    ids["chetan"] = add_client(desk, "Chetan Das", "9876500003", postal_city="Pune", language="en", source="referral")
    ids["divya"] = add_client(desk, "Divya Nair", "9876500004", postal_city="Delhi", postal_pin="110001",
                              anniversary_day=2, anniversary_month=3)
    ids["esha"] = add_client(desk, "Esha Jain", "9876500005", postal_city="Pune")
    ids["farid"] = add_client(desk, "Farid Khan", "9876500006", postal_city="Pune", postal_pin="411038")
    buy(desk, ids["asha"], 100, ("Milk 1 L", "Dairy", 150))
    buy(desk, ids["asha"], 10, ("Milk 1 L", "Dairy", 150))
    buy(desk, ids["bala"], 40, ("Chicken 1 kg", "Meat", 400), ("Milk 1 L", "Dairy", 100))
    buy(desk, ids["chetan"], 200, ("Pizza", "Snacks", 200), ("Cold Drink 2 L", "Beverages", 100))
    buy(desk, ids["esha"], 5, ("Milk 1 L", "Dairy", 100))
    desk.clients.archive(ids["esha"])
    for days in (65, 35, 5):
        buy(desk, ids["farid"], days, ("Chicken 1 kg", "Meat", 300))
    return ids
