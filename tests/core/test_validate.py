"""Validators against DOMAIN.md's test vectors."""

import pytest

from clientdesk.errors import ValidationError
from clientdesk.validate import (
    find_phones, format_phone, gstin_warnings, is_mobile, normalize_email, normalize_gstin, normalize_pan,
    normalize_phone, normalize_pin,
)

SAME_NUMBER = ["98765 43210", "+91-98765-43210", "098765 43210", "919876543210", "0091-9876543210",
               "०९८७६५ ४३२१०", 9876543210.0, 9876543210, "9876543210.0", "9.87654321E9"]


@pytest.mark.parametrize("typed", SAME_NUMBER)
def test_every_way_of_writing_a_mobile_gives_one_e164(typed):
    assert normalize_phone(typed) == "+919876543210"


@pytest.mark.parametrize("bad", ["91987654321", "12345", "abc", "", "9.8765E9", "9.88E+09", 98765.5, True])
def test_bad_or_truncated_numbers_are_refused_not_guessed(bad):
    with pytest.raises(ValidationError) as info:
        normalize_phone(bad)
    assert info.value.field == "phone"


def test_scientific_notation_that_lost_digits_says_so():
    with pytest.raises(ValidationError) as info:
        normalize_phone("9.88E+09")
    assert info.value.reason == "lost_digits"


def test_foreign_number_needs_plus():
    assert normalize_phone("+44 20 7946 0958") == "+442079460958"


def test_several_numbers_in_one_cell():
    assert find_phones("98200 12345 / 98200 54321") == ["+919820012345", "+919820054321"]
    assert find_phones("") == []
    with pytest.raises(ValidationError):
        find_phones("no number here")


def test_whatsapp_needs_a_mobile_type():
    assert is_mobile("+919876543210")
    assert not is_mobile(normalize_phone("5876543210"))


def test_phone_display():
    assert format_phone("+919876543210") == "98765 43210"


@pytest.mark.parametrize("gstin", ["27AAPFU0939F1ZV", "27AAACR5055K1Z7", "27AALFV4847R1Z2", "24APJPM3743A1Z9",
                                   "33AASCA0911D1Z5"])
def test_valid_gstins(gstin):
    assert normalize_gstin(gstin.lower()) == gstin
    assert gstin_warnings(gstin) == []


@pytest.mark.parametrize("gstin,reason", [("27AAPFU0939F1ZO", "checksum"), ("27AAACR5055K1Z8", "checksum"),
                                          ("40AAPFU0939F1ZV", "state"), ("27AAPFU0939F1Z", "length")])
def test_invalid_gstins(gstin, reason):
    with pytest.raises(ValidationError) as info:
        normalize_gstin(gstin)
    assert info.value.reason == reason


def test_pin_pan_email():
    assert normalize_pin("560 034") == "560034"
    assert normalize_pin(560034.0) == "560034"
    with pytest.raises(ValidationError):
        normalize_pin("060034")
    assert normalize_pan("aapfu0939f") == "AAPFU0939F"
    with pytest.raises(ValidationError):
        normalize_pan("AAPZU0939F")
    assert normalize_email(" Ramesh@Gmail.COM ") == "ramesh@gmail.com"
    with pytest.raises(ValidationError):
        normalize_email("ramesh@")
