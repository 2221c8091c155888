"""Segments: a query in the text language (clientdesk.insights.query) turned into one SQL WHERE
over the client table with peewee, and named segments saved for later.

Archived (and erased) clients never match. Purchases, visits, spend, tags, consent and client
fields are read live; `rfm`, `likelihood` and `close to next tier` use the last insights refresh.
"""

from __future__ import annotations

import datetime as dt
import logging
import operator
from dataclasses import dataclass

import peewee as pw
from rapidfuzz import process

from clientdesk.dialect import sql_for
from clientdesk.errors import NotFoundError, ValidationError
from clientdesk.insights import query
from clientdesk.insights.models import ClientScore, SavedSegment, UpsellSignal
from clientdesk.models import Client, ClientTag, Consent, Purchase, PurchaseLine, Tag

log = logging.getLogger(__name__)

_COMPARE = {">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le, "=": operator.eq,
            "!=": operator.ne}


@dataclass(frozen=True)
class Segment:
    id: int
    name: str
    query: str


def _compare(left, op: str, right):
    return _COMPARE[op](left, right)


class SegmentCompiler:
    """Turns a parsed query into a peewee expression on Client. Item names are matched without
    regard to case and written back in the shop's own spelling."""

    def __init__(self, service: "SegmentService"):
        self.service = service
        self.today = service.clock.today()
        self.sql = sql_for(service.db)  # the engine's pieces of hand-written SQL

    def compile(self, node, text: str) -> pw.Expression:
        if isinstance(node, query.And):
            return pw.reduce(operator.and_, [self.compile(i, text) for i in node.items])
        if isinstance(node, query.Or):
            return pw.reduce(operator.or_, [self.compile(i, text) for i in node.items])
        if isinstance(node, query.Not):
            return ~self.compile(node.item, text)
        return getattr(self, f"_c_{node.field}")(node, text)

    def _since(self, days: int | None) -> dt.date | None:
        return self.today - dt.timedelta(days=days) if days else None

    # ----- purchases -----------------------------------------------------------------------------
    def _c_bought(self, c: query.Condition, text: str):
        scope, name = c.value
        product, category = self.service.resolve_item(scope, name, text)
        where = []
        if product is not None:
            where.append(PurchaseLine.product == product)
        if category is not None:
            where.append(PurchaseLine.category == category)
        condition = pw.reduce(operator.or_, where)
        since = self._since(c.days)
        if since is not None:  # "+date" on SQLite: look bills up by line, not lines by date (far fewer probes)
            unindexed = pw.NodeList((pw.SQL(self.sql.unindexed("")), Purchase.date), glue="")
            condition = condition & (unindexed > since)
        buyers = Purchase.select(Purchase.client).join(PurchaseLine).where(condition)
        return self.sql.not_in(Client.id, buyers) if c.op == "never" else Client.id.in_(buyers)

    def _aggregate(self, c: query.Condition, total: str):
        """spent/visits in the last N days, summed from the (date, client, amount) index; clients
        with no bill in the period count as 0."""
        since = self._since(c.days)
        zero_matches = _compare(0, c.op, c.value)
        test = f"{total} {c.op} ?" if not zero_matches else f"NOT ({total} {c.op} ?)"
        hint = self.sql.index_hint("purchase_date_client_amount")
        matching = pw.SQL(self.sql.fragment(f'(SELECT client_id FROM "purchase"{hint} '
                                            f"WHERE date > ? GROUP BY client_id HAVING {test})"), [since, c.value])
        return self.sql.not_in(Client.id, matching) if zero_matches else Client.id.in_(matching)

    def _c_spent(self, c: query.Condition, text: str):
        if c.days:
            return self._aggregate(c, "sum(amount_paise)")
        return _compare(Client.total_spent_paise, c.op, c.value)

    def _c_visits(self, c: query.Condition, text: str):
        if c.days:
            return self._aggregate(c, "count(DISTINCT date)")
        return _compare(Client.visit_count, c.op, c.value)

    def _c_last_visit(self, c: query.Condition, text: str):
        edge = self.today - dt.timedelta(days=c.value)
        seen = Client.last_visit_on.is_null(False)
        return seen & ((Client.last_visit_on < edge) if c.op == ">" else (Client.last_visit_on > edge))

    # ----- client fields ------------------------------------------------------------------------------
    def _c_tag(self, c: query.Condition, text: str):
        tagged = ClientTag.select(ClientTag.client).join(Tag).where(pw.fn.lower(Tag.name) == c.value.lower())
        return Client.id.in_(tagged)

    def _c_status(self, c: query.Condition, text: str):
        cutoff = self.service.clients.lapse_cutoff()
        if c.value == "prospect":
            return Client.first_purchase_on.is_null()
        if c.value == "lapsed":
            return Client.first_purchase_on.is_null(False) & (Client.last_purchase_on < cutoff)
        return Client.first_purchase_on.is_null(False) & (Client.last_purchase_on >= cutoff)

    def _c_city(self, c: query.Condition, text: str):
        spellings = self.service.spellings(Client.postal_city, c.value)  # through the index, in any case
        return Client.postal_city.in_(spellings) if spellings else pw.SQL("1 = 0")

    def _c_state(self, c: query.Condition, text: str):
        return pw.fn.lower(Client.postal_state) == c.value.lower()

    def _c_pin(self, c: query.Condition, text: str):
        return Client.postal_pin.startswith(c.value)

    def _c_birthday(self, c: query.Condition, text: str):
        return pw.fn.coalesce(Client.birth_month, 0) == c.value

    def _c_anniversary(self, c: query.Condition, text: str):
        return pw.fn.coalesce(Client.anniversary_month, 0) == c.value

    def _c_source(self, c: query.Condition, text: str):
        return Client.source == c.value

    def _c_language(self, c: query.Condition, text: str):
        return Client.language == c.value

    def _c_consent(self, c: query.Condition, text: str):
        granted = Consent.select(Consent.client).where((Consent.channel == c.value) & (Consent.granted == True))  # noqa: E712
        return Client.id.in_(granted)

    # ----- loyalty and refreshed figures ---------------------------------------------------------------
    def _c_tier(self, c: query.Condition, text: str):
        """Members whose tier in force is this one: the stored tier, or a higher one their last
        12 months of spend has reached (as LoyaltyService decides)."""
        code = self.service.resolve_tier(c.value, text)
        tiers = self.service.loyalty.rules().tiers
        stored = " ".join(f"WHEN ? THEN {rank}" for rank in range(len(tiers)))
        earned = " ".join(f"WHEN spend >= ? THEN {rank}" for rank in reversed(range(1, len(tiers))))
        since = self.today - dt.timedelta(days=365)
        rank = self.sql.greatest(f"CASE tier {stored} ELSE 0 END", f"CASE {earned or 'WHEN 1 = 0 THEN 0'} ELSE 0 END")
        members = pw.SQL(self.sql.fragment(
            f"(SELECT cid FROM (SELECT m.client_id AS cid, m.tier AS tier, "
            f"(SELECT coalesce(sum(p.amount_paise), 0) FROM purchase p WHERE p.client_id = m.client_id AND p.date > ?) "
            f"AS spend FROM loyalty_member m) AS q "
            f"WHERE {rank} = ?)"),
            [since, *[t.code for t in tiers], *[t.min_spend_paise for t in reversed(tiers[1:])],
             [t.code for t in tiers].index(code)])
        return Client.id.in_(members)

    def _c_near_tier(self, c: query.Condition, text: str):
        return Client.id.in_(UpsellSignal.select(UpsellSignal.client).where(UpsellSignal.kind == "near_tier"))

    def _c_rfm(self, c: query.Condition, text: str):
        return Client.id.in_(ClientScore.select(ClientScore.client).where(ClientScore.rfm_group == c.value))

    def _c_likelihood(self, c: query.Condition, text: str):
        modelled = (ClientScore.select(ClientScore.likelihood)
                    .where((ClientScore.client == Client.id) & ClientScore.likelihood.is_null(False)))
        value = pw.fn.coalesce(modelled, Client.likelihood)
        return value.is_null(False) & _compare(value, c.op, c.value)


class SegmentService:
    """Count and list the clients of a query; keep named segments."""

    def __init__(self, db, clients, clock, loyalty=None):
        self.db = db
        self.clients = clients
        self.clock = clock
        self.loyalty = loyalty
        self._items: dict[str, dict[str, str]] | None = None
        self._items_mark = 0

    # ----- the query ----------------------------------------------------------------------------
    def parse(self, text: str):
        """The parsed tree of a query (raises ValidationError pointing at the mistake)."""
        return query.parse(text)

    def normalized(self, text: str) -> str:
        """The canonical text form of a query."""
        return query.to_text(query.parse(text))

    def where(self, text: str) -> pw.Expression:
        """The SQL condition on Client for a query (archived clients excluded)."""
        tree = query.parse(text)
        return (Client.archived == False) & SegmentCompiler(self).compile(tree, text)  # noqa: E712

    def count(self, query_text: str) -> int:
        """How many clients the query matches."""
        condition = self.where(query_text)
        return Client.select(pw.fn.COUNT(Client.id)).where(condition).scalar()

    def client_ids(self, query_text: str) -> list[int]:
        """The ids of the matching clients, in id order."""
        condition = self.where(query_text)
        return [cid for (cid,) in Client.select(Client.id).where(condition).order_by(Client.id).tuples()]

    # ----- names in the shop's data ----------------------------------------------------------------
    def _item_names(self) -> dict[str, dict[str, str]]:
        """Product and category names by their case-folded form; scanned again once new lines exist."""
        mark = PurchaseLine.select(pw.fn.MAX(PurchaseLine.id)).scalar() or 0
        if self._items is None or self._items_mark != mark:
            names: dict[str, dict[str, str]] = {"product": {}, "category": {}}
            for scope, column in (("product", PurchaseLine.product), ("category", PurchaseLine.category)):
                for (name,) in PurchaseLine.select(column).distinct().tuples():
                    if name:
                        names[scope].setdefault(name.casefold(), name)
            self._items, self._items_mark = names, mark
        return self._items

    @staticmethod
    def spellings(column, value: str) -> list[str]:
        """Every stored spelling of `value` in an indexed text column, ignoring case."""
        wanted = value.casefold()
        return [v for (v,) in Client.select(column).distinct().tuples() if v and v.casefold() == wanted]

    def items(self, scope: str) -> list[str]:
        """Every product or category name in the bills, sorted."""
        return sorted(self._item_names()[scope].values(), key=str.casefold)

    def _lookup(self, scope: str, name: str) -> str | None:
        column = PurchaseLine.product if scope == "product" else PurchaseLine.category
        if PurchaseLine.select(PurchaseLine.id).where(column == name).exists():
            return name
        return self._item_names()[scope].get(name.casefold())

    def resolve_item(self, scope: str, name: str, text: str) -> tuple[str | None, str | None]:
        """(product, category) spelled as in the bills; an unknown name is an error with a hint."""
        product = self._lookup("product", name) if scope in ("product", "any") else None
        category = self._lookup("category", name) if scope in ("category", "any") else None
        if product is None and category is None:
            known = [v for s in (("product", "category") if scope == "any" else (scope,))
                     for v in self._item_names()[s].values()]
            hint = process.extractOne(name, known, score_cutoff=60) if known else None
            what = "product or category" if scope == "any" else scope
            message = f"no {what} \"{name}\" in the bills"
            if hint:
                message += f" (did you mean \"{hint[0]}\"?)"
            position = _position_of(text, name)
            raise ValidationError("query", "unknown_item", f"position {position + 1}, at \"{name}\": {message}",
                                  position=position, token=name)
        return product, category

    def resolve_tier(self, value: str, text: str) -> str:
        """The code of a loyalty tier named by code or name."""
        tiers = self.loyalty.rules().tiers if self.loyalty is not None else ()
        for tier in tiers:
            if value.casefold() in (tier.code.casefold(), tier.name.casefold()):
                return tier.code
        position = _position_of(text, value)
        names = ", ".join(t.name for t in tiers) or "none set up"
        raise ValidationError("query", "unknown_value", f"position {position + 1}, at \"{value}\": "
                              f"no loyalty tier \"{value}\" (tiers: {names})", position=position, token=value)

    # ----- saved segments ----------------------------------------------------------------------------
    def saved(self) -> list[Segment]:
        """Saved segments by name."""
        return [Segment(s.id, s.name, s.query) for s in SavedSegment.select().order_by(pw.fn.lower(SavedSegment.name))]

    def save(self, name: str, query_text: str) -> int:
        """Save (or replace) a named segment after checking its query; returns its id."""
        name = " ".join((name or "").split())
        if not name:
            raise ValidationError("name", "empty", "A segment needs a name")
        text = self.normalized(query_text)
        self.count(text)  # unknown products, tiers ... are reported now, not when it is opened
        now = self.clock.now()
        with self.db.atomic():
            existing = SavedSegment.get_or_none(SavedSegment.name == name)
            if existing:
                SavedSegment.update(query=text, updated_at=now).where(SavedSegment.id == existing.id).execute()
                return existing.id
            return SavedSegment.create(name=name, query=text, created_at=now, updated_at=now).id

    def get(self, segment_id: int) -> Segment:
        row = SavedSegment.get_or_none(SavedSegment.id == segment_id)
        if row is None:
            raise NotFoundError(f"There is no saved segment #{segment_id}")
        return Segment(row.id, row.name, row.query)

    def find(self, name: str) -> Segment | None:
        row = SavedSegment.get_or_none(pw.fn.lower(SavedSegment.name) == (name or "").strip().lower())
        return Segment(row.id, row.name, row.query) if row else None

    def delete(self, segment_id: int) -> None:
        if not SavedSegment.delete().where(SavedSegment.id == segment_id).execute():
            raise NotFoundError(f"There is no saved segment #{segment_id}")


def _position_of(text: str, value: str) -> int:
    found = text.casefold().find(value.casefold())
    return max(found, 0)
