"""The client list's query planner: count, one page of ids, its rows, and the quick search, filtered,
sorted and searched in SQL (the search index, the phone table, the name index) so that a keystroke
stays fast at 100,000 clients. Read-only."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Sequence

import peewee as pw
from peewee import fn
from rapidfuzz import fuzz

from clientdesk import search
from clientdesk.errors import ValidationError
from clientdesk.models import Client, ClientPhoneSearch, ClientSearch, ClientTag, Phone, Tag
from clientdesk.schema import PHONE_SEARCH_TABLE, SEARCH_TABLE
from clientdesk.textkey import name_key

RANK_LIMIT = 500
SORT_KEYS = ("relevance", "name", "phone", "city", "status", "last_visit", "total_spent", "tags", "created")


@dataclass(frozen=True)
class ClientRow:
    """One line of the client list."""

    id: int
    name: str
    honorific: str
    father_name: str
    phone: str | None
    email: str | None
    city: str
    status: str
    last_visit_on: dt.date | None
    total_spent_paise: int
    tags: str


@dataclass(frozen=True)
class ClientFilter:
    """What the list shows: search text, status, tag, archived or not, or an explicit id set."""

    text: str = ""
    status: str = ""
    tag: str = ""
    include_archived: bool = False
    ids: frozenset[int] | None = None


_INDEXES = {SEARCH_TABLE: ClientSearch, PHONE_SEARCH_TABLE: ClientPhoneSearch}  # SearchQuery.table -> model


def status_at(first, last, cutoff) -> str:
    """prospect / active / lapsed from the first and last purchase dates and the lapse cutoff
    (all dates, or all ISO text as SQL returns them)."""
    if first is None:
        return "prospect"
    return "lapsed" if last < cutoff else "active"


def status_sql(cutoff: dt.date):
    """status_at() as an SQL expression on the client row."""
    return pw.Case(None, [(Client.first_purchase_on.is_null(), "prospect"),
                          (Client.last_purchase_on < cutoff, "lapsed")], "active")


class ClientListing:
    """count / ids / rows / page / search of the client list. `lapse_cutoff` gives the day before
    which a client's last purchase makes them lapsed (it follows the settings)."""

    def __init__(self, db, lapse_cutoff: Callable[[], dt.date]):
        self.db = db
        self.lapse_cutoff = lapse_cutoff
        self._last_match_count: tuple[str, int] | None = None  # (FTS match, count) taken last

    def _status_sql(self):
        return status_sql(self.lapse_cutoff())

    def _conditions(self, flt: ClientFilter) -> list:
        """SQL conditions of everything in the filter except the search text."""
        conditions = []
        if not flt.include_archived:
            conditions.append(Client.archived == False)  # noqa: E712  (erased clients are archived too)
        else:
            conditions.append(Client.erased == False)  # noqa: E712  (an erased client is listed nowhere)
        if flt.status:
            conditions.append(self._status_sql() == flt.status)
        if flt.tag:
            conditions.append(Client.id.in_(
                ClientTag.select(ClientTag.client).join(Tag).where(Tag.name == flt.tag)))
        if flt.ids is not None:
            conditions.append(Client.id.in_(list(flt.ids)))
        return conditions

    @staticmethod
    def _matching(q: search.SearchQuery):
        """The ids of the clients the query's index matches (a sub-select)."""
        index = _INDEXES[q.table]
        return index.select(index.rowid).where(index.match(q.match))

    @staticmethod
    def _with_phone_prefix(q: search.SearchQuery):
        """The ids of the clients with a phone starting with the query's two digits (a sub-select)."""
        low, high = search.phone_prefix_range(q.phone_prefix)
        return Phone.select(Phone.client).where(Phone.number.between(low, high))

    def _filtered(self, flt: ClientFilter):
        query = Client.select(Client.id)
        q = search.parse_query(flt.text)
        if q.phone_prefix:
            query = query.where(Client.id.in_(self._with_phone_prefix(q)))
        elif flt.text.strip() and not q.too_short:
            if q.match is None:
                return query.where(pw.SQL("0")), q
            query = query.where(Client.id.in_(self._matching(q)))
        for condition in self._conditions(flt):
            query = query.where(condition)
        return query, q

    def _text_only(self, flt: ClientFilter) -> bool:
        return bool(flt.text.strip()) and not flt.status and not flt.tag and flt.ids is None

    def _id_span(self) -> int:
        """About how many clients there are (the highest id), without counting them."""
        return self.db.execute_sql("SELECT coalesce(max(id), 0) FROM client").fetchone()[0]

    def _match_count(self, q: search.SearchQuery) -> int:
        """How many clients (archived ones included) the query's index or phone prefix matches.
        A phone prefix is counted on the phone table alone: no client row is read."""
        if q.phone_prefix:
            low, high = search.phone_prefix_range(q.phone_prefix)
            count = Phone.select(fn.COUNT(fn.DISTINCT(Phone.client))).where(Phone.number.between(low, high)).scalar()
        else:
            count = self.db.execute_sql(f"SELECT count(*) FROM {q.table} WHERE {q.table} MATCH ?",
                                        (q.match,)).fetchone()[0]
        self._last_match_count = ((q.table, q.match, q.phone_prefix), count)
        return count

    def _recent_match_count(self, q: search.SearchQuery) -> int:
        """The count just taken for this query by count() (the list asks count, then ids, per keystroke).
        Only the choice of ranking depends on it, so a count a moment old is good enough."""
        cached = self._last_match_count
        return cached[1] if cached and cached[0] == (q.table, q.match, q.phone_prefix) else self._match_count(q)

    def count(self, flt: ClientFilter = ClientFilter()) -> int:
        """How many clients match the filter."""
        if getattr(self.db, "search_index", None):  # a server: clientdesk.postgres.search
            return self.db.search_index.client_count(self, flt)
        query, q = self._filtered(flt)
        if self._text_only(flt) and (q.match is not None or q.phone_prefix):
            # Counted in the index alone; archived matches (usually none) are taken off.
            total = self._match_count(q)
            if not flt.include_archived and Client.select().where(Client.archived == True).exists():  # noqa: E712
                matching = self._with_phone_prefix(q) if q.phone_prefix else self._matching(q)
                total -= Client.select().where(Client.archived == True, Client.id.in_(matching)).count()  # noqa: E712
            return total
        return query.count()

    def exact_ids(self, q: search.SearchQuery) -> list[int]:
        """The clients the query names exactly: every member of a household for a whole phone
        number, the owner of a whole email address."""
        ids = []
        if q.exact_phone:  # every member of a household
            ids += [cid for (cid,) in Phone.select(Phone.client).where(Phone.number == q.exact_phone).tuples()]
        if q.exact_email:
            row = Client.get_or_none(Client.email == q.exact_email)
            if row:
                ids.append(row.id)
        return ids

    def _column_order(self, sort: str, descending: bool) -> list:
        if sort not in SORT_KEYS:
            raise ValidationError("sort", "invalid", f"Unknown sort {sort}")
        columns = {
            "name": [Client.search_key, Client.name], "phone": [Client.primary_phone],
            "city": [Client.postal_city], "status": [self._status_sql()], "last_visit": [Client.last_visit_on],
            "total_spent": [Client.total_spent_paise], "tags": [Client.tags_text], "created": [Client.created_at],
            "relevance": [Client.search_key, Client.name],
        }[sort]
        nullable = {Client.primary_phone, Client.last_visit_on}
        order = [(c.desc(nulls="LAST") if descending else c.asc(nulls="LAST")) if c in nullable
                 else (c.desc() if descending else c.asc()) for c in columns]
        return order + [Client.id.desc() if descending else Client.id]

    def ids(self, flt: ClientFilter = ClientFilter(), sort: str = "relevance", descending: bool = False,
            offset: int = 0, limit: int = 200) -> list[int]:
        """One page of matching client ids, sorted in SQL.

        Relevance (the default while searching): exact phone/email first, then the index's bm25 rank.
        When a short query matches more than RANK_LIMIT clients, ranking them all would cost more than
        a keystroke may, and they are listed by name instead.
        """
        if getattr(self.db, "search_index", None):  # a server: clientdesk.postgres.search
            return self.db.search_index.client_ids(self, flt, sort, descending, offset, limit)
        query, q = self._filtered(flt)
        if q.phone_prefix and not self._with_phone_prefix(q).exists():
            return []  # else the walk below would read the whole name index to find nothing
        matches = self._recent_match_count(q) if q.match is not None else None
        many = bool(q.phone_prefix) or (matches is not None and matches > RANK_LIMIT)
        if sort == "relevance" and q.match is not None and not many:
            index = _INDEXES[q.table]
            query = (index.select(Client.id).join(Client, pw.JOIN.CROSS)  # the index drives the join
                     .where(Client.id == index.rowid, index.match(q.match), *self._conditions(flt)))
            exact = self.exact_ids(q)
            order = [Client.id.in_(exact).desc()] if exact else []
            if index is ClientSearch:  # ranked by the client index; phone matches by name
                order.append(ClientSearch.bm25(*search.BM25_WEIGHTS))
            query = query.order_by(*order, Client.search_key, Client.id)
        else:
            dense = q.phone_prefix or (matches is not None and matches * 20 > self._id_span())
            if dense and sort in ("relevance", "name") and not descending:
                # One client in twenty or more matches: walk the name index and stop after one page,
                # rather than sorting every match (the planner would sort).
                index = "client_search_key_name" if flt.include_archived else "client_archived_search_key_name"
                query = query.from_(pw.SQL(f'"client" AS "t1" INDEXED BY "{index}"'))
            query = query.order_by(*self._column_order(sort, descending))
        return [cid for (cid,) in query.offset(offset).limit(limit).tuples()]

    def rows(self, client_ids: Sequence[int]) -> list[ClientRow]:
        """List rows for these ids, in the same order."""
        if not client_ids:
            return []
        status = self._status_sql().alias("status")
        query = (Client.select(Client.id, Client.name, Client.honorific, Client.father_name, Client.primary_phone,
                               Client.email, Client.postal_city, status, Client.last_visit_on,
                               Client.total_spent_paise, Client.tags_text)
                 .where(Client.id.in_(list(client_ids))).tuples())
        by_id = {r[0]: ClientRow(*r) for r in query}
        return [by_id[i] for i in client_ids if i in by_id]

    def page(self, flt: ClientFilter = ClientFilter(), sort: str = "relevance", descending: bool = False,
             offset: int = 0, limit: int = 200) -> list[ClientRow]:
        """One page of list rows."""
        return self.rows(self.ids(flt, sort, descending, offset, limit))

    def search(self, text: str, limit: int = 20) -> list[ClientRow]:
        """The best matches for what was typed: exact phone/email first, then by name similarity."""
        q = search.parse_query(text)
        if q.match is None and not q.phone_prefix:
            return []
        candidates = self.ids(ClientFilter(text=text, include_archived=False), "relevance", offset=0,
                              limit=max(limit * 5, 100))
        rows = self.rows(candidates)
        exact = set(self.exact_ids(q))
        if not q.name_key:
            return rows[:limit]

        def score(pos_row):
            pos, row = pos_row
            if row.id in exact:
                return (0, 0.0, pos)
            similarity = fuzz.WRatio(q.name_key, name_key(row.name))
            return (1, -similarity, pos)

        ranked = sorted(enumerate(rows), key=score)
        return [row for _, row in ranked[:limit]]
