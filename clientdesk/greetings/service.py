"""The greeting service: Coming up, templates, composing personal messages for recipients (with
the left-out and why), and recording what was sent as Interactions and in the greeting log."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import logging
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from babel.dates import format_date

from clientdesk.clock import Clock
from clientdesk.errors import NotFoundError, ValidationError
from clientdesk.greetings import rules, whatsapp
from clientdesk.greetings.models import ClientDate, ClientFestivals, GreetingLog, GreetingTemplate, create_indexes
from clientdesk.greetings.occasions import (
    KINDS, PERSONAL_KINDS, Celebrations, ComingUp, CustomDates, FestivalCalendar, Occasion, coming_up, id_in,
    match_occasion, personal, personal_between,
)
from clientdesk.greetings.templates import BUILTINS, DEFAULT_FALLBACKS, FIELD_RE, FIELDS, Rendered, fields_in, render
from clientdesk.models import Client, Consent, Interaction, Phone

log = logging.getLogger(__name__)

SHOP_FIELDS = ("shop_name", "shop_phone")  # merge fields that are the same for every client: set once, in Settings


# How each channel reads on the client's timeline. A cards PDF is only saved (and perhaps printed):
# it never says "sent". The greeting log keeps the channel code ("print"), which the UI words.
CHANNEL_WORDS = {"print": "card PDF saved (printed or to print)", "whatsapp": "whatsapp", "email": "email",
                 "copy": "copy"}


class ShopFieldsMissing(ValidationError):
    """A template uses a shop-wide field (the shop's name, its phone) that Settings leaves empty: every
    message would lack it, so nothing is composed. `fields` lists them; the UI and the command line
    choose the words and say where to set them."""

    code = "shop_fields_missing"

    def __init__(self, fields: Sequence[str]):
        names = " and ".join(f.replace("_", " ") for f in fields)
        super().__init__(fields[0], "missing_shop_field", f"The {names} is not set", fields=tuple(fields))
        self.fields = tuple(fields)


@dataclass
class TemplateData:
    """An editable template (Hindi and English)."""

    name: str
    kind: str
    occasion_key: str = ""
    subject_hi: str = ""
    subject_en: str = ""
    body_hi: str = ""
    body_en: str = ""
    fallbacks: dict[str, str] = field(default_factory=dict)
    builtin: bool = False
    id: int | None = None

    def body(self, language: str) -> str:
        """The body in a language, or the other one when that is empty."""
        return (self.body_hi or self.body_en) if language == "hi" else (self.body_en or self.body_hi)

    def subject(self, language: str) -> str:
        """The email subject in a language, or the other one when that is empty."""
        return (self.subject_hi or self.subject_en) if language == "hi" else (self.subject_en or self.subject_hi)


@dataclass
class Draft:
    """One recipient's message; `unknown` / `empty` list the fields to fix before sending."""

    client_id: int
    name: str
    language: str
    address: str  # E.164 phone (whatsapp, copy), email address (email), "" (print)
    subject: str
    text: str
    values: dict[str, str]
    log_key: str  # the occasion as the cap sees it ("custom:<id>" for a client's own date)
    unknown: tuple[str, ...] = ()
    empty: tuple[str, ...] = ()
    edited: bool = False

    @property
    def flagged(self) -> bool:
        return bool(self.unknown or self.empty)

    def with_text(self, text: str) -> "Draft":
        """The draft after a hand edit: fields left in braces are flagged again."""
        filled = render(text, self.values)
        return dataclasses.replace(self, text=filled.text, unknown=filled.unknown, empty=filled.empty, edited=True)


@dataclass(frozen=True)
class LeftOut:
    client_id: int
    name: str
    reason: str  # one of rules.REASONS or "no_occasion"


@dataclass
class Composition:
    occasion: Occasion
    occasion_on: dt.date
    channel: str
    template_id: int | None
    drafts: list[Draft]
    left_out: list[LeftOut]


@dataclass(frozen=True)
class Recorded:
    logged: tuple[int, ...]
    left_out: tuple[LeftOut, ...]


def _years_text(years: int | None, language: str) -> str:
    if not years or years < 1:
        return ""
    if language == "hi":
        return f"{years} वर्ष"
    return "1 year" if years == 1 else f"{years} years"


# an honorific as written in the client's record -> (Hindi, English): a message uses its own language's word
_HONORIFICS = {
    "shri": ("श्री", "Shri"), "shree": ("श्री", "Shri"), "sri": ("श्री", "Shri"), "mr": ("श्री", "Mr"),
    "smt": ("श्रीमती", "Smt."), "mrs": ("श्रीमती", "Mrs"), "ms": ("सुश्री", "Ms"), "kumari": ("कुमारी", "Kumari"),
    "km": ("कुमारी", "Kumari"), "miss": ("सुश्री", "Miss"), "dr": ("डॉ.", "Dr"),
    "श्री": ("श्री", "Shri"), "श्रीमती": ("श्रीमती", "Smt."), "सुश्री": ("सुश्री", "Ms"), "कुमारी": ("कुमारी", "Kumari"),
    "डॉ": ("डॉ.", "Dr"), "डॉक्टर": ("डॉ.", "Dr"),
}


def honorific_in(honorific: str, language: str) -> str:
    """The client's honorific in the message's language (Smt. -> श्रीमती in Hindi, श्री -> Shri in
    English); one the table does not know is kept as the shop wrote it."""
    key = (honorific or "").strip().rstrip(".").strip().lower()
    words = _HONORIFICS.get(key)
    if words is None:
        return (honorific or "").strip()
    return words[0] if language == "hi" else words[1]


def _is_devanagari(text: str) -> bool:
    return any("\u0900" <= ch <= "\u097f" for ch in text)


def name_in(name: str, other: str, language: str) -> str:
    """The name in the script of the message's language when the shop gave it in both scripts:
    a Hindi message uses the Devanagari one, an English message the Latin one."""
    if other and _is_devanagari(name) != (language == "hi") and _is_devanagari(other) == (language == "hi"):
        return other
    return name


def _father_line(honorific_relation: str, gender: str, father: str, language: str) -> str:
    if not father:
        return ""
    if honorific_relation == "husband":
        return f"पत्नी {father}" if language == "hi" else f"W/o {father}"
    if gender == "female":
        return f"पुत्री {father}" if language == "hi" else f"D/o {father}"
    return f"पुत्र {father}" if language == "hi" else f"S/o {father}"


class GreetingService:
    """Everything the Greetings page and the `occasions` / `greet` commands need."""

    def __init__(self, db, settings, clients, history, clock: Clock | None = None, loyalty=None):
        self.db = db
        self.settings = settings
        self.clients = clients
        self.history = history
        self.clock = clock or Clock()
        self.loyalty = loyalty  # desk.loyalty: summary(client_id) -> LoyaltySummary, when that area exists
        self.calendar = FestivalCalendar(db, settings)
        self.celebrations = Celebrations(db, settings)
        self.custom_dates = CustomDates(db)
        clients.merge_hooks.append(self._on_merge)
        self.ensure_builtins()

    # ----- occasions ------------------------------------------------------------------------------
    def coming_up(self, days: int | None = None, today: dt.date | None = None) -> ComingUp:
        """Occasions from today: the next 7 days and the rest of this month (or `days` days)."""
        return coming_up(self.calendar, self.celebrations, today or self.clock.today(), days)

    def resolve(self, name: str, on: dt.date | None = None) -> tuple[Occasion, dt.date]:
        """An occasion from a typed name (`birthday`, `anniversary`, `first-purchase`, `founded`,
        `custom`, a festival in English or Hindi) and its date: `on` itself for personal occasions,
        the festival's next date on or after `on`."""
        on = on or self.clock.today()
        what, kind_or_key = match_occasion(name, lambda: self.calendar.known(on))
        if what == "personal":
            return personal(kind_or_key), on
        day = self.calendar.next_of(kind_or_key, on)
        if day is None:
            raise ValidationError("occasion", "invalid", f"{name!r} is not in the calendar in the coming year")
        return day.occasion, day.date

    def recipients(self, occasion: Occasion, on: dt.date) -> list[int]:
        """The clients an occasion concerns on a date (festivals: everyone who celebrates it)."""
        if occasion.kind == "festival":
            return self.celebrations.client_ids(occasion.key)
        if occasion.kind == "any":
            return []
        return sorted({h.client_id for h in personal_between(on, on, [occasion.kind])})

    # ----- templates ----------------------------------------------------------------------------------
    def ensure_builtins(self) -> None:
        """Add any built-in template missing from the database (edited ones are kept), and the
        Coming up indexes to a database made before they existed."""
        with self.db.atomic():
            create_indexes(self.db)
            have = {c for (c,) in GreetingTemplate.select(GreetingTemplate.code)
                    .where(GreetingTemplate.code.is_null(False)).tuples()}
            for b in BUILTINS:
                if b.code not in have:
                    GreetingTemplate.create(code=b.code, name=b.name, kind=b.kind, occasion_key=b.occasion_key,
                                            subject_hi=b.subject_hi, subject_en=b.subject_en, body_hi=b.body_hi,
                                            body_en=b.body_en, fallbacks=json.dumps(DEFAULT_FALLBACKS), builtin=True)

    @staticmethod
    def _template(row: GreetingTemplate) -> TemplateData:
        return TemplateData(row.name, row.kind, row.occasion_key, row.subject_hi, row.subject_en, row.body_hi,
                            row.body_en, json.loads(row.fallbacks or "{}"), row.builtin, row.id)

    def templates(self, kind: str | None = None) -> list[TemplateData]:
        """Templates (of one kind, when given), built-ins first."""
        query = GreetingTemplate.select().order_by(GreetingTemplate.builtin.desc(), GreetingTemplate.kind,
                                                   GreetingTemplate.name, GreetingTemplate.id)
        if kind:
            query = query.where(GreetingTemplate.kind == kind)
        return [self._template(r) for r in query]

    def template(self, template_id: int) -> TemplateData:
        """One template by id."""
        row = GreetingTemplate.get_or_none(GreetingTemplate.id == template_id)
        if row is None:
            raise NotFoundError(f"There is no template #{template_id}")
        return self._template(row)

    def save_template(self, data: TemplateData) -> int:
        """Create or update a template; returns its id."""
        if not data.name.strip():
            raise ValidationError("name", "empty", "Give the template a name")
        if data.kind not in KINDS:
            raise ValidationError("kind", "invalid", f"Unknown occasion kind {data.kind}")
        if not (data.body_hi.strip() or data.body_en.strip()):
            raise ValidationError("body", "empty", "Write the message in Hindi or English")
        unknown = [f for f in fields_in(data.body_hi + data.body_en + data.subject_hi + data.subject_en)
                   if f not in FIELDS]
        if unknown:
            raise ValidationError("body", "unknown_field", f"Unknown field {{{unknown[0]}}}", fields=unknown)
        values = dict(name=data.name.strip(), kind=data.kind, occasion_key=data.occasion_key, subject_hi=data.subject_hi,
                      subject_en=data.subject_en, body_hi=data.body_hi, body_en=data.body_en,
                      fallbacks=json.dumps(data.fallbacks, ensure_ascii=False))
        with self.db.atomic():
            if data.id is None:
                return GreetingTemplate.create(**values).id
            if not GreetingTemplate.update(**values).where(GreetingTemplate.id == data.id).execute():
                raise NotFoundError(f"There is no template #{data.id}")
            return data.id

    def delete_template(self, template_id: int) -> None:
        """Delete a template of the user's; a built-in one is restored to its original text instead."""
        with self.db.atomic():
            row = GreetingTemplate.get_or_none(GreetingTemplate.id == template_id)
            if row is None:
                raise NotFoundError(f"There is no template #{template_id}")
            row.delete_instance()
        self.ensure_builtins()

    def template_for(self, occasion: Occasion) -> TemplateData:
        """The template to start from: one for this very festival, else one for its kind."""
        candidates = self.templates(occasion.kind)
        for t in candidates:
            if occasion.kind == "festival" and t.occasion_key == occasion.key:
                return t
        for t in candidates:
            if not t.occasion_key:
                return t
        return candidates[0] if candidates else self.templates("festival")[0]

    # ----- merge values ----------------------------------------------------------------------------
    LOYALTY_FIELDS = ("points", "tier", "reward_due")

    def _loyalty_values(self, client_id: int) -> dict[str, str]:
        """{points} {tier} {reward_due} from desk.loyalty.summary(); empty for a non-member."""
        if self.loyalty is None:
            return {}
        summary = self.loyalty.summary(client_id)
        if not getattr(summary, "member", True):
            return {}
        return {"points": str(summary.points),
                "tier": getattr(summary, "tier_name", "") or str(summary.tier or ""),
                "reward_due": (summary.reward_text or "") if summary.rewards_due else ""}

    def missing_shop_fields(self, template: "TemplateData") -> tuple[str, ...]:
        """The shop-wide fields a template uses (without a fallback) that Settings leaves empty."""
        shop = self._shop()
        missing: list[str] = []
        for text in (template.subject_hi, template.subject_en, template.body_hi, template.body_en):
            for match in FIELD_RE.finditer(text or ""):
                name, inline = match.group(1), match.group(2)
                if (name in SHOP_FIELDS and not shop[name] and inline is None
                        and name not in template.fallbacks and name not in missing):  # as render() sees it
                    missing.append(name)
        return tuple(sorted(missing, key=SHOP_FIELDS.index))

    def check_shop_fields(self, occasion: Occasion, template_id: int | None = None) -> None:
        """Raise ShopFieldsMissing when the template for this occasion (or `template_id`) needs a
        shop-wide field that is not set; to be asked before composing, so the shop hears it once
        instead of seeing every client left out for the same reason."""
        template = self.template(template_id) if template_id is not None else self.template_for(occasion)
        missing = self.missing_shop_fields(template)
        if missing:
            raise ShopFieldsMissing(missing)

    def _shop(self) -> dict[str, str]:
        return {"shop_name": self.settings.get("shop_name") or "", "shop_phone": self.settings.get("shop_phone") or ""}

    @functools.lru_cache(maxsize=64)
    def _date_text(self, on: dt.date, language: str) -> str:
        return format_date(on, "d MMMM", locale="hi_IN" if language == "hi" else "en_IN")

    def _values(self, row: dict, occasion: Occasion, occasion_on: dt.date, language: str, years: int | None,
                label: str, with_loyalty: bool = True, shop: dict[str, str] | None = None) -> dict[str, str]:
        first_purchase = row["first_purchase_on"]
        with_us = None
        if occasion.kind == "first_purchase":
            with_us = years
        elif first_purchase is not None:
            with_us = occasion_on.year - first_purchase.year - (
                1 if (occasion_on.month, occasion_on.day) < (first_purchase.month, first_purchase.day) else 0)
        name = name_in(row["name"], row["name_other"], language)
        father = name_in(row["father_name"], row["father_name_other"], language)
        values = {
            "honorific": honorific_in(row["honorific"], language), "name": name, "first_name": (name.split() or [""])[0],
            "father_name": father,
            "father_line": _father_line(row["father_relation"], row["gender"], father, language),
            "business_name": row["business_name"], "city": row["postal_city"],
            **(shop or self._shop()),
            "occasion": label or occasion.name(language), "date": self._date_text(occasion_on, language),
            "years": str(years) if years and occasion.kind in ("anniversary", "founded", "custom") else "",
            "years_with_us": _years_text(with_us, language),
        }
        if with_loyalty:
            values.update(self._loyalty_values(row["id"]))
        return values

    def preview(self, template: TemplateData, client_id: int, occasion: Occasion,
                occasion_on: dt.date | None = None) -> dict[str, tuple[Rendered, Rendered]]:
        """Live preview: {language: (subject, body)} of a template for one real client."""
        occasion_on = occasion_on or self.clock.today()
        row = self._rows([client_id]).get(client_id)
        if row is None:
            raise NotFoundError(f"There is no client #{client_id}")
        hits = {h.client_id: h for h in personal_between(occasion_on, occasion_on, [occasion.kind], [client_id])} \
            if occasion.kind in PERSONAL_KINDS else {}
        hit = hits.get(client_id)
        result = {}
        for language in ("hi", "en"):
            values = self._values(row, occasion, occasion_on, language, hit.years if hit else None,
                                  hit.label if hit else "")
            fallbacks = template.fallbacks
            result[language] = (render(template.subject(language), values, fallbacks),
                                render(template.body(language), values, fallbacks))
        return result

    # ----- composing ---------------------------------------------------------------------------------
    _ROW_FIELDS = ("id", "name", "honorific", "father_name", "father_relation", "gender", "business_name",
                   "name_other", "father_name_other", "postal_city", "language", "archived", "erased", "birth_day", "birth_month", "birth_year",
                   "email", "first_purchase_on")

    def _rows(self, ids: Sequence[int]) -> dict[int, dict]:
        fields = [getattr(Client, f) for f in self._ROW_FIELDS]
        rows: dict[int, dict] = {}
        for values in Client.select(*fields).where(id_in(Client.id, ids)).tuples():
            row = dict(zip(self._ROW_FIELDS, values))
            rows[row["id"]] = row
        return rows

    def _consents(self, ids: Sequence[int], channel: str) -> dict[int, tuple[bool, bool]]:
        consent_channel = rules.CONSENT_CHANNEL[channel]
        found: dict[int, tuple[bool, bool]] = {}
        query = (Consent.select(Consent.client, Consent.granted, Consent.guardian)
                 .where(id_in(Consent.client, ids), Consent.channel == consent_channel).tuples())
        found.update({cid: (bool(g), bool(guardian)) for cid, g, guardian in query})
        return found

    def _phones(self, ids: Sequence[int]) -> dict[int, str]:
        """The number to message: the WhatsApp one, else the primary, else the first mobile."""
        best: dict[int, tuple[int, str]] = {}
        query = (Phone.select(Phone.client, Phone.number, Phone.is_whatsapp, Phone.is_primary)
                 .where(id_in(Phone.client, ids)).order_by(Phone.id).tuples())
        for cid, number, is_wa, is_primary in query:
            if not whatsapp.is_mobile(number):
                continue
            rank = 0 if is_wa else (1 if is_primary else 2)
            if cid not in best or rank < best[cid][0]:
                best[cid] = (rank, number)
        return {cid: number for cid, (_, number) in best.items()}

    def _history(self, ids: Sequence[int], today: dt.date) -> dict[int, list[rules.Sent]]:
        since = dt.datetime.combine(today - dt.timedelta(days=400), dt.time())
        found: dict[int, list[rules.Sent]] = {}
        query = (GreetingLog.select(GreetingLog.client, GreetingLog.at, GreetingLog.occasion_key,
                                    GreetingLog.occasion_on)
                 .where(id_in(GreetingLog.client, ids), GreetingLog.at >= since).tuples())
        for cid, at, key, occasion_on in query:
            found.setdefault(cid, []).append(rules.Sent(at.date(), key, occasion_on))
        return found

    def compose(self, occasion: Occasion, occasion_on: dt.date, client_ids: Iterable[int], channel: str,
                template_id: int | None = None) -> Composition:
        """Each recipient's message for a channel, and who is left out and why (the rules apply here)."""
        if channel not in rules.CHANNELS:
            raise ValidationError("channel", "invalid", f"Unknown channel {channel}")
        ids = list(dict.fromkeys(int(i) for i in client_ids))
        template = self.template(template_id) if template_id is not None else self.template_for(occasion)
        today = self.clock.today()
        caps = rules.Caps.from_settings(self.settings)
        rows = self._rows(ids)
        consents = self._consents(ids, channel)
        phones = self._phones(ids) if channel in ("whatsapp", "copy") else {}
        history = self._history(ids, today)
        hits = {}
        if occasion.kind in PERSONAL_KINDS:
            for hit in personal_between(occasion_on, occasion_on, [occasion.kind], ids):
                hits.setdefault(hit.client_id, hit)
        celebrating = set(self.celebrations.client_ids(occasion.key, ids)) if occasion.kind == "festival" else None
        texts = template.body_hi + template.body_en + template.subject_hi + template.subject_en
        with_loyalty = any(f in self.LOYALTY_FIELDS for f in fields_in(texts))
        shop = self._shop()
        drafts, left_out = [], []
        for cid in ids:
            row = rows.get(cid)
            if row is None:
                left_out.append(LeftOut(cid, "", "not_found"))
                continue
            hit = hits.get(cid)
            log_key = occasion.key if occasion.kind != "any" else ""
            if hit is not None and occasion.kind == "custom":
                log_key = f"custom:{hit.ref}"
            reason = self._reason(row, occasion, hit, celebrating, consents.get(cid, (False, False)), channel,
                                  phones, history.get(cid, []), today, log_key, occasion_on, caps)
            if reason:
                left_out.append(LeftOut(cid, row["name"], reason))
                continue
            language = row["language"] if row["language"] in ("hi", "en") else "hi"
            values = self._values(row, occasion, occasion_on, language, hit.years if hit else None,
                                  hit.label if hit else "", with_loyalty, shop)
            body = render(template.body(language), values, template.fallbacks)
            subject = render(template.subject(language), values, template.fallbacks)
            address = {"email": row["email"] or "", "whatsapp": phones.get(cid, ""), "copy": phones.get(cid, "")}.get(channel, "")
            drafts.append(Draft(cid, row["name"], language, address, subject.text, body.text, values, log_key,
                                tuple(dict.fromkeys(body.unknown + subject.unknown)),
                                tuple(dict.fromkeys(body.empty + subject.empty))))
        return Composition(occasion, occasion_on, channel, template.id, drafts, left_out)

    @staticmethod
    def _reason(row, occasion, hit, celebrating, consent, channel, phones, history, today, log_key, occasion_on,
                caps) -> str | None:
        if row["erased"]:
            return "erased"
        if row["archived"]:
            return "archived"
        if occasion.kind in PERSONAL_KINDS and hit is None:
            return "no_occasion"
        if celebrating is not None and row["id"] not in celebrating:
            return "not_celebrated"
        minor = rules.is_minor(row["birth_year"], row["birth_month"], row["birth_day"], today)
        reason = rules.consent_reason(consent[0], consent[1], minor)
        if reason:
            return reason
        if channel in ("whatsapp", "copy") and row["id"] not in phones:
            return "no_phone"
        if channel == "email" and not row["email"]:
            return "no_email"
        return rules.cap_reason(history, today, log_key, occasion_on, caps)

    # ----- recording -----------------------------------------------------------------------------------
    def record(self, composition: Composition, drafts: Iterable[Draft] | None = None) -> Recorded:
        """Log the given drafts (default: all) as sent: a GreetingLog row and an Interaction each.

        The rules are checked again inside the transaction, so a double click or a second window
        cannot greet anyone twice.
        """
        drafts = list(composition.drafts if drafts is None else drafts)
        ids = [d.client_id for d in drafts]
        now = self.clock.now()
        today = now.date()
        caps = rules.Caps.from_settings(self.settings)
        template_name = self.template(composition.template_id).name if composition.template_id else ""
        logged, left_out = [], []
        with self.db.atomic():
            history = self._history(ids, today)
            consents = self._consents(ids, composition.channel)
            for draft in drafts:
                granted, _ = consents.get(draft.client_id, (False, False))
                reason = "no_consent" if not granted else rules.cap_reason(
                    history.get(draft.client_id, []), today, draft.log_key, composition.occasion_on, caps)
                if reason:
                    left_out.append(LeftOut(draft.client_id, draft.name, reason))
                    continue
                occasion_label = draft.values.get("occasion") or composition.occasion.name(draft.language)
                how = CHANNEL_WORDS.get(composition.channel, composition.channel)
                summary = f"{occasion_label} · {how} · {template_name}\n{draft.text}".strip()
                interaction = Interaction.create(client=draft.client_id, at=now,
                                                 channel=rules.INTERACTION_CHANNEL[composition.channel],
                                                 direction="out", summary=summary, kind="greeting")
                GreetingLog.create(client=draft.client_id, at=now, channel=composition.channel,
                                   occasion_key=draft.log_key, occasion_on=composition.occasion_on,
                                   template=composition.template_id, interaction=interaction.id)
                history.setdefault(draft.client_id, []).append(
                    rules.Sent(today, draft.log_key, composition.occasion_on))
                logged.append(draft.client_id)
        return Recorded(tuple(logged), tuple(left_out))

    def last_greetings(self, client_id: int, limit: int = 20) -> list[tuple[dt.datetime, str, str]]:
        """(when, channel, occasion key) of a client's latest greetings."""
        return [(r.at, r.channel, r.occasion_key) for r in GreetingLog.select().where(GreetingLog.client == client_id)
                .order_by(GreetingLog.at.desc()).limit(limit)]

    # ----- consent ----------------------------------------------------------------------------------------
    def withdraw_consent(self, client_id: int, note: str = "") -> None:
        """Withdraw every marketing consent of a client in one action and note it on their timeline."""
        with self.db.atomic():
            if not self.clients.exists(client_id):
                raise NotFoundError(f"There is no client #{client_id}")
            self.clients.withdraw_all_consent(client_id, note=note)
            Interaction.create(client=client_id, at=self.clock.now(), channel="other", direction="in",
                               summary=("Consent withdrawn on every channel. " + note).strip(), kind="consent")

    # ----- merge ------------------------------------------------------------------------------------------
    def _on_merge(self, keep_id: int, other_id: int) -> None:
        GreetingLog.update(client=keep_id).where(GreetingLog.client == other_id).execute()
        ClientDate.update(client=keep_id).where(ClientDate.client == other_id).execute()
        if ClientFestivals.select().where(ClientFestivals.client == keep_id).exists():
            ClientFestivals.delete().where(ClientFestivals.client == other_id).execute()
        else:
            ClientFestivals.update(client=keep_id).where(ClientFestivals.client == other_id).execute()
