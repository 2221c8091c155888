"""A person's name written in the other script: a suggestion for the client's "name in the other
script" field (Hindi messages and cards use the Devanagari form, English ones the Latin form).

Transliteration of names is a guess (Kumar could be कुमर or कुमार), so the editor shows the
result in an editable field; it is never stored without the shopkeeper seeing it.
"""

from __future__ import annotations

import re

from clientdesk.lazy import lazy_import

sanscript = lazy_import("indic_transliteration.sanscript")

# common name words whose spelling a rule would get wrong
_KNOWN = {
    "kumar": "कुमार", "kumari": "कुमारी", "singh": "सिंह", "devi": "देवी", "lal": "लाल", "prasad": "प्रसाद",
    "sharma": "शर्मा", "verma": "वर्मा", "gupta": "गुप्ता", "reddy": "रेड्डी", "kaur": "कौर", "khan": "ख़ान",
    "patel": "पटेल", "yadav": "यादव", "shah": "शाह", "ram": "राम", "nath": "नाथ", "chand": "चंद", "rani": "रानी",
    "bai": "बाई", "ben": "बेन", "bhai": "भाई", "mohammad": "मोहम्मद", "mohammed": "मोहम्मद", "ali": "अली",
}
_KNOWN_BACK = {v: k for k, v in _KNOWN.items()} | {"सिंह": "singh", "मोहम्मद": "mohammad"}
_DEVANAGARI = re.compile(r"[\u0900-\u097F]")
_VIRAMA = "\u094d"


def is_devanagari(text: str) -> bool:
    """True when the text has any Devanagari letter."""
    return bool(_DEVANAGARI.search(text or ""))


def _to_devanagari(word: str) -> str:
    lower = word.lower()
    if lower in _KNOWN:
        return _KNOWN[lower]
    if not lower.isalpha():
        return word
    if lower.endswith("y"):
        lower = lower[:-1] + "ee"
    elif lower.endswith("a") and len(lower) > 2:
        lower += "a"  # Meena, Kavita: a final a is long
    return sanscript.transliterate(lower, sanscript.OPTITRANS, sanscript.DEVANAGARI).rstrip(_VIRAMA)


def _to_latin(word: str) -> str:
    if word in _KNOWN_BACK:
        return _KNOWN_BACK[word].capitalize()
    if not is_devanagari(word):
        return word
    latin = sanscript.transliterate(word, sanscript.DEVANAGARI, sanscript.OPTITRANS)
    if len(latin) > 2 and latin.endswith("a") and not latin.endswith(("aa", "A")):
        latin = latin[:-1]  # the inherent vowel is not said at the end of a word: रमेश -> Ramesh
    latin = latin.replace("A", "a").replace("I", "ee").replace("U", "oo").replace("RRi", "ri").replace("~", "n")
    return latin.lower().capitalize()


def other_script(text: str) -> str:
    """The text in the other script, word by word: Devanagari to Latin letters, or the reverse."""
    text = " ".join((text or "").split())
    if not text:
        return ""
    convert = _to_latin if is_devanagari(text) else _to_devanagari
    return " ".join(convert(word) for word in text.split(" "))
