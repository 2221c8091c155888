"""The segment query language: a readable text form that both the builder and the command line use.

    bought category Dairy and never bought category Meat
    (city Pune or city Mumbai) and spent >= 5000 and not tag wholesale
    visits >= 3 in last 90 days and last visit more than 30 days ago
    birthday in November and consent whatsapp

Grammar (keywords in any case; values bare or "quoted"):

    query     := or_expr
    or_expr   := and_expr ("or" and_expr)*
    and_expr  := not_expr ("and" not_expr)*
    not_expr  := "not" not_expr | "(" query ")" | condition
    condition := ["never"] "bought" ["product" | "category"] VALUE [period]
               | "spent" OP RUPEES [period]          | "visits" OP N [period]
               | "last visit" ("more"|"less") "than" N "days ago"   (also "last visit > N days ago")
               | "tier" VALUE | "close to next tier" | "tag" VALUE | "status" VALUE
               | "city" VALUE | "state" VALUE | "pin" DIGITS | "source" VALUE | "language" VALUE
               | "consent" CHANNEL | ("birthday"|"anniversary") "in" MONTH
               | "rfm" GROUP | "likelihood" OP PERCENT
    period    := "in" ["the"] "last" N "days"
    OP        := ">" | ">=" | "<" | "<=" | "=" | "!="

`parse(text)` gives a tree of frozen dataclasses; `to_text(node)` writes the canonical text back.
A mistake raises ValidationError(field="query") whose details carry `position` (0-based) and `token`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from clientdesk.codes import CHANNELS, LANGUAGES, SOURCES, STATUSES  # noqa: F401  (names the parser accepts)
from clientdesk.errors import ValidationError

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
OPERATORS = (">=", "<=", "!=", ">", "<", "=")
RFM_GROUPS = ("champions", "loyal", "potential", "new", "at_risk", "hibernating", "lost")
SCOPES = ("product", "category", "any")

# Limits that keep a typed (or pasted) query from exhausting the parser or SQLite: the length of
# the text, how deeply "not" and brackets nest, how many conditions, and how big a number may be.
MAX_QUERY_LENGTH = 2000
MAX_DEPTH = 20
MAX_CONDITIONS = 40
# SQLite's parser has a fixed stack: each "and"/"or" item and each "not" nests the SQL we build a
# little deeper. `complexity` measures that; 45 stays well inside what SQLite accepts (measured:
# 55 to 89 conditions in one flat "or", less when nested).
MAX_COMPLEXITY = 45
MAX_NUMBER = 10**9            # days, visits
MAX_RUPEES = Decimal(10**12)  # spent totals

# Words that end a bare (unquoted) value.
_STOP_WORDS = {"and", "or", "not"}
_PERIOD_WORDS = {"in", "within"}
_TEXT_FIELDS = ("tag", "city", "state", "source", "language", "status", "tier", "consent", "pin", "rfm")


@dataclass(frozen=True)
class Condition:
    """One test on a client. `field` is the condition's code; the meaning of op/value depends on it:
    bought: op "bought"|"never", value (scope, name); spent: op, value paise; visits/likelihood: op, int;
    last_visit: op ">"|"<", value days; birthday/anniversary: value month 1-12; near_tier: no value;
    text fields: value str. `days` limits bought/spent/visits to the last N days."""

    field: str
    op: str = "="
    value: object = None
    days: int | None = None


@dataclass(frozen=True)
class Not:
    item: object


@dataclass(frozen=True)
class And:
    items: tuple


@dataclass(frozen=True)
class Or:
    items: tuple


@dataclass(frozen=True)
class Token:
    kind: str   # word | string | op | lparen | rparen | end
    text: str
    pos: int

    @property
    def low(self) -> str:
        return self.text.lower() if self.kind == "word" else ""


_TOKEN_RE = re.compile(r"""\s*(?:(?P<lparen>\()|(?P<rparen>\))|(?P<op>>=|<=|!=|>|<|=)|"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<word>[^\s()<>=!"'][^\s()<>=!"]*|!))""")


def syntax_error(token: Token, message: str, reason: str = "syntax") -> ValidationError:
    """A ValidationError pointing at `token` (position and text in details and in the message)."""
    shown = token.text if token.kind != "end" else "end of query"
    return ValidationError("query", reason, f"position {token.pos + 1}, at \"{shown}\": {message}",
                           position=token.pos, token=token.text)


def tokenize(text: str) -> list[Token]:
    """Split a query into tokens; an unclosed quote is an error pointing at it."""
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        match = _TOKEN_RE.match(text, pos)
        start = pos + (len(text[pos:]) - len(text[pos:].lstrip()))
        if not match or match.end() == pos:
            raise syntax_error(Token("word", text[start:start + 1], start), "unclosed quote or stray character")
        for kind in ("lparen", "rparen", "op", "dq", "sq", "word"):
            value = match.group(kind)
            if value is not None:
                if kind in ("dq", "sq"):
                    tokens.append(Token("string", value, start))
                elif kind == "word" and value == "!":
                    raise syntax_error(Token("word", value, start), "unexpected \"!\"")
                else:
                    tokens.append(Token(kind, value, start))
                break
        pos = match.end()
    tokens.append(Token("end", "", len(text)))
    return tokens


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.tokens = tokenize(text)
        self.i = 0
        self.depth = 0
        self.count = 0

    # ----- token helpers ----------------------------------------------------------------------
    @property
    def tok(self) -> Token:
        return self.tokens[self.i]

    def peek(self, ahead: int = 1) -> Token:
        return self.tokens[min(self.i + ahead, len(self.tokens) - 1)]

    def advance(self) -> Token:
        token = self.tok
        if token.kind != "end":
            self.i += 1
        return token

    def accept(self, *words: str) -> bool:
        if self.tok.low in words:
            self.advance()
            return True
        return False

    def expect(self, word: str, what: str = "") -> None:
        if not self.accept(word):
            raise syntax_error(self.tok, f"expected \"{word}\"{what}")

    # ----- grammar ----------------------------------------------------------------------------
    def parse(self):
        if self.tok.kind == "end":
            raise syntax_error(self.tok, "the query is empty", "empty")
        node = self.or_expr()
        if self.tok.kind != "end":
            if self.tok.kind == "rparen":
                raise syntax_error(self.tok, "there is no \"(\" for this \")\"")
            raise syntax_error(self.tok, "expected \"and\", \"or\" or the end of the query")
        if complexity(node) > MAX_COMPLEXITY:
            raise ValidationError("query", "too_complex", "the query is too complex (too many conditions nested "
                                                          "inside each other); split it or write it more simply",
                                  position=0, token="")
        return node

    def or_expr(self):
        items = [self.and_expr()]
        while self.accept("or"):
            items.append(self.and_expr())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def and_expr(self):
        items = [self.not_expr()]
        while self.accept("and"):
            items.append(self.not_expr())
        return items[0] if len(items) == 1 else And(tuple(items))

    def nested(self, token: Token) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise syntax_error(token, f"the query nests \"not\" and brackets more than {MAX_DEPTH} deep; "
                                      "write it more simply", "too_deep")

    def not_expr(self):
        if self.tok.low == "not":
            self.nested(self.advance())
            node = Not(self.not_expr())
            self.depth -= 1
            return node
        if self.tok.kind == "lparen":
            opening = self.advance()
            self.nested(opening)
            if self.tok.kind == "rparen":
                raise syntax_error(self.tok, "empty brackets")
            node = self.or_expr()
            if self.tok.kind != "rparen":
                raise syntax_error(self.tok if self.tok.kind != "end" else opening,
                                   "this \"(\" is never closed" if self.tok.kind == "end"
                                   else "expected \")\", \"and\" or \"or\"")
            self.advance()
            self.depth -= 1
            return node
        self.count += 1
        if self.count > MAX_CONDITIONS:
            raise syntax_error(self.tok, f"the query has more than {MAX_CONDITIONS} conditions", "too_long")
        return self.condition()

    def condition(self) -> Condition:
        token = self.tok
        word = token.low
        if token.kind != "word":
            raise syntax_error(token, "expected a condition such as \"bought category Dairy\" or \"city Pune\"")
        if word in ("never", "bought"):
            return self.bought()
        if word in ("spent", "visits", "likelihood"):
            self.advance()
            return self.compare(word, token)
        if word == "last":
            return self.last_visit()
        if word in ("birthday", "anniversary"):
            self.advance()
            self.expect("in", " (for example \"birthday in November\")")
            return Condition(word, "=", self.month())
        if word == "close":
            self.advance()
            self.expect("to")
            self.expect("next")
            self.expect("tier")
            return Condition("near_tier", "=", None)
        if word in _TEXT_FIELDS:
            self.advance()
            self.accept("is")
            value_token = self.tok
            value = self.value(f"a value after \"{token.text}\"")
            return Condition(word, "=", self.check_text_value(word, value, value_token))
        raise syntax_error(token, "unknown condition; start with bought, never bought, spent, visits, last visit, "
                                  "tier, close to next tier, tag, status, city, state, pin, birthday, anniversary, "
                                  "source, consent, language, rfm or likelihood", "unknown_condition")

    def bought(self) -> Condition:
        op = "never" if self.accept("never") else "bought"
        self.expect("bought", " after \"never\"")
        scope = "any"
        if self.tok.low in ("product", "category"):
            scope = self.advance().low
        name = self.value("a product or category name")
        return Condition("bought", op, (scope, name), self.period())

    def compare(self, field: str, token: Token) -> Condition:
        if self.tok.kind != "op":
            raise syntax_error(self.tok, f"expected a comparison (>, >=, <, <=, =, !=) after \"{token.text}\"")
        op = self.advance().text
        number = self.tok
        if number.kind not in ("word", "string"):
            raise syntax_error(number, "expected a number")
        self.advance()
        if field == "spent":
            value = _rupees(number)
        else:
            value = _integer(number)
            if field == "likelihood" and not 0 <= value <= 100:
                raise syntax_error(number, "likelihood is a percentage from 0 to 100", "range")
        days = self.period() if field != "likelihood" else None
        return Condition(field, op, value, days)

    def last_visit(self) -> Condition:
        self.expect("last")
        self.expect("visit", " (as in \"last visit more than 30 days ago\")")
        if self.tok.kind == "op" and self.tok.text in (">", "<"):
            op = self.advance().text
        elif self.tok.low in ("more", "less"):
            op = ">" if self.advance().low == "more" else "<"
            self.expect("than")
        else:
            raise syntax_error(self.tok, "expected \"more than\" or \"less than\"")
        days = _integer(self.advance_number())
        self.expect("days")
        self.expect("ago")
        return Condition("last_visit", op, days)

    def advance_number(self) -> Token:
        if self.tok.kind not in ("word", "string"):
            raise syntax_error(self.tok, "expected a number")
        return self.advance()

    def period(self) -> int | None:
        if self.tok.low not in _PERIOD_WORDS:
            return None
        self.advance()
        self.accept("the")
        self.expect("last")
        days = _integer(self.advance_number())
        if days < 1:
            raise syntax_error(self.tokens[self.i - 1], "the number of days must be at least 1", "range")
        self.expect("days")
        return days

    def month(self) -> int:
        token = self.advance_number()
        text = token.text.lower()
        if text.isdigit() and 1 <= int(text) <= 12:
            return int(text)
        for i, name in enumerate(MONTHS, start=1):
            if len(text) >= 3 and name.startswith(text):
                return i
        raise syntax_error(token, "expected a month (January … December or 1-12)", "month")

    def value(self, what: str) -> str:
        """A quoted string, or bare words up to and/or/not, a bracket, or "in last N days"."""
        if self.tok.kind == "string":
            if not self.tok.text.strip():
                raise syntax_error(self.tok, f"expected {what}")
            return " ".join(self.advance().text.split())
        words = []
        while self.tok.kind == "word" and self.tok.low not in _STOP_WORDS:
            if self.tok.low in _PERIOD_WORDS and self.peek().low in ("last", "the") and words:
                break
            words.append(self.advance().text)
        if not words:
            raise syntax_error(self.tok, f"expected {what}")
        return " ".join(words)

    @staticmethod
    def check_text_value(field: str, value: str, token: Token) -> str:
        choices = {"status": STATUSES, "source": SOURCES, "consent": CHANNELS, "language": LANGUAGES,
                   "rfm": RFM_GROUPS}.get(field)
        if choices is not None:
            code = value.lower().replace(" ", "_").replace("-", "_")
            if code not in choices:
                raise syntax_error(token, f"{field} is one of: {', '.join(choices)}", "unknown_value")
            return code
        if field == "pin":
            digits = value.replace(" ", "")
            if not digits.isdigit() or not 1 <= len(digits) <= 6:
                raise syntax_error(token, "a PIN code (or its first digits) is 1 to 6 digits", "pin")
            return digits
        return value


def _integer(token: Token) -> int:
    text = token.text.replace(",", "")
    if not (text.isascii() and text.isdigit()):
        raise syntax_error(token, "expected a whole number", "number")
    if len(text) > 12 or int(text) > MAX_NUMBER:
        raise syntax_error(token, f"the number is too large (at most {MAX_NUMBER:,})", "range")
    return int(text)


def _rupees(token: Token) -> int:
    text = token.text.replace(",", "").replace("₹", "").replace("Rs.", "").replace("Rs", "").strip()
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise syntax_error(token, "expected an amount in rupees, such as 5000 or ₹2,500.50", "number") from None
    if not amount.is_finite() or amount < 0:
        raise syntax_error(token, "expected an amount in rupees, such as 5000 or ₹2,500.50", "number")
    if amount > MAX_RUPEES:
        raise syntax_error(token, "the amount is too large", "range")
    return int(amount * 100)


def parse(text: str):
    """The tree of a query; raises ValidationError(field="query") with the position of the mistake."""
    text = text or ""
    if len(text) > MAX_QUERY_LENGTH:
        raise ValidationError("query", "too_long", f"the query is {len(text):,} characters long; "
                                                   f"at most {MAX_QUERY_LENGTH:,} are allowed",
                              position=MAX_QUERY_LENGTH, token="")
    return _Parser(text).parse()


# ----- writing the text form back -----------------------------------------------------------------
_RESERVED = _STOP_WORDS | _PERIOD_WORDS


def quote(value: str) -> str:
    """A value as the query needs it: bare when it reads back the same, else in double quotes."""
    words = value.split()
    plain = (words and all(_TOKEN_RE.fullmatch(w) and re.fullmatch(r"[^\s()<>=!\"'][^\s()<>=!\"]*", w) for w in words)
             and not any(w.lower() in _RESERVED for w in words)
             and words[0].lower() not in ("product", "category", "is"))
    if plain:
        return " ".join(words)
    return '"' + value.replace('"', "'") + '"'


def _rupee_text(paise: int) -> str:
    return f"{paise // 100}" if paise % 100 == 0 else f"{paise / 100:.2f}"


def _period(days: int | None) -> str:
    return f" in last {days} days" if days else ""


def condition_text(c: Condition) -> str:
    """The canonical text of one condition."""
    if c.field == "bought":
        scope, name = c.value
        head = "never bought" if c.op == "never" else "bought"
        scope_text = "" if scope == "any" else f" {scope}"
        return f"{head}{scope_text} {quote(name)}{_period(c.days)}"
    if c.field == "spent":
        return f"spent {c.op} {_rupee_text(c.value)}{_period(c.days)}"
    if c.field == "visits":
        return f"visits {c.op} {c.value}{_period(c.days)}"
    if c.field == "likelihood":
        return f"likelihood {c.op} {c.value}"
    if c.field == "last_visit":
        return f"last visit {'more' if c.op == '>' else 'less'} than {c.value} days ago"
    if c.field in ("birthday", "anniversary"):
        return f"{c.field} in {MONTHS[c.value - 1].capitalize()}"
    if c.field == "near_tier":
        return "close to next tier"
    return f"{c.field} {quote(str(c.value))}"


def to_text(node, _parent: str = "") -> str:
    """The canonical text of a tree; parse(to_text(t)) == t."""
    if isinstance(node, Condition):
        return condition_text(node)
    if isinstance(node, Not):
        inner = to_text(node.item, "not")
        return f"not {inner}"
    if isinstance(node, (And, Or)):
        word = " and " if isinstance(node, And) else " or "
        kind = "and" if isinstance(node, And) else "or"
        text = word.join(to_text(item, kind) for item in node.items)
        if _parent == "not" or (_parent == "and" and kind == "or") or (_parent == kind):
            return f"({text})"
        return text
    raise TypeError(f"not a query node: {node!r}")


def complexity(node) -> int:
    """How deeply the SQL of a tree nests: 1 for a condition, 2 more for a "not", and for an
    "and"/"or" its number of items more than its most complex item."""
    if isinstance(node, Condition):
        return 1
    if isinstance(node, Not):
        return 2 + complexity(node.item)
    return len(node.items) + max(complexity(item) for item in node.items)


def conditions(node) -> list[Condition]:
    """Every condition in a tree, left to right."""
    if isinstance(node, Condition):
        return [node]
    if isinstance(node, Not):
        return conditions(node.item)
    return [c for item in node.items for c in conditions(item)]
