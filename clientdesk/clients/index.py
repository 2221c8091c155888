"""The clients' search index rows and sort keys, rebuilt from what is stored (writes, merges,
imports and the schema upgrade that first built the index call it)."""

from __future__ import annotations

from typing import Sequence

from clientdesk import search
from clientdesk.textkey import name_key


def reindex_clients(db, client_ids: Sequence[int], fresh: bool = False) -> None:
    """Rebuild the search index rows (and sort keys) of these clients from what is stored; call
    inside the writing transaction. `fresh`: the clients have no index rows yet (bulk loads)."""
    rows, keys = [], []
    for start in range(0, len(client_ids), 500):
        chunk = list(client_ids[start:start + 500])
        marks = ",".join("?" * len(chunk))
        phones: dict[int, list[str]] = {}
        for client_id, number in db.execute_sql(
                f"SELECT client_id, number FROM phone WHERE client_id IN ({marks})", chunk):
            phones.setdefault(client_id, []).append(number)
        for cid, name, father, business, email, gstin, stored_key in db.execute_sql(
                f"SELECT id, name, father_name, business_name, email, gstin, search_key FROM client "
                f"WHERE id IN ({marks})", chunk):
            rows.append((cid, *search.index_row(name, father, business, phones.get(cid, []), email, gstin)))
            key = name_key(name)
            if key != stored_key:  # a bulk insert may have written the key already
                keys.append((key, cid))
    search.replace_rows(db, rows, fresh=fresh)
    if keys:
        db.cursor().executemany("UPDATE client SET search_key = ? WHERE id = ?", keys)
