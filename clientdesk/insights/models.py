"""Insight tables: saved segments, and the figures `InsightService.refresh` precomputes.

Everything except SavedSegment is rebuilt from purchases by each refresh, so these rows can
always be thrown away; a merge or delete of a client simply cascades.
"""

from __future__ import annotations

import datetime as dt

import peewee as pw

from clientdesk.db import BaseModel
from clientdesk.models import Client, Purchase, PurchaseLine


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class SavedSegment(BaseModel):
    name = pw.CharField(unique=True)
    query = pw.TextField()
    created_at = pw.DateTimeField(default=_now)
    updated_at = pw.DateTimeField(default=_now)


class ClientScore(BaseModel):
    """Value figures of one client with at least one bill, as of the last refresh."""

    client = pw.ForeignKeyField(Client, primary_key=True, on_delete="CASCADE")
    recency_days = pw.IntegerField()
    visits = pw.IntegerField()              # distinct purchase days
    bills = pw.IntegerField()
    spent_paise = pw.BigIntegerField()
    avg_bill_paise = pw.BigIntegerField()
    visits_per_month = pw.DoubleField()
    r = pw.SmallIntegerField()
    f = pw.SmallIntegerField()
    m = pw.SmallIntegerField()
    rfm_group = pw.CharField(index=True)
    p_alive = pw.DoubleField(null=True)   # null: too little history to fit the model
    p30 = pw.DoubleField(null=True)          # BG/NBD probability of at least one purchase in 30 days
    likelihood = pw.SmallIntegerField(null=True)  # 0-100 from the model; null = not enough history
    usual_gap_days = pw.DoubleField(null=True)
    winback = pw.BooleanField(default=False)


class ItemPair(BaseModel):
    """A bill-level association rule a → b ("bought together")."""

    kind = pw.CharField()  # product | category
    a = pw.CharField()
    b = pw.CharField()
    bills_ab = pw.IntegerField()
    support = pw.DoubleField()
    confidence = pw.DoubleField()
    lift = pw.DoubleField()

    class Meta:
        indexes = ((("kind", "a", "b"), True),)


class ClientSuggestion(BaseModel):
    """What to offer a client: `item` (never bought by them) because they buy `because`."""

    client = pw.ForeignKeyField(Client, on_delete="CASCADE")
    rank = pw.SmallIntegerField()
    item = pw.CharField()
    category = pw.CharField(default="")
    because = pw.CharField()
    because_category = pw.CharField(default="")
    bills_a = pw.IntegerField()             # bills holding `because`
    bills_ab = pw.IntegerField()            # ... and also `item`
    confidence = pw.DoubleField()
    lift = pw.DoubleField()

    class Meta:
        indexes = ((("client", "rank"), True),)


class UpsellSignal(BaseModel):
    """near_tier: value_a = paise to the next tier, text_a = next tier code; rising_spend /
    rising_visits: value_a = recent 90 days, value_b = the 90 days before; larger_pack: text_a =
    small pack bought value_a times, text_b = the larger pack the shop sells."""

    client = pw.ForeignKeyField(Client, on_delete="CASCADE", index=True)
    kind = pw.CharField(index=True)
    value_a = pw.BigIntegerField(default=0)
    value_b = pw.BigIntegerField(default=0)
    text_a = pw.CharField(default="")
    text_b = pw.CharField(default="")


class InsightRun(BaseModel):
    """One refresh: when, for which day, model parameters and figures (JSON)."""

    at = pw.DateTimeField()
    as_of = pw.DateField()
    seconds = pw.DoubleField()
    details = pw.TextField(default="{}")


INSIGHT_MODELS = [SavedSegment, ClientScore, ItemPair, ClientSuggestion, UpsellSignal, InsightRun]

# Covering indexes so "bought category X" finds its bills without reading each line row
# (segment counts stay under 300 ms at a million lines). Declared here so a new database gets
# them with the core tables; migration step 5 adds them to an older one.
PurchaseLine.add_index(PurchaseLine.category, PurchaseLine.purchase, name="purchaseline_category_purchase")
PurchaseLine.add_index(PurchaseLine.product, PurchaseLine.purchase, name="purchaseline_product_purchase")
# ... and "spent / visits in the last N days" sums bills of a date range from the index alone.
Purchase.add_index(Purchase.date, Purchase.client, Purchase.amount_paise, name="purchase_date_client_amount")


def create_insight_tables(db) -> None:
    """Create the insight tables and the purchase-line indexes they rely on (idempotent)."""
    db.create_tables(INSIGHT_MODELS, safe=True)
    db.execute_sql('CREATE INDEX IF NOT EXISTS "purchaseline_category_purchase" '
                   'ON "purchase_line" ("category", "purchase_id")')
    db.execute_sql('CREATE INDEX IF NOT EXISTS "purchaseline_product_purchase" '
                   'ON "purchase_line" ("product", "purchase_id")')
    db.execute_sql('CREATE INDEX IF NOT EXISTS "purchase_date_client_amount" '
                   'ON "purchase" ("date", "client_id", "amount_paise")')
