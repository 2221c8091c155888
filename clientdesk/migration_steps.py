"""The numbered schema steps. Each takes (db, migrator) and runs inside one transaction.

Numbers are taken in order by feature area as it lands: 2 import batches, 3 loyalty,
4 greetings, 5 insights, 6 the phone search index, 7 names in the other script. A step creates the tables its area added (safe=True) and adds
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


def _client_list_columns(db):
    """The list's sort key and its indexes, which the first releases' client table lacked (they
    came without a step of their own): added where missing, filled by the reindex of step 6."""
    columns = {row[1] for row in db.execute_sql("PRAGMA table_info(client)").fetchall()}
    if "search_key" not in columns:
        db.execute_sql("ALTER TABLE client ADD COLUMN search_key VARCHAR(255) NOT NULL DEFAULT ''")
    db.execute_sql('DROP INDEX IF EXISTS "client_archived"')
    db.execute_sql('CREATE INDEX IF NOT EXISTS "client_archived_search_key_name" ON "client" ("archived", "search_key", "name")')
    db.execute_sql('CREATE INDEX IF NOT EXISTS "client_search_key_name" ON "client" ("search_key", "name")')
    db.execute_sql('CREATE INDEX IF NOT EXISTS "client_archived_only" ON "client" ("id") WHERE ("archived" = 1)')


@migration(6)
def _phone_search_index(db, migrator):
    """Phones move from the client search index to a trigram index of their own: the client
    index is made again without its phones column, and both are filled from the tables."""
    from clientdesk.models import Client, ClientPhoneSearch, ClientSearch
    from clientdesk.services.clients import reindex_clients

    _client_list_columns(db)
    db.drop_tables([ClientSearch, ClientPhoneSearch], safe=True)
    db.create_tables([ClientSearch, ClientPhoneSearch])
    reindex_clients(db, [cid for (cid,) in Client.select(Client.id).tuples()], fresh=True)


@migration(7)
def _names_in_other_script(db, migrator):
    """The client's name and father's name in the other script (fixed SQL, as written for v7)."""
    columns = {row[1] for row in db.execute_sql("PRAGMA table_info(client)").fetchall()}
    for column in ("name_other", "father_name_other"):
        if column not in columns:  # a file made by hand from a newer schema may have it already
            db.execute_sql(f"ALTER TABLE client ADD COLUMN {column} VARCHAR(255) NOT NULL DEFAULT ''")
