"""Greeting templates: merge fields, their rendering with fallbacks, and the built-in texts.

A field is written {name}; {name|text} gives an inline fallback used when the field is empty.
A template may also carry a dict of fallbacks per field. An unknown field, or an empty field
without a fallback, is reported so the message can be fixed before it is sent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FIELDS = (
    "honorific", "name", "first_name", "father_name", "father_line", "business_name", "city",
    "shop_name", "shop_phone", "occasion", "date", "years", "years_with_us", "points", "tier", "reward_due",
)
FIELD_RE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?:\|([^{}]*))?\}")


@dataclass(frozen=True)
class Rendered:
    text: str
    unknown: tuple[str, ...] = ()
    empty: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.unknown and not self.empty


_SPACES = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE = re.compile(r" +([,.!?।)])")
_SPACE_AFTER = re.compile(r"\( +")
_LINE_EDGES = re.compile(r"^[ \t]+|[ \t]+$", re.MULTILINE)


def _tidy(text: str) -> str:
    """Remove the gaps an empty field leaves: double spaces, a space before punctuation."""
    text = _SPACE_AFTER.sub("(", _SPACE_BEFORE.sub(r"\1", _SPACES.sub(" ", text)))
    return _LINE_EDGES.sub("", text).strip()


def render(text: str, values: dict[str, str], fallbacks: dict[str, str] | None = None) -> Rendered:
    """Fill the fields of `text` from `values`; report unknown fields and empty ones without a fallback."""
    fallbacks = fallbacks or {}
    unknown: list[str] = []
    empty: list[str] = []

    def replace(match: re.Match) -> str:
        name, inline = match.group(1), match.group(2)
        if name not in FIELDS:
            if name not in unknown:
                unknown.append(name)
            return match.group(0)
        value = (values.get(name) or "").strip()
        if value:
            return value
        if inline is not None:
            return inline
        if name in fallbacks:
            return fallbacks[name]
        if name not in empty:
            empty.append(name)
        return ""

    return Rendered(_tidy(FIELD_RE.sub(replace, text or "")), tuple(unknown), tuple(empty))


def fields_in(text: str) -> list[str]:
    """The field names a text uses, in order of appearance."""
    seen: list[str] = []
    for match in FIELD_RE.finditer(text or ""):
        if match.group(1) not in seen:
            seen.append(match.group(1))
    return seen


@dataclass(frozen=True)
class Builtin:
    code: str
    name: str
    kind: str
    occasion_key: str
    subject_hi: str
    subject_en: str
    body_hi: str
    body_en: str


_HI_OPEN = "आदरणीय {honorific} {name} जी,\n\n"
_EN_OPEN = "Dear {honorific} {first_name},\n\n"
_HI_CLOSE = "\n\nशुभेच्छु,\n{shop_name}"
_EN_CLOSE = "\n\nWith warm wishes,\n{shop_name}"


def _b(code, name, kind, key, subject_hi, subject_en, hi, en, en_open=_EN_OPEN) -> Builtin:
    return Builtin(code, name, kind, key, subject_hi, subject_en, _HI_OPEN + hi + _HI_CLOSE, en_open + en + _EN_CLOSE)


BUILTINS = (
    _b("birthday", "Birthday", "birthday", "",
       "जन्मदिन की हार्दिक शुभकामनाएँ, {name} जी", "Happy birthday, {first_name}!",
       "आपको जन्मदिन की हार्दिक शुभकामनाएँ! ईश्वर करे आपका यह नया वर्ष ढेर सारी खुशियाँ, अच्छी सेहत "
       "और सफलता लेकर आए। आप जैसे ग्राहक हमारे लिए परिवार की तरह हैं।",
       "Wishing you a very happy birthday! May the year ahead bring you joy, good health and every "
       "success. Customers like you are family to us."),
    _b("anniversary", "Wedding anniversary", "anniversary", "",
       "विवाह की वर्षगाँठ की बधाई, {name} जी", "Happy anniversary, {first_name}!",
       "विवाह की वर्षगाँठ पर आपको और आपके जीवनसाथी को हार्दिक बधाई! आपका साथ यूँ ही प्रेम और "
       "खुशियों से भरा रहे।",
       "Happy wedding anniversary to you and your family! May your years together stay full of love "
       "and laughter."),
    _b("founded", "Founding day", "founded", "",
       "स्थापना दिवस की बधाई", "Congratulations on your founding day",
       "{business_name|आपके प्रतिष्ठान} के स्थापना दिवस पर हार्दिक बधाई! आपके व्यवसाय की निरंतर प्रगति "
       "और समृद्धि के लिए हमारी शुभकामनाएँ।",
       "Congratulations to {business_name|your business} on its founding day! Our best wishes for many "
       "more years of growth and success.", en_open="Dear {honorific} {name},\n\n"),
    _b("first_purchase", "Years with us", "first_purchase", "",
       "हमारे साथ {years_with_us}, धन्यवाद!", "{years_with_us} with us: thank you!",
       "आज आपको हमसे जुड़े {years_with_us} पूरे हो गए! इस भरोसे और साथ के लिए दिल से धन्यवाद। आगे भी "
       "आपकी सेवा करना हमारा सौभाग्य होगा।",
       "Today marks {years_with_us} since your first visit to us! Thank you for your trust and "
       "friendship; it is a pleasure to serve you."),
    _b("custom", "Special day", "custom", "",
       "{occasion} की शुभकामनाएँ", "Best wishes on {occasion}",
       "{occasion} के शुभ अवसर पर आपको और आपके परिवार को हार्दिक शुभकामनाएँ!",
       "Warm wishes to you and your family on {occasion}!"),
    _b("festival", "Festival", "festival", "",
       "{occasion} की हार्दिक शुभकामनाएँ", "Warm wishes on {occasion}",
       "{occasion} के पावन अवसर पर आपको और आपके पूरे परिवार को हार्दिक शुभकामनाएँ। यह पर्व आपके जीवन "
       "में सुख, शांति और समृद्धि लाए।",
       "Warm wishes to you and your family on {occasion}. May this festival bring you happiness, peace "
       "and prosperity."),
    _b("diwali", "Diwali", "festival", "diwali-deepavali",
       "दीपावली की हार्दिक शुभकामनाएँ", "Happy Diwali, {first_name}!",
       "दीपों का यह पर्व आपके घर-आँगन को रोशनी, खुशियों और समृद्धि से भर दे। आपको और आपके परिवार को "
       "दीपावली की हार्दिक शुभकामनाएँ!",
       "May the festival of lights fill your home with light, joy and prosperity. A very happy Diwali "
       "to you and your family!"),
    _b("holi", "Holi", "festival", "holi",
       "होली की हार्दिक शुभकामनाएँ", "Happy Holi, {first_name}!",
       "रंगों का यह त्योहार आपके जीवन में खुशियों के रंग भर दे। आपको और आपके परिवार को होली की "
       "हार्दिक शुभकामनाएँ!",
       "May the festival of colours fill your life with happiness. Happy Holi to you and your family!"),
    _b("eid", "Eid", "festival", "id-ul-fitr",
       "ईद मुबारक!", "Eid Mubarak, {first_name}!",
       "ईद मुबारक! यह मुबारक मौका आपके घर में खुशियाँ, अमन और बरकत लाए।",
       "Eid Mubarak! May this blessed day bring peace, joy and prosperity to you and your family."),
    _b("christmas", "Christmas", "festival", "christmas",
       "क्रिसमस की हार्दिक शुभकामनाएँ", "Merry Christmas, {first_name}!",
       "आपको और आपके परिवार को क्रिसमस की हार्दिक शुभकामनाएँ! यह पर्व आपके जीवन में प्रेम और खुशियाँ लाए।",
       "Merry Christmas to you and your family! May the season bring you love and joy."),
    _b("new_year", "New Year", "festival", "new-years-day",
       "नववर्ष की हार्दिक शुभकामनाएँ", "Happy New Year, {first_name}!",
       "नववर्ष की हार्दिक शुभकामनाएँ! नया साल आपके लिए नई खुशियाँ और नई सफलताएँ लेकर आए।",
       "Happy New Year! May the new year bring you fresh joy and new successes."),
    _b("thanks", "Thank you (points)", "any", "",
       "आपके साथ के लिए धन्यवाद", "Thank you for being with us",
       "हमारे साथ बने रहने के लिए धन्यवाद! आपके खाते में अभी {points} पॉइंट हैं ({tier})। {reward_due|}",
       "Thank you for staying with us! You have {points} points ({tier}). {reward_due|}"),
)
DEFAULT_FALLBACKS = {"honorific": ""}
