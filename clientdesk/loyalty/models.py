"""Loyalty tables: each member's programme state, cards, the points ledger, and counter sales.

Points live in `LedgerEntry` rows. A positive entry (earn, bonus, opening balance, adjustment,
reversal that gives points back) is a *lot* with its own expiry date and rupee value per point;
`remaining` says how much of it is still unspent. A negative entry takes points from lots,
oldest first, and each take is a `LedgerUse` row so a reversal can put them back exactly.
The balance is the sum of `points` and always equals the sum of `remaining`.
"""

from __future__ import annotations

import peewee as pw

from clientdesk.db import BaseModel
from clientdesk.models import Client, Purchase

ENTRY_KINDS = ("earn", "redeem", "expire", "bonus", "adjust", "reversal", "opening")
BONUS_REASONS = ("signup", "birthday")


class LoyaltyMember(BaseModel):
    """A client who has joined the programme: tier, stamp card, birthday bonus year."""

    client = pw.ForeignKeyField(Client, primary_key=True, backref="loyalty", on_delete="CASCADE")
    joined_on = pw.DateField()
    tier = pw.CharField(default="member", index=True)
    tier_since = pw.DateField()
    stamps = pw.IntegerField(default=0)
    rewards_due = pw.IntegerField(default=0)
    last_stamp_on = pw.DateField(null=True)
    birthday_bonus_year = pw.IntegerField(null=True)


class LoyaltyCard(BaseModel):
    number = pw.CharField(unique=True)
    client = pw.ForeignKeyField(Client, backref="loyalty_cards", on_delete="CASCADE")
    status = pw.CharField(default="active")  # active | blocked
    issued_on = pw.DateField()
    printed_on = pw.DateField(null=True)
    blocked_on = pw.DateField(null=True)

    class Meta:
        indexes = ((("client", "status"), False),)


class CounterSale(BaseModel):
    """One loyalty transaction at the counter (a bill with its points), so it can be undone."""

    client = pw.ForeignKeyField(Client, backref="counter_sales", on_delete="CASCADE")
    purchase = pw.ForeignKeyField(Purchase, null=True, backref="counter_sales", on_delete="SET NULL")
    at = pw.DateTimeField()
    date = pw.DateField()
    card = pw.CharField(default="")
    amount_paise = pw.BigIntegerField(default=0)
    redeemed_points = pw.IntegerField(default=0)
    redeemed_paise = pw.BigIntegerField(default=0)
    earned_points = pw.IntegerField(default=0)
    bonus_points = pw.IntegerField(default=0)
    stamp_added = pw.BooleanField(default=False)
    reward_earned = pw.BooleanField(default=False)
    reward_used = pw.BooleanField(default=False)
    tier_before = pw.CharField(default="")
    joined = pw.BooleanField(default=False)
    stamps_before = pw.IntegerField(default=0)
    rewards_before = pw.IntegerField(default=0)
    birthday_year_before = pw.IntegerField(null=True)
    last_stamp_before = pw.DateField(null=True)
    undone = pw.BooleanField(default=False)
    branch = pw.CharField(default="", constraints=[pw.SQL("DEFAULT ''")])   # where it was rung up (clientdesk.branches)
    counter = pw.CharField(default="", constraints=[pw.SQL("DEFAULT ''")])

    class Meta:
        indexes = ((("client", "date"), False), (("date", "id"), False))


class LedgerEntry(BaseModel):
    client = pw.ForeignKeyField(Client, backref="ledger", on_delete="CASCADE")
    at = pw.DateTimeField()
    date = pw.DateField()
    kind = pw.CharField()
    points = pw.IntegerField()                    # signed
    remaining = pw.IntegerField(default=0)        # unspent points of a positive entry (a lot)
    expires_on = pw.DateField(null=True)
    value_paise = pw.IntegerField(default=0)      # rupee value of one point of this lot, in paise
    reason = pw.CharField(default="")             # adjust: why; bonus: signup|birthday; expire/reversal: note
    sale = pw.ForeignKeyField(CounterSale, null=True, backref="entries", on_delete="SET NULL")
    purchase = pw.ForeignKeyField(Purchase, null=True, backref="ledger_entries", on_delete="SET NULL")
    reverses = pw.ForeignKeyField("self", null=True, backref="reversed_by", on_delete="SET NULL")

    class Meta:
        indexes = ((("client", "id"), False),)


class LedgerUse(BaseModel):
    """`points` taken from lot `lot` by the negative entry `entry`."""

    entry = pw.ForeignKeyField(LedgerEntry, backref="uses", on_delete="CASCADE")
    lot = pw.ForeignKeyField(LedgerEntry, backref="taken", on_delete="CASCADE")
    points = pw.IntegerField()


# Unspent lots only: the expiry sweep and "oldest first" both look at these.
LedgerEntry.add_index(LedgerEntry.client, LedgerEntry.date, LedgerEntry.id, where=(LedgerEntry.remaining > 0),
                      name="ledgerentry_open_lots")
LedgerEntry.add_index(LedgerEntry.expires_on, where=(LedgerEntry.remaining > 0), name="ledgerentry_open_expiry")

LOYALTY_MODELS = [LoyaltyMember, LoyaltyCard, CounterSale, LedgerEntry, LedgerUse]
