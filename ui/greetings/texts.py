"""Words for greeting codes: occasion kinds, channels, left-out reasons, merge fields.
The domain gives codes; these functions choose the (translated) words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

_CONTEXT = "Greetings"

KINDS = {
    "any": QT_TRANSLATE_NOOP("Greetings", "Any message"),
    "birthday": QT_TRANSLATE_NOOP("Greetings", "Birthday"),
    "anniversary": QT_TRANSLATE_NOOP("Greetings", "Wedding anniversary"),
    "founded": QT_TRANSLATE_NOOP("Greetings", "Founding day"),
    "first_purchase": QT_TRANSLATE_NOOP("Greetings", "Years with us"),
    "custom": QT_TRANSLATE_NOOP("Greetings", "Client's own date"),
    "festival": QT_TRANSLATE_NOOP("Greetings", "Festival"),
}

CHANNELS = {
    "print": QT_TRANSLATE_NOOP("Greetings", "Print cards"),
    "whatsapp": QT_TRANSLATE_NOOP("Greetings", "WhatsApp"),
    "email": QT_TRANSLATE_NOOP("Greetings", "Email"),
    "copy": QT_TRANSLATE_NOOP("Greetings", "Copy text (SMS or other)"),
}

REASONS = {
    "not_found": QT_TRANSLATE_NOOP("Greetings", "No such client"),
    "archived": QT_TRANSLATE_NOOP("Greetings", "Archived"),
    "erased": QT_TRANSLATE_NOOP("Greetings", "Personal data erased"),
    "no_occasion": QT_TRANSLATE_NOOP("Greetings", "This occasion is not theirs on this day"),
    "not_celebrated": QT_TRANSLATE_NOOP("Greetings", "Does not celebrate this festival"),
    "no_consent": QT_TRANSLATE_NOOP("Greetings", "No consent for this channel"),
    "minor": QT_TRANSLATE_NOOP("Greetings", "Under 18, no guardian's consent"),
    "no_phone": QT_TRANSLATE_NOOP("Greetings", "No mobile number"),
    "no_email": QT_TRANSLATE_NOOP("Greetings", "No email address"),
    "already_greeted": QT_TRANSLATE_NOOP("Greetings", "Already greeted for this occasion this year"),
    "cap_7_days": QT_TRANSLATE_NOOP("Greetings", "Greeted in the last 7 days"),
    "cap_30_days": QT_TRANSLATE_NOOP("Greetings", "Greeted often in the last 30 days"),
    "empty_field": QT_TRANSLATE_NOOP("Greetings", "Empty field: %1"),
    "unknown_field": QT_TRANSLATE_NOOP("Greetings", "Unknown field: %1"),
    "send_failed": QT_TRANSLATE_NOOP("Greetings", "Sending failed: %1"),
}

FIELDS = {
    "honorific": QT_TRANSLATE_NOOP("Greetings", "Honorific (Shri, Smt. …)"),
    "name": QT_TRANSLATE_NOOP("Greetings", "Full name"),
    "first_name": QT_TRANSLATE_NOOP("Greetings", "First name"),
    "father_name": QT_TRANSLATE_NOOP("Greetings", "Father's / husband's name"),
    "father_line": QT_TRANSLATE_NOOP("Greetings", "S/o, D/o or W/o line"),
    "business_name": QT_TRANSLATE_NOOP("Greetings", "Client's business"),
    "city": QT_TRANSLATE_NOOP("Greetings", "City"),
    "shop_name": QT_TRANSLATE_NOOP("Greetings", "Shop name"),
    "shop_phone": QT_TRANSLATE_NOOP("Greetings", "Shop phone"),
    "occasion": QT_TRANSLATE_NOOP("Greetings", "Occasion"),
    "date": QT_TRANSLATE_NOOP("Greetings", "Date of the occasion"),
    "years": QT_TRANSLATE_NOOP("Greetings", "Years (married, in business)"),
    "years_with_us": QT_TRANSLATE_NOOP("Greetings", "Years with us"),
    "points": QT_TRANSLATE_NOOP("Greetings", "Loyalty points"),
    "tier": QT_TRANSLATE_NOOP("Greetings", "Loyalty tier"),
    "reward_due": QT_TRANSLATE_NOOP("Greetings", "Reward due"),
}


def t(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


# The names the built-in templates are stored with (clientdesk.greetings.templates.BUILTINS), shown
# in the UI language while the shop has not renamed them.
BUILTIN_TEMPLATE_NAMES = {
    "Birthday": QT_TRANSLATE_NOOP("Greetings", "Birthday"),
    "Wedding anniversary": QT_TRANSLATE_NOOP("Greetings", "Wedding anniversary"),
    "Founding day": QT_TRANSLATE_NOOP("Greetings", "Founding day"),
    "Years with us": QT_TRANSLATE_NOOP("Greetings", "Years with us"),
    "Special day": QT_TRANSLATE_NOOP("Greetings", "Special day"),
    "Festival": QT_TRANSLATE_NOOP("Greetings", "Festival"),
    "Diwali": QT_TRANSLATE_NOOP("Greetings", "Diwali"),
    "Holi": QT_TRANSLATE_NOOP("Greetings", "Holi"),
    "Eid": QT_TRANSLATE_NOOP("Greetings", "Eid"),
    "Christmas": QT_TRANSLATE_NOOP("Greetings", "Christmas"),
    "New Year": QT_TRANSLATE_NOOP("Greetings", "New Year"),
    "Thank you (points)": QT_TRANSLATE_NOOP("Greetings", "Thank you (points)"),
}


def template_name(template) -> str:
    """A template's name to show: a built-in one's in the UI language, unless the shop renamed it."""
    if template.builtin and template.name in BUILTIN_TEMPLATE_NAMES:
        return t(BUILTIN_TEMPLATE_NAMES[template.name])
    return template.name


def kind_name(kind: str) -> str:
    return t(KINDS[kind]) if kind in KINDS else kind


def channel_name(channel: str) -> str:
    return t(CHANNELS[channel]) if channel in CHANNELS else channel


def reason_text(reason: str) -> str:
    """A left-out reason code ("no_consent", "empty_field:shop_name", "send_failed: …") in words."""
    code, _, detail = reason.partition(":")
    if code not in REASONS:
        return reason
    text = t(REASONS[code])
    if "%1" in text:
        detail = detail.strip()
        text = text.replace("%1", field_name(detail) if code.endswith("_field") else detail)
    return text


def field_name(field: str) -> str:
    return t(FIELDS[field]) if field in FIELDS else field


def occasion_name(occasion, language: str) -> str:
    """A festival's own name in the UI language; a personal occasion by its kind."""
    if occasion.kind == "festival":
        return occasion.name_hi if language == "hi" else occasion.name_en
    return kind_name(occasion.kind)


def ui_language() -> str:
    """"hi" when the window speaks Hindi (the translator is installed), else "en"."""
    return "hi" if QCoreApplication.translate("Greetings", "Birthday") != "Birthday" else "en"
