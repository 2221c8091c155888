"""The server's search index (clientdesk.postgres.search) on its own: bulk writes and queries."""

from __future__ import annotations

import pytest

from clientdesk.postgres import search as pgs
from clientdesk.search import SEARCH_TABLE, index_row, parse_query


def test_a_bulk_load_by_copy_is_found_like_single_rows(server_db, server_rows):
    names = ["रमेश कुमार", "Laxmi Narayan", "हरप्रीत कौर", "O'Brien \\ 100% \"quoted\"\ttab"]
    rows = [(cid, *index_row(names[cid % 4], "", "", [f"+9198{cid:08d}"], None, None))
            for cid in range(1, pgs.COPY_ROWS + 2)]
    with server_db.atomic():
        pgs.replace_rows(server_db, rows, fresh=True)
    assert server_rows("SELECT count(*) FROM client_search") == [(pgs.COPY_ROWS + 1,)]
    assert server_rows("SELECT count(*) FROM client_phone_search") == [(pgs.COPY_ROWS + 1,)]
    assert server_rows("SELECT name FROM client_search WHERE rowid = 3") == [(rows[2][1],)]
    assert pgs.count(server_db, parse_query("ramesh")) == len([r for r in rows if r[0] % 4 == 0])
    assert pgs.count(server_db, parse_query("brien")) == len([r for r in rows if r[0] % 4 == 3])
    assert pgs.count(server_db, parse_query("00000777")) == 1
    with server_db.atomic():
        pgs.delete_rows(server_db, [1, 2, 3])
    assert server_rows("SELECT min(rowid) FROM client_search") == [(4,)]
    with server_db.atomic():
        pgs.clear(server_db)
    assert server_rows("SELECT count(*) FROM client_search") == [(0,)]


def test_like_wildcards_typed_are_plain_characters(server_db):
    rows = [(1, *index_row("Anil 50% off_shop", "", "", [], None, None)), (2, *index_row("Anil", "", "", [], None, None))]
    with server_db.atomic():
        pgs.replace_rows(server_db, rows, fresh=True)
    assert pgs.count(server_db, parse_query("anil")) == 2
    assert pgs.count(server_db, parse_query("%")) == 0
    assert pgs.count(server_db, parse_query("_")) == 0


# ----- counting by the name words' exact index, and the client list on it ------------------------
TYPED = ["r", "ra", "ram", "rame", "ramesh k", "s", "su", "sunita", "sunita s", "k", "ku", "kumar", "a", "o", "of",
         "off", "sh", "shop", "50", "x", "रमेश", "र", "सु", "kumar traders", "tr", "zz", "_", "%", "a@", "laxmi@ex",
         "कुमार", "ट्रे", "27aap", "o'bri", "off_s", "laxmi@example.in", "example", "ǂ", "x" * 1500, "'", "\\"]
NAMES = ["Ramesh Kumar", "Rajesh Kumar", "Sunita Sharma", "Suresh Kumar", "Priya Singh", "Anil 50% off_shop",
         "Laxmi Narayan", "रमेश कुमार", "सुनीता शर्मा", "Harpreet Kaur", "O'Brien", "Ram", "Kumari Devi"]


def _like_count(db, q) -> int:
    """The rows the LIKE conditions on the trigram indexes match (the meaning of a match)."""
    found = pgs.match(q)
    if found is None:
        return 0
    table, where, params = found
    return db.execute_sql(f'SELECT count(*) FROM "{table}" WHERE {where}', params).fetchone()[0]


def test_counting_by_the_words_indexes_finds_what_like_finds(server_db):
    """The words' indexes (name keys, other keys) against the meaning of a match, LIKE on the
    keys: Latin and Devanagari words, an email, a GSTIN, quotes and wildcards typed, a word too
    long for a tsquery."""
    rows = [(cid, *index_row(NAMES[cid % len(NAMES)], NAMES[(cid * 7) % len(NAMES)] if cid % 3 else "",
                             ("Kumar Traders", "कुमार ट्रेडर्स", "")[cid % 3] if cid % 5 == 0 else "", [f"+9198{cid:08d}"],
                             "laxmi@example.in" if cid % 11 == 0 else None, "27AAPFU0939F1ZV" if cid % 13 == 0 else None))
            for cid in range(1, 301)]
    with server_db.atomic():
        pgs.replace_rows(server_db, rows, fresh=True)
    for typed in TYPED:
        q = parse_query(typed)
        assert pgs.count(server_db, q) == _like_count(server_db, q), typed
    assert pgs.count(server_db, parse_query("r")) > 0 and pgs.count(server_db, parse_query("zz")) == 0


# The indexes a book made before 2026-12 has in place of WORDS_INDEX and OTHER_INDEX.
OLD_INDEXES = (f"CREATE INDEX client_search_name_trgm ON {SEARCH_TABLE} USING gin ({pgs.NAME_KEYS} gin_trgm_ops)",
               f"CREATE INDEX client_search_name_words ON {SEARCH_TABLE} USING gin "
               "(to_tsvector('simple', replace(name || ' ' || father || ' ' || business, '_', 'ǂ')))",
               f"CREATE INDEX client_search_other_trgm ON {SEARCH_TABLE} USING gin ({pgs.OTHER_KEYS} gin_trgm_ops)")


def test_an_older_server_book_is_brought_up_to_date_when_opened(server_url, server_rows):
    """A book made before 2026-12, with trigram indexes on the name and other keys and the name
    words indexed through the text parser: the first open by the book's owner makes the words'
    indexes of today and drops those."""
    from clientdesk.db import close_database
    from clientdesk.postgres.database import open_server

    import psycopg

    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"DROP INDEX {pgs.WORDS_INDEX}")
        conn.execute(f"DROP INDEX {pgs.OTHER_INDEX}")
        for sql in OLD_INDEXES:
            conn.execute(sql)
    db = open_server(server_url)
    try:
        assert pgs.is_current(db)
    finally:
        close_database(db)
    assert server_rows("SELECT indexname FROM pg_indexes WHERE indexname IN (%s, %s, %s, %s, %s) ORDER BY 1",
                       pgs.WORDS_INDEX, pgs.OTHER_INDEX, *pgs.UNUSED_INDEXES) == [(pgs.WORDS_INDEX,), (pgs.OTHER_INDEX,)]


@pytest.fixture
def both_books(desk, server_desk):
    """The same 130 clients (the same ids) in a SQLite desk and in a client book on the server,
    three of them archived."""
    from clientdesk.clients.fields import ClientData, PhoneEntry

    for book in (desk, server_desk):
        for n in range(130):
            book.clients.create(ClientData(
                name=NAMES[n % len(NAMES)] + ("" if n % 4 else f" {NAMES[(n * 5) % len(NAMES)].split()[0]}"),
                business_name="Kumar Traders" if n % 9 == 0 else "",
                email=f"laxmi{n}@example.in" if n % 10 == 0 else None,
                phones=[PhoneEntry(f"98{n:08d}")]))
        for client_id in (3, 40, 77):
            book.clients.archive(client_id)
    return desk, server_desk


@pytest.mark.parametrize("rank_limit", [500, 4])
def test_the_client_list_on_the_server_counts_and_pages_as_on_sqlite(both_books, monkeypatch, rank_limit):
    """Counts equal; a list in name order (more than RANK_LIMIT matches: walked in name order when
    dense, looked up and sorted when not) equal page by page; a ranked list holds the same clients."""
    from clientdesk.clients import listing
    from clientdesk.clients.listing import ClientFilter

    monkeypatch.setattr(listing, "RANK_LIMIT", rank_limit)
    lite, server = both_books
    for typed in [*TYPED, "98", "9800000", "00012", "laxmi1", "laxmi10@example.in"]:
        for archived in (False, True):
            flt = ClientFilter(text=typed, include_archived=archived)
            count = lite.clients.count(flt)
            assert server.clients.count(flt) == count, typed
            pages = [(lite.clients.ids(flt, "relevance", False, offset, 7), server.clients.ids(flt, "relevance", False, offset, 7))
                     for offset in (0, 7)]
            if count > rank_limit or typed == "98":
                assert pages[0] == pages[1] or [p[0] for p in pages] == [p[1] for p in pages], typed
            else:
                assert set(lite.clients.ids(flt, limit=500)) == set(server.clients.ids(flt, limit=500)), typed
            for sort, descending in (("name", True), ("phone", False)):
                assert (lite.clients.ids(flt, sort, descending, 0, 9) == server.clients.ids(flt, sort, descending, 0, 9)), \
                    (typed, sort)
    assert server.clients.count(ClientFilter(text="r", status="prospect")) == lite.clients.count(
        ClientFilter(text="r", status="prospect"))


def test_ranked_ids_put_the_closest_name_first(server_desk):
    from clientdesk.clients.fields import ClientData

    ids = [server_desk.clients.create(ClientData(name=name)) for name in ("Rameshwar Kumar", "Ramesh Kumar", "Ram Kumar")]
    ranked = pgs.ranked_ids(server_desk.db, parse_query("ramesh kumar"))
    assert ranked[0] == ids[1] and set(ranked) == {ids[0], ids[1]}
