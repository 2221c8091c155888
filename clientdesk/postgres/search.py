"""The client search index on PostgreSQL: GIN indexes on the same folded keys.

The counterpart of clientdesk.search's FTS5 tables, with the same table names, the same
`rowid` column (the client id) and the same text in each column (clientdesk.search.index_row
makes it on both engines), so what is stored is identical and only the queries differ:

- name words: every folded word typed must start a word of name, father's name or business
  name (FTS5's `{name father business} : ("w1" * AND "w2" *)`): the keys' words as a tsvector
  (`'w1':* & 'w2':*`, NAME_WORDS), whose GIN index is exact, so matches are found and counted
  without reading a key; one row at a time (a page walked in name order) it is tried by LIKE on
  the keys (`' ' || keys LIKE '% w1%'`), which needs no index;
- email, business words and GSTIN: the raw words typed, the same way, on the words of those
  keys (OTHER_WORDS), any script; an email's words must be in the email too;
- phones: any fragment of 3+ digits (FTS5's trigram tokenizer): `phones LIKE '%digits%'`,
  one pg_trgm GIN index.

Books made before 2026-12 had trigram indexes on the name and other keys and the name words
made by the text parser; ensure() replaces them (UNUSED_INDEXES): a big import built them again
each time, 1.3 s of 100,000 clients' 2.8 s of indexes.

Ranking: FTS5's bm25 with BM25_WEIGHTS is replaced by the same weights on pg_trgm's
word_similarity per column (ClientService.search then ranks the candidates with rapidfuzz on
both engines). The interface: create / ensure / replace_rows / delete_rows / clear (as in
clientdesk.search), match / count / ranked_ids for a clientdesk.search.SearchQuery, and the
client list's client_count / client_ids (ClientListing on a server).
"""

from __future__ import annotations

import logging
from typing import Sequence

import peewee

from clientdesk.errors import ClientDeskError
from clientdesk.schema import PHONE_SEARCH_TABLE, SEARCH_TABLE
from clientdesk.search import BM25_WEIGHTS, SearchQuery, raw_words, table_rows
from clientdesk.textkey import fold_words

NAME_KEYS = "(' ' || name || ' ' || father || ' ' || business)"
OTHER_KEYS = "(' ' || business || ' ' || email || ' ' || gstin)"
# The words of the name keys as a tsvector, with an exact GIN index: a folded word typed (letters
# and digits) starts a word of the keys exactly when `word:*` matches it, which the index answers
# without reading a key. Counting "r" (a third of the book) by LIKE would check every row it
# matches; a word of 1-2 letters has no trigram of its own. The keys are already words, lower
# case, one space apart (clientdesk.search.index_row: folded words, raw words), so they become
# the lexemes as they are, without the text parser: the same lexemes its 'simple' configuration
# gave for all 100,000 bench clients, whatever the server's locale, and the index builds in 0.25
# instead of 0.45 s. (A word over 2,047 bytes, which no name has, is kept cut: PostgreSQL's limit.)
NAME_WORDS = "array_to_tsvector(array_remove(string_to_array(name || ' ' || father || ' ' || business, ' '), ''))"
# The words of the other keys (business, email, GSTIN: raw words, any script) the same way.
OTHER_WORDS = "array_to_tsvector(array_remove(string_to_array(business || ' ' || email || ' ' || gstin, ' '), ''))"
# A word typed longer than this many bytes is looked for by LIKE (a tsquery word has at most 2,047).
LONGEST_WORD = 1000
log = logging.getLogger(__name__)
COPY_ROWS = 1000  # from this many rows on, written with COPY

DDL = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f'CREATE TABLE IF NOT EXISTS "{SEARCH_TABLE}" (rowid integer PRIMARY KEY, name text NOT NULL DEFAULT \'\', '
    "father text NOT NULL DEFAULT '', business text NOT NULL DEFAULT '', email text NOT NULL DEFAULT '', "
    "gstin text NOT NULL DEFAULT '')",
    f'CREATE TABLE IF NOT EXISTS "{PHONE_SEARCH_TABLE}" (rowid integer PRIMARY KEY, phones text NOT NULL)',
    f'CREATE INDEX IF NOT EXISTS client_phone_search_trgm ON "{PHONE_SEARCH_TABLE}" USING gin (phones gin_trgm_ops)',
)
# Made by create() and by ensure() on a book made before them.
WORDS_INDEX = "client_search_name_lexemes"
OTHER_INDEX = "client_search_other_lexemes"
# Made by books before 2026-12, which ensure() drops: a trigram index on the name keys that no
# query used since the name words had their own index (every big import built it again: 0.7 s of
# 100,000 clients' 2.8 s of indexes), that index of the name words made by the text parser, and
# a trigram index on the other keys, which their words' index answers (0.35 s to build, not 0.6).
UNUSED_INDEXES = ("client_search_name_trgm", "client_search_name_words", "client_search_other_trgm")
WORDS_DDL = (f'CREATE INDEX IF NOT EXISTS {WORDS_INDEX} ON "{SEARCH_TABLE}" USING gin ({NAME_WORDS})',
             f'CREATE INDEX IF NOT EXISTS {OTHER_INDEX} ON "{SEARCH_TABLE}" USING gin ({OTHER_WORDS})')
# The client list in name order with the ids: a page walked in that order reads no client row.
LIST_ORDER_DDL = "CREATE INDEX IF NOT EXISTS client_list_name_order ON client (archived, search_key, name, id)"


def create(db) -> None:
    """The index tables and their indexes (pg_trgm, for the phones' index and the ranking, is a
    trusted extension: the owner of the database may install it)."""
    for sql in (*DDL, *WORDS_DDL, LIST_ORDER_DDL):
        db.execute_sql(sql)


def ensure(db) -> None:
    """Bring the index of a server book made by an older ClientDesk up to date at open: make the
    name-words index it lacks (the first owner's open of such a book builds it, seconds at 100,000
    clients) and drop the UNUSED_INDEXES. A counter's role that may not change indexes leaves the
    book as it is: the search finds the same, more slowly without the name-words index."""
    if is_current(db):
        return
    try:
        with db.atomic():
            for sql in (*WORDS_DDL, LIST_ORDER_DDL):
                db.execute_sql(sql)
            for name in UNUSED_INDEXES:
                db.execute_sql(f"DROP INDEX IF EXISTS {name}")
            db.execute_sql(f'ANALYZE "{SEARCH_TABLE}"')
    except (peewee.PeeweeException, ClientDeskError) as exc:  # no privilege, say: keep the older indexes
        log.warning("The search index could not be brought up to date: %s", exc)


def is_current(db) -> bool:
    """Whether the search index has the indexes of the current code (and none of the unused)."""
    return db.execute_sql("SELECT to_regclass(%s) IS NOT NULL AND to_regclass(%s) IS NOT NULL "
                          "AND to_regclass('client_list_name_order') IS NOT NULL "
                          "AND NOT EXISTS (SELECT 1 FROM unnest(%s::text[]) n WHERE to_regclass(n) IS NOT NULL)",
                          (WORDS_INDEX, OTHER_INDEX, list(UNUSED_INDEXES))).fetchone()[0]


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


def _words_condition(words_key: str, keys: str, typed: list[str], counting: bool) -> tuple[str, list]:
    """Every word typed starts a word of the keys: by the words' index (`words_key`, a tsvector of
    the keys' words) when `counting` (finding the matches in the whole book: no key is read), else
    (and for a word too long for a tsquery) by LIKE on the space-led `keys`, which is quick to try
    on one row (a page walked in name order tries rows one by one) and needs no index."""
    indexed = [w for w in typed if len(w.encode()) <= LONGEST_WORD] if counting else []
    others = [w for w in typed if w not in indexed]
    parts, params = [], []
    if indexed:
        parts.append(f"{words_key} @@ %s::tsquery")
        params.append(_prefix_query(indexed))
    parts += [f"{keys} LIKE %s"] * len(others)
    params += [_like_word(w) for w in others]
    return "(" + " AND ".join(parts) + ")", params


def _prefix_query(words: list[str]) -> str:
    """A tsquery (its text) of every word as the start of a lexeme, taken as typed: quoted, so no
    parser splits or changes it (the index's lexemes are the keys' words as they are)."""
    return " & ".join("'" + w.replace("\\", "\\\\").replace("'", "''") + "':*" for w in words)


def _parts(q: SearchQuery, counting: bool = False) -> tuple[str, list[tuple[str, list]]] | None:
    """(table, [(condition, parameters), ...]): the rows the query matches are those any
    condition matches; None when the query matches nothing by index."""
    if q.match is None:
        return None
    if q.table == PHONE_SEARCH_TABLE:
        digits = q.phone_digits.replace("\\", "").replace("%", "").replace("_", "")
        return PHONE_SEARCH_TABLE, [("phones LIKE %s", [f"%{digits}%"])]
    text = q.text
    raw = raw_words(text)
    folded = [w for w in fold_words(text) if w]
    parts = []
    if folded and "@" not in text:
        parts.append(_words_condition(NAME_WORDS, NAME_KEYS, folded, counting))
    if raw and "@" in text:  # an email: its words in the other keys, and in the email itself
        where, params = _words_condition(OTHER_WORDS, OTHER_KEYS, raw, counting)
        parts.append((f"({where} AND " + " AND ".join(["(' ' || email) LIKE %s"] * len(raw)) + ")",
                      params + [_like_word(w) for w in raw]))
    elif raw and min(len(w) for w in raw) >= 3:
        parts.append(_words_condition(OTHER_WORDS, OTHER_KEYS, raw, counting))
    return (SEARCH_TABLE, parts) if parts else None


def match(q: SearchQuery, counting: bool = False) -> tuple[str, str, list] | None:
    """(table, WHERE condition, parameters) of the rows the query's FTS5 expression matches on
    SQLite, or None when the query matches nothing by index (q.match is None). `counting`: the
    condition for counting every match (see _words_condition)."""
    found = _parts(q, counting)
    if found is None:
        return None
    table, parts = found
    return table, "(" + " OR ".join(where for where, _ in parts) + ")", [p for _, params in parts for p in params]


def _matching_ids(q: SearchQuery, distinct: bool = True) -> tuple[str, list] | None:
    """(SQL of the ids of the rows the query matches, parameters), for counting: each condition
    on its own (a bitmap of one words' index joined with another's would have every row of a
    page they share checked again, key by key). Not `distinct`: an id matched by
    two conditions comes twice (enough for a hash or an array of ids, which need no sort)."""
    found = _parts(q, counting=True)
    if found is None:
        return None
    table, parts = found
    union = " UNION " if distinct else " UNION ALL "
    return (union.join(f'SELECT rowid FROM "{table}" WHERE {where}' for where, _ in parts),
            [p for _, params in parts for p in params])


def count(db, q: SearchQuery) -> int:
    """How many clients (archived included) the query matches in the index."""
    found = _matching_ids(q)
    if found is None:
        return 0
    sql, params = found
    return db.execute_sql(f"SELECT count(*) FROM ({sql}) m", params).fetchone()[0]


def ranked_ids(db, q: SearchQuery, limit: int = 200, offset: int = 0, include_archived: bool = False) -> list[int]:
    """Matching client ids, best first: the exact phone/email first, then the BM25_WEIGHTS
    weighted word similarity of the folded query to each column (phone matches by name key)."""
    found = match(q, counting=True)  # found by the indexes (match(q) tries rows one by one)
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
    archived = "true" if include_archived else "NOT c.archived"
    sql = (f'SELECT c.id FROM (SELECT * FROM "{table}" WHERE {where}) s JOIN client c ON c.id = s.rowid '
           f"WHERE {archived} ORDER BY {', '.join(order)} LIMIT %s OFFSET %s")
    return [cid for (cid,) in db.execute_sql(sql, [*params, *order_params, limit, offset]).fetchall()]


def _exact_ids(db, q: SearchQuery) -> list[int]:
    ids = []
    if q.exact_phone:
        ids += [r[0] for r in db.execute_sql("SELECT client_id FROM phone WHERE number = %s", (q.exact_phone,))]
    if q.exact_email:
        ids += [r[0] for r in db.execute_sql("SELECT id FROM client WHERE email = %s", (q.exact_email,))]
    return ids


# ----- the client list's count and pages (ClientService.count / ids on a server) ----------------
# As on SQLite (clientdesk.clients.listing): a search typed alone is counted in the index alone,
# archived matches taken off; the count is kept for the page asked next; more than RANK_LIMIT
# matches are listed by name, and when one client in twenty or more matches, by walking the name
# index and stopping after one page. The matching ids come from the index first (a hash the walk
# probes): a filter tried on every client the walk passes would be checked row by row.
def _matching_sql(q: SearchQuery, counting: bool = False, distinct: bool = True):
    """(SQL of the ids the query's index matches, parameters), or None when it matches nothing."""
    if q.phone_prefix:
        from clientdesk.search import phone_prefix_range

        return "SELECT client_id FROM phone WHERE number BETWEEN %s AND %s", list(phone_prefix_range(q.phone_prefix))
    if counting:
        return _matching_ids(q, distinct)
    found = match(q)
    if found is None:
        return None
    table, where, params = found
    return f'SELECT rowid FROM "{table}" WHERE {where}', params


def _filtered(listing, flt, q: SearchQuery, dense: bool = True, densest: bool = False):
    """ClientService._filtered with the index's condition in PostgreSQL's words. The matching ids
    are found first, by the indexes alone: when `dense`, into a hash each client row is tried
    against (`(id IN (...)) IS TRUE` keeps the planner from turning it into a join that tries
    every client walked against the search index, row by row); else as an array of ids looked up.
    When `densest` (one client in five or more matches), a hash of them all would cost more than
    trying the few hundred clients a page walks, each by its index row (LIKE)."""
    import peewee as pw

    from clientdesk.models import Client

    query = Client.select(Client.id)
    if q.phone_prefix or (flt.text.strip() and not q.too_short):
        found = _matching_sql(q, counting=True, distinct=False)
        if found is None:
            return query.where(pw.SQL("false"))
        sql, params = found
        plain = match(q) if densest and not q.phone_prefix else None
        if plain is not None:
            table, where, like_params = plain
            query = query.where(pw.NodeList((pw.SQL(f'(SELECT {where} FROM "{table}" WHERE rowid = ', like_params),
                                             Client.id, pw.SQL(") IS TRUE"))))
        elif dense:
            query = query.where(pw.NodeList((pw.SQL("("), Client.id, pw.SQL(f"IN ({sql})) IS TRUE", params))))
        else:
            query = query.where(pw.NodeList((Client.id, pw.SQL(f"= ANY(ARRAY({sql}))", params))))
    for condition in listing._conditions(flt):
        query = query.where(condition)
    return query


def _text_only(flt) -> bool:
    return bool(flt.text.strip()) and not flt.status and not flt.tag and flt.ids is None


def _match_count(listing, q: SearchQuery, archived: bool = True) -> tuple[int, int]:
    """(how many clients the query's index or phone prefix matches, counted in the index or the
    phone table alone; how many of them are archived, or 0 unless `archived` is asked), in one
    statement with the highest client id (the id span ClientListing._id_span gives), kept for
    the page asked next. Archived clients are counted only when there are any."""
    sql, params = _matching_sql(q, counting=True)
    total = (f"SELECT count(DISTINCT client_id) FROM ({sql}) m" if q.phone_prefix
             else f"SELECT count(*) FROM ({sql}) m")
    inactive = "0"
    if archived:
        inactive = (f"CASE WHEN EXISTS (SELECT 1 FROM client WHERE archived) THEN "
                    f"(SELECT count(*) FROM client c WHERE c.archived AND c.id IN ({sql})) ELSE 0 END")
        params = params + params
    count, archived_count, span = listing.db.execute_sql(
        f"SELECT ({total}), {inactive}, (SELECT coalesce(max(id), 0) FROM client)", params).fetchone()
    listing._last_match_count = ((q.table, q.match, q.phone_prefix, q.text), (count, span))
    return count, archived_count


def _recent_match_count(listing, q: SearchQuery) -> tuple[int, int]:
    """(matches, id span) just taken for this query by client_count (the list asks count, then ids,
    per keystroke): only the choice of ranking depends on them, so a moment old is good enough."""
    cached = listing._last_match_count
    if not (cached and cached[0] == (q.table, q.match, q.phone_prefix, q.text)):
        _match_count(listing, q, archived=False)
    return listing._last_match_count[1]


def client_count(listing, flt) -> int:
    """How many clients match the filter (ClientListing.count on a server)."""
    from clientdesk.search import parse_query

    q = parse_query(flt.text)
    if _text_only(flt) and (q.phone_prefix or (q.match is not None and match(q) is not None)):
        total, archived = _match_count(listing, q, archived=not flt.include_archived)
        return total - archived
    if not (flt.text.strip() and not q.too_short) and not flt.status and not flt.tag and flt.ids is None:
        # everyone: all the rows less the few archived (or erased) ones, by their partial index
        gone = "erased" if flt.include_archived else "archived"
        return listing.db.execute_sql(f"SELECT (SELECT count(*) FROM client) - "
                                      f"(SELECT count(*) FROM client WHERE {gone})").fetchone()[0]
    return _filtered(listing, flt, q).count()


def client_ids(listing, flt, sort: str, descending: bool, offset: int, limit: int) -> list[int]:
    """One page of matching client ids (ClientListing.ids on a server). Relevance: the exact
    phone/email first, then the weighted word similarity of the folded query to each indexed
    column; more than RANK_LIMIT matches are listed by name, as on SQLite."""
    import peewee as pw

    from clientdesk.models import Client
    from clientdesk.search import parse_query
    from clientdesk.clients.listing import RANK_LIMIT

    q = parse_query(flt.text)
    limit = None if limit is not None and limit < 0 else limit  # SQLite's LIMIT -1: no limit
    found = _matching_sql(q, counting=True, distinct=False) if q.match is not None else None
    matches, span = _recent_match_count(listing, q) if found is not None or q.phone_prefix else (None, None)
    if sort == "relevance" and found is not None and matches <= RANK_LIMIT:
        # A few hundred at most: each is looked up by id and ranked.
        sql, params = found
        exact = listing.exact_ids(q)
        order = [Client.id.in_(exact).desc()] if exact else []
        source = '"client" AS "t1"'
        if q.table == SEARCH_TABLE and q.name_key:
            source += f' JOIN "{SEARCH_TABLE}" AS s ON s.rowid = "t1"."id"'
            columns = ("name", "father", "business", "email", "gstin")
            score = " + ".join(f"{w} * word_similarity(%s, s.{c})" for w, c in zip(BM25_WEIGHTS, columns))
            order.append(pw.NodeList((pw.SQL(f"({score})", [q.name_key] * len(columns)),)).desc())
        order += [Client.search_key, Client.id]
        ranked = (Client.select(Client.id).from_(pw.SQL(source))
                  .where(pw.NodeList((Client.id, pw.SQL(f"= ANY(ARRAY({sql}))", params))), *listing._conditions(flt)))
        return [cid for (cid,) in ranked.order_by(*order).offset(offset).limit(limit).tuples()]
    # Many matches, listed in a column's order: when one client in twenty or more matches (or a
    # phone prefix), walk the name index trying each client against the matches' hash, and stop
    # after a page; fewer are looked up by id and sorted.
    dense = matches is None or matches * 20 > span
    densest = matches is not None and matches * 5 > span and sort in ("relevance", "name") and not descending
    query = _filtered(listing, flt, q, dense=dense, densest=densest)
    if sort in ("relevance", "name") and not descending:
        order = [Client.search_key, Client.name, Client.id]  # listing._column_order's, without reading the settings
    else:
        order = listing._column_order(sort, descending)
    return [cid for (cid,) in query.order_by(*order).offset(offset).limit(limit).tuples()]
