"""Which row holds the headers and which column is which field, from English and Hindi
headers and their usual variants; a mapping the user confirmed is remembered per header set."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field

from clientdesk.importing.footers import footer_rows, row_text
from clientdesk.importing.readers import PROBLEM_FIELD, RawTable, cell_text, is_blank

# Field codes per import kind, in the order the wizard lists them. The UI gives them words.
CLIENT_FIELDS = (
    "name", "first_name", "middle_name", "last_name", "honorific", "father_name", "phone", "email",
    "business_name", "gstin", "address", "city", "state", "pin", "birthday", "anniversary", "tags", "notes",
    "opening_points",
)
PURCHASE_FIELDS = ("bill_no", "date", "phone", "name", "item", "category", "qty", "rate", "amount")
FIELDS = {"clients": CLIENT_FIELDS, "purchases": PURCHASE_FIELDS}
# Fields that several columns may feed (their values are joined): phones and Google's numbered columns.
MULTI_FIELDS = {"phone", "email", "tags", "notes", "address"}

_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("name", "party name", "customer name", "client name", "full name", "customer", "party",
             "contact name", "customer s name", "party s name", "display name", "naam", "नाम", "ग्राहक का नाम",
             "ग्राहक", "ग्राहक नाम", "पार्टी", "पार्टी का नाम", "पार्टी नाम", "नाम ग्राहक", "buyer", "buyer name"),
    "first_name": ("first name", "given name", "पहला नाम"),
    "middle_name": ("middle name", "additional name"),
    "last_name": ("last name", "family name", "surname", "उपनाम"),
    "honorific": ("title", "salutation", "honorific", "prefix", "name prefix", "संबोधन"),
    "father_name": ("father s name", "father name", "fathers name", "father husband name", "father husband s name",
                    "s o", "s o w o", "guardian name", "पिता का नाम", "पिता", "पिता पति का नाम", "पिता का नाम पति का नाम"),
    "phone": ("phone", "phones", "mobile", "mobile no", "mobile number", "mobile nos", "phone no", "phone number",
              "contact", "contact no", "contact number", "mob", "mob no", "cell", "cell no", "whatsapp",
              "whatsapp no", "whatsapp number", "telephone", "tel", "other phones", "other phone", "primary phone",
              "alternate mobile", "alternate phone", "customer mobile", "customer phone", "party mobile",
              "मोबाइल", "मोबाइल नंबर", "मोबाइल नं", "मोबाइल न", "फोन", "फ़ोन", "फोन नंबर", "फ़ोन नंबर", "फोन नं", "संपर्क",
              "संपर्क नंबर", "अन्य फ़ोन", "अन्य फोन", "मोबाइल नंबर ग्राहक"),
    "email": ("email", "e mail", "email id", "e mail id", "email address", "e mail address", "mail", "mail id",
              "ईमेल", "ई मेल", "ईमेल आईडी"),
    "business_name": ("business", "business name", "firm", "firm name", "company", "company name", "shop",
                      "shop name", "organization", "organisation", "organization name", "organization 1 name",
                      "फर्म", "फर्म का नाम", "दुकान", "दुकान का नाम", "व्यवसाय", "व्यापार", "कंपनी"),
    "gstin": ("gstin", "gst", "gst no", "gst number", "gstin no", "gstin uin", "gstin number", "gst in",
              "जीएसटी", "जीएसटीआईएन", "जीएसटी नंबर"),
    "address": ("address", "address line", "postal address", "addr", "address 1 formatted", "address 1 street",
                "street", "पता", "पूरा पता"),
    "city": ("city", "town", "village", "address 1 city", "शहर", "नगर", "गांव", "गाँव"),
    "state": ("state", "address 1 region", "region", "राज्य", "प्रदेश"),
    "pin": ("pin", "pincode", "pin code", "postal code", "post code", "zip", "zip code",
            "address 1 postal code", "पिन", "पिन कोड", "पिनकोड"),
    "birthday": ("date of birth", "dob", "d o b", "birthday", "birth date", "birth day", "bday",
                 "जन्मतिथि", "जन्म तिथि", "जन्मदिन", "जन्म दिनांक", "जन्म तारीख"),
    "anniversary": ("anniversary", "wedding anniversary", "marriage anniversary", "anniversary date",
                    "सालगिरह", "शादी की सालगिरह", "वर्षगांठ", "विवाह वर्षगांठ"),
    "tags": ("tags", "tag", "groups", "labels", "group membership", "टैग", "समूह"),
    "notes": ("notes", "note", "remarks", "remark", "comments", "comment", "टिप्पणी", "नोट", "विवरण"),
    "opening_points": ("opening points", "loyalty points", "points", "reward points", "पॉइंट्स", "पॉइंट",
                       "अंक", "लॉयल्टी पॉइंट्स"),
    "bill_no": ("bill no", "bill number", "bill", "invoice", "invoice no", "invoice number", "voucher no",
                "voucher number", "receipt no", "बिल नं", "बिल नंबर", "बिल संख्या", "बिल", "रसीद नं"),
    "date": ("date", "bill date", "invoice date", "voucher date", "दिनांक", "तारीख", "तिथि", "बिल दिनांक"),
    "item": ("item", "item name", "product", "product name", "description", "particulars", "goods",
             "सामान", "वस्तु", "आइटम", "माल", "विवरण माल"),
    "category": ("category", "item category", "group", "department", "श्रेणी", "वर्ग"),
    "qty": ("qty", "quantity", "pcs", "nos", "units", "मात्रा", "नग"),
    "rate": ("rate", "price", "unit price", "mrp", "दर", "भाव"),
    "amount": ("amount", "total", "value", "net amount", "line amount", "line total", "amount rs", "amt",
               "राशि", "रकम", "कुल राशि"),
}
# Hindi headers written in Latin letters, as shops type them: looked up like the Devanagari ones
# (case, dots and spaces folded: "Mobile No." = "mobile no" = "MobileNo").
_LATIN_HINDI: dict[str, tuple[str, ...]] = {
    "name": ("naam", "nam", "grahak", "graahak", "grahak ka naam", "grahak ka nam", "graahak ka naam",
             "grahak naam", "party ka naam", "party ka nam", "customer ka naam", "pura naam", "poora naam"),
    "first_name": ("pehla naam", "pahla naam"),
    "last_name": ("upnaam", "upnam", "kulnaam"),
    "honorific": ("sambodhan",),
    "father_name": ("pita ka naam", "pita ka nam", "pitaji ka naam", "pitaji ka nam", "pita ji ka naam",
                    "pita ji ka nam", "pita", "pitaji", "pita ji", "pita pati ka naam", "pita ya pati ka naam",
                    "pati ka naam", "walid ka naam", "vald", "wald"),
    "phone": ("mobile no", "mobile number", "mobile num", "mobile nambar", "mobile nomber", "mob", "mob no",
              "mob number", "mo no", "phone no", "phone nambar", "fon", "fon no", "fone", "fone no",
              "mobail", "mobail no", "mobail nambar"),
    "email": ("email id", "e mail id", "emel", "email aaidi", "email aidi"),
    "business_name": ("dukaan", "dukan", "dookan", "dukaan ka naam", "dukan ka naam", "dukaan naam", "dukan naam",
                      "firm ka naam", "firm ka nam", "farm ka naam", "farm", "pharm ka naam", "company ka naam",
                      "vyapar", "vyaapar", "vyavsay", "vyavasay", "karobar", "pratishthan", "sanstha"),
    "address": ("pata", "patta", "pura pata", "poora pata", "ghar ka pata", "address pata"),
    "city": ("shahar", "shehar", "sahar", "shahr", "nagar", "gaon", "gaanv", "gaav", "gav", "gram", "kasba",
             "shahar gaon", "gaon shahar"),
    "state": ("rajya", "raajya", "pradesh", "pradesh rajya"),
    "pin": ("pin kod", "pinkod", "dak pin"),
    "birthday": ("janam din", "janamdin", "janm din", "janmdin", "janamdivas", "janam divas", "janm tithi",
                 "janmtithi", "janam tithi", "janamtithi", "janm tarikh", "janam tarikh", "janm taarikh",
                 "janam taarikh", "janm dinank", "janam dinank", "janamdinank", "paidaish", "paidaish ki tarikh",
                 "janm ki tarikh", "janam ki tarikh"),
    "anniversary": ("saalgirah", "salgirah", "saalgira", "salgira", "saalgirha", "salgirha", "shaadi ki saalgirah",
                    "shadi ki salgirah", "shaadi ki salgirah", "shadi ki saalgirah", "vivah varshganth",
                    "varshganth", "varshgaanth", "shaadi ki tarikh", "shadi ki tarikh", "vivah tithi",
                    "shaadi", "shadi"),
    "tags": ("samooh", "samuh", "group ka naam"),
    "notes": ("tippani", "tipani", "vivran", "vivaran", "nots"),
    "opening_points": ("ank", "ankh", "points ank"),
    "bill_no": ("bill sankhya", "bill nambar", "bill kramank", "raseed no", "rasid no", "raseed nambar"),
    "date": ("tarikh", "taarikh", "dinank", "tithi", "bill tarikh", "bill dinank"),
    "item": ("saman", "samaan", "vastu", "maal", "mal"),
    "category": ("shreni", "varg"),
    "qty": ("matra", "maatra", "nag", "ginti"),
    "rate": ("dar", "bhav", "bhaav", "daam", "dam"),
    "amount": ("rashi", "raashi", "rakam", "kul rashi", "kul raashi", "kul rakam", "rupaye", "rupay"),
}
for _field, _names in _LATIN_HINDI.items():
    _ALIASES[_field] = _ALIASES[_field] + tuple(n for n in _names if n not in _ALIASES[_field])

_PATTERNS = (
    (re.compile(r"^phone \d+ value$"), "phone"),
    (re.compile(r"^e ?mail \d+ value$"), "email"),
    (re.compile(r"^address \d+ formatted$"), "address"),
    (re.compile(r"^address \d+ city$"), "city"),
    (re.compile(r"^address \d+ region$"), "state"),
    (re.compile(r"^address \d+ postal code$"), "pin"),
    (re.compile(r"^organi[sz]ation \d+ name$"), "business_name"),
)
# Headers ClientDesk's own export writes that are figures, not fields to import.
_IGNORED = {"status", "total spent", "last visit", "स्थिति", "कुल ख़र्च", "कुल खर्च", "आख़िरी मुलाक़ात", "आखिरी मुलाकात",
            "visits", "id"}

FOOTER_REASON = "footer"  # the reason code of a totals row at the end of the sheet (data_problems)

_IGNORED_COMPACT = {h.replace(" ", "") for h in _IGNORED}

_PUNCT = re.compile(r"[.,:;'’\"\-_/\\()#?*।|&+]+")


def normalize_header(value) -> str:
    """Lower-cased header with punctuation turned into spaces ("Mobile No." → "mobile no")."""
    text = unicodedata.normalize("NFC", cell_text(value)).casefold()
    text = _PUNCT.sub(" ", text)
    return " ".join(text.split())


_LOOKUP: dict[str, str] = {}
for _field, _names in _ALIASES.items():
    for _alias in _names:
        _LOOKUP.setdefault(normalize_header(_alias), _field)
# The same headers with the spaces taken out ("MobileNo", "JanamDin", "PitaKaNaam"): a header
# that does not match as written is looked up here.
_COMPACT: dict[str, str] = {}
for _key, _field in _LOOKUP.items():
    _COMPACT.setdefault(_key.replace(" ", ""), _field)


def field_for_header(header, kind: str = "clients") -> str | None:
    """The field a header names for this import kind, or None."""
    key = normalize_header(header)
    if not key or key in _IGNORED:
        return None
    allowed = FIELDS[kind]
    found = _LOOKUP.get(key)
    if found is None and key.replace(" ", "") not in _IGNORED_COMPACT:
        found = _COMPACT.get(key.replace(" ", ""))
    if found is None:
        found = next((f for pattern, f in _PATTERNS if pattern.match(key)), None)
    if found is None and kind == "purchases" and key in ("customer", "party"):
        found = "name"
    if found is None:
        return None
    if kind == "purchases" and found == "business_name":
        found = "name"
    return found if found in allowed else None


def find_header_row(rows: list[list], kind: str = "clients", scan: int = 30) -> int:
    """Index of the header row: the one among the first `scan` rows that names the most fields
    (title rows and merged banner cells above it score nothing). -1 if the file has no rows."""
    best, best_score = -1, 0
    for index, row in enumerate(rows[:scan]):
        score = len({f for f in (field_for_header(c, kind) for c in row if isinstance(c, str)) if f})
        if score > best_score:
            best, best_score = index, score
    if best >= 0:
        return best
    return next((i for i, row in enumerate(rows) if not is_blank(row)), -1)


def auto_mapping(headers: list, kind: str = "clients") -> list[str | None]:
    """One field (or None) per column; a single-valued field goes to its first column only."""
    used: set[str] = set()
    mapping: list[str | None] = []
    for header in headers:
        field = field_for_header(header, kind)
        if field and field in used and field not in MULTI_FIELDS:
            field = None
        if field:
            used.add(field)
        mapping.append(field)
    return mapping


@dataclass
class SourceTable:
    """A file's rows split into the header row and the data rows below it. The totals rows at its
    end (footers.py) stay data rows, holding only their label, so the import counts them as totals
    rows whatever the other cells hold; data_problems says which they were and why."""

    raw: RawTable
    header_index: int
    headers: list[str]
    footers: dict[int, int] = field(default_factory=dict)  # index in raw.rows -> column of its label

    @property
    def data_rows(self) -> list[list]:
        rows = self.raw.rows[self.header_index + 1:]
        first = self.header_index + 1
        for index, column in self.footers.items():
            rows[index - first] = [None] * column + [self.raw.rows[index][column]]
        return rows

    def sheet_row_number(self, data_index: int) -> int:
        """1-based row number in the file of a data row, as Excel shows it."""
        return self.header_index + 2 + data_index

    def data_problems(self) -> dict[int, list[tuple[int, str, str, str]]]:
        """What the reader repaired or could not read, by data row index: (row number, field, reason,
        message); the field is readers.PROBLEM_FIELD (the problem is in the file, not in a value).
        Problems in the header row or above it go with the first data row, under their own row
        number, so they reach the preview, the report and the JSON like every other problem."""
        first = self.header_index + 1
        found: dict[int, list[tuple[int, str, str, str]]] = {}
        for index in sorted(self.raw.problems):
            for reason, message in self.raw.problems[index]:
                found.setdefault(max(index - first, 0), []).append((index + 1, PROBLEM_FIELD, reason, message))
        for index in sorted(self.footers):
            found.setdefault(index - first, []).append(
                (index + 1, PROBLEM_FIELD, FOOTER_REASON,
                 f"A totals row at the end of the sheet ({row_text(self.raw.rows[index])}): skipped, not imported"))
        return found


def source_table(raw: RawTable, kind: str = "clients") -> SourceTable:
    """Find the header row of `raw` and keep the header texts (blank headers become Column N)."""
    index = find_header_row(raw.rows, kind)
    width = max((len(r) for r in raw.rows), default=0)
    header_cells = raw.rows[index] if index >= 0 else []
    headers = [cell_text(header_cells[i]) if i < len(header_cells) else "" for i in range(width)]
    headers = [h or f"Column {i + 1}" for i, h in enumerate(headers)]
    return SourceTable(raw, index, headers, footer_rows(raw.rows, index + 1) if index >= 0 else {})


def header_key(headers: list[str], kind: str) -> str:
    """Settings key under which the mapping of this exact header set is remembered."""
    digest = hashlib.sha1(json.dumps([kind] + [normalize_header(h) for h in headers],
                                     ensure_ascii=False).encode("utf-8")).hexdigest()[:16]
    return f"import.mapping.{digest}"


class MappingMemory:
    """Remembers the mapping a user confirmed for a header set, in the settings table."""

    def __init__(self, settings):
        self.settings = settings

    def suggest(self, headers: list[str], kind: str) -> list[str | None]:
        """The remembered mapping for these headers, else the automatic one."""
        remembered = self.settings.get(header_key(headers, kind))
        allowed = set(FIELDS[kind])
        if isinstance(remembered, list) and len(remembered) == len(headers):
            return [f if f in allowed else None for f in remembered]
        return auto_mapping(headers, kind)

    def remember(self, headers: list[str], kind: str, mapping: list[str | None]) -> None:
        self.settings.set(header_key(headers, kind), list(mapping))
