"""SQLite's parameter marks on a PostgreSQL connection.

The services' hand-written SQL uses sqlite3's `?` marks; psycopg takes `%s` (and then reads
every `%` as the start of a mark, inside string literals too). The server connection's cursors
(QmarkCursor) turn one into the other, so SQL that is otherwise the same on both engines runs
unchanged; SQL that is not (INSERT OR IGNORE, PRAGMA, fts5 MATCH, booleans compared with 0)
needs a counterpart of its own (see clientdesk.postgres's other modules). peewee's own SQL
already uses `%s` and has no `?`: it passes untouched.
"""

from __future__ import annotations

import functools

import psycopg


@functools.lru_cache(maxsize=4096)
def qmark_to_format(sql: str) -> str:
    """`sql` with each `?` outside string literals, quoted names and comments made `%s` and every
    `%` doubled; `sql` itself when it has no such `?`."""
    if "?" not in sql:
        return sql
    out: list[str] = []
    changed = False
    i, n = 0, len(sql)
    while i < n:
        ch = sql[i]
        if ch in "'\"":  # a literal or a quoted name, with doubled quotes inside
            j = i + 1
            while j < n:
                if sql[j] == ch:
                    if j + 1 < n and sql[j + 1] == ch:
                        j += 2
                        continue
                    break
                j += 1
            out.append(sql[i:j + 1].replace("%", "%%"))
            i = j + 1
            continue
        if sql.startswith("--", i):
            j = sql.find("\n", i)
            j = n if j == -1 else j
            out.append(sql[i:j].replace("%", "%%"))
            i = j
            continue
        if ch == "?":
            out.append("%s")
            changed = True
        elif ch == "%":
            out.append("%%")
        else:
            out.append(ch)
        i += 1
    return "".join(out) if changed else sql


class QmarkCursor(psycopg.Cursor):
    """A psycopg cursor that also takes SQLite's `?` marks (see the module's docstring)."""

    def execute(self, query, params=None, **kwargs):
        if not params:  # peewee passes (): psycopg would still read every `%` as a mark
            params = None
        elif isinstance(query, str):
            query = qmark_to_format(query)
        return super().execute(query, params, **kwargs)

    def executemany(self, query, params_seq, **kwargs):
        if isinstance(query, str):
            query = qmark_to_format(query)
        return super().executemany(query, params_seq, **kwargs)
