"""A PostgreSQL server for the benches: the tests' throwaway cluster (tests/postgres/cluster.py,
started without pytest), and a client book on it filled from a SQLite desk by COPY, table by table.

Filling a server from the 100,000-client demo desk this way takes well under a minute; through
the services, row by row, it would take many. The copy is of what is stored, so both engines hold
the same rows: the same ids, the same search index rows (clientdesk.postgres.search keeps the
FTS5 tables' names and columns), the same sequences' next numbers.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from pathlib import Path

import _common  # noqa: F401 - puts the project on sys.path


def launch():
    """A started throwaway cluster (call .remove() at the end) with the server's own durability
    settings, as a shop's server runs: fsync, full_page_writes and synchronous_commit on (a sale's
    commit waits for the disk). ClusterError says why not."""
    from tests.postgres.cluster import launch_cluster

    return launch_cluster(durable=True)


def new_database(cluster, name: str) -> str:
    """An empty database `name` on the cluster (dropped first if there), and its URL."""
    with contextlib.closing(cluster.admin()) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
    return cluster.url(name)


def new_client_book(cluster, name: str) -> str:
    """An empty client book (the current schema, no rows) in a new database; its URL."""
    from clientdesk.postgres.database import open_server

    url = new_database(cluster, name)
    open_server(url).close()
    return url


def copy_from_sqlite(cluster, source: Path, name: str) -> tuple[str, float, dict[str, int]]:
    """A client book `name` holding every row of the SQLite desk at `source`, copied with COPY;
    returns its URL, the seconds it took and the rows per table. Foreign keys are not checked
    while copying (session_replication_role = replica: the rows come from a consistent desk)."""
    import psycopg
    from psycopg import sql

    from clientdesk.postgres.schema import VERSION_TABLE

    started = time.perf_counter()
    url = new_client_book(cluster, name)
    lite = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    counts: dict[str, int] = {}
    with contextlib.closing(psycopg.connect(url)) as conn:
        conn.execute("SET session_replication_role = replica")
        tables = [t for (t,) in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                                             "AND tablename <> %s ORDER BY tablename", (VERSION_TABLE,))]
        for table in tables:
            server_columns = [c for (c,) in conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
                "AND table_name = %s ORDER BY ordinal_position", (table,))]
            stored = {row[1] for row in lite.execute(f'PRAGMA table_info("{table}")')} | {"rowid"}
            columns = [c for c in server_columns if c in stored]
            missing = [c for c in server_columns if c not in stored]
            if len(stored) == 1:  # not in the SQLite desk at all
                raise RuntimeError(f"the SQLite desk has no table {table}")
            if missing:
                print(f"  note: {table}: the SQLite desk has no {', '.join(missing)} (the server's default kept)")
            names = sql.SQL(", ").join(map(sql.Identifier, columns))
            rows = lite.execute(f"SELECT {', '.join(chr(34) + c + chr(34) for c in columns)} FROM \"{table}\"")
            n = 0
            with conn.cursor().copy(sql.SQL("COPY {} ({}) FROM STDIN").format(sql.Identifier(table), names)) as copy:
                for row in rows:
                    copy.write_row(row)
                    n += 1
            counts[table] = n
        # the next ids continue after the copied ones, as on the desk
        for table, column, sequence in conn.execute(
                "SELECT c.table_name, c.column_name, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) "
                "FROM information_schema.columns c WHERE c.table_schema = 'public' "
                "AND pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) IS NOT NULL").fetchall():
            conn.execute(sql.SQL("SELECT setval(%s, coalesce((SELECT max({}) FROM {}), 0) + 1, false)").format(
                sql.Identifier(column), sql.Identifier(table)), (sequence,))
        conn.commit()
        conn.autocommit = True
        conn.execute("VACUUM ANALYZE")
    with contextlib.closing(cluster.admin()) as admin:  # a shop's server is not still writing out a fresh load:
        admin.execute("CHECKPOINT")  # the figures after this do not share the disk with that
    lite.close()
    return url, time.perf_counter() - started, counts
