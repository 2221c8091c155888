"""A client's fields: what the editor, the importer and the command line fill in (ClientData), and
`clean()`, which validates and normalises them before anything is written."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field

from clientdesk.errors import ValidationError
from clientdesk.models import CHANNELS, CONSENT_METHODS, GENDERS, LANGUAGES, SOURCES
from clientdesk.validate import (
    MAX_LINE_LENGTH, MAX_NAME_LENGTH, check_name, normalize_email, normalize_gstin, normalize_phone, normalize_pin,
)

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
SCALAR_FIELDS = [
    "name", "honorific", "father_name", "father_relation", "name_other", "father_name_other", "gender",
    "postal_line", "postal_city",
    "postal_state", "postal_pin", "work_line", "work_city", "work_state", "work_pin", "business_name",
    *[f"{p}_{part}" for p in PARTIAL_DATES for part in ("day", "month", "year")],
    "likelihood", "source", "language", "notes",
]


# The longest text each one-line field keeps (the import leaves longer text out the same way).
TEXT_LIMITS = {attr: MAX_LINE_LENGTH if attr.endswith("_line") else MAX_NAME_LENGTH
               for attr in ("name", "honorific", "father_name", "name_other", "father_name_other", "business_name",
                            "postal_city", "work_city", "postal_state", "work_state", "postal_line", "work_line")}


def clean(data: ClientData) -> ClientData:
    """Validated, normalised copy of `data`; raises ValidationError on the first bad field."""
    data = dataclasses.replace(data, phones=[dataclasses.replace(p) for p in data.phones],
                               tags=list(data.tags), consents=dict(data.consents))
    data.name = check_name(data.name)
    if not data.name:
        raise ValidationError("name", "empty", "Name is required")
    for attr, limit in TEXT_LIMITS.items():
        if attr != "name":
            setattr(data, attr, check_name(getattr(data, attr), attr, limit))
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
        check_partial_date(prefix, data)
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


def check_partial_date(prefix: str, data: ClientData) -> None:
    """A birthday, anniversary or founding day: day and month both or neither, a real date, a sane year."""
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


def richer(keep: ClientData, other: ClientData) -> ClientData:
    """The fields of a merged client: `keep`'s, with the richer value of each field taken from
    `other`, dates whole, every phone, tag and the newer consent of each channel."""
    merged = dataclasses.replace(keep)
    for name in SCALAR_FIELDS + ["email", "gstin", "referred_by"]:
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
