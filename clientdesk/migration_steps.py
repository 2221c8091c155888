"""The numbered schema steps. Each takes (db, migrator) and runs inside one transaction.

Numbers are taken in order by feature area as it lands: 2 import batches, 3 loyalty,
4 greetings, 5 insights, 6 the phone search index. A step creates the tables its area added (safe=True) and adds
columns with `migrator.migrate(migrator.add_column(...))`.
"""

from __future__ import annotations

from clientdesk.migrations import migration  # noqa: F401


@migration(2)
def _import_tables(db, migrator):
    from clientdesk.importing.models import IMPORT_MODELS

    db.create_tables(IMPORT_MODELS, safe=True)


@migration(3)
def _loyalty_tables(db, migrator):
    from clientdesk.loyalty.models import LOYALTY_MODELS

    db.create_tables(LOYALTY_MODELS, safe=True)


@migration(4)
def _greeting_tables(db, migrator):
    from clientdesk.greetings.models import GREETING_MODELS, create_indexes

    db.create_tables(GREETING_MODELS, safe=True)
    create_indexes(db)


@migration(5)
def _insight_tables(db, migrator):
    from clientdesk.insights.models import create_insight_tables

    create_insight_tables(db)


@migration(6)
def _phone_search_index(db, migrator):
    """Phones move from the client search index to a trigram index of their own: the client
    index is made again without its phones column, and both are filled from the tables."""
    from clientdesk.models import Client, ClientPhoneSearch, ClientSearch
    from clientdesk.services.clients import reindex_clients

    db.drop_tables([ClientSearch, ClientPhoneSearch], safe=True)
    db.create_tables([ClientSearch, ClientPhoneSearch])
    reindex_clients(db, [cid for (cid,) in Client.select(Client.id).tuples()], fresh=True)
