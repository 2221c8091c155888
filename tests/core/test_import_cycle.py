"""The search module learns its two table names without loading every area's models (issue 13)."""

import subprocess
import sys

CHECK = """
import sys
import clientdesk.search
loaded = sorted(m for m in sys.modules if m.split(".")[:2] in (["clientdesk", "loyalty"], ["clientdesk", "greetings"],
                                                              ["clientdesk", "insights"], ["clientdesk", "schema"],
                                                              ["clientdesk", "models"], ["clientdesk", "db"]))
print(",".join(loaded))
"""


def test_importing_search_loads_no_area_models():
    # A fresh interpreter: in this process other tests have imported everything already.
    out = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == ""


def test_schema_still_names_the_search_tables():
    from clientdesk import schema, search

    assert (schema.SEARCH_TABLE, schema.PHONE_SEARCH_TABLE) == (search.SEARCH_TABLE, search.PHONE_SEARCH_TABLE)
    assert {m._meta.table_name for m in schema.all_models()} >= {search.SEARCH_TABLE, search.PHONE_SEARCH_TABLE}
