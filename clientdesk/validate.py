"""Validation and normalisation of what people type: phones, emails, GSTIN, PAN, PIN codes.

Each function returns the clean value or raises ValidationError(field, reason).
"""

from __future__ import annotations

import re
import unicodedata

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from clientdesk.errors import ValidationError

DEFAULT_REGION = "IN"
_FLOATISH = re.compile(r"^\s*\d+(\.\d+)?([eE]\+?\d+)?\s*$")
_GST_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_GST_STATES = {f"{n:02d}" for n in range(1, 39)} | {"97", "99"}
_GSTIN_SHAPE = re.compile(r"^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z][A-Z0-9][0-9A-Z]$")
_PAN = re.compile(r"^[A-Z]{3}[ABCFGHJLPTK][A-Z][0-9]{4}[A-Z]$")
_PIN = re.compile(r"^[1-9][0-9]{5}$")
# The longest name (or other one-line text field) a client record keeps: longer text is a paste
# gone wrong or a broken file, never a name.
MAX_NAME_LENGTH = 200
MAX_LINE_LENGTH = 500  # an address line
MOBILE_TYPES = {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}


def ascii_digits(text: str) -> str:
    """Replace Devanagari (and any other Unicode) decimal digits by ASCII ones."""
    return "".join(str(unicodedata.digit(ch)) if ch.isdigit() and not ch.isascii() else ch for ch in text)


def _excel_number_text(value) -> str:
    """Text for a phone that Excel kept as a number; refuses floats that lost digits."""
    if isinstance(value, bool):
        raise ValidationError("phone", "invalid", "Not a phone number")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValidationError("phone", "invalid", "Not a phone number")
        if not value.is_integer():
            raise ValidationError("phone", "invalid", "Not a phone number")
        return str(int(value))
    text = ascii_digits(str(value)).strip()
    if _FLOATISH.match(text) and ("e" in text.lower()):
        mantissa, exponent = text.lower().split("e")
        significant = mantissa.replace(".", "").strip("0")
        whole = len(mantissa.split(".")[0].lstrip("0")) + int(exponent)
        # More than one implied trailing zero means Excel most likely rounded the number.
        if whole - len(significant) > 1:
            raise ValidationError(
                "phone", "lost_digits", f"{text} lost digits in Excel; type the full number"
            )
        return str(int(float(text)))
    if re.fullmatch(r"\d+\.0+", text):
        return text.split(".")[0]
    return text


def normalize_phone(value, region: str = DEFAULT_REGION) -> str:
    """Return the E.164 form of one phone number, or raise ValidationError("phone", ...)."""
    text = _excel_number_text(value)
    if not text:
        raise ValidationError("phone", "empty", "Phone number is empty")
    if len(text) > 40:
        raise ValidationError("phone", "invalid", f"{text[:40]}… is not a phone number")
    if any(unicodedata.category(ch).startswith("L") for ch in text):
        # phonenumbers would read letters as keypad digits (98765abcde -> 9876522233)
        if not any(ch.isdigit() for ch in text):
            raise ValidationError("phone", "invalid", f"{text} is not a phone number")
        raise ValidationError("phone", "letters", f"{text} has letters in it; a phone number has only digits")
    digits = re.sub(r"\D", "", text)
    if text.startswith("00"):
        text = "+" + text[2:]
    elif not text.lstrip().startswith("+") and len(digits) == 12 and digits.startswith("91"):
        text = "+" + digits
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError("phone", "invalid", f"{value} is not a phone number") from exc
    if not phonenumbers.is_valid_number(number):
        raise ValidationError("phone", "invalid", f"{value} is not a valid phone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def check_name(value, field: str = "name", limit: int = MAX_NAME_LENGTH) -> str:
    """A name on one line with single spaces; raises ValidationError when it is longer than `limit`,
    holds control characters (escape sequences, DEL) or has no letter or digit at all (only
    invisible marks)."""
    text = " ".join(str(value or "").split())
    if len(text) > limit:
        raise ValidationError(field, "too_long", f"{field} is {len(text):,} characters long; at most {limit} are allowed")
    if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in text):
        raise ValidationError(field, "control", f"{field} has control characters in it")
    if text and not any(unicodedata.category(ch)[0] in "LN" for ch in text):
        raise ValidationError(field, "invisible", f"{field} has no letter or digit in it")
    return text


def find_phones(value, region: str = DEFAULT_REGION) -> list[str]:
    """All phone numbers in one cell ("98200 12345 / 98200 54321" gives two), as E.164.

    Raises ValidationError if the cell is not empty and holds no valid number.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return []
    if not isinstance(value, str):
        return [normalize_phone(value, region)]
    text = ascii_digits(value)
    try:
        return [normalize_phone(text, region)]
    except ValidationError as single_error:
        found = []
        for match in phonenumbers.PhoneNumberMatcher(text, region):
            e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
            if e164 not in found:
                found.append(e164)
        if not found:
            parts = [p for p in re.split(r"[/,;|]|\s{2,}", text) if p.strip()]
            if len(parts) > 1:
                found = [normalize_phone(p, region) for p in parts]
        if not found:
            raise single_error
        return found


def is_mobile(e164: str) -> bool:
    """True if the number can be a mobile (WhatsApp needs this)."""
    return phonenumbers.number_type(phonenumbers.parse(e164)) in MOBILE_TYPES


def format_phone(e164: str) -> str:
    """How a number is shown: national format for India (098765 43210 style), international otherwise."""
    try:
        number = phonenumbers.parse(e164)
    except phonenumbers.NumberParseException:
        return e164
    if number.country_code == 91:
        national = str(number.national_number)
        if len(national) == 10:
            return f"{national[:5]} {national[5:]}"
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def normalize_email(value) -> str:
    """Lower-cased, syntax-checked email (no network look-up)."""
    text = str(value or "").strip()
    if not text:
        raise ValidationError("email", "empty", "Email is empty")
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        raise ValidationError("email", "invalid", f"{text} is not a valid email address") from exc
    return result.normalized.lower()


def gstin_check_char(first14: str) -> str:
    """The check character of a GSTIN from its first 14 characters (DOMAIN.md)."""
    total = 0
    for i, ch in enumerate(first14):
        product = _GST_ALPHABET.index(ch) * (1 if i % 2 == 0 else 2)
        total += product // 36 + product % 36
    return _GST_ALPHABET[(36 - total % 36) % 36]


def normalize_gstin(value) -> str:
    """Upper-cased, checked GSTIN; raises on length, shape, state code or check character."""
    text = re.sub(r"\s", "", str(value or "")).upper()
    if len(text) != 15:
        raise ValidationError("gstin", "length", "A GSTIN has 15 characters")
    if not _GSTIN_SHAPE.match(text):
        raise ValidationError("gstin", "format", f"{text} is not shaped like a GSTIN")
    if text[:2] not in _GST_STATES:
        raise ValidationError("gstin", "state", f"{text[:2]} is not a GST state code")
    if gstin_check_char(text[:14]) != text[14]:
        raise ValidationError("gstin", "checksum", f"{text}: the last character does not match; check for a typing mistake")
    return text


def gstin_warnings(gstin: str) -> list[str]:
    """Soft warnings for a valid GSTIN (the 14th character is usually Z)."""
    return [] if gstin[13] == "Z" else ["14th character is usually Z"]


def normalize_pan(value) -> str:
    """Upper-cased PAN in the documented format (the check letter cannot be verified)."""
    text = re.sub(r"\s", "", str(value or "")).upper()
    if not _PAN.match(text):
        raise ValidationError("pan", "format", f"{text} is not a valid PAN")
    return text


def normalize_pin(value) -> str:
    """Six-digit Indian PIN code; spaces are removed ("560 034" → "560034")."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = re.sub(r"\s", "", ascii_digits(str(value or "")))
    if not _PIN.match(text):
        raise ValidationError("pin", "invalid", f"{text} is not a 6-digit PIN code")
    return text
