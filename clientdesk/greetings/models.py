"""Tables of the greetings area: templates, the log of greetings sent, user changes to the
festival calendar, per-client custom dates and the festivals each client celebrates."""

from __future__ import annotations

import peewee as pw

from clientdesk.db import BaseModel
from clientdesk.dialect import SQLITE
from clientdesk.models import Client, Interaction


class GreetingTemplate(BaseModel):
    """A message in Hindi and English for one kind of occasion (or one festival: `occasion_key`)."""

    code = pw.CharField(null=True, unique=True)  # built-in templates only
    name = pw.CharField()
    kind = pw.CharField(index=True)  # birthday | anniversary | founded | first_purchase | custom | festival | any
    occasion_key = pw.CharField(default="")  # a festival key such as "diwali-deepavali"; "" = any of the kind
    subject_hi = pw.CharField(default="")
    subject_en = pw.CharField(default="")
    body_hi = pw.TextField(default="")
    body_en = pw.TextField(default="")
    fallbacks = pw.TextField(default="{}")  # JSON {field: text used when the field is empty}
    builtin = pw.BooleanField(default=False)


class GreetingLog(BaseModel):
    """One greeting sent, printed or copied; the frequency cap reads this table."""

    client = pw.ForeignKeyField(Client, backref="greetings", on_delete="CASCADE")
    at = pw.DateTimeField()
    channel = pw.CharField()  # print | whatsapp | email | copy
    occasion_key = pw.CharField(default="")  # "" for "any message"
    occasion_on = pw.DateField(null=True)
    template = pw.ForeignKeyField(GreetingTemplate, null=True, on_delete="SET NULL")
    interaction = pw.ForeignKeyField(Interaction, null=True, on_delete="SET NULL")

    class Meta:
        indexes = ((("client", "at"), False), (("client", "occasion_key"), False))


class FestivalChange(BaseModel):
    """The user's correction of the festival calendar: a moved date or a hidden festival.

    year 0 means every year (hide always); otherwise the change applies to that year only.
    """

    key = pw.CharField()
    year = pw.IntegerField(default=0)
    moved_to = pw.DateField(null=True)
    hidden = pw.BooleanField(default=False)

    class Meta:
        indexes = ((("key", "year"), True),)


class UserFestival(BaseModel):
    """An occasion the user added (a local fair, the shop's own anniversary sale ...)."""

    key = pw.CharField(unique=True)
    name_en = pw.CharField(default="")
    name_hi = pw.CharField(default="")
    month = pw.SmallIntegerField()
    day = pw.SmallIntegerField()
    year = pw.SmallIntegerField(null=True)  # None = every year


class ClientDate(BaseModel):
    """A custom date of one client (a child's birthday, a shop opening); year optional."""

    client = pw.ForeignKeyField(Client, backref="custom_dates", on_delete="CASCADE")
    label = pw.CharField()
    day = pw.SmallIntegerField()
    month = pw.SmallIntegerField()
    year = pw.SmallIntegerField(null=True)

    class Meta:
        indexes = ((("month", "day"), False),)


class ClientFestivals(BaseModel):
    """The festivals one client celebrates, when they differ from the shop's default list.

    `keys` is "|key1|key2|" so SQL can test membership with the dialect's `contains` (instr/strpos).
    """

    client = pw.ForeignKeyField(Client, unique=True, on_delete="CASCADE")
    keys = pw.TextField(default="|")


def inactive_sql(sql=SQLITE) -> str:
    """An archived or erased client, as the engine's partial index `client_inactive` names it
    (SQLite's below; the server's in clientdesk/postgres/schema.py), so a count can use it."""
    return f"({sql.is_set('archived')} OR {sql.is_set('erased')})"


# Indexes on the core client table that make "Coming up" a lookup instead of a scan
# (created by schema.create_all and by migration step 4).
INACTIVE_SQL = inactive_sql()  # SQLite's: (archived != 0 OR erased != 0)
CLIENT_INDEXES = (
    f"CREATE INDEX IF NOT EXISTS client_inactive ON client (id) WHERE {INACTIVE_SQL}",
    *(f"CREATE INDEX IF NOT EXISTS client_{p}_md ON client ({p}_month, {p}_day, {p}_year, archived, erased) "
      f"WHERE {p}_month IS NOT NULL" for p in ("birth", "anniversary", "founded")),
    "CREATE INDEX IF NOT EXISTS client_first_purchase_md ON client "
    "(substr(first_purchase_on, 6, 5), first_purchase_on, archived, erased)",
)


def create_indexes(db) -> None:
    """Create the greetings indexes on the client table (idempotent)."""
    for sql in getattr(db, "client_indexes", CLIENT_INDEXES):  # a server has them in its own dialect
        db.execute_sql(sql)


GREETING_MODELS = [GreetingTemplate, GreetingLog, FestivalChange, UserFestival, ClientDate, ClientFestivals]
