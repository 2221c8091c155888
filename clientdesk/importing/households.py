"""Same person or a family member? A row whose phone number a client already has is that client
when the names are alike (typed twice: "Suresh Reddy", "suresh reddy", "Suresh Redy", "S. Reddy",
"सुरेश रेड्डी"), and a new member of that household when they clearly differ ("Meena Devi" on
Suresh Reddy's number): a mother and her son share one mobile.

Names are compared as folded keys (clientdesk.textkey: both scripts, common spellings meet), word
by word: alike when every word of the shorter name has a near-equal word in the longer one (an
initial matches a word it starts), or when both given names (first words) are near-equal. Anything
else is clearly different: "Ramesh Reddy" is not "Suresh Reddy", "Meena Reddy" is not either.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from clientdesk.textkey import name_key

WORD_MATCH = 75  # rapidfuzz ratio of two folded words taken as one word typed two ways
# Titles and relation words that say nothing about who it is (folded as name_key folds them).
_TITLES = frozenset(name_key(w) for w in (
    "mr", "mrs", "ms", "miss", "dr", "shri", "shree", "sri", "smt", "srimati", "shrimati", "kumari", "km", "late",
    "श्री", "श्रीमती", "कुमारी", "डॉ", "स्व"))


def _words(name: str) -> list[str]:
    return [w for w in name_key(name).split() if w and w not in _TITLES]


def _alike(a: str, b: str) -> bool:
    if len(a) == 1 or len(b) == 1:  # an initial
        return a[0] == b[0]
    return a == b or fuzz.ratio(a, b) >= WORD_MATCH


def same_person(name_a: str, name_b: str) -> bool:
    """True when two names on one phone number are the same person typed twice (or either name is
    empty: nothing tells them apart); False when they clearly differ (another family member)."""
    if name_a.casefold() == name_b.casefold():  # a sheet imported again: no folding needed
        return True
    a, b = _words(name_a), _words(name_b)
    if not a or not b:
        return True
    if len(a[0]) > 1 and len(b[0]) > 1 and _alike(a[0], b[0]):
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    free = list(longer)
    for word in shorter:
        match = next((w for w in free if _alike(word, w)), None)
        if match is None:
            return False
        free.remove(match)
    return True
