"""SQLite's ? marks on psycopg (clientdesk.postgres.dialect)."""

from __future__ import annotations

from clientdesk.postgres.dialect import qmark_to_format


def test_marks_outside_literals_become_psycopg_marks():
    assert qmark_to_format("SELECT * FROM t WHERE a = ? AND b IN (?,?)") == \
        "SELECT * FROM t WHERE a = %s AND b IN (%s,%s)"


def test_marks_and_percent_signs_inside_literals_names_and_comments():
    sql = "SELECT 'a?b', \"col?\", x FROM t WHERE y LIKE '%,' || ? || ',%' -- why?\n AND z = ?"
    assert qmark_to_format(sql) == \
        "SELECT 'a?b', \"col?\", x FROM t WHERE y LIKE '%%,' || %s || ',%%' -- why?\n AND z = %s"
    assert qmark_to_format("SELECT 'it''s ?' , ?") == "SELECT 'it''s ?' , %s"


def test_sql_without_marks_is_left_alone():
    for sql in ("SELECT 1", "SELECT '%' WHERE a = %s", "SELECT '?'"):
        assert qmark_to_format(sql) == sql


def test_a_percent_sign_in_sql_without_parameters_runs_on_the_server(server_db):
    """peewee passes () for no parameters; psycopg would read `%'` as a broken mark."""
    assert server_db.execute_sql("SELECT 'Ramesh' LIKE 'Ram%', 'x%y'").fetchone() == (True, "x%y")
    assert server_db.execute_sql("SELECT 'Ramesh' LIKE ?", ("Ram%",)).fetchone() == (True,)
