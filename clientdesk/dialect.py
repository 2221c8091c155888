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

    def index_definitions(self, db, table: str | None = None) -> list[tuple[str, str]]:
        """(name, CREATE INDEX statement) of the indexes made by a statement (not those a primary
        key or UNIQUE column makes itself), of `table` or of every table, by name."""
        where, params = ("AND tbl_name = ?", [table]) if table else ("", [])
        return sorted(db.execute_sql(f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                                     f"{where}", params).fetchall())


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

    def index_definitions(self, db, table: str | None = None) -> list[tuple[str, str]]:
        where, params = ("AND i.tablename = ?", [table]) if table else ("", [])
        return sorted(db.execute_sql(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i JOIN pg_class c ON c.relname = i.indexname "
            "JOIN pg_index x ON x.indexrelid = c.oid AND NOT x.indisprimary "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid) "
            f"WHERE i.schemaname = current_schema() {where}", params).fetchall())


SQLITE = SQLiteSQL()
SERVER = ServerSQL()


def sql_for(db) -> SQLiteSQL:
    """The SQL dialect of `db` (a database, or the models' proxy: then the database in use)."""
    return getattr(db, "sql", SQLITE)
