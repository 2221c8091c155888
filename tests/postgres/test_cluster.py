"""The throwaway cluster the PostgreSQL tests run on (tests/postgres/cluster.py)."""

from __future__ import annotations

import contextlib

import psycopg


def test_cluster_serves_a_fresh_database_over_tcp_with_a_password(pg_cluster, pg_database):
    with psycopg.connect(pg_cluster.url(pg_database)) as conn:
        conn.execute("CREATE TABLE t (name text)")
        conn.execute("INSERT INTO t VALUES (%s)", ("रमेश",))
        conn.commit()
    with contextlib.closing(pg_cluster.admin()) as admin:
        assert admin.execute("SELECT datname FROM pg_database WHERE datname = %s", (pg_database,)).fetchone()
    with psycopg.connect(pg_cluster.url(pg_database)) as conn:
        assert conn.execute("SELECT name FROM t").fetchall() == [("रमेश",)]
        assert conn.execute("SHOW server_encoding").fetchone() == ("UTF8",)
