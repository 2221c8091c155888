"""Turn cells into clean values: names, phones (E.164, several per cell), emails, partial
dates (Excel dates, serial numbers, day-first strings, "17 Aug", ISO, vCard "--08-21"),
PIN codes, amounts and quantities. Each function raises ValidationError on a bad value."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from clientdesk.errors import ValidationError
from clientdesk.importing.footers import is_footer_label
from clientdesk.importing.readers import cell_text
from clientdesk.money import MAX_BILL_PAISE, rupees_to_paise
from clientdesk.validate import ascii_digits, find_phones, normalize_email, normalize_pin

PartialDate = tuple[int, int, "int | None"]

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    "जनवरी": 1, "फरवरी": 2, "फ़रवरी": 2, "मार्च": 3, "अप्रैल": 4, "मई": 5, "जून": 6, "जुलाई": 7, "अगस्त": 8,
    "सितंबर": 9, "सितम्बर": 9, "अक्टूबर": 10, "अक्तूबर": 10, "नवंबर": 11, "नवम्बर": 11, "दिसंबर": 12, "दिसम्बर": 12,
}
_NUMERIC_DATE = re.compile(r"^(\d{1,4})[./\-\s](\d{1,2})(?:[./\-\s](\d{2,4}))?$")
_WORD_DATE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[\s\-./,]*([^\d\s\-./,]+)[\s\-./,]*(\d{2,4})?$")
_MONTH_FIRST = re.compile(r"^([^\d\s\-./,]+)[\s\-./,]*(\d{1,2})(?:st|nd|rd|th)?(?:[\s,]+(\d{4}))?$")
_VCARD_NOYEAR = re.compile(r"^--(\d{2})-?(\d{2})$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_FAST_MOBILE = re.compile(r"^(?:\+?91|0)?([6-9]\d{9})$")
_MULTI = re.compile(r"\s*:::\s*")
_PHONE_PUNCTUATION = re.compile(r"[\s\-().]")
_EMAIL_SEPARATORS = re.compile(r"\s*:::\s*|[,;\s]+")
_PLAIN_PIN = re.compile(r"[1-9]\d{2} ?\d{3}")


def clean_name(value) -> str:
    """Trimmed text with inner whitespace collapsed."""
    return cell_text(value)


def clean_phones(value) -> list[str]:
    """Every phone number in a cell as E.164; [] for an empty cell.

    Floats from Excel become digits; a number in scientific notation that lost digits and a cell
    with no valid number raise ValidationError("phone", ...). All 10-digit numbers starting 6-9
    are valid Indian mobiles in libphonenumber, so they skip the slower general parser."""
    if value is None:
        return []
    if isinstance(value, float) and value.is_integer() and 1e9 <= value < 1e13:
        value = str(int(value))
    elif isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return find_phones(value)
    if len(value) == 10 and value.isascii() and value.isdigit() and value[0] in "6789":
        return ["+91" + value]  # what the loop below gives for a bare 10-digit mobile
    found: list[str] = []
    for part in _MULTI.split(value.strip()):
        if not part:
            continue
        compact = _PHONE_PUNCTUATION.sub("", part)
        fast = _FAST_MOBILE.match(compact)
        numbers = ["+91" + fast.group(1)] if fast else find_phones(ascii_digits(part))
        found.extend(n for n in numbers if n not in found)
    return found


_PLAIN_EMAIL = re.compile(r"^[a-z0-9_%+\-]+(\.[a-z0-9_%+\-]+)*@([a-z0-9]([a-z0-9\-]*[a-z0-9])?\.)+([a-z]{2,24})$")
_SPECIAL_TLDS = {"arpa", "invalid", "local", "localhost", "onion", "test", "internal", "home", "lan"}


def clean_email(text: str) -> str:
    """One lower-cased email. Plain ASCII addresses are checked by a strict pattern (what
    email-validator would return for them, without its cost); anything else goes to it."""
    lowered = text.strip().lower()
    m = _PLAIN_EMAIL.match(lowered)
    if m and len(lowered) <= 254 and lowered.index("@") <= 64 and m.group(4) not in _SPECIAL_TLDS:
        return lowered
    return normalize_email(text)


def clean_emails(value) -> list[str]:
    """Lower-cased emails in a cell (several may be separated by ::: , ; or spaces)."""
    text = cell_text(value)
    if not text:
        return []
    result = []
    for part in _EMAIL_SEPARATORS.split(text):
        if part:
            email = clean_email(part)
            if email not in result:
                result.append(email)
    return result


def clean_pin(value) -> str:
    """Six-digit PIN code; "560 034" and 560034.0 are accepted."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return ""
    if isinstance(value, str) and _PLAIN_PIN.fullmatch(value):
        return value.replace(" ", "")
    return normalize_pin(value)


def _year(text: str, today: dt.date) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year <= today.year % 100 else 1900
    return year


def _checked(day: int, month: int, year: int | None, today: dt.date, field: str) -> PartialDate:
    try:
        dt.date(year or 2000, month, day)
    except ValueError as exc:
        raise ValidationError(field, "invalid", f"{day:02d}/{month:02d} is not a real date") from exc
    if year is not None and not 1900 <= year <= today.year:
        raise ValidationError(field, "invalid", f"The year {year} is out of range")
    return day, month, year


def clean_partial_date(value, today: dt.date, field: str = "date") -> PartialDate | None:
    """(day, month, year or None) from a cell; day-first for slashed numbers. None when empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return _checked(value.day, value.month, value.year, today, field)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value != value or not 1 <= value < 2958466:
            raise ValidationError(field, "invalid", f"{value} is not a date")
        day = _EXCEL_EPOCH + dt.timedelta(days=int(value))
        return _checked(day.day, day.month, day.year, today, field)
    text = " ".join(str(value).split())
    if not text.isascii():  # ASCII text has no other digits to replace
        text = ascii_digits(text)
    text = text.strip().rstrip(".")
    lowered = text.casefold()
    if m := _VCARD_NOYEAR.match(text):
        return _checked(int(m.group(2)), int(m.group(1)), None, today, field)
    if m := _COMPACT.match(text):
        return _checked(int(m.group(3)), int(m.group(2)), int(m.group(1)), today, field)
    if re.fullmatch(r"\d{1,5}(\.0+)?", text) and float(text) > 31:
        return clean_partial_date(float(text), today, field)
    if "t" in lowered and re.match(r"^\d{4}-\d{2}-\d{2}t", lowered):
        text = text[:10]
    if m := _NUMERIC_DATE.match(text):
        a, b, c = m.groups()
        if len(a) == 4:  # ISO year first
            return _checked(int(c or 0) if c else _bad(text, field), int(b), int(a), today, field)
        return _checked(int(a), int(b), _year(c, today) if c else None, today, field)
    if m := _WORD_DATE.match(lowered):
        month = _MONTHS.get(m.group(2).strip())
        if month:
            return _checked(int(m.group(1)), month, _year(m.group(3), today) if m.group(3) else None, today, field)
    if m := _MONTH_FIRST.match(lowered):
        month = _MONTHS.get(m.group(1).strip())
        if month:
            return _checked(int(m.group(2)), month, int(m.group(3)) if m.group(3) else None, today, field)
    return _bad(text, field)


def _bad(text: str, field: str):
    raise ValidationError(field, "invalid", f"{text} is not a date")


def clean_date(value, today: dt.date, field: str = "date") -> dt.date:
    """A full date (bill dates): the year is required."""
    parts = clean_partial_date(value, today, field)
    if parts is None:
        raise ValidationError(field, "empty", "The date is missing")
    day, month, year = parts
    if year is None:
        raise ValidationError(field, "incomplete", f"{cell_text(value)} has no year")
    return dt.date(year, month, day)


MAX_RUPEES = MAX_BILL_PAISE // 100  # ₹1 crore, the one limit of clientdesk.money: a bigger line is a mistake
MAX_QTY = 10 ** 9
# A number as typed: plain, or grouped by thousands (1,234,567) or the Indian way (12,34,567).
_PLAIN_NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d{1,4})?$")
_GROUPED = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3})(?:\.\d*)?$")


def _number(value, field: str, what: str) -> Decimal | None:
    """A cell as a finite Decimal (None when empty), or ValidationError. Never raises anything
    else: floats like 1e308, inf and nan, 400-digit strings and "1,2,3" are refused here, before
    any arithmetic on them could overflow."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValidationError(field, "invalid", f"{value} is not {what}")
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValidationError(field, "invalid", f"{value} is not {what}")
        number = Decimal(repr(value))
    elif isinstance(value, (int, Decimal)):
        number = Decimal(value)
    else:
        text = ascii_digits(cell_text(value)).replace("₹", "").replace("Rs.", "").replace("Rs", "").strip()
        text = text.replace(" ", "")
        if "," in text:
            if not _GROUPED.match(text):
                raise ValidationError(field, "invalid", f"{cell_text(value)[:40]} is not {what}")
            text = text.replace(",", "")
        if len(text) > 40 or not _PLAIN_NUMBER.match(text):
            raise ValidationError(field, "invalid", f"{cell_text(value)[:40]} is not {what}")
        try:
            number = Decimal(text)
        except InvalidOperation as exc:
            raise ValidationError(field, "invalid", f"{cell_text(value)[:40]} is not {what}") from exc
    if not number.is_finite():
        raise ValidationError(field, "invalid", f"{cell_text(value)[:40]} is not {what}")
    if number.adjusted() > 15:  # far beyond every limit below, before it is multiplied
        raise ValidationError(field, "too_large", f"{cell_text(value)[:40]} is far too large for {what}")
    return number


def clean_amount(value, field: str = "amount") -> int | None:
    """Rupees to paise; None for an empty cell. Up to MAX_RUPEES."""
    number = _number(value, field, "an amount in rupees")
    if number is None:
        return None
    if number < 0:
        raise ValidationError(field, "negative", "The amount cannot be negative")
    if number > MAX_RUPEES:
        raise ValidationError(field, "too_large", f"{cell_text(value)[:40]} is more than ₹{MAX_RUPEES:,} for one line")
    return rupees_to_paise(number, field)


def clean_qty(value) -> Decimal:
    """A positive quantity (1 when the cell is empty)."""
    qty = _number(value, "qty", "a quantity")
    if qty is None:
        return Decimal(1)
    if qty <= 0 or qty >= MAX_QTY or qty.quantize(Decimal("0.001")) <= 0:
        raise ValidationError("qty", "invalid", f"{cell_text(value)[:40]} is not a quantity")
    return qty.quantize(Decimal("0.001"))


def clean_points(value) -> int | None:
    """Whole loyalty points; None for an empty cell."""
    points = _number(value, "opening_points", "a number of points")
    if points is None:
        return None
    text = cell_text(value)[:40]
    if points < 0 or points != points.to_integral_value() or points > 10 ** 9:
        raise ValidationError("opening_points", "invalid", f"{text} is not a number of points")
    return int(points)


def clean_tags(value) -> list[str]:
    """Tag names from a cell separated by commas, semicolons or :::."""
    text = cell_text(value)
    return [t.strip() for t in re.split(r"\s*:::\s*|[,;]", text) if t.strip() and not t.strip().startswith("*")]


_TOTAL_WORDS = {"total", "grand total", "sub total", "subtotal", "totals", "कुल", "कुल योग", "योग", "महायोग", "टोटल"}


def is_total_label(value) -> bool:
    """True for a totals-row label (Total / Grand Total / कुल / Total: 6 customers ...)."""
    text = cell_text(value).casefold().rstrip(":").strip()
    return text in _TOTAL_WORDS or is_footer_label(value)
