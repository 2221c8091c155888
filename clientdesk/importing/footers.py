"""Totals rows at the end of a sheet ("Total: 6 customers", "Grand total", "कुल ग्राहक: 6", "योग"):
a footer, not a client or a bill.

A label is a cell whose words are all totals words (Total, Grand total, कुल, योग ...), counted
things (customers, ग्राहक, grahak ...) and numbers, with at least one totals word: "Totaram" and
"Kul Bhushan" are names. The Latin spellings of the Hindi words (Kul, Yog, Jod) are also first
names, so on their own they need a count or a counted thing beside them ("Kul: 6", "Kul grahak").
A footer row holds a label and otherwise only numbers (a count, a sum) or counted things, in any
columns: a phone-sized number (ten digits or more) makes it a client's row.
"""

from __future__ import annotations

import math
import re
import unicodedata

from clientdesk.importing.readers import cell_text, is_blank

# Words that make a total on their own.
_HEADS = {"total", "totals", "subtotal", "grandtotal", "कुल", "योग", "महायोग", "टोटल", "जोड़", "जोड", "सकल",
          "कुलयोग"}
# Latin spellings of Hindi totals words: also names, so they need a count or a counted thing.
_WEAK_HEADS = {"kul", "yog", "jod", "jor", "mahayog"}
_QUALIFIERS = {"grand", "sub", "net", "overall", "final", "सब", "उप", "महा", "शुद्ध"}
# What a total counts or sums, and the small words around it.
_NOUNS = {
    "customers", "customer", "clients", "client", "parties", "party", "contacts", "contact", "members", "member",
    "entries", "entry", "records", "record", "rows", "row", "names", "name", "persons", "people", "accounts",
    "bills", "bill", "amount", "amt", "sales", "sale", "value", "qty", "quantity", "points", "rs", "inr", "₹",
    "grahak", "graahak", "grahako", "grahakon", "log", "sadasya", "naam", "rashi", "raashi", "rakam",
    "ग्राहक", "ग्राहकों", "पार्टी", "पार्टियाँ", "पार्टियां", "नाम", "सदस्य", "लोग", "व्यक्ति", "बिल", "राशि", "रकम",
    "रुपये", "रुपए", "रु", "बिक्री", "मात्रा", "अंक", "पॉइंट्स",
}
_FILLERS = {"no", "nos", "of", "number", "count", "the", "is", "sankhya", "ki", "ka", "ke",
            "संख्या", "की", "का", "के", "में"}
_HEADS, _NOUNS = ({unicodedata.normalize("NFC", w) for w in words} for words in (_HEADS, _NOUNS))
_WORDS = _HEADS | _WEAK_HEADS | _QUALIFIERS | _NOUNS | _FILLERS
# Latin letters, Devanagari (letters, signs and digits, not the danda), digits and the rupee sign.
_TOKEN = re.compile(r"[0-9a-z\u0900-\u0963\u0966-\u097f₹]+")
_DIGITS = re.compile(r"[0-9\u0966-\u096f]+")
PHONE_DIGITS = 10  # a number this long beside a totals word is a phone: the row is a client's


def _tokens(value) -> list[str]:
    return _TOKEN.findall(unicodedata.normalize("NFC", cell_text(value)).casefold())


def is_footer_label(value) -> bool:
    """True for a totals label: "Total", "Grand Total:", "Total: 6 customers", "कुल ग्राहक: 6",
    "Kul: 6"; False for names such as "Totaram", "Kul Bhushan" or "Kul"."""
    if value is None or isinstance(value, (bool, int, float)):
        return False
    tokens = _tokens(value)
    if not tokens or len(tokens) > 12:
        return False
    numbers = [t for t in tokens if _DIGITS.fullmatch(t)]
    words = [t for t in tokens if not _DIGITS.fullmatch(t)]
    if any(w not in _WORDS for w in words) or any(len(n) >= PHONE_DIGITS for n in numbers):
        return False
    if any(w in _HEADS for w in words):
        return True
    return any(w in _WEAK_HEADS for w in words) and bool(numbers or any(w in _NOUNS for w in words))


def _is_figure(value) -> bool:
    """A cell a totals row may hold beside its label: a number, or text of numbers and counted things."""
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            return False
        return abs(value) < 10 ** (PHONE_DIGITS - 1) or value != int(value)
    if not isinstance(value, str):
        return False
    tokens = _tokens(value)
    if not tokens:  # "-", "—", "="
        return True
    for token in tokens:
        if _DIGITS.fullmatch(token):
            continue
        if token not in _NOUNS and token not in _FILLERS:
            return False
    return sum(len(t) for t in tokens if _DIGITS.fullmatch(t)) < PHONE_DIGITS


def label_column(row: list) -> int | None:
    """The column of the totals label if `row` is a totals row (a label, the rest figures or blank), else None."""
    column = None
    for index, cell in enumerate(row):
        if cell is None or (cell.__class__ is str and not cell.strip()):
            continue
        if column is None and is_footer_label(cell):
            column = index
        elif not _is_figure(cell) and not is_footer_label(cell):
            return None
    return column


def footer_rows(rows: list[list], first: int) -> dict[int, int]:
    """The totals rows at the end of `rows` (from index `first` on), blank rows between and after
    them allowed: row index -> column of its label. Stops at the first row that is not one."""
    found: dict[int, int] = {}
    for index in range(len(rows) - 1, first - 1, -1):
        row = rows[index]
        if is_blank(row):
            continue
        column = label_column(row)
        if column is None:
            break
        found[index] = column
    return found


def row_text(row: list) -> str:
    """The non-empty cells of a row, as the message quotes them."""
    return " | ".join(t for t in map(cell_text, row) if t)
