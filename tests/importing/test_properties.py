"""Property: whatever the cells hold, the importer does not raise (bad values become row
problems), and a file is imported whole or not at all."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from clientdesk.importing.importer import ClientImporter
from clientdesk.importing.mapping import CLIENT_FIELDS, SourceTable
from clientdesk.importing.models import ImportBatch
from clientdesk.importing.readers import RawTable
from clientdesk.models import Client, Phone
from clientdesk.progress import Cancelled, Progress

HEADERS = list(CLIENT_FIELDS)
# No NUL characters: every reader takes them out of the file and says so on the row
# (test_hostile_files.py), and a server's text cannot hold them. No lone surrogates either: no
# reader makes one (readers.decode_text decodes strictly or replaces what it cannot; calamine
# gives valid text), and neither engine can store one.
cells = st.one_of(
    st.none(), st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=30), st.integers(min_value=-10**15, max_value=10**15),
    st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
    st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.datetimes(min_value=dt.datetime(1800, 1, 1), max_value=dt.datetime(2100, 1, 1)),
    st.sampled_from(["9876543210", "98200 12345 / 98200 54321", "9.87654E+09", "a@b.in", "A@B.IN", "17 Aug",
                     "--08-21", "31/02/1990", "560 034", "27AAPFU0939F1ZV", "Total", "कुल", "रमेश", " ::: "]),
)
rows = st.lists(st.lists(cells, min_size=0, max_size=len(HEADERS) + 2), min_size=1, max_size=25)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data_rows=rows, cancel_at=st.one_of(st.none(), st.integers(min_value=1, max_value=6)),
       on_match=st.sampled_from(["fill", "overwrite", "skip"]))
def test_import_never_raises_and_is_all_or_nothing(desk, data_rows, cancel_at, on_match):
    clients_before = Client.select().count()
    phones_before = Phone.select().count()
    batches_before = ImportBatch.select().count()
    calls = []

    def tick(done, total, label):
        calls.append(done)
        if cancel_at is not None and len(calls) >= cancel_at:
            progress.cancel()

    progress = Progress(tick)
    source = SourceTable(RawTable(Path("fuzz.xlsx"), [HEADERS] + data_rows), 0, HEADERS)
    importer: ClientImporter = desk.imports.client_importer
    try:
        result = importer.run(source, list(HEADERS), on_match, progress)
    except Cancelled:
        assert Client.select().count() == clients_before
        assert Phone.select().count() == phones_before
        assert ImportBatch.select().count() == batches_before
        return
    assert Client.select().count() == clients_before + result.created
    accounted = (result.created + result.updated + result.unchanged + result.skipped + result.blank
                 + result.totals + result.failed_rows)
    assert accounted == len(data_rows)
    for row_no, _cells, issues in result.problem_rows:
        assert 2 <= row_no <= len(data_rows) + 1 and issues
