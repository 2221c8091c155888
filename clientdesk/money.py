"""Money as integer paise; shown in rupees with Indian (lakh) grouping."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation, ROUND_HALF_UP

from babel.numbers import format_currency, format_decimal

from clientdesk.errors import ValidationError


def rupees_to_paise(value, field: str = "amount") -> int:
    """Parse rupees typed or imported ("1,250.50", 1250.5, "₹ 99") into integer paise."""
    if isinstance(value, bool):
        raise ValidationError(field, "invalid", "Not an amount")
    if isinstance(value, (int, Decimal)):
        amount = Decimal(value)
    else:
        text = str(value).replace("₹", "").replace("Rs.", "").replace("Rs", "").replace(",", "").strip()
        try:
            amount = Decimal(text)
        except InvalidOperation as exc:
            raise ValidationError(field, "invalid", f"{value} is not an amount in rupees") from exc
    if not amount.is_finite():
        raise ValidationError(field, "invalid", f"{value} is not an amount in rupees")
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
