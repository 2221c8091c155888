"""Column headers and value words of exported files, in English and Hindi.

These are data written into a file (the header-language code is chosen by the UI), not UI
strings; the client headers are ones the importer recognises, so an export imports back."""

from __future__ import annotations

LANGUAGES = ("en", "hi")

CLIENT_COLUMNS = ("name", "father_name", "phone", "other_phones", "email", "business_name", "gstin", "address",
                  "city", "state", "pin", "birthday", "anniversary", "status", "tags", "total_spent", "last_visit",
                  "notes")
PURCHASE_COLUMNS = ("date", "bill_no", "name", "phone", "item", "category", "qty", "amount", "branch", "counter")
INTERACTION_COLUMNS = ("at", "name", "phone", "channel", "direction", "summary", "kind")

HEADERS: dict[str, dict[str, str]] = {
    "en": {
        "name": "Name", "father_name": "Father's name", "phone": "Phone", "other_phones": "Other phones",
        "email": "Email", "business_name": "Business", "gstin": "GSTIN", "address": "Address", "city": "City",
        "state": "State", "pin": "PIN", "birthday": "Birthday", "anniversary": "Anniversary", "status": "Status",
        "tags": "Tags", "total_spent": "Total spent", "last_visit": "Last visit", "notes": "Notes",
        "date": "Date", "bill_no": "Bill no.", "item": "Item", "category": "Category", "qty": "Qty",
        "amount": "Amount", "at": "Date and time", "channel": "Channel", "direction": "Direction",
        "summary": "Summary", "kind": "Kind", "branch": "Branch", "counter": "Counter",
    },
    "hi": {
        "name": "नाम", "father_name": "पिता का नाम", "phone": "फ़ोन", "other_phones": "अन्य फ़ोन",
        "email": "ईमेल", "business_name": "व्यवसाय", "gstin": "जीएसटीआईएन", "address": "पता", "city": "शहर",
        "state": "राज्य", "pin": "पिन", "birthday": "जन्मदिन", "anniversary": "सालगिरह", "status": "स्थिति",
        "tags": "टैग", "total_spent": "कुल ख़र्च", "last_visit": "आख़िरी मुलाक़ात", "notes": "टिप्पणी",
        "date": "दिनांक", "bill_no": "बिल नं", "item": "सामान", "category": "श्रेणी", "qty": "मात्रा",
        "amount": "राशि", "at": "समय", "channel": "माध्यम", "direction": "दिशा", "summary": "सारांश",
        "kind": "प्रकार", "branch": "शाखा", "counter": "काउंटर",
    },
}

VALUES: dict[str, dict[str, str]] = {
    "en": {"prospect": "Prospect", "active": "Active", "lapsed": "Lapsed", "in": "In", "out": "Out",
           "visit": "Visit", "phone": "Phone", "whatsapp": "WhatsApp", "sms": "SMS", "email": "Email",
           "letter": "Letter", "social": "Social media", "other": "Other", "greeting": "Greeting",
           "purchase": "Purchase"},
    "hi": {"prospect": "संभावित", "active": "सक्रिय", "lapsed": "निष्क्रिय", "in": "आया", "out": "गया",
           "visit": "मुलाक़ात", "phone": "फ़ोन", "whatsapp": "व्हाट्सऐप", "sms": "एसएमएस", "email": "ईमेल",
           "letter": "पत्र", "social": "सोशल मीडिया", "other": "अन्य", "greeting": "शुभकामना",
           "purchase": "ख़रीद"},
}


def header_names(columns: tuple[str, ...], language: str) -> list[str]:
    """The header texts of these column codes in `language` (English if unknown)."""
    table = HEADERS.get(language, HEADERS["en"])
    return [table[c] for c in columns]


def value_word(code: str, language: str) -> str:
    """A status / channel / direction code as a word in `language`."""
    return VALUES.get(language, VALUES["en"]).get(code, code)
