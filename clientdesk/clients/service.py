"""Clients: create, edit, archive, erase, merge, find and list (paged, sorted and searched in SQL)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

import peewee as pw
from peewee import fn
from rapidfuzz import fuzz

from clientdesk import search
from clientdesk.clock import Clock
from clientdesk.db import storage_errors
from clientdesk.errors import DuplicateError, NotFoundError, ValidationError
from clientdesk.models import (
    CHANNELS, CONSENT_METHODS, GENDERS, LANGUAGES, SOURCES, Client, ClientTag, Consent, ConsentEvent,
    ClientPhoneSearch, ClientSearch, Interaction, Phone, Purchase, Tag,
)
from clientdesk.schema import PHONE_SEARCH_TABLE, SEARCH_TABLE
from clientdesk.services import erasure
from clientdesk.textkey import name_key
from clientdesk.validate import check_name, normalize_email, normalize_gstin, normalize_phone, normalize_pin

log = logging.getLogger(__name__)

RANK_LIMIT = 500
SORT_KEYS = ("relevance", "name", "phone", "city", "status", "last_visit", "total_spent", "tags", "created")
PARTIAL_DATES = ("birth", "anniversary", "founded")
ADDRESS_KINDS = ("postal", "work")


@dataclass
class PhoneEntry:
    number: str  # E.164 once saved; what was typed before validation
    is_primary: bool = False
    is_whatsapp: bool = False


@dataclass
class ConsentState:
    granted: bool = False
    changed_at: dt.datetime | None = None
    method: str = "counter_form"
    guardian: bool = False


@dataclass
class ClientData:
    """Every editable field of a client, plus read-only figures when loaded."""

    name: str = ""
    honorific: str = ""
    father_name: str = ""
    father_relation: str = "father"
    name_other: str = ""  # the name in the other script (Devanagari for a Latin name, and back)
    father_name_other: str = ""
    gender: str = ""
    phones: list[PhoneEntry] = field(default_factory=list)
    email: str = ""
    postal_line: str = ""
    postal_city: str = ""
    postal_state: str = ""
    postal_pin: str = ""
    work_line: str = ""
    work_city: str = ""
    work_state: str = ""
    work_pin: str = ""
    business_name: str = ""
    gstin: str = ""
    birth_day: int | None = None
    birth_month: int | None = None
    birth_year: int | None = None
    anniversary_day: int | None = None
    anniversary_month: int | None = None
    anniversary_year: int | None = None
    founded_day: int | None = None
    founded_month: int | None = None
    founded_year: int | None = None
    likelihood: int | None = None
    source: str = "walk_in"
    referred_by: int | None = None
    language: str = "hi"
    tags: list[str] = field(default_factory=list)
    notes: str = ""
    consents: dict[str, ConsentState] = field(default_factory=dict)
    # read-only, filled by get()
    id: int | None = None
    status: str = "prospect"
    archived: bool = False
    erased: bool = False
    referred_by_name: str = ""
    first_purchase_on: dt.date | None = None
    last_purchase_on: dt.date | None = None
    last_visit_on: dt.date | None = None
    visit_count: int = 0
    total_spent_paise: int = 0
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None

    @property
    def primary_phone(self) -> str | None:
        for phone in self.phones:
            if phone.is_primary:
                return phone.number
        return self.phones[0].number if self.phones else None

    @property
    def whatsapp_phone(self) -> str | None:
        for phone in self.phones:
            if phone.is_whatsapp:
                return phone.number
        return self.primary_phone

    @property
    def display_name(self) -> str:
        return f"{self.honorific} {self.name}".strip()


# Plain fields copied between ClientData and the Client row as they are.
_SCALAR_FIELDS = [
    "name", "honorific", "father_name", "father_relation", "name_other", "father_name_other", "gender",
    "postal_line", "postal_city",
    "postal_state", "postal_pin", "work_line", "work_city", "work_state", "work_pin", "business_name",
    *[f"{p}_{part}" for p in PARTIAL_DATES for part in ("day", "month", "year")],
    "likelihood", "source", "language", "notes",
]


@dataclass(frozen=True)
class ClientRow:
    """One line of the client list."""

    id: int
    name: str
    honorific: str
    father_name: str
    phone: str | None
    email: str | None
    city: str
    status: str
    last_visit_on: dt.date | None
    total_spent_paise: int
    tags: str


@dataclass(frozen=True)
class ClientFilter:
    """What the list shows: search text, status, tag, archived or not, or an explicit id set."""

    text: str = ""
    status: str = ""
    tag: str = ""
    include_archived: bool = False
    ids: frozenset[int] | None = None


MergeHook = Callable[[int, int], None]


class SharedPhoneError(ValidationError):
    """A number several clients share (a household) where exactly one client is needed:
    `members` are their (id, name), oldest first; the caller asks which one."""

    def __init__(self, number: str, members: list[tuple[int, str]]):
        people = "; ".join(f"#{cid} {name}" for cid, name in members)
        super().__init__("phone", "shared", f"{number} is shared by {len(members)} clients: {people}",
                         value=number)
        self.number = number
        self.members = members


def reindex_clients(db, client_ids: Sequence[int], fresh: bool = False) -> None:
    """Rebuild the search index rows (and sort keys) of these clients from what is stored; call
    inside the writing transaction. `fresh`: the clients have no index rows yet (bulk loads)."""
    rows, keys = [], []
    for start in range(0, len(client_ids), 500):
        chunk = list(client_ids[start:start + 500])
        marks = ",".join("?" * len(chunk))
        phones: dict[int, list[str]] = {}
        for client_id, number in db.execute_sql(
                f"SELECT client_id, number FROM phone WHERE client_id IN ({marks})", chunk):
            phones.setdefault(client_id, []).append(number)
        for cid, name, father, business, email, gstin, stored_key in db.execute_sql(
                f"SELECT id, name, father_name, business_name, email, gstin, search_key FROM client "
                f"WHERE id IN ({marks})", chunk):
            rows.append((cid, *search.index_row(name, father, business, phones.get(cid, []), email, gstin)))
            key = name_key(name)
            if key != stored_key:  # a bulk insert may have written the key already
                keys.append((key, cid))
    search.replace_rows(db, rows, fresh=fresh)
    if keys:
        db.cursor().executemany("UPDATE client SET search_key = ? WHERE id = ?", keys)


_INDEXES = {SEARCH_TABLE: ClientSearch, PHONE_SEARCH_TABLE: ClientPhoneSearch}  # SearchQuery.table -> model


class ClientService:
    """All client reads and writes. `merge_hooks` let other areas (loyalty) move their rows on merge."""

    def __init__(self, db, settings, clock: Clock | None = None):
        self.db = db
        self.settings = settings
        self.clock = clock or Clock()
        self.merge_hooks: list[MergeHook] = []
        self._last_match_count: tuple[str, int] | None = None  # (FTS match, count) taken last

    # ----- validation --------------------------------------------------------------------
    def clean(self, data: ClientData) -> ClientData:
        """Validated, normalised copy of `data`; raises ValidationError on the first bad field."""
        data = dataclasses.replace(data, phones=[dataclasses.replace(p) for p in data.phones],
                                   tags=list(data.tags), consents=dict(data.consents))
        data.name = check_name(data.name)
        if not data.name:
            raise ValidationError("name", "empty", "Name is required")
        for attr in ("honorific", "father_name", "name_other", "father_name_other", "business_name", "postal_city",
                     "work_city", "postal_state", "work_state", "postal_line", "work_line"):
            setattr(data, attr, check_name(getattr(data, attr), attr, 500 if attr.endswith("_line") else 200))
        phones: list[PhoneEntry] = []
        for entry in data.phones:
            if not str(entry.number).strip():
                continue
            number = normalize_phone(entry.number)
            if any(p.number == number for p in phones):
                continue
            phones.append(PhoneEntry(number, entry.is_primary, entry.is_whatsapp))
        if phones and not any(p.is_primary for p in phones):
            phones[0].is_primary = True
        seen_primary = False
        for p in phones:
            if p.is_primary and seen_primary:
                p.is_primary = False
            seen_primary = seen_primary or p.is_primary
        data.phones = phones
        data.email = normalize_email(data.email) if (data.email or "").strip() else ""
        data.gstin = normalize_gstin(data.gstin) if (data.gstin or "").strip() else ""
        for kind in ADDRESS_KINDS:
            pin = getattr(data, f"{kind}_pin")
            if (pin or "").strip():
                try:
                    setattr(data, f"{kind}_pin", normalize_pin(pin))
                except ValidationError as exc:
                    raise ValidationError(f"{kind}_pin", exc.reason, exc.message) from exc
            else:
                setattr(data, f"{kind}_pin", "")
        for prefix in PARTIAL_DATES:
            self._check_partial_date(prefix, data)
        if data.likelihood is not None and not 0 <= int(data.likelihood) <= 100:
            raise ValidationError("likelihood", "range", "Likelihood is a number from 0 to 100")
        if data.source not in SOURCES:
            raise ValidationError("source", "invalid", f"Unknown source {data.source}")
        if data.language not in LANGUAGES:
            raise ValidationError("language", "invalid", f"Unknown language {data.language}")
        if data.gender not in GENDERS:
            raise ValidationError("gender", "invalid", f"Unknown gender {data.gender}")
        if data.father_relation not in ("father", "husband"):
            raise ValidationError("father_relation", "invalid", "Father or husband")
        for channel, state in data.consents.items():
            if channel not in CHANNELS:
                raise ValidationError("consent", "invalid", f"Unknown channel {channel}")
            if state.method not in CONSENT_METHODS:
                raise ValidationError("consent", "invalid", f"Unknown consent method {state.method}")
        data.tags = sorted({" ".join(t.split()) for t in data.tags if t and t.strip()}, key=str.casefold)
        return data

    @staticmethod
    def _check_partial_date(prefix: str, data: ClientData) -> None:
        day, month, year = (getattr(data, f"{prefix}_{p}") for p in ("day", "month", "year"))
        if day is None and month is None and year is None:
            return
        if day is None or month is None:
            raise ValidationError(prefix, "incomplete", "Give at least the day and the month")
        try:
            dt.date(year or 2000, int(month), int(day))  # 2000 is a leap year: 29 Feb is fine without a year
        except (ValueError, TypeError) as exc:
            raise ValidationError(prefix, "invalid", "Not a real date") from exc
        if year is not None and not 1900 <= int(year) <= dt.date.today().year + 1:
            raise ValidationError(prefix, "invalid", "The year is out of range")

    def _check_unique(self, data: ClientData, client_id: int | None, family_of: int | None = None) -> None:
        """A number someone else has is refused, naming them, unless the caller joins that client's
        household explicitly (`family_of`); a number this client has already stays. One client per email."""
        kept = set() if client_id is None else {
            n for (n,) in Phone.select(Phone.number).where(Phone.client == client_id).tuples()}
        joined = False
        for phone in data.phones:
            if phone.number in kept:
                continue
            owners = [(cid, name) for cid, name in
                      Client.select(Client.id, Client.name).join(Phone)
                      .where(Phone.number == phone.number, Client.id != (client_id or 0))
                      .order_by(Client.id).tuples()]
            if not owners:
                continue
            if family_of is not None and any(cid == family_of for cid, _ in owners):
                joined = True
                continue
            raise DuplicateError("phone", phone.number, *owners[0])
        if family_of is not None and not joined and not Phone.select().where(
                Phone.client == family_of, Phone.number.in_([p.number for p in data.phones])).exists():
            if not self.exists(family_of):
                raise NotFoundError(f"There is no client #{family_of}")
            name = self.names([family_of]).get(family_of, "")
            raise ValidationError("family_of", "no_shared_phone",
                                  f"None of these numbers belongs to client #{family_of} {name}: nothing to share")
        if data.email:
            owner = Client.get_or_none(Client.email == data.email)
            if owner and owner.id != client_id:
                raise DuplicateError("email", data.email, owner.id, owner.name)

    # ----- writes ------------------------------------------------------------------------
    def create(self, data: ClientData, family_of: int | None = None) -> int:
        """Validate and save a new client; returns its id. A phone number of another client is
        refused (DuplicateError naming them) unless `family_of` is that client: then the new client
        joins their household and both keep the number (each with their own points)."""
        data = self.clean(data)
        with storage_errors(), self.db.atomic():
            self._check_unique(data, None, family_of)
            now = self.clock.now()
            client = Client.create(created_at=now, updated_at=now, **self._row_values(data))
            self._write_children(client.id, data, now)
            self.reindex([client.id])
        log.info("Created client %s", client.id)
        return client.id

    def update(self, client_id: int, data: ClientData, family_of: int | None = None) -> None:
        """Validate and save changes to an existing client (`family_of` as in create())."""
        data = self.clean(data)
        with storage_errors(), self.db.atomic():
            self._require(client_id)
            self._check_unique(data, client_id, family_of)
            now = self.clock.now()
            Client.update(updated_at=now, **self._row_values(data)).where(Client.id == client_id).execute()
            self._write_children(client_id, data, now)
            self.reindex([client_id])

    def _row_values(self, data: ClientData) -> dict:
        values = {name: getattr(data, name) for name in _SCALAR_FIELDS}
        values["email"] = data.email or None
        values["gstin"] = data.gstin or None
        values["referred_by"] = data.referred_by
        values["primary_phone"] = data.primary_phone
        values["tags_text"] = ", ".join(data.tags)
        return values

    def _write_children(self, client_id: int, data: ClientData, now: dt.datetime) -> None:
        Phone.delete().where(Phone.client == client_id).execute()
        for p in data.phones:
            Phone.create(client=client_id, number=p.number, is_primary=p.is_primary, is_whatsapp=p.is_whatsapp)
        self._set_tags(client_id, data.tags)
        for channel, state in data.consents.items():
            self._apply_consent(client_id, channel, state.granted, state.method, now, guardian=state.guardian)

    def _set_tags(self, client_id: int, tags: Iterable[str]) -> None:
        ClientTag.delete().where(ClientTag.client == client_id).execute()
        for name in tags:
            tag, _ = Tag.get_or_create(name=name)
            ClientTag.insert(client=client_id, tag=tag).on_conflict_ignore().execute()

    def _apply_consent(self, client_id: int, channel: str, granted: bool, method: str, when: dt.datetime,
                       guardian: bool = False, note: str = "") -> None:
        current = Consent.get_or_none(Consent.client == client_id, Consent.channel == channel)
        if current and current.granted == granted and current.guardian == guardian:
            return
        if current is None and not granted:
            return
        (Consent.insert(client=client_id, channel=channel, granted=granted, changed_at=when, method=method,
                        guardian=guardian)
         .on_conflict(conflict_target=[Consent.client, Consent.channel],
                      update={Consent.granted: granted, Consent.changed_at: when, Consent.method: method,
                              Consent.guardian: guardian})
         .execute())
        ConsentEvent.create(client=client_id, channel=channel, granted=granted, at=when, method=method, note=note)

    def set_consent(self, client_id: int, channel: str, granted: bool, method: str = "counter_form",
                    note: str = "", guardian: bool = False) -> None:
        """Give or withdraw consent for one channel; the change is kept as proof (ConsentEvent)."""
        if channel not in CHANNELS:
            raise ValidationError("consent", "invalid", f"Unknown channel {channel}")
        with storage_errors(), self.db.atomic():
            self._require(client_id)
            self._apply_consent(client_id, channel, granted, method, self.clock.now(), guardian=guardian, note=note)

    def withdraw_all_consent(self, client_id: int, note: str = "") -> None:
        """Withdraw marketing consent on every channel in one action."""
        with storage_errors(), self.db.atomic():
            for channel in CHANNELS:
                self._apply_consent(client_id, channel, False, "other", self.clock.now(), note=note)

    def archive(self, client_id: int, archived: bool = True) -> None:
        with storage_errors():
            self._require(client_id)
            Client.update(archived=archived, updated_at=self.clock.now()).where(Client.id == client_id).execute()

    def delete(self, client_id: int) -> str:
        """Delete a client so that it holds (DPDP Act; clientdesk.services.erasure). With bills on
        record (GST books are kept 72 months) every personal field is erased, the name becomes
        "Erased client #ID" and the bills keep amounts, dates and items: returns "erased";
        otherwise the client is removed entirely: "deleted". The WAL is emptied afterwards."""
        with storage_errors():
            with self.db.atomic():
                self._require(client_id)
                outcome = erasure.erase_rows(self.db.execute_sql, client_id, self.clock.now())
            erasure.checkpoint(self.db)
        log.info("%s client %s", "Erased (bills kept)" if outcome == "erased" else "Deleted", client_id)
        return outcome

    def merge(self, keep_id: int, other_id: int) -> None:
        """Fold client `other_id` into `keep_id` in one transaction: history, phones, tags, consents,
        and the richer value of each field. `other_id` is deleted."""
        if keep_id == other_id:
            raise ValidationError("merge", "same", "A client cannot be merged with itself")
        with storage_errors(), self.db.atomic():
            keep, other = self.get(keep_id), self.get(other_id)
            merged = self._richer(keep, other)
            Purchase.update(client=keep_id).where(Purchase.client == other_id).execute()
            Interaction.update(client=keep_id).where(Interaction.client == other_id).execute()
            ConsentEvent.update(client=keep_id).where(ConsentEvent.client == other_id).execute()
            Client.update(referred_by=keep_id).where(Client.referred_by == other_id).execute()
            for hook in self.merge_hooks:
                hook(keep_id, other_id)
            Phone.delete().where(Phone.client == other_id).execute()
            Consent.delete().where(Consent.client == other_id).execute()
            ClientTag.delete().where(ClientTag.client == other_id).execute()
            search.delete_rows(self.db, [other_id])
            Client.delete().where(Client.id == other_id).execute()
            Client.update(**self._row_values(merged), updated_at=self.clock.now()).where(Client.id == keep_id).execute()
            self._write_children(keep_id, merged, self.clock.now())
            self.refresh_stats([keep_id])
            self.reindex([keep_id])
        log.info("Merged client %s into %s", other_id, keep_id)

    @staticmethod
    def _richer(keep: ClientData, other: ClientData) -> ClientData:
        merged = dataclasses.replace(keep)
        for name in _SCALAR_FIELDS + ["email", "gstin", "referred_by"]:
            a, b = getattr(keep, name), getattr(other, name)
            if name == "notes":
                value = "\n".join(x for x in (a, b) if x)
            elif a in (None, "") or (name == "source" and a == "walk_in" and b not in (None, "")):
                value = b
            elif isinstance(a, str) and isinstance(b, str) and len(b) > len(a) and name not in ("source", "language", "gender", "father_relation"):
                value = b
            else:
                value = a
            setattr(merged, name, value)
        if merged.referred_by in (keep.id, other.id):
            merged.referred_by = None
        for prefix in PARTIAL_DATES:  # a date moves as a whole, never day from one and month from the other
            parts = [f"{prefix}_{p}" for p in ("day", "month", "year")]
            source = keep if getattr(keep, parts[0]) is not None else other
            for part in parts:
                setattr(merged, part, getattr(source, part))
        numbers = {p.number for p in keep.phones}
        merged.phones = [dataclasses.replace(p) for p in keep.phones] + [
            PhoneEntry(p.number, False, p.is_whatsapp and not any(k.is_whatsapp for k in keep.phones))
            for p in other.phones if p.number not in numbers]
        merged.tags = sorted(set(keep.tags) | set(other.tags), key=str.casefold)
        consents = dict(other.consents)
        for channel, state in keep.consents.items():
            theirs = consents.get(channel)
            if theirs is None or (state.changed_at or dt.datetime.min) >= (theirs.changed_at or dt.datetime.min):
                consents[channel] = state
        merged.consents = consents
        return merged

    def refresh_stats(self, client_ids: Sequence[int]) -> None:
        """Recompute first/last purchase, visit count and total spent from the purchases."""
        for start in range(0, len(client_ids), 500):
            chunk = list(client_ids[start:start + 500])
            marks = ",".join("?" * len(chunk))
            self.db.execute_sql(
                f"""UPDATE client SET
                    first_purchase_on = (SELECT min(date) FROM purchase p WHERE p.client_id = client.id),
                    last_purchase_on = (SELECT max(date) FROM purchase p WHERE p.client_id = client.id),
                    visit_count = (SELECT count(DISTINCT date) FROM purchase p WHERE p.client_id = client.id),
                    total_spent_paise = (SELECT coalesce(sum(amount_paise), 0) FROM purchase p WHERE p.client_id = client.id),
                    last_visit_on = (SELECT max(d) FROM (
                        SELECT max(date) AS d FROM purchase p WHERE p.client_id = client.id
                        UNION ALL SELECT max(date(at)) FROM interaction i
                        WHERE i.client_id = client.id AND i.channel = 'visit'))
                    WHERE id IN ({marks})""",
                chunk,
            )

    def reindex(self, client_ids: Sequence[int], fresh: bool = False) -> None:
        """Rebuild the search index rows (and sort keys) of these clients; call inside the writing
        transaction. `fresh`: the clients are new and have no index rows yet (bulk loads)."""
        reindex_clients(self.db, client_ids, fresh)

    def rebuild_index(self) -> None:
        """Rebuild the whole search index (after a bulk load)."""
        with self.db.atomic():
            search.clear(self.db)
            ids = [cid for (cid,) in Client.select(Client.id).tuples()]
            self.reindex(ids, fresh=True)

    # ----- reads -------------------------------------------------------------------------
    def _require(self, client_id: int) -> Client:
        client = Client.get_or_none(Client.id == client_id)
        if client is None:
            raise NotFoundError(f"There is no client #{client_id}")
        return client

    def exists(self, client_id: int) -> bool:
        return Client.select().where(Client.id == client_id).exists()

    def get(self, client_id: int) -> ClientData:
        """Everything about one client."""
        with storage_errors():
            row = self._require(client_id)
            data = ClientData(**{name: getattr(row, name) for name in _SCALAR_FIELDS})
            data.email = row.email or ""
            data.gstin = row.gstin or ""
            data.referred_by = row.referred_by_id
            data.referred_by_name = row.referred_by.name if row.referred_by_id else ""
            data.phones = [PhoneEntry(p.number, p.is_primary, p.is_whatsapp)
                           for p in Phone.select().where(Phone.client == client_id).order_by(Phone.is_primary.desc(), Phone.id)]
            data.tags = [t.name for t in Tag.select().join(ClientTag).where(ClientTag.client == client_id).order_by(Tag.name)]
            data.consents = {c.channel: ConsentState(c.granted, c.changed_at, c.method, c.guardian)
                             for c in Consent.select().where(Consent.client == client_id)}
            for name in ("id", "archived", "erased", "first_purchase_on", "last_purchase_on", "last_visit_on",
                         "visit_count", "total_spent_paise", "created_at", "updated_at"):
                setattr(data, name, getattr(row, name))
            data.status = self.status_of(row.first_purchase_on, row.last_purchase_on)
            return data

    def lapse_cutoff(self) -> dt.date:
        return self.clock.today() - dt.timedelta(days=int(self.settings.get("lapse_days")))

    def status_of(self, first: dt.date | None, last: dt.date | None) -> str:
        return self.status_at(first, last, self.lapse_cutoff())

    @staticmethod
    def status_at(first, last, cutoff) -> str:
        """prospect / active / lapsed from the first and last purchase dates and the lapse cutoff
        (all dates, or all ISO text as SQL returns them)."""
        if first is None:
            return "prospect"
        return "lapsed" if last < cutoff else "active"

    def _status_sql(self):
        cutoff = self.lapse_cutoff()
        return pw.Case(None, [(Client.first_purchase_on.is_null(), "prospect"),
                              (Client.last_purchase_on < cutoff, "lapsed")], "active")

    def clients_with_phone(self, text) -> list[int]:
        """Every client who has this phone number (a household shares one), oldest first; however
        it was typed; [] for nobody or for text that is not a phone number."""
        try:
            number = normalize_phone(text)
        except ValidationError:
            return []
        with storage_errors():
            return [cid for (cid,) in Phone.select(Phone.client).where(Phone.number == number)
                    .order_by(Phone.client).tuples()]

    def find_by_phone(self, text) -> int | None:
        """The one client who has this phone number, however it was typed; None if nobody.
        A number shared by a household names no single client: SharedPhoneError (a ValidationError)
        lists its people (id, name), oldest first, so no caller picks one of them silently."""
        ids = self.clients_with_phone(text)
        if len(ids) > 1:
            with storage_errors():
                names = self.names(ids)
            raise SharedPhoneError(normalize_phone(text), [(cid, names.get(cid, "")) for cid in ids])
        return ids[0] if ids else None

    def find_by_email(self, text: str) -> int | None:
        try:
            email = normalize_email(text)
        except ValidationError:
            return None
        row = Client.get_or_none(Client.email == email)
        return row.id if row else None

    def find_by_gstin(self, text: str) -> int | None:
        row = Client.get_or_none(Client.gstin == (text or "").strip().upper())
        return row.id if row else None

    def tags(self) -> list[str]:
        """All tag names in use."""
        return [t for (t,) in Tag.select(Tag.name).order_by(Tag.name).tuples()]

    def _conditions(self, flt: ClientFilter) -> list:
        """SQL conditions of everything in the filter except the search text."""
        conditions = []
        if not flt.include_archived:
            conditions.append(Client.archived == False)  # noqa: E712  (erased clients are archived too)
        else:
            conditions.append(Client.erased == False)  # noqa: E712  (an erased client is listed nowhere)
        if flt.status:
            conditions.append(self._status_sql() == flt.status)
        if flt.tag:
            conditions.append(Client.id.in_(
                ClientTag.select(ClientTag.client).join(Tag).where(Tag.name == flt.tag)))
        if flt.ids is not None:
            conditions.append(Client.id.in_(list(flt.ids)))
        return conditions

    @staticmethod
    def _matching(q: search.SearchQuery):
        """The ids of the clients the query's index matches (a sub-select)."""
        index = _INDEXES[q.table]
        return index.select(index.rowid).where(index.match(q.match))

    @staticmethod
    def _with_phone_prefix(q: search.SearchQuery):
        """The ids of the clients with a phone starting with the query's two digits (a sub-select)."""
        low, high = search.phone_prefix_range(q.phone_prefix)
        return Phone.select(Phone.client).where(Phone.number.between(low, high))

    def _filtered(self, flt: ClientFilter):
        query = Client.select(Client.id)
        q = search.parse_query(flt.text)
        if q.phone_prefix:
            query = query.where(Client.id.in_(self._with_phone_prefix(q)))
        elif flt.text.strip() and not q.too_short:
            if q.match is None:
                return query.where(pw.SQL("0")), q
            query = query.where(Client.id.in_(self._matching(q)))
        for condition in self._conditions(flt):
            query = query.where(condition)
        return query, q

    def _text_only(self, flt: ClientFilter) -> bool:
        return bool(flt.text.strip()) and not flt.status and not flt.tag and flt.ids is None

    def _id_span(self) -> int:
        """About how many clients there are (the highest id), without counting them."""
        return self.db.execute_sql("SELECT coalesce(max(id), 0) FROM client").fetchone()[0]

    def _match_count(self, q: search.SearchQuery) -> int:
        """How many clients (archived ones included) the query's index or phone prefix matches.
        A phone prefix is counted on the phone table alone: no client row is read."""
        if q.phone_prefix:
            low, high = search.phone_prefix_range(q.phone_prefix)
            count = Phone.select(fn.COUNT(fn.DISTINCT(Phone.client))).where(Phone.number.between(low, high)).scalar()
        else:
            count = self.db.execute_sql(f"SELECT count(*) FROM {q.table} WHERE {q.table} MATCH ?",
                                        (q.match,)).fetchone()[0]
        self._last_match_count = ((q.table, q.match, q.phone_prefix), count)
        return count

    def _recent_match_count(self, q: search.SearchQuery) -> int:
        """The count just taken for this query by count() (the list asks count, then ids, per keystroke).
        Only the choice of ranking depends on it, so a count a moment old is good enough."""
        cached = self._last_match_count
        return cached[1] if cached and cached[0] == (q.table, q.match, q.phone_prefix) else self._match_count(q)

    def count(self, flt: ClientFilter = ClientFilter()) -> int:
        """How many clients match the filter."""
        with storage_errors():
            query, q = self._filtered(flt)
            if self._text_only(flt) and (q.match is not None or q.phone_prefix):
                # Counted in the index alone; archived matches (usually none) are taken off.
                total = self._match_count(q)
                if not flt.include_archived and Client.select().where(Client.archived == True).exists():  # noqa: E712
                    matching = self._with_phone_prefix(q) if q.phone_prefix else self._matching(q)
                    total -= Client.select().where(Client.archived == True, Client.id.in_(matching)).count()  # noqa: E712
                return total
            return query.count()

    def _exact_ids(self, q: search.SearchQuery) -> list[int]:
        ids = []
        if q.exact_phone:  # every member of a household
            ids += [cid for (cid,) in Phone.select(Phone.client).where(Phone.number == q.exact_phone).tuples()]
        if q.exact_email:
            row = Client.get_or_none(Client.email == q.exact_email)
            if row:
                ids.append(row.id)
        return ids

    def _column_order(self, sort: str, descending: bool) -> list:
        if sort not in SORT_KEYS:
            raise ValidationError("sort", "invalid", f"Unknown sort {sort}")
        columns = {
            "name": [Client.search_key, Client.name], "phone": [Client.primary_phone],
            "city": [Client.postal_city], "status": [self._status_sql()], "last_visit": [Client.last_visit_on],
            "total_spent": [Client.total_spent_paise], "tags": [Client.tags_text], "created": [Client.created_at],
            "relevance": [Client.search_key, Client.name],
        }[sort]
        nullable = {Client.primary_phone, Client.last_visit_on}
        order = [(c.desc(nulls="LAST") if descending else c.asc(nulls="LAST")) if c in nullable
                 else (c.desc() if descending else c.asc()) for c in columns]
        return order + [Client.id.desc() if descending else Client.id]

    def ids(self, flt: ClientFilter = ClientFilter(), sort: str = "relevance", descending: bool = False,
            offset: int = 0, limit: int = 200) -> list[int]:
        """One page of matching client ids, sorted in SQL.

        Relevance (the default while searching): exact phone/email first, then the index's bm25 rank.
        When a short query matches more than RANK_LIMIT clients, ranking them all would cost more than
        a keystroke may, and they are listed by name instead.
        """
        with storage_errors():
            query, q = self._filtered(flt)
            if q.phone_prefix and not self._with_phone_prefix(q).exists():
                return []  # else the walk below would read the whole name index to find nothing
            matches = self._recent_match_count(q) if q.match is not None else None
            many = bool(q.phone_prefix) or (matches is not None and matches > RANK_LIMIT)
            if sort == "relevance" and q.match is not None and not many:
                index = _INDEXES[q.table]
                query = (index.select(Client.id).join(Client, pw.JOIN.CROSS)  # the index drives the join
                         .where(Client.id == index.rowid, index.match(q.match), *self._conditions(flt)))
                exact = self._exact_ids(q)
                order = [Client.id.in_(exact).desc()] if exact else []
                if index is ClientSearch:  # ranked by the client index; phone matches by name
                    order.append(ClientSearch.bm25(*search.BM25_WEIGHTS))
                query = query.order_by(*order, Client.search_key, Client.id)
            else:
                dense = q.phone_prefix or (matches is not None and matches * 20 > self._id_span())
                if dense and sort in ("relevance", "name") and not descending:
                    # One client in twenty or more matches: walk the name index and stop after one page,
                    # rather than sorting every match (the planner would sort).
                    index = "client_search_key_name" if flt.include_archived else "client_archived_search_key_name"
                    query = query.from_(pw.SQL(f'"client" AS "t1" INDEXED BY "{index}"'))
                query = query.order_by(*self._column_order(sort, descending))
            return [cid for (cid,) in query.offset(offset).limit(limit).tuples()]

    def rows(self, client_ids: Sequence[int]) -> list[ClientRow]:
        """List rows for these ids, in the same order."""
        if not client_ids:
            return []
        with storage_errors():
            status = self._status_sql().alias("status")
            query = (Client.select(Client.id, Client.name, Client.honorific, Client.father_name, Client.primary_phone,
                                   Client.email, Client.postal_city, status, Client.last_visit_on,
                                   Client.total_spent_paise, Client.tags_text)
                     .where(Client.id.in_(list(client_ids))).tuples())
            by_id = {r[0]: ClientRow(*r) for r in query}
            return [by_id[i] for i in client_ids if i in by_id]

    def page(self, flt: ClientFilter = ClientFilter(), sort: str = "relevance", descending: bool = False,
             offset: int = 0, limit: int = 200) -> list[ClientRow]:
        """One page of list rows."""
        return self.rows(self.ids(flt, sort, descending, offset, limit))

    def search(self, text: str, limit: int = 20) -> list[ClientRow]:
        """The best matches for what was typed: exact phone/email first, then by name similarity."""
        q = search.parse_query(text)
        if q.match is None and not q.phone_prefix:
            return []
        candidates = self.ids(ClientFilter(text=text, include_archived=False), "relevance", offset=0,
                              limit=max(limit * 5, 100))
        rows = self.rows(candidates)
        exact = set(self._exact_ids(q))
        if not q.name_key:
            return rows[:limit]

        def score(pos_row):
            pos, row = pos_row
            if row.id in exact:
                return (0, 0.0, pos)
            similarity = fuzz.WRatio(q.name_key, name_key(row.name))
            return (1, -similarity, pos)

        ranked = sorted(enumerate(rows), key=score)
        return [row for _, row in ranked[:limit]]

    def phones_of(self, client_ids: Sequence[int]) -> dict[int, list[str]]:
        """Each client's phone numbers (E.164), primary first."""
        result: dict[int, list[str]] = {}
        query = (Phone.select(Phone.client, Phone.number).where(Phone.client.in_(list(client_ids)))
                 .order_by(Phone.client, Phone.is_primary.desc(), Phone.id).tuples())
        for client_id, number in query:
            result.setdefault(client_id, []).append(number)
        return result

    def names(self, client_ids: Sequence[int]) -> dict[int, str]:
        return dict(Client.select(Client.id, Client.name).where(Client.id.in_(list(client_ids))).tuples())
