"""Step 5 brings an older database up to date with the insight tables and their indexes."""

from __future__ import annotations

from clientdesk.desk import Desk
from clientdesk.insights.models import INSIGHT_MODELS


def test_step_5_creates_tables_and_indexes(tmp_path, clock):
    path = tmp_path / "old.sqlite"
    desk = Desk.open(path, clock=clock)
    db = desk.db
    for model in INSIGHT_MODELS:
        db.execute_sql(f'DROP TABLE "{model._meta.table_name}"')
    for index in ("purchaseline_category_purchase", "purchaseline_product_purchase", "purchase_date_client_amount"):
        db.execute_sql(f'DROP INDEX "{index}"')
    db.pragma("user_version", 4)
    desk.close()
    desk = Desk.open(path, clock=clock)
    names = {row[0] for row in desk.db.execute_sql("SELECT name FROM sqlite_master").fetchall()}
    assert {m._meta.table_name for m in INSIGHT_MODELS} <= names
    assert {"purchaseline_category_purchase", "purchase_date_client_amount"} <= names
    assert desk.db.pragma("user_version") >= 5
    assert desk.segments.count("city Pune or spent > 100 in last 30 days") == 0
    desk.close()
