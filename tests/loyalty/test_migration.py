"""Migration step 3 adds the loyalty tables to a database written before loyalty existed."""

from __future__ import annotations

from clientdesk.desk import Desk
from clientdesk.loyalty.models import LOYALTY_MODELS
from tests.loyalty.helpers import add_client


def test_step_3_creates_loyalty_tables(tmp_path):
    path = tmp_path / "old.sqlite"
    desk = Desk.open(path)
    cid = add_client(desk)
    for model in reversed(LOYALTY_MODELS):
        desk.db.execute_sql(f"DROP TABLE {model._meta.table_name}")
    desk.db.pragma("user_version", 2)
    desk.close()

    desk = Desk.open(path)
    try:
        tables = set(desk.db.get_tables())
        assert {m._meta.table_name for m in LOYALTY_MODELS} <= tables
        assert desk.counter.record_sale(cid, 500_00).points_earned == 5
    finally:
        desk.close()
