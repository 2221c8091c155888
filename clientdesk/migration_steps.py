"""The numbered schema steps. Each takes (db, migrator) and runs inside one transaction.

Numbers are taken in order by feature area as it lands: 2 import batches, 3 loyalty,
4 greetings, 5 insights. A step creates the tables its area added (safe=True) and adds
columns with `migrator.migrate(migrator.add_column(...))`.
"""

from __future__ import annotations

from clientdesk.migrations import migration  # noqa: F401


@migration(3)
def _loyalty_tables(db, migrator):
    from clientdesk.loyalty.models import LOYALTY_MODELS

    db.create_tables(LOYALTY_MODELS, safe=True)
