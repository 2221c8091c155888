"""Cell values to clean values: phones, dates, emails, PIN codes, amounts, header aliases."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from clientdesk.errors import ValidationError
from clientdesk.importing import cleaning
from clientdesk.importing.mapping import field_for_header
from clientdesk.validate import find_phones

TODAY = dt.date(2026, 11, 22)


@pytest.mark.parametrize("cell,expected", [
    (9876543210.0, ["+919876543210"]),
    (9876543210, ["+919876543210"]),
    ("९८७६५ ४३२१०", ["+919876543210"]),
    ("0091-9876543210", ["+919876543210"]),
    ("98200 12345 / 98200 54321", ["+919820012345", "+919820054321"]),
    ("+91 98765 43210 ::: 0731 2345678", ["+919876543210", "+917312345678"]),
    ("  ", []),
    (None, []),
])
def test_phones(cell, expected):
    assert cleaning.clean_phones(cell) == expected


@pytest.mark.parametrize("cell", [
    "9876543210", 9876543210.0, 6000000000, "6000000000", "5999999999", "०९८७६५४३२१०", "९८७६५४३२१०", "+91-9876543210",
    "09876543210", "919876543210", " 9876543210 ", "98765-43210", "(987) 654-3210", "7012345678", "8999999999",
])
def test_fast_mobile_paths_match_the_general_parser(cell):
    """The shortcuts for plain Indian mobiles give exactly what libphonenumber gives (or the same error)."""
    try:
        expected = find_phones(cell)
    except ValidationError as exc:
        with pytest.raises(ValidationError) as info:
            cleaning.clean_phones(cell)
        assert info.value.reason == exc.reason
    else:
        assert cleaning.clean_phones(cell) == expected


@pytest.mark.parametrize("cell,reason", [("9.87654E+09", "lost_digits"), ("91987654321", "invalid"), ("abc", "invalid")])
def test_bad_phones_are_errors_not_guesses(cell, reason):
    with pytest.raises(ValidationError) as info:
        cleaning.clean_phones(cell)
    assert info.value.reason == reason


@pytest.mark.parametrize("cell,expected", [
    (dt.datetime(1990, 6, 5), (5, 6, 1990)),
    (dt.date(1990, 6, 5), (5, 6, 1990)),
    (33029, (5, 6, 1990)),  # Excel serial number
    (33029.0, (5, 6, 1990)),
    ("33029", (5, 6, 1990)),
    ("05/06/1990", (5, 6, 1990)),  # day first
    ("5-6-90", (5, 6, 1990)),
    ("05.06.1990", (5, 6, 1990)),
    ("1990-06-05", (5, 6, 1990)),
    ("1990-06-05T00:00:00", (5, 6, 1990)),
    ("17 Aug", (17, 8, None)),
    ("17th August 1985", (17, 8, 1985)),
    ("Aug 17", (17, 8, None)),
    ("--08-21", (21, 8, None)),
    ("--0821", (21, 8, None)),
    ("19850817", (17, 8, 1985)),
    ("17/08", (17, 8, None)),
    ("17 अगस्त", (17, 8, None)),
    ("29/02", (29, 2, None)),
])
def test_dates(cell, expected):
    assert cleaning.clean_partial_date(cell, TODAY) == expected


@pytest.mark.parametrize("cell", ["31/02/1990", "hello", "13/13/2000", "05/06/2030", "--13-01", "1990-06"])
def test_bad_dates(cell):
    with pytest.raises(ValidationError):
        cleaning.clean_partial_date(cell, TODAY, "birth")


def test_emails_pins_amounts_points_tags():
    assert cleaning.clean_emails(" Ramesh.K@Gmail.COM ") == ["ramesh.k@gmail.com"]
    assert cleaning.clean_emails("a@x.in ::: b@y.in") == ["a@x.in", "b@y.in"]
    with pytest.raises(ValidationError):
        cleaning.clean_emails("not-an-email")
    with pytest.raises(ValidationError):
        cleaning.clean_email("x@host.test")
    assert cleaning.clean_pin("560 034") == "560034"
    assert cleaning.clean_pin(560034.0) == "560034"
    assert cleaning.clean_amount("₹1,250.50") == 125050
    assert cleaning.clean_amount(99.99) == 9999
    with pytest.raises(ValidationError):
        cleaning.clean_amount(-5)
    assert cleaning.clean_qty(None) == Decimal(1)
    assert cleaning.clean_qty("2.5") == Decimal("2.500")
    assert cleaning.clean_points("1,200") == 1200
    with pytest.raises(ValidationError):
        cleaning.clean_points("12.5")
    assert cleaning.clean_tags("* myContacts ::: VIP, Wedding") == ["VIP", "Wedding"]
    assert cleaning.is_total_label("Grand Total:") and cleaning.is_total_label("कुल")
    assert not cleaning.is_total_label("Totaram")


@pytest.mark.parametrize("header,field", [
    ("Party Name", "name"), ("Customer Name", "name"), ("नाम", "name"), ("ग्राहक का नाम", "name"),
    ("Mobile No.", "phone"), ("Phone", "phone"), ("मोबाइल", "phone"), ("फ़ोन नंबर", "phone"),
    ("Father's Name", "father_name"), ("पिता का नाम", "father_name"), ("Date of Birth", "birthday"),
    ("DOB", "birthday"), ("जन्मतिथि", "birthday"), ("Anniversary", "anniversary"), ("सालगिरह", "anniversary"),
    ("GSTIN", "gstin"), ("GST No.", "gstin"), ("PIN", "pin"), ("Pincode", "pin"), ("Address", "address"),
    ("पता", "address"), ("Email ID", "email"), ("ईमेल", "email"), ("E-mail 2 - Value", "email"),
    ("Opening points", "opening_points"), ("Loyalty Points", "opening_points"), ("पॉइंट्स", "opening_points"),
    ("Total spent", None), ("Status", None), ("S.No.", None),
])
def test_header_aliases(header, field):
    assert field_for_header(header) == field


def test_purchase_header_aliases():
    assert [field_for_header(h, "purchases") for h in
            ("Bill No.", "Invoice Date", "Customer Mobile", "Customer", "Item", "Category", "Qty", "Amount", "Rate")] == \
        ["bill_no", "date", "phone", "name", "item", "category", "qty", "amount", "rate"]
