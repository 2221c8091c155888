"""Insight tables: saved segments, and the figures `InsightService.refresh` precomputes.

Everything except SavedSegment is rebuilt from purchases by each refresh, so these rows can
always be thrown away; a merge or delete of a client simply cascades.
"""

from __future__ import annotations

import datetime as dt

import peewee as pw

from clientdesk.db import BaseModel
from clientdesk.models import Client


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
    visits_per_month = pw.FloatField()
    r = pw.SmallIntegerField()
    f = pw.SmallIntegerField()
    m = pw.SmallIntegerField()
    rfm_group = pw.CharField(index=True)
    p_alive = pw.FloatField()
    p30 = pw.FloatField()                   # BG/NBD probability of at least one purchase in 30 days
    likelihood = pw.SmallIntegerField(null=True, index=True)  # 0-100 from the model; null = not enough history
    usual_gap_days = pw.FloatField(null=True)
    winback = pw.BooleanField(default=False, index=True)
    spend_recent_paise = pw.BigIntegerField(default=0)   # last 90 days
    spend_before_paise = pw.BigIntegerField(default=0)   # the 90 days before
    visits_recent = pw.IntegerField(default=0)
    visits_before = pw.IntegerField(default=0)


class ItemPair(BaseModel):
    """A bill-level association rule a → b ("bought together")."""

    kind = pw.CharField()  # product | category
    a = pw.CharField()
    b = pw.CharField()
    bills_ab = pw.IntegerField()
    support = pw.FloatField()
    confidence = pw.FloatField()
    lift = pw.FloatField()

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
    clients_a = pw.IntegerField()           # clients who bought `because`
    clients_ab = pw.IntegerField()          # ... and also `item`
    confidence = pw.FloatField()
    lift = pw.FloatField()

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
    seconds = pw.FloatField()
    details = pw.TextField(default="{}")


INSIGHT_MODELS = [SavedSegment, ClientScore, ItemPair, ClientSuggestion, UpsellSignal, InsightRun]
