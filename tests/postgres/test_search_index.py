"""The server's search index (clientdesk.postgres.search) on its own: bulk writes and queries."""

from __future__ import annotations

from clientdesk.postgres import search as pgs
from clientdesk.search import index_row, parse_query


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
