"""Money as integer paise; shown in rupees with Indian (lakh) grouping."""

from __future__ import annotations

import math
import re
from decimal import Decimal, ROUND_HALF_UP

from babel.numbers import format_currency, format_decimal

from clientdesk.errors import ValidationError
from clientdesk.validate import ascii_digits


# The largest bill (or purchase line) a shop records: ₹1 crore. One place for every parser.
MAX_BILL_PAISE = 1_00_00_000 * 100

# Rupees as people type them: plain digits, or digits grouped the western way (1,234,567.50) or the
# Indian way (12,34,567.50); up to two places after the point. No sign, no exponent, no "nan".
_AMOUNT = re.compile(r"""
    (?: \d{1,3} (?: ,\d{3} )+            # western grouping: 1,234,567
      | \d{1,2} (?: ,\d{2} )+ ,\d{3}    # Indian grouping: 12,34,567
      | \d+                             # no grouping
    ) (?: \.\d* )?
    | \.\d+
    """, re.VERBOSE)
_CURRENCY = re.compile(r"^(?:₹|rs\.?|inr)\s*|\s*(?:/-|₹)$", re.IGNORECASE)


def rupees_to_paise(value, field: str = "amount", maximum: int = MAX_BILL_PAISE) -> int:
    """Parse rupees typed or imported ("12,34,567.50", "1,234.50", 1250.5, "₹ 99", "500/-") into
    integer paise. Refuses malformed text ("1,2,3", "1e20", "nan"), negatives and more than
    `maximum` paise (₹1 crore unless told otherwise), with a ValidationError on `field`."""
    if isinstance(value, bool):
        raise ValidationError(field, "invalid", "Not an amount")
    if isinstance(value, (int, Decimal)):
        amount = Decimal(value)
    elif isinstance(value, float):
        amount = Decimal(repr(value)) if math.isfinite(value) else Decimal("nan")
    else:
        text = ascii_digits(str(value)).strip()
        text = _CURRENCY.sub("", text).strip()
        if not text:
            raise ValidationError(field, "empty", "The amount is empty")
        if len(text) > 40 or not _AMOUNT.fullmatch(text):
            shown = str(value) if len(str(value)) <= 40 else str(value)[:40] + "…"
            if text.startswith("-") and _AMOUNT.fullmatch(text[1:].strip() or "x"):
                raise ValidationError(field, "negative", f"{shown}: the amount cannot be negative")
            raise ValidationError(field, "invalid",
                                  f"{shown} is not an amount in rupees (write it like 1250, 1,250.50 or 12,34,567.50)")
        amount = Decimal(text.replace(",", ""))
    if not amount.is_finite():
        raise ValidationError(field, "invalid", f"{value} is not an amount in rupees")
    if amount < 0:
        raise ValidationError(field, "negative", f"{value}: the amount cannot be negative")
    if amount * 100 > maximum:
        raise ValidationError(field, "range", f"{value}: more than {format_inr(maximum, decimals=False)} "
                                              "is beyond what one bill can be")
    return int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def paise_to_rupees(paise: int) -> Decimal:
    return (Decimal(paise) / 100).quantize(Decimal("0.01"))


def format_inr(paise: int, decimals: bool = True) -> str:
    """₹12,34,567.50 (lakh grouping, en_IN, the same for Hindi)."""
    amount = paise_to_rupees(paise)
    if not decimals:
        return format_currency(amount, "INR", locale="en_IN", format="¤#,##,##0", currency_digits=False)
    return format_currency(amount, "INR", locale="en_IN")


def format_number(value, language: str = "en") -> str:
    """A count with Indian grouping."""
    return format_decimal(value, locale="en_IN")
