"""Cross-script search keys: रमेश कुमार and "ramesh kumar" fold to the same Latin key.

Devanagari is transliterated to ITRANS (indic_transliteration), then one lossy folding is
applied to both scripts (DOMAIN.md): lowercase, drop diacritics, x→ksh, ee/ii→i, oo/uu→u,
w→v, z→j, q→k, drop the h of aspirates, collapse doubled letters, drop non-initial a.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from clientdesk.lazy import lazy_import

sanscript = lazy_import("indic_transliteration.sanscript")  # loads on the first Devanagari name

_DEVANAGARI = re.compile(r"[\u0900-\u097F]")
_WORD = re.compile(r"[a-z]+")
_SPECIAL_WORDS = {"सिंह": "singh", "सिंघ": "singh"}
_ASPIRATES = re.compile(r"([kgcjtdpb])h")


def has_devanagari(text: str) -> bool:
    """True if `text` contains any Devanagari character."""
    return bool(_DEVANAGARI.search(text))


@functools.lru_cache(maxsize=65536)
def _fold_token(word: str) -> tuple[str, ...]:
    """Folded keys of one whitespace-separated token (it may hold several Latin words)."""
    if word in _SPECIAL_WORDS:
        latin = _SPECIAL_WORDS[word]
    elif has_devanagari(word):
        latin = sanscript.transliterate(word, sanscript.DEVANAGARI, sanscript.ITRANS)
        # Anusvara (M, .n) sounds as n before most consonants; chandrabindu likewise.
        latin = latin.replace(".N", "n").replace(".n", "n").replace("M", "n").replace("~N", "n")
    else:
        latin = word
    latin = unicodedata.normalize("NFKD", latin)
    latin = "".join(ch for ch in latin if not unicodedata.combining(ch)).lower()
    return tuple(_fold_word(w) for w in _WORD.findall(latin))


def _fold_word(word: str) -> str:
    w = word.replace("x", "ksh")
    w = w.replace("ee", "i").replace("ii", "i").replace("oo", "u").replace("uu", "u")
    w = w.replace("w", "v").replace("z", "j").replace("q", "k")
    w = _ASPIRATES.sub(r"\1", w)
    w = re.sub(r"(.)\1+", r"\1", w)
    if len(w) > 1:
        w = w[0] + w[1:].replace("a", "")
    return w


def warm_up() -> None:
    """Load the transliteration tables now (about 0.3 s, once), e.g. while a file is being read."""
    _fold_token.__wrapped__("क")


def fold_words(text: str) -> tuple[str, ...]:
    """The folded key of each word of `text`, in order; punctuation and digits are dropped."""
    if not text:
        return ()
    return tuple(key for token in text.split() for key in _fold_token(token))


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """One space-separated folded key for a whole name."""
    return " ".join(fold_words(text))
