"""copy-to (issue 14, "Moving up"): a one-PC client book copied into an empty client book on the
server, checked, in one server transaction. Every outcome is read back from the server on a
connection of its own, or through a Desk opened on it."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import psycopg
import pytest

from clientdesk.clock import FixedClock
from clientdesk.clients.fields import ClientData, PhoneEntry
from clientdesk.desk import Desk
from clientdesk.errors import StorageError
from clientdesk.postgres.copy import CHECK_STEP, CopyRefused, copy_to_server, copied_models, ledger_figure
from clientdesk.progress import Cancelled, Progress
from tests.cli_helpers import run_in_process

NOW = dt.datetime(2026, 11, 22, 10, 0)
TABLES = [m._meta.table_name for m in copied_models()]


def _fill(desk: Desk, tmp: Path) -> dict:
    """Every table of the client book gets rows, through the services where they write them."""
    from clientdesk import demo
    from clientdesk.greetings.models import ClientDate, ClientFestivals, FestivalChange, GreetingLog, UserFestival
    from clientdesk.models import Client, Interaction

    demo.generate(desk, 300, seed=14)
    ids = desk.clients.ids(limit=400)
    counter = desk.counter
    for n, client in enumerate(ids[:60]):
        counter.record_sale(client, 1_000_000 + n * 10_000)
    for client in ids[:10]:
        counter.record_sale(client, 40_000, redeem_points=100)
    counter.undo_last_sale()  # a reversal: a ledger entry linking back to another
    desk.loyalty.adjust(ids[3], 15, "goodwill")
    for client in ids[:5]:
        desk.cards.issue_card(client)
    desk.segments.save("Big spenders", "spent >= 5000")
    csv = tmp / "more.csv"
    csv.write_text("Name,Mobile\nरमेश यादव,9812300001\nKavita Joshi,9812300002\n", encoding="utf-8")
    desk.imports.import_file(csv)
    desk.insights.refresh()
    with desk.using():
        # a client referred by one entered after her: the link points forward
        Client.update(referred_by=ids[-1]).where(Client.id == ids[0]).execute()
        note = Interaction.create(client=ids[1], at=NOW, channel="whatsapp", summary="Diwali wishes", kind="greeting")
        GreetingLog.create(client=ids[1], at=NOW, channel="whatsapp", occasion_key="diwali-deepavali",
                           occasion_on=dt.date(2026, 11, 8), interaction=note)
        FestivalChange.create(key="holi", year=2027, moved_to=dt.date(2027, 3, 21))
        FestivalChange.create(key="christmas", year=0, hidden=True)
        UserFestival.create(key="shop-day", name_en="Shop's day", name_hi="दुकान का दिन", month=4, day=14)
        ClientDate.create(client=ids[2], label="Son's birthday", day=3, month=5)
        ClientFestivals.create(client=ids[2], keys="|diwali-deepavali|holi|")
    return {"ids": ids}


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    """A demo client book (300 clients, two years of bills) with something in every table: sales,
    redemptions, an undo, cards, a segment, an import, insights, greetings, festival changes."""
    folder = tmp_path_factory.mktemp("book")
    path = folder / "shop.sqlite"
    desk = Desk.open(path, clock=FixedClock(NOW))
    try:
        _fill(desk, folder)
        desk.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        desk.close()
    return path


@pytest.fixture
def source(book, tmp_path):
    """A copy of the filled book for one test (a test may damage it)."""
    path = tmp_path / "shop.sqlite"
    shutil.copy(book, path)
    return path


def file_counts(path: Path) -> dict[str, int]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in TABLES}


def server_counts(url: str) -> dict[str, int]:
    with contextlib.closing(psycopg.connect(url)) as conn:
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in TABLES}


def server_tables(url: str) -> list[str]:
    with contextlib.closing(psycopg.connect(url)) as conn:
        return [t for (t,) in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]


@pytest.fixture
def empty_url(pg_cluster, pg_database):
    """An empty database (no schema): copy-to makes the client book's schema in its transaction."""
    return pg_cluster.url(pg_database)


@contextlib.contextmanager
def opened(location):
    desk = Desk.open(location, clock=FixedClock(NOW))
    try:
        yield desk
    finally:
        desk.close()


def test_the_test_book_has_rows_in_every_table(book):
    assert [t for t, n in file_counts(book).items() if n == 0] == []


def test_round_trip_copies_every_table_and_checks_it(source, empty_url):
    steps, tables = [], []
    result = copy_to_server(source, empty_url, Progress(lambda done, total, step: steps.append((done, total, step))),
                            on_table=tables.append)
    counts = file_counts(source)
    assert server_counts(empty_url) == counts
    assert {t.table: t.rows for t in result.tables} == counts == {t.table: t.server_rows for t in result.tables}
    assert [t.table for t in tables] == TABLES
    assert result.created_schema and result.clients == counts["client"] == result.indexed
    # the ledger's figure: the same on both sides, computed again here from each side's rows
    with contextlib.closing(sqlite3.connect(source)) as conn:
        mine = ledger_figure(conn.execute)
    with contextlib.closing(psycopg.connect(empty_url)) as conn:
        theirs = ledger_figure(conn.execute)
    assert mine == theirs == result.ledger and mine.entries > 70 and mine.uses > 0
    # progress: rising, ending on the check, one step per table on the way
    assert [d for d, _, _ in steps] == sorted(d for d, _, _ in steps)
    assert steps[-1][2] == CHECK_STEP and steps[-1][0] == steps[-1][1]
    assert set(TABLES) <= {s for _, _, s in steps}


def test_the_server_works_on_the_copy(source, empty_url):
    """Search by transliteration, balances, links between rows, and new numbers after the copied ones."""
    copy_to_server(source, empty_url)
    with opened(source) as before:
        ids = before.clients.ids(limit=1000)
        balances = {c: before.loyalty.balance(c) for c in ids}
        hindi = next(c for c in ids if before.clients.get(c).name.startswith("रमेश"))
        with before.using():
            from clientdesk.models import Client

            referred = {c.id: c.referred_by_id for c in Client.select().where(Client.referred_by.is_null(False))}
    with contextlib.closing(psycopg.connect(empty_url)) as conn:
        highest = {t: conn.execute(f'SELECT max(id) FROM "{t}"').fetchone()[0]
                   for t in ("client", "purchase", "counter_sale", "ledger_entry")}
        reversal = conn.execute("SELECT count(*) FROM ledger_entry r JOIN ledger_entry o ON o.id = r.reverses_id "
                                "WHERE r.kind = 'reversal'").fetchone()[0]
        flags = conn.execute("SELECT pg_typeof(undone)::text, pg_typeof(date)::text, pg_typeof(at)::text "
                             "FROM counter_sale LIMIT 1").fetchone()
    assert reversal >= 1 and flags == ("boolean", "date", "timestamp without time zone")
    with opened(empty_url) as server:
        assert hindi in [r.id for r in server.clients.search("ramesh")]  # रमेश found by its Latin spelling
        assert {c: server.loyalty.balance(c) for c in ids} == balances
        with server.using():
            from clientdesk.models import Client

            links = Client.select().where(Client.referred_by.is_null(False))
            assert {c.id: c.referred_by_id for c in links} == referred
        sale = server.counter.record_sale(ids[0], 250_000)
        new_client = server.clients.create(ClientData(name="नई ग्राहक", phones=[PhoneEntry("9811122233")]))
        assert sale.sale_id > highest["counter_sale"] and sale.purchase_id > highest["purchase"]
        assert new_client > highest["client"]
        assert server.loyalty.balance(ids[0]) == balances[ids[0]] + sale.points_earned
        from tests.loyalty.helpers import check_ledger

        with server.using():
            check_ledger()


def same(a, b) -> bool:
    """Equal, floats to the 7 digits a 4-byte `real` keeps (see test_insights_match_after_the_copy)."""
    import dataclasses

    if dataclasses.is_dataclass(a):
        return type(a) is type(b) and same(dataclasses.astuple(a), dataclasses.astuple(b))
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, float):
        return a == pytest.approx(b, rel=1e-6)
    return a == b


def test_insights_match_after_the_copy(source, empty_url):
    """What the insights show on the server equals the file's, from the copied tables (what a refresh
    makes again on the server is checked where the server can run it: see the insights port)."""
    copy_to_server(source, empty_url)
    with opened(source) as before, opened(empty_url) as after:
        assert after.insights.rfm_counts() == before.insights.rfm_counts()
        # FloatField is a 4-byte `real` on the server (peewee's PostgreSQL type for it): 7 digits kept,
        # so which direction of a pair (A→B or B→A, the same lift) is listed first may differ
        server_pairs, file_pairs = ({frozenset((p.a, p.b)): (p.bills, p.lift) for p in d.insights.pairs(limit=500)}
                                    for d in (after, before))
        assert server_pairs.keys() == file_pairs.keys()
        assert [server_pairs[k][0] for k in file_pairs] == [file_pairs[k][0] for k in file_pairs]
        assert [server_pairs[k][1] for k in file_pairs] == pytest.approx([file_pairs[k][1] for k in file_pairs],
                                                                         rel=1e-6)
        assert after.insights.winback_ids() == before.insights.winback_ids()
        client = before.clients.ids(limit=1)[0]
        assert same(after.insights.suggestions(client), before.insights.suggestions(client))
        assert same(after.insights.client_value(client), before.insights.client_value(client))
        assert after.segments.count("spent >= 5000") == before.segments.count("spent >= 5000")
        assert [s.name for s in after.segments.saved()] == ["Big spenders"]


def test_into_a_client_book_a_counter_has_opened(source, server_url):
    """A counter that opened the empty book first wrote its built-in greeting templates: still empty."""
    with opened(server_url) as counter:
        assert counter.greetings.templates()
    copy_to_server(source, server_url)
    assert server_counts(server_url) == file_counts(source)


def test_a_client_book_that_is_not_empty_is_refused_and_untouched(source, server_url):
    with opened(server_url) as counter:
        counter.clients.create(ClientData(name="Sunita Devi", phones=[PhoneEntry("9876500001")]))
    before = server_counts(server_url)
    with pytest.raises(CopyRefused) as refused:
        copy_to_server(source, server_url)
    assert refused.value.reason == "not_empty" and "not empty" in str(refused.value)
    assert server_counts(server_url) == before and before["client"] == 1


def test_cancel_halfway_leaves_the_server_as_it_was(source, empty_url):
    progress = Progress(lambda done, total, step: progress.cancel() if step == "purchase_line" else None)
    with pytest.raises(Cancelled):
        copy_to_server(source, empty_url, progress)
    assert server_tables(empty_url) == []  # not even the schema stays


def test_cancel_at_the_last_moment_still_keeps_nothing(source, server_url):
    progress = Progress(lambda done, total, step: progress.cancel() if step == CHECK_STEP else None)
    with pytest.raises(Cancelled):
        copy_to_server(source, server_url, progress)
    assert set(server_counts(server_url).values()) == {0}


@pytest.mark.parametrize("damage, table", [
    ("UPDATE purchase SET date = 'next Tuesday' WHERE id = (SELECT max(id) FROM purchase)", "purchase"),
    ("INSERT INTO ledger_use (entry_id, lot_id, points) VALUES (999999, 999998, 5)", "ledger_use"),
    ("UPDATE interaction SET summary = 'a' || char(0) || 'b' WHERE id = 7", "interaction"),
])
def test_a_row_the_server_cannot_take_stops_the_copy_and_keeps_nothing(source, server_url, damage, table):
    with contextlib.closing(sqlite3.connect(source)) as conn:  # foreign keys are off on this connection
        conn.execute(damage)
        conn.commit()
    with pytest.raises(CopyRefused) as refused:
        copy_to_server(source, server_url)
    assert refused.value.reason == "bad_row" and f"table {table}" in str(refused.value)
    assert set(server_counts(server_url).values()) == {0}


def test_the_file_is_only_read(source, empty_url):
    before, modified = source.read_bytes(), source.stat().st_mtime_ns
    copy_to_server(source, empty_url)
    assert source.read_bytes() == before and source.stat().st_mtime_ns == modified


def test_the_shop_keeps_selling_on_the_file_while_it_is_copied(source, empty_url):
    """The copy is the book as it was when the copy started: a sale made on the file meanwhile
    (another connection, between two tables) is not half in it, and the check still agrees."""
    desk = Desk.open(source, clock=FixedClock(NOW))
    sold = []

    def sell(done, total, step):
        if step == "purchase_line" and not sold:
            sold.append(desk.counter.record_sale(desk.clients.ids(limit=1)[0], 500_000))
    try:
        with contextlib.closing(sqlite3.connect(source)) as conn:
            sales_before = conn.execute("SELECT count(*) FROM counter_sale").fetchone()[0]
        result = copy_to_server(source, empty_url, Progress(sell))
    finally:
        desk.close()
    assert sold and server_counts(empty_url)["counter_sale"] == sales_before
    assert file_counts(source)["counter_sale"] == sales_before + 1
    assert {t.table: t.rows for t in result.tables}["counter_sale"] == sales_before


# ----- the command line -------------------------------------------------------------------------
def test_command_copies_with_a_line_per_table(source, empty_url, capsys):
    code, out, err = run_in_process(capsys, "--db", str(source), "copy-to", empty_url)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith(f"Copying {source} to ")
    assert sum(1 for line in lines if line.split()[:1] and line.split()[0] in TABLES) == len(TABLES)
    assert "checksum" in out and "Settings → Where the client book lives" in out
    assert "test-password" not in out  # the URL is shown without its password
    assert server_counts(empty_url) == file_counts(source)


def test_command_json(source, empty_url, capsys):
    import json

    code, out, _ = run_in_process(capsys, "--db", str(source), "copy-to", empty_url, "--json")
    assert code == 0
    value = json.loads(out)
    assert value["tables"] == file_counts(source) and len(value["ledger"]["checksum"]) == 64


def test_command_refuses_a_full_server_in_one_line(source, server_url, capsys):
    with opened(server_url) as counter:
        counter.clients.create(ClientData(name="Sunita Devi", phones=[PhoneEntry("9876500001")]))
    code, out, err = run_in_process(capsys, "--db", str(source), "copy-to", server_url, "--quiet")
    assert code == 2 and err.count("\n") == 1 and "not empty" in err and "Traceback" not in err
    assert server_counts(server_url)["client"] == 1


def test_command_when_the_server_is_not_answering(source, capsys):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"postgresql://shop:pw@127.0.0.1:{port}/book"
    code, out, err = run_in_process(capsys, "--db", str(source), "copy-to", url)
    assert code == 2 and err.count("\n") == 1
    assert "127.0.0.1 is not answering" in err


def test_the_service_when_the_server_is_not_answering(source):
    with pytest.raises(StorageError) as error:
        copy_to_server(source, "postgresql://shop:pw@127.0.0.1:1/book")
    assert error.value.details["reason"] == "unreachable"


def _sqlite(path: Path, sql: str) -> None:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute(sql)
        conn.commit()


@pytest.mark.parametrize("make, words", [
    (lambda p: p.write_text("Name,Mobile\nRamesh,98765\n"), "not a ClientDesk client book"),
    (lambda p: sqlite3.connect(p).close(), "not a ClientDesk client book"),
    (lambda p: _sqlite(p, "CREATE TABLE notes (t text)"), "not a ClientDesk client book"),
    (lambda p: p.mkdir(), "is a folder"),
    (lambda p: None, "No client book at"),
])
def test_command_refuses_a_file_that_is_not_a_client_book(tmp_path, empty_url, capsys, make, words):
    path = tmp_path / "notes.sqlite"
    make(path)
    code, out, err = run_in_process(capsys, "--db", str(path), "copy-to", empty_url)
    assert code == 2 and err.count("\n") == 1 and words in err, err
    assert server_tables(empty_url) == []


def test_an_older_client_book_is_refused_with_what_to_do(source, empty_url):
    with contextlib.closing(sqlite3.connect(source)) as conn:
        conn.execute("PRAGMA user_version = 6")
    with pytest.raises(CopyRefused) as refused:
        copy_to_server(source, empty_url)
    assert refused.value.reason == "older" and "open it once" in str(refused.value)


@pytest.mark.parametrize("argv, words", [
    (["copy-to", "shop-server"], "needs the server's address"),
    (["copy-to", "postgresql://host-only/"], "names no"),
])
def test_command_bad_addresses(source, capsys, argv, words):
    code, out, err = run_in_process(capsys, "--db", str(source), *argv)
    assert code == 2 and err.count("\n") == 1 and words in err, err


def test_insights_refreshed_on_the_server_match_the_file(source, empty_url):
    """A refresh on the server, from the copied purchases, gives the file's groups and pairs."""
    copy_to_server(source, empty_url)
    with opened(source) as before, opened(empty_url) as after:
        after.insights.refresh()
        before.insights.refresh()
        assert after.insights.rfm_counts() == before.insights.rfm_counts()
        assert ({frozenset((p.a, p.b)): p.bills for p in after.insights.pairs(limit=500)}
                == {frozenset((p.a, p.b)): p.bills for p in before.insights.pairs(limit=500)})
        assert after.insights.winback_ids() == before.insights.winback_ids()


@pytest.fixture
def counter_role_url(pg_cluster, server_url):
    """The URL of the empty client book for a role that may read and write its rows but owns no
    table (as a counter's role): it may not drop or make indexes."""
    import uuid
    from urllib.parse import urlsplit

    role = "counter_" + uuid.uuid4().hex[:8]
    dbname = urlsplit(server_url).path.lstrip("/")
    with contextlib.closing(pg_cluster.admin()) as admin:
        admin.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'counter-pw'")
    with contextlib.closing(psycopg.connect(server_url, autocommit=True)) as conn:
        conn.execute(f"GRANT USAGE ON SCHEMA public TO {role}")
        conn.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}")
        conn.execute(f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {role}")
    yield f"postgresql://{role}:counter-pw@{pg_cluster.host}:{pg_cluster.port}/{dbname}"
    with contextlib.closing(psycopg.connect(server_url, autocommit=True)) as conn:
        conn.execute(f"REASSIGN OWNED BY {role} TO CURRENT_USER")
        conn.execute(f"DROP OWNED BY {role}")
    with contextlib.closing(pg_cluster.admin()) as admin:
        admin.execute(f"DROP ROLE {role}")


def test_a_role_that_owns_no_table_copies_into_the_indexed_tables(source, counter_role_url, server_url):
    result = copy_to_server(source, counter_role_url)
    assert server_counts(server_url) == file_counts(source) == {t.table: t.rows for t in result.tables}
    with contextlib.closing(psycopg.connect(server_url)) as conn:
        indexes = conn.execute("SELECT count(*) FROM pg_indexes WHERE schemaname = 'public'").fetchone()[0]
    assert indexes > 40  # none was dropped


def test_the_ledger_figure_sees_a_point_moved_and_reads_both_engines_alike():
    """The figure is the same for SQLite's text and the server's date objects, and differs when
    points move from one entry to another although the sums stay the same."""
    def rows(*entries):
        uses = [(1, 2, 1, 5)]
        return lambda sql: entries if "ledger_entry" in sql else uses

    text = (1, 7, "2026-11-22 10:00:00", "2026-11-22", "earn", 10, 5, "2027-11-22", 25, "", 3, 4, None)
    objects = (1, 7, dt.datetime(2026, 11, 22, 10), dt.date(2026, 11, 22), "earn", 10, 5, dt.date(2027, 11, 22), 25,
               "", 3, 4, None)
    with_t = (1, 7, "2026-11-22T10:00:00", *text[3:])
    redeem = (2, 7, "2026-11-23 11:00:00", "2026-11-23", "redeem", -5, 0, None, 0, "", 4, 5, None)
    assert ledger_figure(rows(text, redeem)) == ledger_figure(rows(objects, redeem)) == ledger_figure(
        rows(with_t, redeem))
    moved = [(1, *text[1:5], 9, *text[6:]), (2, *redeem[1:5], -4, *redeem[6:])]
    same_sums = ledger_figure(rows(*moved))
    assert (same_sums.points, same_sums.entries) == (ledger_figure(rows(text, redeem)).points, 2)
    assert same_sums.digest != ledger_figure(rows(text, redeem)).digest
