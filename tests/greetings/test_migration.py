from clientdesk.db import close_database, open_database
from clientdesk.greetings.models import GREETING_MODELS
from clientdesk.migrations import latest_version


def test_step_4_adds_the_greeting_tables_and_indexes_to_an_older_database(tmp_path):
    path = tmp_path / "old.sqlite"
    db = open_database(path)
    db.drop_tables(GREETING_MODELS)
    for (name,) in db.execute_sql("SELECT name FROM sqlite_master WHERE type='index' AND name LIKE 'client_%_md'").fetchall():
        db.execute_sql(f"DROP INDEX {name}")
    db.pragma("user_version", 3)
    close_database()
    db = open_database(path)
    assert db.pragma("user_version") == latest_version()
    tables = {t for (t,) in db.execute_sql("SELECT name FROM sqlite_master WHERE type='table'").fetchall()}
    assert {m._meta.table_name for m in GREETING_MODELS} <= tables
    plan = db.execute_sql("EXPLAIN QUERY PLAN SELECT id FROM client WHERE birth_month = 11 AND birth_day BETWEEN 1 AND 30"
                          " AND archived = 0 AND erased = 0").fetchall()
    assert "client_birth_md" in str(plan)
    close_database()
