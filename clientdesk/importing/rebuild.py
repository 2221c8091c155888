"""Building again the indexes a big import dropped for its load (batches.restore_indexes).

SQLite builds them one after the other. The shop's server builds them with more memory for
sorting (MAINTENANCE_MEMORY: a GIN trigram index of 100,000 clients spills to disk with the
default 64 MB), and, when the caller allows it (`beside`), the search index's GIN indexes on a
connection of their own, on a helper thread, while this connection builds the client and phone
indexes: two cores instead of one (the GIN builds take as long as all the others together).

The helper's indexes are committed as each is built, outside the caller's transaction: that is
safe because building a missing index again is what restore_indexes does anyway (it skips those
present), and an index built early only makes the rows it covers quicker to find. Whatever the
helper could not build (no connection, a lock it waited for too long) is built here after it.
"""

from __future__ import annotations

import logging
import re
import threading
from typing import Sequence

log = logging.getLogger(__name__)

MAINTENANCE_MEMORY = "256MB"
# The helper's CREATE INDEX waits at most this long for a table lock (the caller's transaction
# could hold one it waits for: then this thread builds that index after the helper).
HELPER_LOCK_WAIT_MS = 2000
_TABLE = re.compile(r'\bON\s+(?:ONLY\s+)?(?:"?\w+"?\.)?"?(\w+)"?\s', re.IGNORECASE)


def build_indexes(db, definitions: Sequence[tuple[str, str]], beside: bool = False) -> int:
    """Run the CREATE INDEX statements `definitions` ((name, sql) pairs of indexes missing now);
    inside the caller's writing transaction. `beside`: on a server, the search tables' indexes may
    be built on a second connection meanwhile (the caller's transaction must hold no lock on those
    tables). Returns how many were created."""
    from clientdesk.dialect import sql_for

    if not definitions:
        return 0
    if not sql_for(db).is_server:
        for _, sql in definitions:
            db.execute_sql(sql)
        return len(definitions)
    db.execute_sql(f"SET LOCAL maintenance_work_mem = '{MAINTENANCE_MEMORY}'")
    from clientdesk import search

    aside = [d for d in definitions if _table(d[1]) in (search.SEARCH_TABLE, search.PHONE_SEARCH_TABLE)] if beside else []
    here = [d for d in definitions if d not in aside]
    helper = None
    if aside and here:
        helper = threading.Thread(target=_build_aside, args=(_server(db), aside), name="import-indexes", daemon=True)
        helper.start()
    else:
        here = list(definitions)
    try:
        for _, sql in here:
            db.execute_sql(sql)
    finally:
        if helper is not None:
            helper.join()
    if helper is not None:
        names = [name for name, _ in aside]
        present = {n for (n,) in db.execute_sql("SELECT relname FROM pg_class WHERE relkind = 'i' "
                                                "AND relnamespace = current_schema()::regnamespace "
                                                "AND relname = ANY(?)", (names,)).fetchall()}
        for name, sql in aside:
            if name not in present:
                db.execute_sql(sql)
    return len(definitions)


def _table(sql: str) -> str | None:
    found = _TABLE.search(sql)
    return found.group(1) if found else None


def _server(db):
    import peewee as pw

    return db.obj if isinstance(db, pw.DatabaseProxy) else db


def _build_aside(db, definitions: Sequence[tuple[str, str]]) -> None:
    """On the helper thread: peewee gives it a connection of its own (closed at the end); each
    index is committed as it is built. A failure is logged: the caller builds what is missing."""
    try:
        db.execute_sql(f"SET maintenance_work_mem = '{MAINTENANCE_MEMORY}'")
        db.execute_sql(f"SET lock_timeout = {HELPER_LOCK_WAIT_MS}")
        for name, sql in definitions:
            db.execute_sql(sql)
    except Exception as exc:  # noqa: BLE001 - the caller builds what is missing
        log.info("Building the search indexes beside the import's connection failed: %s", exc)
    finally:
        try:
            db.close()
        except Exception:  # noqa: BLE001 - only tidying up
            log.debug("Closing the index helper's connection failed", exc_info=True)
