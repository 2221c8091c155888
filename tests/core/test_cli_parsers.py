"""Property tests for the parsers behind the command line (and the counter): amounts and phones."""

from __future__ import annotations

import re

import phonenumbers
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from clientdesk.errors import ValidationError
from clientdesk.money import MAX_BILL_PAISE, rupees_to_paise
from clientdesk.validate import normalize_phone

SETTINGS = settings(max_examples=200, deadline=None)


# ----- amounts -------------------------------------------------------------------------------------
def western(whole: int) -> str:
    return f"{whole:,}"


def indian(whole: int) -> str:
    text = str(whole)
    if len(text) <= 3:
        return text
    head, tail = text[:-3], text[-3:]
    pairs = []
    while len(head) > 2:
        pairs.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([head, *pairs, tail])


@SETTINGS
@given(paise=st.integers(0, MAX_BILL_PAISE), grouping=st.sampled_from([str, western, indian]),
       prefix=st.sampled_from(["", "₹", "₹ ", "Rs.", "Rs ", "INR "]), suffix=st.sampled_from(["", "/-", " "]),
       decimals=st.sampled_from([0, 1, 2]))
def test_well_formed_amounts_read_back_exactly(paise, grouping, prefix, suffix, decimals):
    whole, cents = divmod(paise, 100)
    if decimals == 0:
        assume(cents == 0)
        fraction = ""
    elif decimals == 1:
        assume(cents % 10 == 0)
        fraction = f".{cents // 10}"
    else:
        fraction = f".{cents:02d}"
    text = f"{prefix}{grouping(whole)}{fraction}{suffix}"
    assert rupees_to_paise(text) == paise


def _grouping_is_valid(groups: list[str]) -> bool:
    """An independent statement of the rule: western 1-3 then threes, or Indian 1-2, twos, three."""
    first, rest = groups[0], groups[1:]
    if not rest:
        return len(first) >= 1
    western_ok = 1 <= len(first) <= 3 and all(len(g) == 3 for g in rest)
    indian_ok = 1 <= len(first) <= 2 and len(rest[-1]) == 3 and all(len(g) == 2 for g in rest[:-1])
    return western_ok or indian_ok


@SETTINGS
@given(groups=st.lists(st.text("0123456789", min_size=1, max_size=4), min_size=2, max_size=5))
def test_digit_groups_are_accepted_only_when_well_formed(groups):
    text = ",".join(groups)
    value = int("".join(groups))
    try:
        paise = rupees_to_paise(text)
    except ValidationError:
        assert not _grouping_is_valid(groups) or value * 100 > MAX_BILL_PAISE
    else:
        assert _grouping_is_valid(groups)
        assert paise == value * 100


@SETTINGS
@given(st.text(max_size=60))
def test_any_text_is_an_amount_in_range_or_a_validation_error(text):
    try:
        paise = rupees_to_paise(text)
    except ValidationError as exc:
        assert exc.field == "amount"
    else:
        assert isinstance(paise, int) and 0 <= paise <= MAX_BILL_PAISE


@SETTINGS
@given(mantissa=st.integers(1, 10**6), exponent=st.integers(-30, 30), e=st.sampled_from("eE"))
def test_exponents_are_refused(mantissa, exponent, e):
    with pytest.raises(ValidationError):
        rupees_to_paise(f"{mantissa}{e}{exponent}")


@SETTINGS
@given(st.integers(1, 10**9))
def test_negative_amounts_are_refused(rupees):
    for text in (f"-{rupees}", f"-{rupees:,}", f"- {rupees}", f"₹-{rupees}"):
        with pytest.raises(ValidationError):
            rupees_to_paise(text)


@pytest.mark.parametrize("text", ["nan", "NaN", "inf", "-inf", "Infinity", "sNaN", "1,2,3", "1e20", "12,34,5678",
                                  "1,234,56", "1.2.3", "0x10", "1_000", "", "₹", "1 000", "١٢٣abc"])
def test_malformed_amounts(text):
    with pytest.raises(ValidationError):
        rupees_to_paise(text)


@pytest.mark.parametrize("text, paise", [("12,34,567.50", 123456750), ("1,234,567.50", 123456750), ("₹ 99", 9900),
                                         ("500/-", 50000), ("1,00,00,000", MAX_BILL_PAISE), (".5", 50),
                                         ("१,२५०", 125000)])
def test_amounts_people_write(text, paise):
    assert rupees_to_paise(text) == paise


def test_the_maximum_bill():
    with pytest.raises(ValidationError) as info:
        rupees_to_paise("1,00,00,000.01")
    assert info.value.reason == "range"
    with pytest.raises(ValidationError):
        rupees_to_paise(10**30)
    with pytest.raises(ValidationError):
        rupees_to_paise(float("nan"))


# ----- phones --------------------------------------------------------------------------------------
mobile = st.tuples(st.sampled_from("6789"), st.text("0123456789", min_size=9, max_size=9)).map("".join)


@SETTINGS
@given(digits=mobile, prefix=st.sampled_from(["", "+91", "+91 ", "0", "91", "0091 "]),
       sep=st.sampled_from(["", " ", "-", "  ", "."]))
def test_indian_mobiles_in_any_spacing(digits, prefix, sep):
    assume(phonenumbers.is_valid_number(phonenumbers.parse("+91" + digits)))
    typed = prefix + digits[:5] + sep + digits[5:]
    assert normalize_phone(typed) == "+91" + digits


@SETTINGS
@given(digits=mobile, at=st.integers(0, 10), letter=st.characters(categories=["Lu", "Ll", "Lo"]))
def test_a_letter_anywhere_is_refused(digits, at, letter):
    """98765abcde was read as keypad digits (+919876522233); a letter is never part of a number."""
    typed = digits[:at] + letter + digits[at:]
    with pytest.raises(ValidationError) as info:
        normalize_phone(typed)
    assert info.value.field == "phone"


@SETTINGS
@given(st.text(max_size=50))
def test_any_text_is_an_e164_number_or_a_validation_error(text):
    try:
        number = normalize_phone(text)
    except ValidationError as exc:
        assert exc.field == "phone"
    else:
        assert re.fullmatch(r"\+[1-9]\d{6,14}", number)
        assert not any(ch.isalpha() for ch in text)


@pytest.mark.parametrize("text", ["", "   ", "98765abcde", "९८७६५abcde", "9" * 5000, "12345", "call me"])
def test_phones_refused(text):
    with pytest.raises(ValidationError):
        normalize_phone(text)
