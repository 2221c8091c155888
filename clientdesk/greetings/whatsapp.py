"""WhatsApp click-to-chat links (they only pre-fill; the person presses Send) and a CSV of them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable
from urllib.parse import parse_qs, quote, urlsplit

import phonenumbers
from phonenumbers import PhoneNumberType

from clientdesk.errors import StorageError, ValidationError
from clientdesk.exporting import csvsafe

_MOBILE = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE)
_INDIAN_MOBILE = re.compile(r"\+91[6-9][0-9]{9}")  # every Indian mobile number (fast path)


def is_mobile(e164: str) -> bool:
    """True when a stored E.164 number can receive WhatsApp (a mobile number)."""
    if _INDIAN_MOBILE.fullmatch(e164):
        return True
    try:
        number = phonenumbers.parse(e164, "IN")
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) in _MOBILE


def link(e164: str, text: str) -> str:
    """https://wa.me/<digits>?text=<message> for a mobile number in E.164."""
    if not is_mobile(e164):
        raise ValidationError("phone", "invalid", f"{e164} is not a mobile number")
    return f"https://wa.me/{e164.lstrip('+')}?text={quote(text, safe='')}"


def parse_link(url: str) -> tuple[str, str]:
    """(E.164 number, message) back from a wa.me link."""
    parts = urlsplit(url)
    text = parse_qs(parts.query, keep_blank_values=True).get("text", [""])[0]
    return "+" + parts.path.strip("/"), text


def write_csv(path: Path | str, rows: Iterable[tuple[int, str, str, str]]) -> int:
    """Write (client id, name, phone, link) rows as UTF-8 CSV (with BOM, so Excel shows Hindi); returns the count.
    A name that a spreadsheet would run as a formula is written with a leading apostrophe (csvsafe)."""
    count = 0
    try:
        with open(path, "w", newline="", encoding="utf-8-sig") as handle:
            writer = csvsafe.writer(handle)
            writer.writerow(["id", "name", "phone", "link"])
            for row in rows:
                writer.writerow(row)
                count += 1
    except OSError as exc:
        raise StorageError(f"Cannot write {path}: {exc.strerror or exc}") from exc
    return count
