"""Core tables: clients, their phones, tags and consent, purchases, interactions, settings.

Feature areas (loyalty, greetings, insights, import batches) keep their own models in their
own modules and list them in `clientdesk.schema`. Money is integer paise; partial dates
(day, month, optional year) are three integer columns.
"""

from __future__ import annotations

import datetime as dt

import peewee as pw
from playhouse.sqlite_ext import FTS5Model, RowIDField, SearchField

from clientdesk.codes import (  # noqa: F401  (re-exported for the services)
    CHANNELS, CONSENT_METHODS, DIRECTIONS, GENDERS, INTERACTION_CHANNELS, LANGUAGES, SOURCES, STATUSES,
)
from clientdesk.db import BaseModel, database

def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class Client(BaseModel):
    honorific = pw.CharField(default="")
    name = pw.CharField(index=True)
    father_name = pw.CharField(default="")
    father_relation = pw.CharField(default="father")  # father | husband
    gender = pw.CharField(default="")
    email = pw.CharField(null=True, unique=True)
    postal_line = pw.CharField(default="")
    postal_city = pw.CharField(default="", index=True)
    postal_state = pw.CharField(default="")
    postal_pin = pw.CharField(default="")
    work_line = pw.CharField(default="")
    work_city = pw.CharField(default="")
    work_state = pw.CharField(default="")
    work_pin = pw.CharField(default="")
    business_name = pw.CharField(default="")
    gstin = pw.CharField(null=True, index=True)
    birth_day = pw.SmallIntegerField(null=True)
    birth_month = pw.SmallIntegerField(null=True)
    birth_year = pw.SmallIntegerField(null=True)
    anniversary_day = pw.SmallIntegerField(null=True)
    anniversary_month = pw.SmallIntegerField(null=True)
    anniversary_year = pw.SmallIntegerField(null=True)
    founded_day = pw.SmallIntegerField(null=True)
    founded_month = pw.SmallIntegerField(null=True)
    founded_year = pw.SmallIntegerField(null=True)
    likelihood = pw.SmallIntegerField(null=True)  # 0-100, manual
    source = pw.CharField(default="walk_in")
    referred_by = pw.ForeignKeyField("self", null=True, backref="referrals", on_delete="SET NULL")
    language = pw.CharField(default="hi")
    # The name (and father's name) in the other script, for messages and cards in that language:
    # Devanagari for a name kept in Latin letters, Latin for one kept in Devanagari. Empty: use the name.
    name_other = pw.CharField(default="", constraints=[pw.SQL("DEFAULT ''")])
    father_name_other = pw.CharField(default="", constraints=[pw.SQL("DEFAULT ''")])
    notes = pw.TextField(default="")
    archived = pw.BooleanField(default=False)
    erased = pw.BooleanField(default=False)
    # Denormalised so the list sorts and filters in SQL: kept by ClientService / HistoryService.
    primary_phone = pw.CharField(null=True, index=True)
    search_key = pw.CharField(default="", constraints=[pw.SQL("DEFAULT ''")])  # folded name (clientdesk.textkey): sorts both scripts together
    tags_text = pw.CharField(default="")
    first_purchase_on = pw.DateField(null=True)
    last_purchase_on = pw.DateField(null=True, index=True)
    visit_count = pw.IntegerField(default=0)
    total_spent_paise = pw.BigIntegerField(default=0, index=True)
    last_visit_on = pw.DateField(null=True, index=True)
    created_at = pw.DateTimeField(default=_now)
    updated_at = pw.DateTimeField(default=_now)


    class Meta:
        # The list's default order read straight off an index, for current clients and for all.
        indexes = ((("archived", "search_key", "name"), False), (("search_key", "name"), False))


# Finding the (few) archived clients without scanning them all.
Client.add_index(Client.index(Client.id, where=(Client.archived == True), name="client_archived_only"))  # noqa: E712


class Phone(BaseModel):
    """A client's number. A household (a mother and her son, one mobile) shares a number: the
    number alone is not unique, each client has it once (schema 8)."""

    client = pw.ForeignKeyField(Client, backref="phones", on_delete="CASCADE")
    number = pw.CharField(index=True)  # E.164
    is_primary = pw.BooleanField(default=False)
    is_whatsapp = pw.BooleanField(default=False)

    class Meta:
        indexes = ((("client", "number"), True),)


class Tag(BaseModel):
    name = pw.CharField(unique=True)


class ClientTag(BaseModel):
    client = pw.ForeignKeyField(Client, backref="client_tags", on_delete="CASCADE")
    tag = pw.ForeignKeyField(Tag, backref="client_tags", on_delete="CASCADE")

    class Meta:
        indexes = ((("client", "tag"), True),)


class Consent(BaseModel):
    """Current consent per client and channel; every change is also a ConsentEvent."""

    client = pw.ForeignKeyField(Client, backref="consents", on_delete="CASCADE")
    channel = pw.CharField()
    granted = pw.BooleanField(default=False)
    changed_at = pw.DateTimeField(default=_now)
    method = pw.CharField(default="counter_form")
    guardian = pw.BooleanField(default=False)  # given by a parent/guardian for a minor

    class Meta:
        indexes = ((("client", "channel"), True),)


class ConsentEvent(BaseModel):
    """Proof of consent (DPDP): who, which channel, given or withdrawn, when and how."""

    client = pw.ForeignKeyField(Client, backref="consent_events", on_delete="CASCADE")
    channel = pw.CharField()
    granted = pw.BooleanField()
    at = pw.DateTimeField(default=_now)
    method = pw.CharField(default="counter_form")
    note = pw.CharField(default="")


class Purchase(BaseModel):
    client = pw.ForeignKeyField(Client, backref="purchases", on_delete="RESTRICT")
    date = pw.DateField(index=True)
    bill_no = pw.CharField(default="")
    amount_paise = pw.BigIntegerField()
    note = pw.CharField(default="")
    created_at = pw.DateTimeField(default=_now)
    # where the bill was made (clientdesk.branches): "" on bills from before schema 9 or from a PC without names
    branch = pw.CharField(default="", constraints=[pw.SQL("DEFAULT ''")])
    counter = pw.CharField(default="", constraints=[pw.SQL("DEFAULT ''")])

    class Meta:
        indexes = ((("client", "date"), False), (("bill_no", "date"), False),
                   (("branch", "date", "client", "amount_paise"), False))  # a branch's dashboard reads only this


class PurchaseLine(BaseModel):
    purchase = pw.ForeignKeyField(Purchase, backref="lines", on_delete="CASCADE")
    product = pw.CharField(default="", index=True)
    category = pw.CharField(default="", index=True)
    qty = pw.DecimalField(max_digits=12, decimal_places=3, default=1, auto_round=True)
    amount_paise = pw.BigIntegerField(default=0)


class Interaction(BaseModel):
    client = pw.ForeignKeyField(Client, backref="interactions", on_delete="CASCADE")
    at = pw.DateTimeField(default=_now)
    channel = pw.CharField(default="visit")
    direction = pw.CharField(default="in")
    summary = pw.TextField(default="")
    kind = pw.CharField(default="")  # e.g. "greeting", "purchase"; empty for a manual note

    class Meta:
        indexes = ((("client", "at"), False),)


class Setting(BaseModel):
    key = pw.CharField(primary_key=True)
    value = pw.TextField()  # JSON


class ClientSearch(FTS5Model):
    """Full-text index of each client (rowid = client id): folded name keys in both scripts,
    email words, GSTIN. Kept by ClientService.reindex()."""

    rowid = RowIDField()
    name = SearchField()
    father = SearchField()
    business = SearchField()
    email = SearchField()
    gstin = SearchField()

    class Meta:
        database = database
        table_name = "client_search"
        # detail=column: no token positions (no phrase queries), faster to fill than full detail.
        # prefix 1 and 2: the first keystrokes of a name are answered from small prefix indexes
        # instead of merging every term that starts with that letter (measured in bench/foundation.py).
        options = {"tokenize": "unicode61 remove_diacritics 2", "detail": "column", "prefix": "'1 2'"}


class ClientPhoneSearch(FTS5Model):
    """Any part of a phone number (3+ digits) finds its client: the national numbers of each
    client (rowid = client id) in a trigram index. A thousand possible trigrams fill and merge
    far faster than every suffix of every number as a word of its own (measured in
    bench/import_export.py). Kept with ClientSearch."""

    rowid = RowIDField()
    phones = SearchField()

    class Meta:
        database = database
        table_name = "client_phone_search"
        options = {"tokenize": "trigram"}


CORE_MODELS = [Client, Phone, Tag, ClientTag, Consent, ConsentEvent, Purchase, PurchaseLine, Interaction, Setting, ClientSearch,
               ClientPhoneSearch]
