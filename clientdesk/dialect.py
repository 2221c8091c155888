"""The pieces of hand-written SQL that differ between SQLite and PostgreSQL, behind one interface.

A service that writes its own SQL asks `sql_for(db)` for the engine's piece instead of writing
SQLite's: `sql_for(db).id_set(ids)` is `(SELECT value FROM json_each(?))` on SQLite and
`(SELECT unnest(?::bigint[]))` on a server, with the parameter each takes. Everything else (`?`
marks, joins, sums, `NOT c.archived`) is written once and runs on both: `?` marks are turned
into psycopg's by clientdesk.postgres.dialect.

Each engine's database class names its dialect in a `sql` attribute (ServerDatabase has
ServerSQL); a database without one is SQLite. Add a method to BOTH classes when a new construct
differs; keep each a few lines of SQL text, so the query around it stays readable.
"""

from __future__ import annotations

import json
from typing import Iterable, Sequence


class SQLiteSQL:
    """SQLite's pieces (the embedded default)."""

    name = "sqlite"
    is_server = False

    # ----- sets of ids passed as one parameter -------------------------------------------------
    def id_set(self, ids: Iterable[int]) -> tuple[str, list]:
        """A subquery of the ids, for `x IN <sql>`, and its parameters."""
        return "(SELECT value FROM json_each(?))", [json.dumps([int(i) for i in ids])]

    def ordered_ids(self, ids: Sequence[int], alias: str = "j") -> tuple[str, list]:
        """A FROM item `alias` with columns `value` (an id) and `key` (its position, from 0), and its
        parameters: join on `alias.value`, ORDER BY `alias.key` to keep the given order."""
        return f"json_each(?) AS {alias}", [json.dumps([int(i) for i in ids])]

    # ----- dates stored as DATE ('YYYY-MM-DD' text on SQLite) ----------------------------------
    def month_day(self, column: str) -> str:
        """A date's month and day as 'MM-DD' text (sorts and compares as the calendar does)."""
        return f"substr({column}, 6, 5)"

    def year_of(self, column: str) -> str:
        """A date's year as an integer."""
        return f"CAST(substr({column}, 1, 4) AS INTEGER)"

    def year_month(self, column: str) -> str:
        """A date's month as 'YYYY-MM' text."""
        return f"strftime('%Y-%m', {column})"

    def days_from(self, column: str) -> str:
        """Whole days from the date parameter (one `?`) to the date in `column`: column − ?."""
        return f"CAST(round(julianday({column}) - julianday(?)) AS INTEGER)"

    # ----- text ------------------------------------------------------------------------------
    def contains(self, haystack: str) -> str:
        """True when the text parameter (one `?`) occurs in `haystack`."""
        return f"instr({haystack}, ?) > 0"

    def id_list(self, column: str) -> str:
        """An aggregate: the group's `column` values as one comma-separated text."""
        return f"group_concat({column}, ',')"

    # ----- the catalogue ----------------------------------------------------------------------
    def table_names(self, db) -> set[str]:
        """The tables of the client book."""
        return {name for (name,) in db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def column_names(self, db, table: str) -> set[str]:
        """The columns of `table` (empty when there is no such table)."""
        return {row[1] for row in db.execute_sql(f'PRAGMA table_info("{table}")')}

    # ----- greetings: month-days, flags and membership, in the forms the engine's indexes name ----
    def month_day_key(self, column: str) -> str:
        """A date's month and day as one key that sorts as the calendar does, written as the
        engine's expression index on client.first_purchase_on names it (greetings' CLIENT_INDEXES),
        so `key BETWEEN ? AND ?` with `month_day_value` bounds is a range of that index."""
        return f"substr({column}, 6, 5)"

    def month_day_value(self, month: int, day: int):
        """The `month_day_key` of a (month, day), as a parameter to compare the key with."""
        return f"{month:02d}-{day:02d}"

    def is_set(self, column: str) -> str:
        """True when the boolean `column` is set (SQLite keeps 0/1: `column != 0`, the form of its
        partial indexes); `NOT column` is the opposite on both engines."""
        return f"{column} != 0"

    def contains_expr(self, field, text: str):
        """`contains` for a peewee field: an expression, true when `text` occurs in the field."""
        import peewee as pw

        return pw.fn.instr(field, text) > 0

    def join_in_order(self) -> str:
        """A join that keeps the tables in the order written: `a <join> b ON ...` reads a first
        (SQLite's planner takes CROSS JOIN so; a server's plans by its statistics, with a plain JOIN)."""
        return "CROSS JOIN"

    def node(self, sql: str, params: list | None = None):
        """A piece of SQL written with `?` marks (one of this class's) as a peewee node, for a
        peewee query: `field.in_(node(*id_set(ids)))`. peewee writes the driver's own marks into
        the query, so the piece's marks are made the same (`%s` on a server: `fragment`)."""
        import peewee as pw

        return pw.SQL(self.fragment(sql), params)

    # ----- insights, segments, erasure, demo ----------------------------------------------------
    def index_hint(self, index: str) -> str:
        """A hint naming the index a FROM table is read through (` INDEXED BY name`), or ""."""
        return f" INDEXED BY {index}"

    def unindexed(self, column: str) -> str:
        """`column`, written so that the planner reads it without its index (SQLite's unary `+`)."""
        return f"+{column}"

    def greatest(self, *values: str) -> str:
        """The largest of two or more values (a scalar, not the aggregate)."""
        return f"max({', '.join(values)})"

    def not_in(self, column, subquery, selected: str = "client_id"):
        """A peewee condition: `column` is not among the values of `subquery`'s one column
        (named `selected`). SQLite builds a set of them once (NOT IN)."""
        return column.not_in(subquery)

    def fragment(self, sql: str) -> str:
        """Hand-written SQL with `?` marks made fit to sit inside a peewee query (pw.SQL), whose
        own parameters are written in the engine's marks."""
        return sql

    def search_optimize(self, table: str) -> str:
        """The statement that merges a search index's segments so that deleted words leave the
        file (FTS5's 'optimize'), or "" when the engine's index keeps none."""
        return f"INSERT INTO {table}({table}) VALUES ('optimize')"

    def reclaim(self, db, tables) -> bool:
        """After rows were deleted for good (an erasure): make the engine drop what it keeps of
        them, outside any transaction. SQLite: a TRUNCATE checkpoint copies the WAL into the file
        and empties it (secure_delete already zeroed the freed content); False when another
        connection's read kept it from finishing."""
        busy, _, _ = db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return not busy

    def advance_ids(self, db, table: str) -> None:
        """After rows were written with ids of our own choosing: the next id given out follows
        them (SQLite does so by itself)."""

    def index_definitions(self, db, table: str | None = None) -> list[tuple[str, str]]:
        """(name, CREATE INDEX statement) of the indexes made by a statement (not those a primary
        key or UNIQUE column makes itself), of `table` or of every table, by name."""
        where, params = ("AND tbl_name = ?", [table]) if table else ("", [])
        return sorted(db.execute_sql(f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                                     f"{where}", params).fetchall())

    def loose_keys(self, db, table: str) -> list[tuple[str, str, list[str]]]:
        """(name, statement that drops it, statements that make it again) of `table`'s foreign
        keys a bulk load may drop for its rows and make again after: those whose ON DELETE action
        (CASCADE, SET NULL) says what becomes of a row whose parent went meanwhile, so making the
        key again first does what that action would have done. SQLite cannot drop a key (and
        checks one cheaply): none."""
        return []

    def key_names(self, db) -> set[str]:
        """The names of the foreign keys there are (those loose_keys could have dropped)."""
        return set()


class ServerSQL(SQLiteSQL):
    """PostgreSQL's pieces (the shop's server)."""

    name = "postgresql"
    is_server = True

    def id_set(self, ids: Iterable[int]) -> tuple[str, list]:
        return "(SELECT unnest(?::bigint[]))", [[int(i) for i in ids]]

    def ordered_ids(self, ids: Sequence[int], alias: str = "j") -> tuple[str, list]:
        return (f"unnest(?::bigint[]) WITH ORDINALITY AS {alias}(value, key)",
                [[int(i) for i in ids]])

    def month_day(self, column: str) -> str:
        return f"to_char({column}, 'MM-DD')"

    def year_of(self, column: str) -> str:
        return f"CAST(date_part('year', {column}) AS INTEGER)"

    def year_month(self, column: str) -> str:
        return f"to_char({column}, 'YYYY-MM')"

    def days_from(self, column: str) -> str:
        return f"({column} - CAST(? AS date))"

    def contains(self, haystack: str) -> str:
        return f"strpos({haystack}, ?) > 0"

    def id_list(self, column: str) -> str:
        return f"string_agg(CAST({column} AS text), ',')"

    def table_names(self, db) -> set[str]:
        return {name for (name,) in db.execute_sql(
            "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()")}

    def column_names(self, db, table: str) -> set[str]:
        return {name for (name,) in db.execute_sql(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = ?", [table])}

    def month_day_key(self, column: str) -> str:
        return f"(date_part('month', {column})::int * 100 + date_part('day', {column})::int)"

    def month_day_value(self, month: int, day: int):
        return month * 100 + day

    def is_set(self, column: str) -> str:
        return column

    def contains_expr(self, field, text: str):
        import peewee as pw

        return pw.fn.strpos(field, text) > 0

    def join_in_order(self) -> str:
        return "JOIN"

    def index_hint(self, index: str) -> str:
        return ""

    def unindexed(self, column: str) -> str:
        return column

    def greatest(self, *values: str) -> str:
        return f"greatest({', '.join(values)})"

    def not_in(self, column, subquery, selected: str = "client_id"):
        """NOT EXISTS, an anti-join: PostgreSQL hashes a NOT IN subquery only while its estimated
        rows fit in work_mem, and otherwise scans it again for every row of the outer table."""
        import peewee as pw

        return pw.NodeList((pw.SQL("NOT EXISTS (SELECT 1 FROM"), subquery,
                            pw.SQL(f'AS "not_in" WHERE "not_in"."{selected}" ='), column, pw.SQL(")")))

    def fragment(self, sql: str) -> str:
        from clientdesk.postgres.dialect import qmark_to_format

        return qmark_to_format(sql)

    def search_optimize(self, table: str) -> str:
        return ""

    def reclaim(self, db, tables) -> bool:
        """VACUUM the tables: dead row versions (the deleted and the old ones of updated rows) are
        removed from the table and its indexes and their space marked free for reuse. It does
        not zero that space, nor touch WAL segments or dumps (see clientdesk.services.erasure)."""
        names = ", ".join(f'"{t}"' for t in sorted(tables))
        if names:
            db.execute_sql(f"VACUUM {names}")
        return True

    def advance_ids(self, db, table: str) -> None:
        db.execute_sql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                       f'coalesce((SELECT max(id) FROM "{table}"), 0) + 1, false)')

    def index_definitions(self, db, table: str | None = None) -> list[tuple[str, str]]:
        where, params = ("AND i.tablename = ?", [table]) if table else ("", [])
        return sorted(db.execute_sql(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i JOIN pg_class c ON c.relname = i.indexname "
            "JOIN pg_index x ON x.indexrelid = c.oid AND NOT x.indisprimary "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid) "
            f"WHERE i.schemaname = current_schema() {where}", params).fetchall())

    def loose_keys(self, db, table: str) -> list[tuple[str, str, list[str]]]:
        """A row's foreign key check costs as much as writing the row (COPY of 100,000 phones: 1.1 s
        with it, 0.3 s without, and 0.4 s for a client key that is NULL in every row); made again,
        a key checks the whole table in one join (0.1 s). Only one-column keys."""
        keys = []
        for name, definition, action, column, parent, parent_column in db.execute_sql(
                "SELECT k.conname, pg_get_constraintdef(k.oid), k.confdeltype, a.attname, p.relname, pa.attname "
                "FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid "
                "JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1] "
                "JOIN pg_attribute pa ON pa.attrelid = k.confrelid AND pa.attnum = k.confkey[1] "
                "WHERE k.contype = 'f' AND t.relname = ? AND t.relnamespace = current_schema()::regnamespace "
                "AND cardinality(k.conkey) = 1 AND k.confdeltype IN ('c', 'n') ORDER BY k.conname",
                (table,)).fetchall():
            orphan = (f'"{column}" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "{parent}" p '
                      f'WHERE p."{parent_column}" = t."{column}")')
            completing = (f'DELETE FROM "{table}" t WHERE {orphan}' if action == "c"
                          else f'UPDATE "{table}" t SET "{column}" = NULL WHERE {orphan}')
            tables = ", ".join(dict.fromkeys(f'"{t}"' for t in (table, parent)))
            keys.append((name, f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"',
                         [f"LOCK TABLE {tables} IN SHARE ROW EXCLUSIVE MODE", completing,
                          f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}']))
        return keys

    def key_names(self, db) -> set[str]:
        return {name for (name,) in db.execute_sql(
            "SELECT conname FROM pg_constraint WHERE contype = 'f' "
            "AND connamespace = current_schema()::regnamespace").fetchall()}



SQLITE = SQLiteSQL()
SERVER = ServerSQL()


def sql_for(db) -> SQLiteSQL:
    """The SQL dialect of `db` (a database, or the models' proxy: then the database in use)."""
    return getattr(db, "sql", SQLITE)
