"""The client search indexes (FTS5) and how typed text becomes a query on them.

One box finds clients by any part of the name in either script, by any part of a phone
number, by email, business name or GSTIN. Names are stored and queried as folded keys
(clientdesk.textkey) in the client index; phones as national numbers in a trigram index of
their own, where a fragment of 3+ digits from anywhere in a number matches.
"""

from __future__ import annotations

import contextlib
import functools
import re
from dataclasses import dataclass
from typing import Iterator, Sequence

import phonenumbers

from clientdesk.textkey import fold_words
from clientdesk.errors import ValidationError
from clientdesk.validate import ascii_digits, normalize_phone

# A raw word: letters and digits, as FTS5's unicode61 tokenizer cuts them (it splits at "_", which
# Python's \w keeps: a word typed with one became a phrase, which FTS5 refuses here).
_RAW_TOKEN = re.compile(r"[^\W_]+")
_PHONEISH = re.compile(r"^[\d\s+\-().]+$")
MIN_FRAGMENT = 3  # the trigram index finds fragments of 3 digits or more
# bm25 weights, in column order: name, father, business, email, gstin
BM25_WEIGHTS = (10.0, 2.0, 4.0, 6.0, 6.0)

# The two FTS5 tables (clientdesk.models.ClientSearch, ClientPhoneSearch). Named here, not in
# clientdesk.schema, so that searching does not import every area's models to learn two names.
SEARCH_TABLE = "client_search"
PHONE_SEARCH_TABLE = "client_phone_search"


def national_digits(e164: str) -> str:
    """The national significant number of an E.164 phone (9876543210 for +919876543210)."""
    if e164.startswith("+91") and len(e164) == 13:
        return e164[3:]
    try:
        return str(phonenumbers.parse(e164).national_number)
    except phonenumbers.NumberParseException:
        return re.sub(r"\D", "", e164)


def phone_text(numbers: list[str]) -> str:
    """The national numbers of a client's phones, space separated (the phone index's text)."""
    if len(numbers) == 1:  # most clients: one Indian mobile (an import writes 100,000 of these)
        number = numbers[0]
        return number[3:] if len(number) == 13 and number.startswith("+91") else national_digits(number)
    return " ".join(map(national_digits, numbers))


def phone_prefix_range(digits: str, country: str = "+91") -> tuple[str, str]:
    """E.164 bounds of the numbers whose national number starts with `digits` (for a B-tree range)."""
    return country + digits, country + digits + "~"


def raw_words(text: str) -> list[str]:
    """The lower-cased raw words of `text` (see _RAW_TOKEN)."""
    return [w.lower() for w in _RAW_TOKEN.findall(text or "")]


@functools.lru_cache(maxsize=65536)
def _name_column(name: str) -> str:
    return (" ".join(fold_words(name)) + " " + " ".join(w for w in raw_words(name) if w.isascii())).strip()


@functools.lru_cache(maxsize=65536)
def _folded_column(text: str) -> str:
    return " ".join(fold_words(text))


@functools.lru_cache(maxsize=16384)
def _business_column(business: str) -> str:
    return (" ".join(fold_words(business)) + " " + " ".join(raw_words(business))).strip()


def index_row(name: str, father: str, business: str, phones: list[str], email: str | None,
              gstin: str | None) -> tuple[str, str, str, str, str, str]:
    """The indexed text of one client: name, father, business, phones, email, GSTIN (names
    repeat a lot: their columns are cached). The phones go to the phone index, the rest to the
    client index."""
    return (
        _name_column(name or ""),
        _folded_column(father or ""),
        _business_column(business or ""),
        phone_text(phones),
        " ".join(_RAW_TOKEN.findall(email)).lower() if email else "",  # = the words lower-cased, one by one
        (gstin or "").lower(),
    )


# A bulk load of at least this many rows writes with BULK_SETTINGS, then restores FTS5's defaults.
BULK_ROWS = 10_000
# Pending terms are flushed to a new segment every `hashsize` bytes, and every few segments are
# merged as they appear (automerge). For a bulk load: flush rarely, merge once at the end.
# Measured on 100,000 clients: 4.4 s -> 3.2 s, with the same query times afterwards.
BULK_SETTINGS = (("automerge", 0), ("hashsize", 16 * 1024 * 1024))
DEFAULT_SETTINGS = (("automerge", 4), ("hashsize", 1024 * 1024))


def _configure(db, settings) -> None:
    for table in (SEARCH_TABLE, PHONE_SEARCH_TABLE):
        for name, value in settings:
            db.execute_sql(f"INSERT INTO {table}({table}, rank) VALUES (?, ?)", (name, value))


@contextlib.contextmanager
def bulk_settings(db) -> Iterator[None]:
    """Write the indexes with BULK_SETTINGS for the block, then restore FTS5's defaults. Use inside
    the writing transaction (a failure rolls the settings back with the rows)."""
    _configure(db, BULK_SETTINGS)
    yield
    _configure(db, DEFAULT_SETTINGS)


def table_rows(rows: Sequence[tuple]) -> dict[str, tuple[tuple[str, ...], list[tuple]]]:
    """(client_id, *index_row) tuples as the rows of each index table: {table: (columns, rows)}.
    A client without phones has no row in the phone index."""
    return {
        SEARCH_TABLE: (("rowid", "name", "father", "business", "email", "gstin"),
                       [(cid, name, father, business, email, gstin)
                        for cid, name, father, business, _, email, gstin in rows]),
        PHONE_SEARCH_TABLE: (("rowid", "phones"), [(r[0], r[4]) for r in rows if r[4]]),
    }


def replace_rows(db, rows: list[tuple], fresh: bool = False) -> None:
    """Write (client_id, *index_row) tuples into the indexes, replacing what was there (nothing,
    when `fresh`). Call inside the writing transaction."""
    if getattr(db, "search_index", None):  # a server's own index (clientdesk.postgres.search)
        return db.search_index.replace_rows(db, rows, fresh)
    if not rows:
        return
    if not fresh:
        delete_rows(db, [r[0] for r in rows])
    with bulk_settings(db) if fresh and len(rows) >= BULK_ROWS else contextlib.nullcontext():
        for table, (columns, values) in table_rows(rows).items():
            db.cursor().executemany(
                f"INSERT INTO {table}({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", values)


def delete_rows(db, client_ids: list[int]) -> None:
    """Take these clients out of both indexes."""
    if getattr(db, "search_index", None):
        return db.search_index.delete_rows(db, client_ids)
    for table in (SEARCH_TABLE, PHONE_SEARCH_TABLE):
        db.cursor().executemany(f"DELETE FROM {table} WHERE rowid = ?", [(i,) for i in client_ids])


def clear(db) -> None:
    """Empty both indexes (before a full rebuild)."""
    if getattr(db, "search_index", None):
        return db.search_index.clear(db)
    for table in (SEARCH_TABLE, PHONE_SEARCH_TABLE):
        db.execute_sql(f"DELETE FROM {table}")


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


@dataclass(frozen=True)
class SearchQuery:
    """What typed text means: an FTS5 MATCH expression on `table` (or a phone prefix) plus exact
    keys for ranking."""

    text: str
    match: str | None
    table: str = SEARCH_TABLE  # the index `match` runs on: client or phone
    phone_digits: str = ""
    phone_prefix: str = ""  # two digits: numbers starting with them (see parse_query)
    too_short: bool = False  # nothing to search by yet; the list shows everyone
    exact_phone: str | None = None
    exact_email: str | None = None
    name_key: str = ""


def parse_query(text: str) -> SearchQuery:
    """Turn what was typed into a SearchQuery (match and phone_prefix empty when nothing searchable
    was typed)."""
    text = (text or "").strip()
    if not text:
        return SearchQuery(text, None)
    plain = ascii_digits(text)
    if _PHONEISH.match(plain) and re.search(r"\d", plain):
        digits = re.sub(r"\D", "", plain)
        exact = None
        try:
            exact = normalize_phone(plain)
            digits = national_digits(exact)
        except ValidationError:  # a fragment is not a whole number; search it as typed
            digits = digits.lstrip("0") or digits
        if len(digits) < 2:
            return SearchQuery(text, None, too_short=True)  # one digit narrows nothing: show everyone
        if len(digits) < MIN_FRAGMENT:
            # Two digits are the start of a number being typed; as "any part of a number"
            # they would match nearly everyone, and slowly.
            return SearchQuery(text, None, phone_digits=digits, phone_prefix=digits)
        return SearchQuery(text, _quote(digits), PHONE_SEARCH_TABLE, phone_digits=digits, exact_phone=exact)
    lowered = text.lower()
    exact_email = lowered if re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", lowered) else None
    raw = raw_words(text)
    folded = [w for w in fold_words(text) if w]
    parts = []
    if folded and "@" not in text:
        parts.append("{name father business} : (" + " AND ".join(_quote(w) + " *" for w in folded) + ")")
    if raw and "@" in text:
        parts.append("email : (" + " AND ".join(_quote(w) + " *" for w in raw) + ")")
    elif raw and min(len(w) for w in raw) >= 3:  # shorter words would match half the emails and GSTINs
        parts.append("{business email gstin} : (" + " AND ".join(_quote(w) + " *" for w in raw) + ")")
    match = " OR ".join(f"({p})" for p in parts) if parts else None
    return SearchQuery(text, match, exact_email=exact_email, name_key=" ".join(folded))
