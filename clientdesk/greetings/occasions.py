"""Occasions: the festival calendar (the `holidays` package for India, rules, a small table, the
user's own changes) and the personal dates of clients (birthday, wedding anniversary, founding
day, first-purchase anniversary, custom dates), found in SQL so "Coming up" stays fast.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, NamedTuple

import holidays
import peewee as pw

from clientdesk.dialect import sql_for
from clientdesk.errors import NotFoundError, ValidationError
from clientdesk.greetings.models import inactive_sql, ClientDate, ClientFestivals, FestivalChange, UserFestival
from clientdesk.models import Client

PERSONAL_KINDS = ("birthday", "anniversary", "founded", "first_purchase", "custom")
KINDS = (*PERSONAL_KINDS, "festival", "any")
CATEGORIES = ("public", "optional")

# English / Hindi names of the personal occasions (the domain keeps both: cards and messages use them).
PERSONAL_NAMES = {
    "birthday": ("Birthday", "जन्मदिन"),
    "anniversary": ("Wedding anniversary", "विवाह की वर्षगाँठ"),
    "founded": ("Founding day", "स्थापना दिवस"),
    "first_purchase": ("Years with us", "हमारे साथ के वर्ष"),
    "custom": ("Special day", "विशेष दिन"),
    "any": ("Message", "संदेश"),
}

# Festivals greeted by default (Settings → "greet_festivals" replaces this list).
DEFAULT_FESTIVALS = [
    "new-years-day", "makar-sankranti", "holi", "raksha-bandhan", "navratri", "dussehra",
    "dhanteras", "diwali-deepavali", "bhai-duj", "independence-day", "republic-day",
    "mothers-day", "fathers-day", "friendship-day",
]
# Short names people type for festivals whose `holidays` names differ.
ALIASES = {
    "diwali": "diwali-deepavali", "deepavali": "diwali-deepavali", "eid": "id-ul-fitr", "id": "id-ul-fitr",
    "bakrid": "id-ul-zuha-bakrid", "rakhi": "raksha-bandhan", "new-year": "new-years-day",
    "ganesh-chaturthi": "ganesh-chaturthi-vinayak-chaturthi", "karwa-chauth": "karaka-chaturthi-karwa-chouth",
    "chhath": "pratihar-shashthi-or-surya-shashthi-chhath-puja", "janmashtami": "janmashtami-vaishnava",
    "guru-nanak-jayanti": "guru-nanaks-jayanti", "dussera": "dussehra", "dasara": "dussehra",
    "ganesh": "ganesh-chaturthi-vinayak-chaturthi", "ganpati": "ganesh-chaturthi-vinayak-chaturthi",
    "xmas": "christmas", "karva-chauth": "karaka-chaturthi-karwa-chouth",
}


# More names people type for the personal occasions (besides their kind and English / Hindi names).
PERSONAL_ALIASES = {
    "founded": ("founding day", "foundation day"), "anniversary": ("wedding anniversary", "वर्षगाँठ", "सालगिरह"),
    "first_purchase": ("first purchase",), "any": ("any message", "message"),
}


@dataclass(frozen=True)
class Occasion:
    """What a greeting is for: a kind and, for festivals, the festival's key and names."""

    kind: str
    key: str
    name_en: str
    name_hi: str

    def name(self, language: str) -> str:
        """The name in "hi" or "en"."""
        return self.name_hi if language == "hi" else self.name_en


def personal(kind: str) -> Occasion:
    """The Occasion of one personal kind (birthday, anniversary, ...) or "any"."""
    if kind not in PERSONAL_NAMES:
        raise ValidationError("occasion", "invalid", f"Unknown occasion kind {kind}")
    return Occasion(kind, kind, *PERSONAL_NAMES[kind])


@dataclass(frozen=True)
class FestivalDay:
    """One festival on one date, with where the date came from."""

    key: str
    name_en: str
    name_hi: str
    date: dt.date
    source: str  # holidays | rule | table | user
    estimated: bool = False
    moved: bool = False
    hidden: bool = False

    @property
    def occasion(self) -> Occasion:
        return Occasion("festival", self.key, self.name_en, self.name_hi)


def slug(text: str) -> str:
    """A stable key for a festival name: "Diwali (Deepavali)" -> "diwali-deepavali"."""
    text = text.lower().replace("'", "").replace("’", "")
    return re.sub(r"[^0-9a-z\u0900-\u097f]+", "-", text).strip("-")


_APOSTROPHES = dict.fromkeys(map(ord, "'’ʼ`´"), None)
_NUKTA = "\u093c"


def fold(text: str) -> str:
    """A typed occasion name folded for matching whole names: Unicode-normalised, case folded,
    apostrophes, accents and the Devanagari nukta dropped, every run of spaces and punctuation
    one "-" ("Diwali!" -> "diwali", "Mother's Day" -> "mothers-day", "birthday." -> "birthday")."""
    text = unicodedata.normalize("NFKD", str(text)).casefold().translate(_APOSTROPHES)
    text = "".join(ch for ch in text if ch != _NUKTA and not "\u0300" <= ch <= "\u036f")
    text = unicodedata.normalize("NFC", text)
    words = "".join(ch if unicodedata.category(ch)[0] in "LMN" else " " for ch in text).split()
    return "-".join(words)


def _name_parts(name: str) -> list[str]:
    """The alternatives inside one festival name: "Diwali (Deepavali)" -> Diwali, Deepavali."""
    return [part for part in re.split(r"[()/]", name) if part.strip()]


def _personal_names() -> dict[str, str]:
    """Folded name -> personal kind (or "any"), in English and Hindi."""
    names: dict[str, str] = {}
    for kind, (en, hi) in PERSONAL_NAMES.items():
        for name in (kind, en, hi, *PERSONAL_ALIASES.get(kind, ())):
            names[fold(name)] = kind
    return names


def _festival_matches(folded: str, festivals: Iterable[FestivalDay]) -> list[str]:
    """Keys of the festivals whose key, alias or whole English or Hindi name folds to `folded`;
    failing that, whose name has a bracketed or slashed alternative that does ("deepavali")."""
    if not folded:
        return []
    festivals = list(festivals)
    alias = ALIASES.get(folded)
    whole = [d.key for d in festivals
             if folded in (fold(d.key), fold(d.name_en), fold(d.name_hi)) or d.key == alias]
    if whole:
        return list(dict.fromkeys(whole))
    return list(dict.fromkeys(d.key for d in festivals
                              if any(fold(part) == folded for part in (*_name_parts(d.name_en),
                                                                       *_name_parts(d.name_hi)))))


def match_occasion(name: str, festivals) -> tuple[str, str]:
    """What a typed occasion name means: ("personal", kind) for birthday, anniversary, ... (and
    "any"), or ("festival", key). Whole names only, English or Hindi, case and punctuation folded:
    "birthday." is the clients' birthdays, never a festival with the word in its name. An unknown
    or ambiguous name raises ValidationError("occasion") naming the close matches. `festivals` is
    the list of FestivalDay to look in, or a function giving it (called only when needed)."""
    folded = fold(name)
    kind = _personal_names().get(folded)
    if kind is not None:
        return "personal", kind
    festivals = list(festivals() if callable(festivals) else festivals)
    keys = _festival_matches(folded, festivals)
    by_key = {d.key: d for d in festivals}
    shown = repr(" ".join(str(name).split())[:60])
    if len(keys) > 1:
        raise ValidationError("occasion", "ambiguous",
                              f"{shown} could be {', '.join(by_key[k].name_en for k in keys[:6])}: give the full name")
    if keys:
        return "festival", keys[0]
    close = close_matches(folded, festivals)
    hint = f"close matches: {', '.join(close)}" if close else \
        "try birthday, anniversary, founded, first-purchase, custom or a festival such as diwali (see: occasions)"
    raise ValidationError("occasion", "unknown", f"No occasion called {shown}; {hint}")


def close_matches(folded: str, festivals: Iterable[FestivalDay], limit: int = 5) -> list[str]:
    """Up to `limit` names close to a folded name (rapidfuzz), as the user could type them."""
    from rapidfuzz import fuzz, process

    if not folded:
        return []
    choices: dict[str, str] = {}
    for kind, (en, hi) in PERSONAL_NAMES.items():
        for text in (kind, en, hi):
            choices.setdefault(fold(text), kind.replace("_", "-"))
    for day in festivals:
        for text in (day.key, day.name_en, day.name_hi, *_name_parts(day.name_en), *_name_parts(day.name_hi)):
            choices.setdefault(fold(text), day.name_en)
    for alias, key in ALIASES.items():
        choices.setdefault(alias, alias)
    found = process.extract(folded[:100], list(choices), scorer=fuzz.WRatio, limit=limit * 4, score_cutoff=75)
    return list(dict.fromkeys(choices[text] for text, _score, _index in found))[:limit]


def on_day(month: int, day: int, year: int) -> dt.date:
    """The date of a yearly (month, day) in `year`; 29 February becomes 28 February in other years."""
    if month == 2 and day == 29 and not calendar.isleap(year):
        return dt.date(year, 2, 28)
    return dt.date(year, month, day)


def next_on_or_after(month: int, day: int, start: dt.date) -> dt.date:
    """The first date on or after `start` that is this yearly (month, day)."""
    date = on_day(month, day, start.year)
    return date if date >= start else on_day(month, day, start.year + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th `weekday` (Monday=0) of a month."""
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


# Occasions that are not holidays, computed by rule (DOMAIN.md).
RULES = {
    "mothers-day": ("Mother's Day", "मातृ दिवस", lambda y: nth_weekday(y, 5, 6, 2)),
    "fathers-day": ("Father's Day", "पितृ दिवस", lambda y: nth_weekday(y, 6, 6, 3)),
    "friendship-day": ("Friendship Day", "मित्रता दिवस", lambda y: nth_weekday(y, 8, 6, 1)),
    "lohri": ("Lohri", "लोहड़ी", lambda y: dt.date(y, 1, 13)),
}
# Festivals the package lacks: (English, Hindi, anchor festival key, days after it, known dates).
TABLE = {
    "navratri": ("Navratri", "नवरात्रि", "dussehra", -9, {2025: dt.date(2025, 9, 22), 2026: dt.date(2026, 10, 11)}),
    "chaitra-navratri": ("Chaitra Navratri", "चैत्र नवरात्रि", "chaitra-sukladi", 0, {}),
    "dhanteras": ("Dhanteras", "धनतेरस", "diwali-deepavali", -2, {}),
}


@functools.lru_cache(maxsize=64)
def _package_festivals(year: int, state: str) -> tuple[tuple[str, str, str, dt.date, bool], ...]:
    """(key, English, Hindi, date, estimated) for every festival `holidays` knows in one year."""
    kwargs = {"years": year, "categories": CATEGORIES}
    if state:
        kwargs["subdiv"] = state
    english = holidays.India(language="en_IN", **kwargs)
    hindi = holidays.India(language="hi", **kwargs)
    estimated_en = " (estimated)"
    found = []
    for date, joined in sorted(english.items()):
        for name in joined.split("; "):
            estimated = name.endswith(estimated_en)
            base = name[: -len(estimated_en)] if estimated else name
            found.append((slug(base), base, hindi.tr(base), date, estimated))
    return tuple(found)


def _package_with_rules(year: int, state: str) -> list[FestivalDay]:
    days = [FestivalDay(key, en, hi, date, "holidays", estimated)
            for key, en, hi, date, estimated in _package_festivals(year, state)]
    by_key = {d.key: d.date for d in days}
    for key, (en, hi, rule) in RULES.items():
        if key not in by_key:
            days.append(FestivalDay(key, en, hi, rule(year), "rule"))
    for key, (en, hi, anchor, offset, known) in TABLE.items():
        if key in by_key:
            continue
        if year in known:
            days.append(FestivalDay(key, en, hi, known[year], "table"))
        elif anchor in by_key:
            days.append(FestivalDay(key, en, hi, by_key[anchor] + dt.timedelta(days=offset), "table"))
    return days


class FestivalCalendar:
    """Festivals of the shop's state with the user's additions and corrections applied."""

    def __init__(self, db, settings):
        self.db = db
        self.settings = settings

    @property
    def state(self) -> str:
        """The shop's state code from Settings ("" for national dates)."""
        state = self.settings.get("shop_state") or ""
        return state if state in holidays.India.subdivisions else ""

    def year(self, year: int, include_hidden: bool = False) -> list[FestivalDay]:
        """Every festival of `year`, sorted by date (hidden ones only when asked)."""
        changes = {(c.key, c.year): c for c in FestivalChange.select().where(FestivalChange.year.in_([0, year]))}
        users = list(UserFestival.select().order_by(UserFestival.id))
        days = _package_with_rules(year, self.state)
        for u in users:
            if u.year in (None, year):
                days.append(FestivalDay(u.key, u.name_en, u.name_hi, on_day(u.month, u.day, year), "user"))
        result = []
        for day in days:
            always, this_year = changes.get((day.key, 0)), changes.get((day.key, year))
            hidden = bool((always and always.hidden) or (this_year and this_year.hidden))
            if this_year is not None and this_year.moved_to is not None:
                day = FestivalDay(day.key, day.name_en, day.name_hi, this_year.moved_to, day.source,
                                  day.estimated, moved=True, hidden=hidden)
            elif hidden:
                day = FestivalDay(day.key, day.name_en, day.name_hi, day.date, day.source, day.estimated, hidden=True)
            if include_hidden or not hidden:
                result.append(day)
        return sorted(result, key=lambda d: (d.date, d.name_en))

    def between(self, start: dt.date, end: dt.date, include_hidden: bool = False) -> list[FestivalDay]:
        """Festivals from start to end inclusive."""
        days = []
        for year in range(start.year, end.year + 1):
            days.extend(d for d in self.year(year, include_hidden) if start <= d.date <= end)
        return days

    def next_of(self, key: str, start: dt.date) -> FestivalDay | None:
        """The next date of festival `key` on or after `start`, within a year."""
        for day in self.between(start, start + dt.timedelta(days=366)):
            if day.key == key:
                return day
        return None

    def known(self, start: dt.date | None = None) -> list[FestivalDay]:
        """One entry per festival over the coming year and the one after (for pickers and name lookup)."""
        start = start or dt.date.today()
        seen: dict[str, FestivalDay] = {}
        for day in self.between(start, start + dt.timedelta(days=730), include_hidden=True):
            seen.setdefault(day.key, day)
        return sorted(seen.values(), key=lambda d: d.name_en)

    def find(self, name: str, start: dt.date) -> list[str]:
        """Festival keys whose whole name (English or Hindi, case and punctuation folded) is the
        typed `name` (e.g. `diwali`, `Diwali!`, `दिवाली`); more than one only when it is ambiguous."""
        return _festival_matches(fold(name), self.known(start))

    # ----- the user's changes ---------------------------------------------------------------
    def hide(self, key: str, year: int = 0, hidden: bool = True) -> None:
        """Hide a festival (every year when year is 0), or show it again."""
        with self.db.atomic():
            (FestivalChange.insert(key=key, year=year, hidden=hidden)
             .on_conflict(conflict_target=[FestivalChange.key, FestivalChange.year],
                          update={FestivalChange.hidden: hidden}).execute())

    def move(self, key: str, year: int, date: dt.date | None) -> None:
        """Correct the date of a festival in one year (None restores the calendar's date)."""
        if date is not None and date.year != year:
            raise ValidationError("date", "invalid", "The corrected date must be in the same year")
        with self.db.atomic():
            (FestivalChange.insert(key=key, year=year, moved_to=date)
             .on_conflict(conflict_target=[FestivalChange.key, FestivalChange.year],
                          update={FestivalChange.moved_to: date}).execute())

    def add(self, name_en: str, name_hi: str, month: int, day: int, year: int | None = None) -> str:
        """Add an occasion of the user's own; returns its key."""
        name_en, name_hi = name_en.strip(), name_hi.strip()
        if not (name_en or name_hi):
            raise ValidationError("name", "empty", "Give the occasion a name")
        try:
            dt.date(year or 2000, month, day)
        except (TypeError, ValueError) as exc:
            raise ValidationError("date", "invalid", "Not a valid date") from exc
        key = slug(name_en or name_hi) or "occasion"
        with self.db.atomic():
            base, n = key, 2
            while UserFestival.select().where(UserFestival.key == key).exists() or key in RULES or key in TABLE:
                key, n = f"{base}-{n}", n + 1
            UserFestival.create(key=key, name_en=name_en or name_hi, name_hi=name_hi or name_en,
                                month=month, day=day, year=year)
        return key

    def remove(self, key: str) -> None:
        """Delete an occasion the user added."""
        if not UserFestival.delete().where(UserFestival.key == key).execute():
            raise NotFoundError(f"There is no added occasion {key}")

    def user_keys(self) -> set[str]:
        """Keys of the occasions the user added."""
        return {k for (k,) in UserFestival.select(UserFestival.key).tuples()}


# ----- personal dates in SQL ---------------------------------------------------------------------

class PersonalHit(NamedTuple):
    """One client's personal occasion on one date (a named tuple: Coming up makes thousands)."""

    client_id: int
    kind: str
    date: dt.date
    years: int | None = None  # years married / since founding / with us; None when the year is unknown
    label: str = ""  # custom dates: the label the user gave
    ref: int | None = None  # custom dates: the ClientDate id


def _codes(start: dt.date, end: dt.date) -> dict[int, dt.date]:
    """month*100+day code -> date, for every day in [start, end]; 229 maps to 28 Feb in other years."""
    codes: dict[int, dt.date] = {}
    day = start
    while day <= end:
        codes[day.month * 100 + day.day] = day
        if day.month == 2 and day.day == 28 and not calendar.isleap(day.year):
            codes[229] = day
        day += dt.timedelta(days=1)
    return codes


def id_in(field, ids: Iterable[int]):
    """`field IN (ids)` with the ids passed as one parameter (any number, no variable limit; the
    engine's id set: a JSON text on SQLite, an array on a server)."""
    sql = sql_for(field.model._meta.database)
    return field.in_(sql.node(*sql.id_set(ids)))


_ACTIVE_SQL = "NOT c.archived AND NOT c.erased"  # booleans: 0/1 on SQLite, BOOLEAN on a server


def _active():
    return (Client.archived == False) & (Client.erased == False)  # noqa: E712


_PARTIAL = {"birthday": "birth", "anniversary": "anniversary", "founded": "founded"}


def _spans(codes: dict[int, dt.date]) -> list[tuple[int, int, int]]:
    """(month, first day, last day) runs covering the window, so the (month, day) indexes are used."""
    spans: dict[int, list[int]] = {}
    for code in codes:
        spans.setdefault(code // 100, []).append(code % 100)
    return [(m, min(days), max(days)) for m, days in spans.items()]


def _spans_sql(month: str, day: str, spans) -> tuple[str, list]:
    sql = " OR ".join(f"({month} = ? AND {day} BETWEEN ? AND ?)" for _ in spans)
    return f"({sql})", [v for span in spans for v in span]


def _first_purchase_sql(db, spans) -> tuple[str, list]:
    """The spans as ranges of first_purchase_on's month-day key, the one the engine's index names
    (text 'MM-DD' on SQLite, month*100+day on a server)."""
    sql = sql_for(db)
    key = sql.month_day_key("c.first_purchase_on")
    where = " OR ".join(f"{key} BETWEEN ? AND ?" for _ in spans)
    return f"({where})", [sql.month_day_value(m, d) for m, d1, d2 in spans for d in (d1, d2)]


def personal_between(start: dt.date, end: dt.date, kinds: Iterable[str] = PERSONAL_KINDS,
                     client_ids: Iterable[int] | None = None) -> list[PersonalHit]:
    """Every personal occasion of active clients from start to end (inclusive), found in SQL on the
    indexed (month, day) columns (plain SQL: this is the hot path of "Coming up")."""
    codes = _codes(start, end)
    spans = _spans(codes)
    kinds = set(kinds)
    hits: list[PersonalHit] = []
    db = Client._meta.database
    client, client_date = Client._meta.table_name, ClientDate._meta.table_name
    only, only_params = "", []
    if client_ids is not None:
        id_set, only_params = sql_for(db).id_set(client_ids)
        only = f" AND c.id IN {id_set}"
    active = _ACTIVE_SQL
    for kind, prefix in _PARTIAL.items():
        if kind not in kinds:
            continue
        where, params = _spans_sql(f"c.{prefix}_month", f"c.{prefix}_day", spans)
        rows = db.execute_sql(
            f"SELECT c.id, c.{prefix}_month, c.{prefix}_day, c.{prefix}_year FROM {client} c "
            f"WHERE {where} AND {active}{only}", params + only_params).fetchall()
        for cid, m, d, y in rows:
            date = codes.get(m * 100 + d)
            years = date.year - y if date and y else None
            if date is None or (years is not None and years < 0):
                continue
            hits.append(PersonalHit(cid, kind, date, None if kind == "birthday" else years))
    if "first_purchase" in kinds:
        where, params = _first_purchase_sql(db, spans)
        rows = db.execute_sql(f"SELECT c.id, c.first_purchase_on FROM {client} c WHERE {where} AND {active}{only}",
                              params + only_params).fetchall()
        for cid, first in rows:
            first = dt.date.fromisoformat(str(first)[:10])
            date = codes.get(first.month * 100 + first.day)
            if date is not None and date.year - first.year >= 1:
                hits.append(PersonalHit(cid, "first_purchase", date, date.year - first.year))
    if "custom" in kinds:
        where, params = _spans_sql("d.month", "d.day", spans)
        rows = db.execute_sql(
            f"SELECT d.client_id, d.month, d.day, d.year, d.label, d.id FROM {client_date} d "
            f"JOIN {client} c ON c.id = d.client_id WHERE {where} AND {active}{only} ORDER BY d.id",
            params + only_params).fetchall()
        for cid, m, d, y, label, ref in rows:
            date = codes.get(m * 100 + d)
            if date is not None:
                hits.append(PersonalHit(cid, "custom", date, date.year - y if date and y else None, label, ref))
    hits.sort(key=lambda hit: (hit.date, hit.client_id))  # the same order on both engines (a stable sort)
    return hits


# ----- who celebrates which festival --------------------------------------------------------------

class Celebrations:
    """The festivals each client celebrates: the shop's default list unless the client has their own."""

    def __init__(self, db, settings):
        self.db = db
        self.settings = settings

    def defaults(self) -> list[str]:
        """The festivals greeted for clients without a list of their own (Settings)."""
        return list(self.settings.get("greet_festivals", DEFAULT_FESTIVALS))

    def set_defaults(self, keys: Iterable[str]) -> None:
        """Change the shop's default festivals."""
        self.settings.set("greet_festivals", sorted(set(keys)))

    def of(self, client_id: int) -> tuple[list[str], bool]:
        """(festival keys, True when these are the client's own rather than the default)."""
        row = ClientFestivals.get_or_none(ClientFestivals.client == client_id)
        if row is None:
            return self.defaults(), False
        return [k for k in row.keys.split("|") if k], True

    def set_for(self, client_id: int, keys: Iterable[str] | None) -> None:
        """Give a client their own festivals; None returns them to the shop's default list."""
        with self.db.atomic():
            if not Client.select().where(Client.id == client_id).exists():
                raise NotFoundError(f"There is no client #{client_id}")
            ClientFestivals.delete().where(ClientFestivals.client == client_id).execute()
            if keys is not None:
                ClientFestivals.create(client=client_id, keys="|" + "|".join(sorted(set(keys))) + "|")

    def _celebrates_sql(self, key: str):
        own = ClientFestivals.select(ClientFestivals.client).where(ClientFestivals.client == Client.id)
        with_key = own.where(sql_for(self.db).contains_expr(ClientFestivals.keys, f"|{key}|"))
        if key in self.defaults():
            return ~pw.fn.EXISTS(own) | pw.fn.EXISTS(with_key)
        return pw.fn.EXISTS(with_key)

    def count(self, key: str) -> int:
        """How many active clients celebrate festival `key`."""
        return self.counts([key])[key]

    def counts(self, keys: Iterable[str]) -> dict[str, int]:
        """How many active clients celebrate each festival: a count of clients on the default list
        plus, per festival, the clients with their own list that names it (a few SQL counts)."""
        keys = list(dict.fromkeys(keys))
        if not keys:
            return {}
        defaults = set(self.defaults())
        db = Client._meta.database
        client, own = Client._meta.table_name, ClientFestivals._meta.table_name
        active_own = (f"SELECT count(*) FROM {own} f {sql_for(db).join_in_order()} {client} c ON c.id = f.client_id "
                      f"WHERE {_ACTIVE_SQL}")
        on_default = 0
        if defaults.intersection(keys):
            total = db.execute_sql(f"SELECT count(*) FROM {client}").fetchone()[0]
            inactive = db.execute_sql(f"SELECT count(*) FROM {client} WHERE {inactive_sql(sql_for(db))}").fetchone()[0]
            on_default = total - inactive - db.execute_sql(active_own).fetchone()[0]
        result = {}
        for key in keys:
            naming = db.execute_sql(f"{active_own} AND {sql_for(db).contains('f.keys')}", [f"|{key}|"]).fetchone()[0]
            result[key] = naming + (on_default if key in defaults else 0)
        return result

    def client_ids(self, key: str, among: Iterable[int] | None = None) -> list[int]:
        """Active clients who celebrate festival `key` (optionally only among some ids)."""
        query = Client.select(Client.id).where(_active() & self._celebrates_sql(key)).order_by(Client.id)
        if among is None:
            return [cid for (cid,) in query.tuples()]
        return [cid for (cid,) in query.where(id_in(Client.id, among)).tuples()]


# ----- custom dates per client -----------------------------------------------------------------------

@dataclass(frozen=True)
class CustomDate:
    id: int
    client_id: int
    label: str
    day: int
    month: int
    year: int | None = None


def _check_partial(day: int, month: int, year: int | None) -> None:
    try:
        dt.date(year or 2000, month, day)
    except (TypeError, ValueError) as exc:
        raise ValidationError("date", "invalid", "Not a valid date") from exc


class CustomDates:
    """Dates of a client's own (a child's birthday, the shop's opening day ...)."""

    def __init__(self, db):
        self.db = db

    def add(self, client_id: int, label: str, day: int, month: int, year: int | None = None) -> int:
        """Add a date of a client's own; returns its id."""
        if not label.strip():
            raise ValidationError("name", "empty", "Say what the date is")
        _check_partial(day, month, year)
        with self.db.atomic():
            if not Client.select().where(Client.id == client_id).exists():
                raise NotFoundError(f"There is no client #{client_id}")
            return ClientDate.create(client=client_id, label=label.strip(), day=day, month=month, year=year).id

    def remove(self, date_id: int) -> None:
        """Delete one custom date."""
        ClientDate.delete().where(ClientDate.id == date_id).execute()

    def of(self, client_id: int) -> list[CustomDate]:
        """A client's custom dates, in calendar order."""
        return [CustomDate(d.id, client_id, d.label, d.day, d.month, d.year)
                for d in ClientDate.select().where(ClientDate.client == client_id)
                .order_by(ClientDate.month, ClientDate.day, ClientDate.id)]


# ----- Coming up ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Upcoming:
    """One occasion on one date and who it concerns (festivals: everyone who celebrates it)."""

    date: dt.date
    occasion: Occasion
    client_ids: tuple[int, ...] = ()
    count: int = 0


@dataclass(frozen=True)
class ComingUp:
    """Occasions from today to the end of the window, with counts for today / 7 days / this month."""

    today: dt.date
    items: tuple[Upcoming, ...]

    def within(self, days: int) -> list[Upcoming]:
        """The occasions of the next `days` days (1 = today)."""
        last = self.today + dt.timedelta(days=days - 1)
        return [i for i in self.items if i.date <= last]

    def this_month(self) -> list[Upcoming]:
        """The occasions from today to the end of this month."""
        return [i for i in self.items if i.date.month == self.today.month and i.date.year == self.today.year]

    @staticmethod
    def total(items: Iterable[Upcoming]) -> int:
        """Occasions counted one per client for personal days and one per festival."""
        return sum(1 if i.occasion.kind == "festival" else i.count for i in items)

    def counts(self) -> dict[str, int]:
        """Counts for "today", "week" and "month"."""
        return {"today": self.total(self.within(1)), "week": self.total(self.within(7)),
                "month": self.total(self.this_month())}


def _personal_groups(start: dt.date, end: dt.date) -> dict[tuple[dt.date, str], list[int]]:
    """(date, kind) -> client ids, grouped in SQL (no row per client crosses into Python)."""
    codes = _codes(start, end)
    spans = _spans(codes)
    db = Client._meta.database
    client = Client._meta.table_name
    active = _ACTIVE_SQL
    ids_of = sql_for(db).id_list("c.id")
    groups: dict[tuple[dt.date, str], list[int]] = {}

    def add(date, kind, ids_text):
        groups.setdefault((date, kind), []).extend(map(int, ids_text.split(",")))

    for kind, prefix in _PARTIAL.items():
        where, params = _spans_sql(f"c.{prefix}_month", f"c.{prefix}_day", spans)
        rows = db.execute_sql(
            f"SELECT c.{prefix}_month, c.{prefix}_day, {ids_of} FROM {client} c WHERE {where} AND {active} "
            f"AND (c.{prefix}_year IS NULL OR c.{prefix}_year <= ?) GROUP BY 1, 2", params + [end.year]).fetchall()
        for m, d, ids_text in rows:
            if m * 100 + d in codes:
                add(codes[m * 100 + d], kind, ids_text)
    # Grouped by the date itself (a few hundred groups at most: the window's days in each year).
    where, params = _first_purchase_sql(db, spans)
    rows = db.execute_sql(
        f"SELECT c.first_purchase_on, {ids_of} FROM {client} c WHERE {where} AND {active} GROUP BY 1",
        params).fetchall()
    for first, ids_text in rows:
        first = dt.date.fromisoformat(str(first)[:10])
        date = codes.get(first.month * 100 + first.day)
        if date is not None and date.year > first.year:
            add(date, "first_purchase", ids_text)
    for hit in personal_between(start, end, ["custom"]):
        groups.setdefault((hit.date, "custom"), []).append(hit.client_id)
    return groups


def coming_up(calendar_: FestivalCalendar, celebrations: Celebrations, today: dt.date,
              days: int | None = None) -> ComingUp:
    """Occasions from today for `days` days (default: the next 7 days and the rest of this month)."""
    if days is None:
        month_end = dt.date(today.year, today.month, calendar.monthrange(today.year, today.month)[1])
        end = max(today + dt.timedelta(days=6), month_end)
    else:
        end = today + dt.timedelta(days=max(days, 1) - 1)
    items: list[Upcoming] = []
    for (date, kind), ids in _personal_groups(today, end).items():
        ids = sorted(set(ids))
        items.append(Upcoming(date, personal(kind), tuple(ids), len(ids)))
    festivals = calendar_.between(today, end)
    counts = celebrations.counts(d.key for d in festivals)
    for day in festivals:
        items.append(Upcoming(day.date, day.occasion, (), counts[day.key]))
    order = {k: n for n, k in enumerate(KINDS)}
    items.sort(key=lambda i: (i.date, order[i.occasion.kind], i.occasion.name_en))
    return ComingUp(today, tuple(items))
