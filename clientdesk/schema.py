"""Every table of the current schema, and the search index beside them.

A feature area adds its models here (one import, one list entry) and a numbered migration in
`clientdesk.migrations` that creates them in databases written by an older version.
"""

from __future__ import annotations

from clientdesk.greetings.models import GREETING_MODELS
from clientdesk.greetings.models import create_indexes as greeting_indexes
from clientdesk.importing.models import IMPORT_MODELS
from clientdesk.insights.models import INSIGHT_MODELS
from clientdesk.loyalty.models import LOYALTY_MODELS
from clientdesk.models import CORE_MODELS
from clientdesk.search import PHONE_SEARCH_TABLE, SEARCH_TABLE  # noqa: F401  (named where search lives)


def all_models() -> list:
    """All peewee models of the current schema, in creation order."""
    return list(CORE_MODELS) + LOYALTY_MODELS + GREETING_MODELS + IMPORT_MODELS + INSIGHT_MODELS


def create_all(db) -> None:
    """Create every table and index of the current schema in an empty database."""
    db.create_tables(all_models(), safe=True)
    greeting_indexes(db)
