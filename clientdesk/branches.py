"""Branches and counters on bills (issue 14): every bill records the names of the branch and the
counter it was rung up at, as this PC calls them (clientdesk.location keeps them in the PC's
settings), and the insights and exports can be limited to one branch.

A branch filter is a `str | None`: None means every branch; a name means the bills of that
branch; "" (NO_BRANCH) means the bills that name none: those from before schema 9, and those of a
PC that was never given names. The words for "(no branch)" are the UI's.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from clientdesk.errors import ValidationError
from clientdesk.location import MAX_NAME_LENGTH

NO_BRANCH = ""  # the branch filter of the bills without one
COLUMN_LENGTH = 255  # purchase.branch/counter are VARCHAR(255); a clean name is at most 3 x 60 (NFC)

# The branch names of the bills, in order, each found with one index seek on purchase(branch, …)
# (a recursive skip over the index: DISTINCT would read every bill). Runs on SQLite and PostgreSQL.
_BRANCHES_SQL = (
    "WITH RECURSIVE b(name) AS (SELECT min(branch) FROM purchase "
    "UNION ALL SELECT (SELECT min(branch) FROM purchase WHERE branch > b.name) FROM b WHERE b.name IS NOT NULL) "
    "SELECT name FROM b WHERE name IS NOT NULL"
)


def clean_name(text: str | None, what: str = "branch") -> str:
    """A branch or counter name as bills store it: one line, single spaces, NFC, no control
    characters; "" for nothing. ValidationError (field `what`) when it has more than
    MAX_NAME_LENGTH letters: combining marks (a nukta, a sign) are not counted, so a name measures
    the same whether a keyboard typed क़ as one code point or two, and cleaning twice changes nothing."""
    text = "".join(ch for ch in text or "" if unicodedata.category(ch) != "Cc" or ch.isspace())
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    letters = sum(1 for ch in text if not unicodedata.combining(ch))
    if letters > MAX_NAME_LENGTH or len(text) > COLUMN_LENGTH:
        raise ValidationError(what, "too_long", f"A {what} name has at most {MAX_NAME_LENGTH} characters "
                                                f"({letters} given)")
    return text


@dataclass(frozen=True)
class Origin:
    """Where this desk's bills are rung up: the branch's and the counter's names ("" when not
    named). Make one with Origin.of (which cleans the names), or with names already clean."""

    branch: str = ""
    counter: str = ""

    def __post_init__(self) -> None:
        for what, name in (("branch", self.branch), ("counter", self.counter)):
            if len(name) > COLUMN_LENGTH:  # made without Origin.of: still never more than the column holds
                raise ValidationError(what, "too_long", f"A {what} name has at most {MAX_NAME_LENGTH} characters "
                                                        f"({len(name)} given)")

    @classmethod
    def of(cls, names) -> "Origin":
        """The cleaned names of `names` (an Origin, clientdesk.location's CounterChoices, or None)."""
        if names is None:
            return cls()
        if isinstance(names, Origin):
            return names  # cleaned when it was made
        return cls(clean_name(getattr(names, "branch", ""), "branch"),
                   clean_name(getattr(names, "counter", ""), "counter"))


NOWHERE = Origin()


def bill_branches(db) -> list[str]:
    """The branch names the bills record, sorted; "" (NO_BRANCH) among them when some bills name none."""
    return [name for (name,) in db.execute_sql(_BRANCHES_SQL).fetchall()]


def check_branch(db, branch: str | None) -> None:
    """For a command line's --branch: ValidationError unless some bill records `branch` (None passes)."""
    if branch is None:
        return
    known = bill_branches(db)
    if branch not in known:
        listed = ", ".join([name for name in known if name] + (['"" (no branch)'] if NO_BRANCH in known else [])) \
            or "none: there are no bills yet"
        shown = branch if len(branch) <= 60 else branch[:57] + "…"
        raise ValidationError("branch", "unknown", f"No bill records the branch {shown!r} (branches: {listed})")
