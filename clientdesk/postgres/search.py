"""The client search index on PostgreSQL: pg_trgm GIN indexes on the same folded keys.

The counterpart of clientdesk.search's FTS5 tables, with the same table names, the same
`rowid` column (the client id) and the same text in each column (clientdesk.search.index_row
makes it on both engines), so what is stored is identical and only the queries differ:

- name words: every folded word typed must start a word of name, father's name or business
  name (FTS5's `{name father business} : ("w1" * AND "w2" *)`): `' ' || keys LIKE '% w1%'`,
  one GIN trigram index on that expression;
- email, business words and GSTIN: the raw words, the same way, on their own expression;
- phones: any fragment of 3+ digits (FTS5's trigram tokenizer): `phones LIKE '%digits%'`,
  one GIN trigram index.

Ranking: FTS5's bm25 with BM25_WEIGHTS is replaced by the same weights on pg_trgm's
word_similarity per column (ClientService.search then ranks the candidates with rapidfuzz on
both engines). The interface: create / replace_rows / delete_rows / clear (as in
clientdesk.search) and match / count / ranked_ids for a clientdesk.search.SearchQuery.
"""

from __future__ import annotations

import re
from typing import Sequence

from clientdesk.schema import PHONE_SEARCH_TABLE, SEARCH_TABLE
from clientdesk.search import BM25_WEIGHTS, SearchQuery, table_rows
from clientdesk.textkey import fold_words

NAME_KEYS = "(' ' || name || ' ' || father || ' ' || business)"
OTHER_KEYS = "(' ' || business || ' ' || email || ' ' || gstin)"
_RAW_TOKEN = re.compile(r"\w+", re.UNICODE)  # clientdesk.search's raw words
COPY_ROWS = 1000  # from this many rows on, written with COPY

DDL = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f'CREATE TABLE IF NOT EXISTS "{SEARCH_TABLE}" (rowid integer PRIMARY KEY, name text NOT NULL DEFAULT \'\', '
    "father text NOT NULL DEFAULT '', business text NOT NULL DEFAULT '', email text NOT NULL DEFAULT '', "
    "gstin text NOT NULL DEFAULT '')",
    f'CREATE TABLE IF NOT EXISTS "{PHONE_SEARCH_TABLE}" (rowid integer PRIMARY KEY, phones text NOT NULL)',
    f'CREATE INDEX IF NOT EXISTS client_search_name_trgm ON "{SEARCH_TABLE}" USING gin ({NAME_KEYS} gin_trgm_ops)',
    f'CREATE INDEX IF NOT EXISTS client_search_other_trgm ON "{SEARCH_TABLE}" USING gin ({OTHER_KEYS} gin_trgm_ops)',
    f'CREATE INDEX IF NOT EXISTS client_phone_search_trgm ON "{PHONE_SEARCH_TABLE}" USING gin (phones gin_trgm_ops)',
)


def create(db) -> None:
    """The index tables and their trigram indexes (pg_trgm is a trusted extension: the owner of
    the database may install it)."""
    for sql in DDL:
        db.execute_sql(sql)


# ----- writing: the same rows as clientdesk.search -------------------------------------------
def replace_rows(db, rows: list[tuple], fresh: bool = False) -> None:
    """Write (client_id, *index_row) tuples, replacing what was there. Inside the writing transaction."""
    if not rows:
        return
    if not fresh:
        delete_rows(db, [r[0] for r in rows])
    for table, (columns, values) in table_rows(rows).items():
        if not values:
            continue
        names = ", ".join(columns)
        cursor = db.cursor()
        if len(values) >= COPY_ROWS:  # COPY: 100,000 clients in 2.8 s instead of 11.3 s (executemany)
            with cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                for row in values:
                    copy.write_row(row)
        else:
            cursor.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({", ".join(["%s"] * len(columns))})', values)


def delete_rows(db, client_ids: Sequence[int]) -> None:
    for table in (SEARCH_TABLE, PHONE_SEARCH_TABLE):
        db.execute_sql(f'DELETE FROM "{table}" WHERE rowid = ANY(%s)', (list(client_ids),))


def clear(db) -> None:
    for table in (SEARCH_TABLE, PHONE_SEARCH_TABLE):
        db.execute_sql(f'DELETE FROM "{table}"')


# ----- reading --------------------------------------------------------------------------------
def _like_word(word: str) -> str:
    """A LIKE pattern: `word` starting a word of a space-led key."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"% {escaped}%"


def match(q: SearchQuery) -> tuple[str, str, list] | None:
    """(table, WHERE condition, parameters) of the rows the query's FTS5 expression matches on
    SQLite, or None when the query matches nothing by index (q.match is None)."""
    if q.match is None:
        return None
    if q.table == PHONE_SEARCH_TABLE:
        digits = q.phone_digits.replace("\\", "").replace("%", "").replace("_", "")
        return PHONE_SEARCH_TABLE, "phones LIKE %s", [f"%{digits}%"]
    text = q.text
    raw = [w.lower() for w in _RAW_TOKEN.findall(text)]
    folded = [w for w in fold_words(text) if w]
    parts, params = [], []
    if folded and "@" not in text:
        parts.append("(" + " AND ".join([f"{NAME_KEYS} LIKE %s"] * len(folded)) + ")")
        params += [_like_word(w) for w in folded]
    if raw and "@" in text:
        parts.append("(" + " AND ".join([f"{OTHER_KEYS} LIKE %s AND (' ' || email) LIKE %s"] * len(raw)) + ")")
        params += [p for w in raw for p in (_like_word(w), _like_word(w))]
    elif raw and min(len(w) for w in raw) >= 3:
        parts.append("(" + " AND ".join([f"{OTHER_KEYS} LIKE %s"] * len(raw)) + ")")
        params += [_like_word(w) for w in raw]
    if not parts:
        return None
    return SEARCH_TABLE, "(" + " OR ".join(parts) + ")", params


def count(db, q: SearchQuery) -> int:
    """How many clients (archived included) the query matches in the index."""
    found = match(q)
    if found is None:
        return 0
    table, where, params = found
    return db.execute_sql(f'SELECT count(*) FROM "{table}" WHERE {where}', params).fetchone()[0]


def ranked_ids(db, q: SearchQuery, limit: int = 200, offset: int = 0, include_archived: bool = False) -> list[int]:
    """Matching client ids, best first: the exact phone/email first, then the BM25_WEIGHTS
    weighted word similarity of the folded query to each column (phone matches by name key)."""
    found = match(q)
    if found is None:
        return []
    table, where, params = found
    exact = _exact_ids(db, q)
    order, order_params = ["(c.id = ANY(%s)) DESC"], [exact]
    if table == SEARCH_TABLE and q.name_key:
        columns = ("s.name", "s.father", "s.business", "s.email", "s.gstin")
        order.append("(" + " + ".join(f"{w} * word_similarity(%s, {c})" for w, c in zip(BM25_WEIGHTS, columns))
                     + ") DESC")
        order_params += [q.name_key] * len(columns)
    order += ["c.search_key", "c.id"]
    archived = "" if include_archived else "AND NOT c.archived"
    sql = (f'SELECT c.id FROM "{table}" s JOIN client c ON c.id = s.rowid WHERE {where} {archived} '
           f"ORDER BY {', '.join(order)} LIMIT %s OFFSET %s")
    return [cid for (cid,) in db.execute_sql(sql, [*params, *order_params, limit, offset]).fetchall()]


def _exact_ids(db, q: SearchQuery) -> list[int]:
    ids = []
    if q.exact_phone:
        ids += [r[0] for r in db.execute_sql("SELECT client_id FROM phone WHERE number = %s", (q.exact_phone,))]
    if q.exact_email:
        ids += [r[0] for r in db.execute_sql("SELECT id FROM client WHERE email = %s", (q.exact_email,))]
    return ids


# ----- the client list's count and pages (ClientService.count / ids on a server) ----------------
def _filtered(listing, flt, q: SearchQuery):
    """ClientService._filtered with the index's condition in PostgreSQL's words."""
    import peewee as pw

    from clientdesk.models import Client

    query = Client.select(Client.id)
    if q.phone_prefix:
        query = query.where(Client.id.in_(listing._with_phone_prefix(q)))
    elif flt.text.strip() and not q.too_short:
        found = match(q)
        if found is None:
            return query.where(pw.SQL("false"))
        table, where, params = found
        query = query.where(Client.id.in_(pw.SQL(f'(SELECT rowid FROM "{table}" WHERE {where})', params)))
    for condition in listing._conditions(flt):
        query = query.where(condition)
    return query


def client_count(listing, flt) -> int:
    """How many clients match the filter (ClientListing.count on a server)."""
    from clientdesk.search import parse_query

    return _filtered(listing, flt, parse_query(flt.text)).count()


def client_ids(listing, flt, sort: str, descending: bool, offset: int, limit: int) -> list[int]:
    """One page of matching client ids (ClientListing.ids on a server). Relevance: the exact
    phone/email first, then the weighted word similarity of the folded query to each indexed
    column; more than RANK_LIMIT matches are listed by name, as on SQLite."""
    import peewee as pw

    from clientdesk.models import Client
    from clientdesk.search import parse_query
    from clientdesk.clients.listing import RANK_LIMIT

    q = parse_query(flt.text)
    query = _filtered(listing, flt, q)
    order = None
    if sort == "relevance" and q.match is not None and query.limit(RANK_LIMIT + 1).count() <= RANK_LIMIT:
        exact = listing.exact_ids(q)
        order = [Client.id.in_(exact).desc()] if exact else []
        if q.table == SEARCH_TABLE and q.name_key:
            columns = ("name", "father", "business", "email", "gstin")
            score = " + ".join(f"{w} * word_similarity(%s, s.{c})" for w, c in zip(BM25_WEIGHTS, columns))
            order.append(pw.NodeList((pw.SQL(f'(SELECT {score} FROM "{SEARCH_TABLE}" s WHERE s.rowid = ',
                                             [q.name_key] * len(columns)), Client.id, pw.SQL(")"))).desc())
        order += [Client.search_key, Client.id]
    if order is None:
        order = listing._column_order(sort, descending)
    limit = None if limit is not None and limit < 0 else limit  # SQLite's LIMIT -1: no limit
    return [cid for (cid,) in query.order_by(*order).offset(offset).limit(limit).tuples()]
