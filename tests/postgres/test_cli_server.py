"""The command line on the shop's server: `--db postgresql://…`, `server-setup`, a server away."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psycopg
import pytest

from tests.cli_helpers import run_in_process
from tests.postgres.cluster import _free_port

ROOT = Path(__file__).resolve().parents[2]
COUNTER_PASSWORD = "काउंटर-pass-1"


def main_py(*argv: str, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *argv], input=stdin, capture_output=True,
                          text=True, encoding="utf-8", env=dict(os.environ, PYTHONIOENCODING="utf-8", **(env or {})),
                          timeout=180)


def one_line(code, err: str) -> str:
    assert code == 2, err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.fixture
def counter_role(pg_cluster):
    """A role name of the test's own (roles belong to the whole cluster), dropped after."""
    name = "counter_" + uuid.uuid4().hex[:8]
    yield name
    drop_role(pg_cluster, name)


def drop_role(pg_cluster, name: str) -> None:
    """Drop a role and its grants in every database (the test's database may still be there)."""
    with contextlib.closing(pg_cluster.admin()) as conn:
        if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone():
            return
        databases = [d for (d,) in conn.execute("SELECT datname FROM pg_database WHERE datallowconn")]
    for database in databases:
        with contextlib.closing(psycopg.connect(host=pg_cluster.socket_dir, port=pg_cluster.port,
                                                user=pg_cluster.user, dbname=database, autocommit=True)) as conn:
            conn.execute(f'DROP OWNED BY "{name}"')
    with contextlib.closing(pg_cluster.admin()) as conn:
        conn.execute(f'DROP ROLE IF EXISTS "{name}"')


def setup(capsys, url, role, *more, password=COUNTER_PASSWORD, monkeypatch=None):
    import io

    if monkeypatch is not None and password is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    extra = ["--counter-password-stdin"] if password is not None else []
    return run_in_process(capsys, "server-setup", url, "--counter-role", role, *extra, *more)


def with_password(counter_url: str, password: str = COUNTER_PASSWORD) -> str:
    from urllib.parse import quote

    head, rest = counter_url.split("@", 1)
    return f"{head}:{quote(password, safe='')}@{rest}"


# ----- server-setup ---------------------------------------------------------------------------
def test_server_setup_makes_the_book_and_a_least_privilege_counter(capsys, monkeypatch, pg_cluster, pg_database,
                                                                   counter_role, tmp_path):
    admin_url = pg_cluster.url(pg_database)
    code, out, err = setup(capsys, admin_url, counter_role, "--json", monkeypatch=monkeypatch)
    assert code == 0, err
    result = json.loads(out)
    assert result["counter_url"] == f"postgresql://{counter_role}@{pg_cluster.host}:{pg_cluster.port}/{pg_database}"
    assert result["role_created"] and result["password_set"]
    assert COUNTER_PASSWORD not in out + err
    counter = with_password(result["counter_url"])

    # the counter sells and adds clients through the command line
    base = ["--basedir", str(tmp_path)]
    code, out, err = run_in_process(capsys, *base, "--db", counter, "add", "--name", "रमेश कुमार",
                                    "--phone", "9876543210")
    assert code == 0, err
    code, out, err = run_in_process(capsys, *base, "--db", counter, "sale", "--phone", "9876543210",
                                    "--amount", "1,500")
    assert code == 0, err
    with contextlib.closing(psycopg.connect(counter, autocommit=True)) as conn:
        assert conn.execute("SELECT count(*) FROM purchase").fetchone() == (1,)
        with conn.transaction():  # what a bulk import does: COPY rows in (the rows go again at the end)
            with conn.cursor().copy("COPY client_search (rowid, name) FROM STDIN") as copy:
                copy.write_row((999, "copied in"))
            conn.execute("DELETE FROM client_search WHERE rowid = 999")
        for statement in ("DROP TABLE purchase", "CREATE TABLE sneaky (id int)", "ALTER TABLE client ADD COLUMN x int",
                          "TRUNCATE ledger_entry", "UPDATE clientdesk_schema SET version = 99",
                          "CREATE SCHEMA other", "CREATE DATABASE other"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        role = conn.execute("SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = current_user")
        assert role.fetchone() == (False, False, False)
        assert conn.execute("SELECT count(*) FROM purchase").fetchone() == (1,)


def test_the_counter_imports_a_sheet(capsys, monkeypatch, pg_cluster, pg_database, counter_role, tmp_path):
    code, out, err = setup(capsys, pg_cluster.url(pg_database), counter_role, "--json", monkeypatch=monkeypatch)
    assert code == 0, err
    counter = with_password(json.loads(out)["counter_url"])
    sheet = tmp_path / "clients.csv"
    sheet.write_text("Name,Phone,City\nSuresh Patel,9812345678,Pune\nLaxmi Devi,9898989898,Agra\n", encoding="utf-8")
    code, out, err = run_in_process(capsys, "--basedir", str(tmp_path), "--db", counter, "import", str(sheet))
    assert code == 0, err
    with contextlib.closing(psycopg.connect(counter, autocommit=True)) as conn:
        assert sorted(r[0] for r in conn.execute("SELECT name FROM client")) == ["Laxmi Devi", "Suresh Patel"]


def test_the_counter_imports_a_sheet_that_doubles_the_book(capsys, monkeypatch, pg_cluster, pg_database, counter_role,
                                                          tmp_path):
    """A big import sets the indexes and keys aside when it may; a counter's login may not drop them
    (no DDL): its rows go into the indexed tables, and every index and key is still there after."""
    code, out, err = setup(capsys, pg_cluster.url(pg_database), counter_role, "--json", monkeypatch=monkeypatch)
    assert code == 0, err
    counter = with_password(json.loads(out)["counter_url"])
    with contextlib.closing(psycopg.connect(counter, autocommit=True)) as conn:
        indexes_before = conn.execute("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1").fetchall()
        keys_before = conn.execute(KEYS).fetchall()
    assert ("phone_client_id_fkey",) in keys_before
    sheet = tmp_path / "clients.csv"
    rows = "".join(f"Client {n},98{n:08d}\n" for n in range(10_000))
    sheet.write_text("Name,Phone\n" + rows, encoding="utf-8")
    code, out, err = run_in_process(capsys, "--basedir", str(tmp_path), "--db", counter, "import", str(sheet))
    assert code == 0, err
    with contextlib.closing(psycopg.connect(counter, autocommit=True)) as conn:
        assert conn.execute("SELECT count(*) FROM client").fetchone() == (10_000,)
        assert conn.execute("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1").fetchall() \
            == indexes_before
        assert conn.execute(KEYS).fetchall() == keys_before


KEYS = "SELECT conname FROM pg_constraint WHERE contype = 'f' ORDER BY 1"


def test_a_counter_opens_an_older_book_it_may_not_change_and_its_owner_updates_it(capsys, monkeypatch, pg_cluster,
                                                                                 pg_database, counter_role, tmp_path):
    """A book made before the search index's current indexes: a counter's login (no DDL) works on
    it as it is, with a line in the log; the owner's next open brings it up to date."""
    from clientdesk.postgres import search as pgs

    admin_url = pg_cluster.url(pg_database)
    code, out, err = setup(capsys, admin_url, counter_role, "--json", monkeypatch=monkeypatch)
    assert code == 0, err
    counter = with_password(json.loads(out)["counter_url"])
    names = ", ".join(f"'{name}'" for name in (pgs.WORDS_INDEX, *pgs.UNUSED_INDEXES))
    search_indexes = f"SELECT indexname FROM pg_indexes WHERE indexname IN ({names}) ORDER BY 1"
    with contextlib.closing(psycopg.connect(admin_url, autocommit=True)) as conn:
        conn.execute(f"DROP INDEX {pgs.WORDS_INDEX}")
        conn.execute(f"CREATE INDEX client_search_name_trgm ON client_search USING gin ({pgs.NAME_KEYS} gin_trgm_ops)")
    code, out, err = run_in_process(capsys, "--basedir", str(tmp_path), "--db", counter, "add", "--name", "Ramesh Kumar",
                                    "--phone", "9812345678")
    assert code == 0, err
    code, out, err = run_in_process(capsys, "--basedir", str(tmp_path), "--db", counter, "search", "ramesh")
    assert code == 0 and "Ramesh Kumar" in out, err
    with contextlib.closing(psycopg.connect(admin_url, autocommit=True)) as conn:
        assert conn.execute(search_indexes).fetchall() == [("client_search_name_trgm",)]
    code, out, err = run_in_process(capsys, "--basedir", str(tmp_path), "--db", admin_url, "search", "ramesh")
    assert code == 0 and "Ramesh Kumar" in out, err
    with contextlib.closing(psycopg.connect(admin_url, autocommit=True)) as conn:
        assert conn.execute(search_indexes).fetchall() == [(pgs.WORDS_INDEX,)]


def test_server_setup_twice_is_harmless(capsys, monkeypatch, pg_cluster, pg_database, counter_role, tmp_path):
    admin_url = pg_cluster.url(pg_database)
    code, out, err = setup(capsys, admin_url, counter_role, "--json", monkeypatch=monkeypatch)
    assert code == 0, err
    counter = with_password(json.loads(out)["counter_url"])
    assert run_in_process(capsys, "--basedir", str(tmp_path), "--db", counter, "add", "--name", "Asha",
                          "--phone", "9876500001")[0] == 0
    # again, keeping the password: the client is still there, the counter still logs in and writes
    code, out, err = setup(capsys, admin_url, counter_role, "--no-password", password=None)
    assert code == 0, err
    assert "already there" in out and counter_role in out
    code, out, err = run_in_process(capsys, "--basedir", str(tmp_path), "--db", counter, "add", "--name", "Bela",
                                    "--phone", "9876500002")
    assert code == 0, err
    # and once more with a new password: the old one stops working
    code, out, err = setup(capsys, admin_url, counter_role, password="new-secret", monkeypatch=monkeypatch)
    assert code == 0, err
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(counter).close()
    with contextlib.closing(psycopg.connect(with_password(json_url(counter), "new-secret"))) as conn:
        assert conn.execute("SELECT count(*) FROM client").fetchone() == (2,)


def json_url(counter_with_password: str) -> str:
    head, rest = counter_with_password.split("@", 1)
    return head.rsplit(":", 1)[0] + "@" + rest


@pytest.mark.parametrize("argv, says", [
    (["--counter-role", "Bad Name"], "not a role name"),
    (["--counter-role", "pg_monitor"], "pg_"),
    (["--counter-role", "clientdesk_test"], "admin user"),
    ([], "--counter-password-stdin"),
])
def test_server_setup_refuses(capsys, pg_cluster, pg_database, argv, says):
    code, _out, err = run_in_process(capsys, "server-setup", pg_cluster.url(pg_database), *argv)
    assert says in one_line(code, err)
    with contextlib.closing(psycopg.connect(pg_cluster.url(pg_database))) as conn:  # nothing was made
        assert conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone() == (0,)


def test_server_setup_by_a_counter_is_refused(capsys, monkeypatch, pg_cluster, pg_database, counter_role):
    code, out, err = setup(capsys, pg_cluster.url(pg_database), counter_role, "--json", monkeypatch=monkeypatch)
    assert code == 0, err
    counter = with_password(json.loads(out)["counter_url"])
    code, _out, err = setup(capsys, counter, counter_role + "_x", monkeypatch=monkeypatch)
    assert "admin user" in one_line(code, err)
    assert COUNTER_PASSWORD not in err


def test_server_setup_through_main_py_reads_the_password_from_stdin(pg_cluster, pg_database, counter_role):
    result = main_py("server-setup", pg_cluster.url(pg_database), "--counter-role", counter_role,
                     "--counter-password-stdin", stdin=COUNTER_PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    assert f"postgresql://{counter_role}@" in result.stdout and COUNTER_PASSWORD not in result.stdout
    url = result.stdout.strip().splitlines()[-1].split(": ", 1)[1]
    with contextlib.closing(psycopg.connect(with_password(url))) as conn:
        assert conn.execute("SELECT current_user").fetchone() == (counter_role,)


# ----- backup, backups, restore, check on the server ---------------------------------------------------
def server_rows(url: str) -> dict[str, list]:
    """Every row of the client book's main tables, in id order."""
    tables = ("client", "phone", "purchase", "purchase_line", "ledger_entry", "loyalty_member", "setting")
    with contextlib.closing(psycopg.connect(url, autocommit=True)) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables}


NAMES = ["रमेश कुमार", "Suresh Patel", "लक्ष्मी देवी", "Asha Verma", "Mohd. Irfan", "Kavita Joshi"]


def fill(capsys, base, clients: int = 30) -> None:
    """A small shop: clients with a sale each (and a redemption for some), through the command line."""
    for i in range(clients):
        phone = f"98765{i:05d}"
        code, _out, err = run_in_process(capsys, *base, "add", "--name", f"{NAMES[i % len(NAMES)]} {i}",
                                         "--phone", phone, "--city", "Pune" if i % 2 else "आगरा")
        assert code == 0, err
        code, _out, err = run_in_process(capsys, *base, "sale", "--phone", phone, "--amount", f"{(i + 1) * 250:,}")
        assert code == 0, err


def test_backup_change_restore_round_trip(capsys, fresh_server_url, tmp_path):
    base = ["--basedir", str(tmp_path), "--db", fresh_server_url]
    fill(capsys, base)  # (`demo` on a server: being ported; then 30 demo clients here)
    before = server_rows(fresh_server_url)
    assert len(before["client"]) == 30 and before["purchase"] and before["ledger_entry"]

    code, out, err = run_in_process(capsys, *base, "backup", "--json")
    assert code == 0, err
    made = json.loads(out)
    assert made["verified"] and made["clients"] == 30
    dump = Path(made["path"])
    assert dump.parent == tmp_path / "data" / "backups" and dump.suffix == ".dump"
    assert dump.read_bytes()[:5] == b"PGDMP"

    # changes after the backup
    assert run_in_process(capsys, *base, "add", "--name", "Naya Grahak", "--phone", "9876599999")[0] == 0
    assert run_in_process(capsys, *base, "sale", "--phone", "9876500003", "--amount", "999")[0] == 0
    assert server_rows(fresh_server_url) != before

    code, out, err = run_in_process(capsys, *base, "restore", str(dump))
    assert "--yes" in one_line(code, err)
    code, out, err = run_in_process(capsys, *base, "restore", str(dump), "--yes", "--json")
    assert code == 0, err
    restored = json.loads(out)
    assert restored["clients"] == 30 and restored["kept"]
    assert server_rows(fresh_server_url) == before
    assert Path(restored["kept"]).name.endswith("-before-restore.dump")

    # the desk works after the restore: new rows get new numbers, search finds the restored clients
    code, out, err = run_in_process(capsys, *base, "add", "--name", "Naya Grahak", "--phone", "9876599999")
    assert code == 0, err
    assert int(out) == max(r[0] for r in before["client"]) + 1
    code, out, err = run_in_process(capsys, *base, "backups", "--json")
    listed = json.loads(out)
    assert [Path(i["path"]).name for i in listed][:2] == [Path(restored["kept"]).name, dump.name]
    assert all(i["verified"] for i in listed)


def test_a_failed_restore_leaves_the_client_book_as_it_was(capsys, fresh_server_url, tmp_path):
    base = ["--basedir", str(tmp_path), "--db", fresh_server_url]
    assert run_in_process(capsys, *base, "add", "--name", "Asha", "--phone", "9876500001")[0] == 0
    code, out, err = run_in_process(capsys, *base, "backup", "--json")
    assert code == 0, err
    dump = Path(json.loads(out)["path"])
    assert run_in_process(capsys, *base, "add", "--name", "Bela", "--phone", "9876500002")[0] == 0
    before = server_rows(fresh_server_url)
    cut = tmp_path / "cut.dump"
    cut.write_bytes(dump.read_bytes()[: dump.stat().st_size * 2 // 3])
    code, _out, err = run_in_process(capsys, *base, "restore", str(cut), "--yes")
    one_line(code, err)
    assert server_rows(fresh_server_url) == before
    sqlite_file = tmp_path / "not-a-dump.sqlite"
    sqlite_file.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    code, _out, err = run_in_process(capsys, *base, "restore", str(sqlite_file), "--yes")
    assert "not a readable server backup" in one_line(code, err)
    assert server_rows(fresh_server_url) == before


RESTORE_SESSION = "SELECT pid FROM pg_stat_activity WHERE application_name LIKE 'ClientDesk restore %'"


def _backed_up_then_changed(capsys, base, url):
    """Asha, a backup of her alone, then Bela: (the dump's path, the rows with both)."""
    assert run_in_process(capsys, *base, "add", "--name", "Asha", "--phone", "9876500001")[0] == 0
    code, out, err = run_in_process(capsys, *base, "backup", "--json")
    assert code == 0, err
    assert run_in_process(capsys, *base, "add", "--name", "Bela", "--phone", "9876500002")[0] == 0
    return json.loads(out)["path"], server_rows(url)


def _session_gone(url, query, seconds, gone=True):
    """True when the server's sessions `query` finds are gone (or, gone=False, there) within `seconds`."""
    deadline = time.monotonic() + seconds
    with contextlib.closing(psycopg.connect(url, autocommit=True)) as watcher:
        while (watcher.execute(query).fetchone() is None) != gone:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.05)
    return True


@pytest.mark.skipif(not (sys.platform.startswith("linux") or sys.platform == "win32"),
                    reason="pg_restore ends with ClientDesk on Linux and Windows only")
@pytest.mark.parametrize("how", ["SIGKILL", "SIGTERM"])
def test_a_restore_killed_from_outside_ends_its_pg_restore_and_changes_nothing(capsys, fresh_server_url, tmp_path,
                                                                               how):
    """kill -9 (Task Manager's End task) or kill of a `restore` whose pg_restore is waiting for a
    table a reader holds: the pg_restore ends, its server session too (else it stays queued for
    the table in front of every counter), and counters can read and write again at once."""
    import signal

    import psutil

    base = ["--basedir", str(tmp_path), "--db", fresh_server_url]
    dump, before = _backed_up_then_changed(capsys, base, fresh_server_url)
    reader = psycopg.connect(fresh_server_url)  # a reader in a transaction: pg_restore's DROP TABLE waits for it
    reader.execute("SELECT count(*) FROM client")
    restore = subprocess.Popen([sys.executable, str(ROOT / "main.py"), *base, "restore", dump, "--yes"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert _session_gone(fresh_server_url, RESTORE_SESSION + " AND wait_event_type = 'Lock'", 60, gone=False)
        children = [c for c in psutil.Process(restore.pid).children() if c.name().startswith("pg_restore")]
        assert children
        restore.send_signal(getattr(signal, how))
        _out, said = restore.communicate(timeout=30)
        assert said.startswith("error: interrupted") if how == "SIGTERM" else not said  # SIGTERM: as Ctrl-C
        gone, alive = psutil.wait_procs(children, timeout=10)
        assert not alive, "pg_restore went on without ClientDesk"
        assert _session_gone(fresh_server_url, RESTORE_SESSION, 5), "pg_restore's session still waits for the table"
        code, _out, err = run_in_process(capsys, *base, "add", "--name", "Chetan", "--phone", "9876500003")
        assert code == 0, err  # with the reader still reading: nothing queued in front of the counter
        assert reader.execute("SELECT count(*) FROM client").fetchone()[0] == 3  # the reader reads on, Chetan too
    finally:
        reader.rollback()
        reader.close()
        if restore.poll() is None:
            restore.kill()
    after = server_rows(fresh_server_url)
    assert after["client"][:2] == before["client"] and len(after["client"]) == 3  # Bela kept: nothing restored


def test_a_restore_kept_waiting_by_a_reader_gives_up_and_changes_nothing(capsys, monkeypatch, fresh_server_url,
                                                                         tmp_path):
    """A counter in the middle of a long read holds a table: the restore does not queue in front
    of every counter for as long as that read lasts; it gives up, says why, and changes nothing."""
    from clientdesk.postgres import backup

    monkeypatch.setattr(backup, "RESTORE_LOCK_WAIT_SECONDS", 1)
    base = ["--basedir", str(tmp_path), "--db", fresh_server_url]
    dump, before = _backed_up_then_changed(capsys, base, fresh_server_url)
    with contextlib.closing(psycopg.connect(fresh_server_url)) as reader:
        reader.execute("SELECT count(*) FROM client")
        started = time.monotonic()
        code, _out, err = run_in_process(capsys, *base, "restore", dump, "--yes")
        assert time.monotonic() - started < 20
        message = one_line(code, err)
        assert code != 0 and "in use" in message and "nothing was restored" in message
        assert _session_gone(fresh_server_url, RESTORE_SESSION, 5)
        assert reader.execute("SELECT count(*) FROM client").fetchone()[0] == 2
        reader.rollback()
    assert server_rows(fresh_server_url) == before
    code, _out, err = run_in_process(capsys, *base, "restore", dump, "--yes")  # when the counters are quiet
    assert code == 0, err
    assert len(server_rows(fresh_server_url)["client"]) == 1


def test_the_server_drops_the_session_of_a_tool_killed_outright(capsys, fresh_server_url, tmp_path):
    """What Windows does to a tool when ClientDesk is ended (TerminateProcess: no chance to
    cancel its query): the tools' connection check makes the server drop the session itself."""
    from clientdesk.postgres import backup, tools

    base = ["--basedir", str(tmp_path), "--db", fresh_server_url]
    dump, _before = _backed_up_then_changed(capsys, base, fresh_server_url)
    address = backup._resolved(fresh_server_url)
    env = backup._child_env(address)
    assert backup.CONNECTION_CHECK in backup.conninfo(address)  # PostgreSQL 15 on Linux has it
    with contextlib.closing(psycopg.connect(fresh_server_url)) as reader:
        reader.execute("SELECT count(*) FROM client")
        session = "ClientDesk restore killed-outright"
        child = subprocess.Popen([str(tools.find_tool("pg_restore")), "--single-transaction", "--clean", "--if-exists",
                                  "--no-owner", f"--dbname={backup.conninfo(address, application_name=session)}", dump],
                                 env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        waiting = f"SELECT pid FROM pg_stat_activity WHERE application_name = '{session}'"
        assert _session_gone(fresh_server_url, waiting + " AND wait_event_type = 'Lock'", 30, gone=False), "no wait"
        child.kill()  # SIGKILL: no chance to cancel its query
        child.wait(10)
        assert _session_gone(fresh_server_url, waiting, 6), "the server kept the dead tool's session"
        reader.rollback()
    assert len(server_rows(fresh_server_url)["client"]) == 2


@pytest.mark.parametrize("refused", ["-c no_such_setting_here=1",  # as PostgreSQL 13 and older answer
                                     "-c client_connection_check_interval=-5"])  # as a server on Windows does
def test_a_server_without_the_connection_check_still_backs_up_and_restores(capsys, monkeypatch, fresh_server_url,
                                                                           tmp_path, refused):
    from clientdesk.postgres import backup

    monkeypatch.setattr(backup, "CONNECTION_CHECK", refused)
    base = ["--basedir", str(tmp_path), "--db", fresh_server_url]
    dump, _before = _backed_up_then_changed(capsys, base, fresh_server_url)
    assert "options" not in psycopg.conninfo.conninfo_to_dict(backup.conninfo(backup._resolved(fresh_server_url)))
    code, _out, err = run_in_process(capsys, *base, "restore", dump, "--yes")
    assert code == 0, err
    assert len(server_rows(fresh_server_url)["client"]) == 1


def test_the_connection_check_keeps_the_users_own_pgoptions(fresh_server_url, monkeypatch):
    """libpq reads PGOPTIONS only when the connection string has no options: both go in it."""
    from clientdesk.postgres import backup

    monkeypatch.setenv("PGOPTIONS", "-c work_mem=8MB")
    given = psycopg.conninfo.conninfo_to_dict(backup.conninfo(backup._resolved(fresh_server_url)))
    assert given["options"] == f"-c work_mem=8MB {backup.CONNECTION_CHECK}"


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_restoring_the_oldest_of_many_backups_keeps_it(capsys, fresh_server_url, tmp_path, engine):
    """The copy kept before a restore prunes nothing: with ten newer backups of today, pruning
    would delete the very backup being restored (found by a hostile test, both engines)."""
    db = fresh_server_url if engine == "postgresql" else str(tmp_path / "shop.sqlite")
    base = ["--basedir", str(tmp_path / "data"), "--db", db]
    assert run_in_process(capsys, *base, "add", "--name", "Asha", "--phone", "9876500001")[0] == 0
    made = []
    for i in range(10):
        code, out, err = run_in_process(capsys, *base, "backup", "--json")
        assert code == 0, err
        made.append(Path(json.loads(out)["path"]))
        if i == 0:
            assert run_in_process(capsys, *base, "add", "--name", "Bela", "--phone", "9876500002")[0] == 0
    for _ in range(2):  # a second time too, as after a restore that gave up and is tried again
        code, _out, err = run_in_process(capsys, *base, "restore", str(made[0]), "--yes")
        assert code == 0, err
        assert made[0].exists()
    code, out, _err = run_in_process(capsys, *base, "search", "Bela", "--json")
    assert code == 0 and json.loads(out) == []  # Bela came after that backup


def test_cancel_ends_a_server_backup_under_way_and_keeps_no_file(capsys, fresh_server_url, tmp_path):
    """The window's Cancel while pg_dump waits for a table another session holds: pg_dump ends
    (its session too), no half-made dump stays, and the older backups are as they were."""
    import threading

    from clientdesk.postgres import backup
    from clientdesk.progress import Cancelled, Progress

    base = ["--basedir", str(tmp_path), "--db", fresh_server_url]
    assert run_in_process(capsys, *base, "add", "--name", "Asha", "--phone", "9876500001")[0] == 0
    folder = tmp_path / "dumps"
    older = backup.make_server_backup(fresh_server_url, folder, "manual").info.path
    progress = Progress()
    dumping = "SELECT pid FROM pg_stat_activity WHERE application_name = 'ClientDesk backup'"
    with contextlib.closing(psycopg.connect(fresh_server_url)) as holder:
        holder.execute("LOCK TABLE purchase_line IN ACCESS EXCLUSIVE MODE")  # pg_dump waits for it

        def cancel_when_waiting():
            if _session_gone(fresh_server_url, dumping + " AND wait_event_type = 'Lock'", 30, gone=False):
                progress.cancel()
            if not _session_gone(fresh_server_url, dumping, 10):  # the test fails rather than waits forever
                with contextlib.closing(psycopg.connect(fresh_server_url, autocommit=True)) as admin:
                    admin.execute(f"SELECT pg_cancel_backend(pid) FROM ({dumping}) AS d")

        canceller = threading.Thread(target=cancel_when_waiting)
        canceller.start()
        started = time.monotonic()
        with pytest.raises(Cancelled):
            backup.make_server_backup(fresh_server_url, folder, "manual", progress=progress)
        canceller.join()
        assert time.monotonic() - started < 15
        assert _session_gone(fresh_server_url, dumping, 5)
        holder.rollback()
    assert sorted(p.name for p in folder.iterdir()) == sorted([older.name, backup.sidecar_for(older).name])


@pytest.mark.parametrize("step", ["before pg_dump", "before the check", "after the check"])
def test_cancel_at_each_step_of_a_server_backup_keeps_no_file(capsys, monkeypatch, fresh_server_url, tmp_path, step):
    from clientdesk.postgres import backup
    from clientdesk.progress import Cancelled, Progress

    base = ["--basedir", str(tmp_path), "--db", fresh_server_url]
    assert run_in_process(capsys, *base, "add", "--name", "Asha", "--phone", "9876500001")[0] == 0
    progress = Progress()
    cancel_in = {"before pg_dump": "count_clients", "before the check": "_run", "after the check": "check_dump"}[step]
    real = getattr(backup, cancel_in)

    def then_cancel(*args, **kwargs):
        done = real(*args, **kwargs)
        if cancel_in != "_run" or args[0] == "pg_dump":
            progress.cancel()
        return done

    monkeypatch.setattr(backup, cancel_in, then_cancel)
    with pytest.raises(Cancelled):
        backup.make_server_backup(fresh_server_url, tmp_path / "dumps", "manual", progress=progress)
    assert not list((tmp_path / "dumps").iterdir())


def test_a_dump_kept_waiting_is_never_taken_for_a_killed_ones_leftover(capsys, monkeypatch, fresh_server_url,
                                                                       tmp_path):
    """pg_dump waits long for a table (its half-made file unchanged meanwhile): another backup's
    clean-up of stale half-made dumps leaves it alone, and it finishes once the table is free."""
    import datetime as dt
    import threading

    from clientdesk.backup import STALE_PARTIAL_SECONDS, clean_partials
    from clientdesk.postgres import backup

    monkeypatch.setattr(backup, "FRESH_EVERY_SECONDS", 0.2)
    base = ["--basedir", str(tmp_path), "--db", fresh_server_url]
    assert run_in_process(capsys, *base, "add", "--name", "Asha", "--phone", "9876500001")[0] == 0
    folder = tmp_path / "dumps"
    outcome = []
    dumping = "SELECT pid FROM pg_stat_activity WHERE application_name = 'ClientDesk backup' AND wait_event_type = 'Lock'"
    with contextlib.closing(psycopg.connect(fresh_server_url)) as holder:
        holder.execute("LOCK TABLE purchase_line IN ACCESS EXCLUSIVE MODE")
        dumper = threading.Thread(target=lambda: outcome.append(backup.make_server_backup(fresh_server_url, folder)))
        dumper.start()
        try:
            assert _session_gone(fresh_server_url, dumping, 30, gone=False)
            (partial,) = folder.glob("*.dump.partial")
            long_ago = time.time() - 2 * STALE_PARTIAL_SECONDS  # as if it had waited two hours
            os.utime(partial, (long_ago, long_ago))
            deadline = time.monotonic() + 10
            while partial.stat().st_mtime < long_ago + 60 and time.monotonic() < deadline:
                time.sleep(0.05)
            clean_partials(folder, dt.datetime.now())  # another counter's backup starting now
            assert partial.exists()
        finally:
            holder.rollback()
            dumper.join(60)
    assert outcome and outcome[0].info.verified and not list(folder.glob("*.partial"))


def test_a_dump_a_killed_pg_dump_left_is_cleared_by_the_next_backup(fresh_server_url, tmp_path):
    from clientdesk.postgres import backup

    stale = tmp_path / f"{backup.stem_for(backup.parse_server_url(fresh_server_url))}-20260101-090000-000000-manual.dump.partial"
    stale.write_bytes(b"PGDMP half")
    two_hours_ago = stale.stat().st_mtime - 7200
    os.utime(stale, (two_hours_ago, two_hours_ago))
    working = tmp_path / "dumping-now-20260101-090000-000001-manual.dump.partial"  # fresh: maybe another process's work
    working.write_bytes(b"PGDMP")
    assert backup.make_server_backup(fresh_server_url, tmp_path, "manual").info.verified
    assert not stale.exists() and working.exists()
    assert [p.suffix for p in tmp_path.glob("*.dump*")].count(".dump") == 1


def test_restore_by_the_counter_is_refused(capsys, monkeypatch, pg_cluster, pg_database, counter_role, tmp_path):
    code, out, err = setup(capsys, pg_cluster.url(pg_database), counter_role, "--json", monkeypatch=monkeypatch)
    counter = with_password(json.loads(out)["counter_url"])
    base = ["--basedir", str(tmp_path), "--db", counter]
    assert run_in_process(capsys, *base, "add", "--name", "Asha", "--phone", "9876500001")[0] == 0
    code, out, err = run_in_process(capsys, *base, "backup", "--json")  # a counter may back up
    assert code == 0, err
    dump = json.loads(out)["path"]
    code, _out, err = run_in_process(capsys, *base, "restore", dump, "--yes")
    assert "admin user" in one_line(code, err)
    code, out, err = run_in_process(capsys, *base, "check", "--full")
    assert code == 0, err
    assert "may not" in out  # no trial restore for a counter: it says what it checked


def test_check_on_the_server(capsys, fresh_server_url, tmp_path):
    base = ["--basedir", str(tmp_path), "--db", fresh_server_url]
    assert run_in_process(capsys, *base, "add", "--name", "Asha", "--phone", "9876500001")[0] == 0
    code, out, err = run_in_process(capsys, *base, "check")
    assert code == 0, err
    assert "healthy (1 clients" in out and "no backup of this server" in out
    assert run_in_process(capsys, *base, "backup")[0] == 0
    code, out, err = run_in_process(capsys, *base, "check", "--full", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["ok"] and result["clients"] == 1
    assert result["backup"]["ok"] and "trial restore (1 clients)" in result["backup"]["checked"]
    with contextlib.closing(psycopg.connect(fresh_server_url, autocommit=True)) as conn:  # the scratch one is gone
        assert conn.execute("SELECT count(*) FROM pg_database WHERE datname LIKE 'clientdesk_check_%'").fetchone() \
            == (0,)
    # a damaged newest backup: exit 2, one line
    newest = sorted((tmp_path / "data" / "backups").glob("*.dump"))[-1]
    data = bytearray(newest.read_bytes())
    newest.write_bytes(bytes(data[: len(data) // 2]))
    code, out, err = run_in_process(capsys, *base, "check")
    assert code == 0  # changed since it was checked: not the newest GOOD one any more
    assert "no backup of this server" in out


def test_pg_dump_missing_is_one_line(capsys, fresh_server_url, tmp_path, monkeypatch):
    monkeypatch.setattr("clientdesk.postgres.tools.find_tool", _no_tool)
    code, _out, err = run_in_process(capsys, "--basedir", str(tmp_path), "--db", fresh_server_url, "backup")
    assert "pg_dump is not installed" in one_line(code, err)
    assert not (tmp_path / "data" / "backups").exists() or not list((tmp_path / "data" / "backups").iterdir())


def _no_tool(name):
    from clientdesk.errors import StorageError

    raise StorageError(f"{name} is not installed on this PC", reason="no_tool")


def test_the_password_never_reaches_the_tools_command_line(fresh_server_url, tmp_path, monkeypatch):
    from clientdesk.postgres import backup

    from clientdesk.postgres import tools

    seen = []
    real_popen = subprocess.Popen

    def spy(argv, **kwargs):
        seen.append((argv, kwargs.get("env")))
        return real_popen(argv, **kwargs)

    monkeypatch.setattr(tools.subprocess, "Popen", spy)
    outcome = backup.make_server_backup(fresh_server_url, tmp_path, "manual")
    assert outcome.info.verified
    from tests.postgres.cluster import PASSWORD

    dumps = [(argv, env) for argv, env in seen if Path(argv[0]).name == "pg_dump"]
    assert dumps
    for argv, env in dumps:
        assert all(PASSWORD not in a for a in argv)
        assert env["PGPASSWORD"] == PASSWORD


# ----- the server away ----------------------------------------------------------------------------------
AWAY_COMMANDS = [["search", "a"], ["show", "1"], ["add", "--name", "A", "--phone", "9876500001"],
                 ["sale", "--phone", "9876500001", "--amount", "100"], ["demo", "--clients", "5"],
                 ["backup"], ["check"], ["settings"], ["export", "clients", "{dir}/x.xlsx"]]


@pytest.fixture(scope="module")
def stopped_cluster():
    """A cluster of this module's own with a client book, stopped."""
    import shutil as sh

    from tests.postgres.cluster import start_cluster

    cluster = start_cluster()
    with contextlib.closing(cluster.admin()) as conn:
        conn.execute("CREATE DATABASE shop")
    cluster.stop()
    yield cluster
    sh.rmtree(cluster.folder, ignore_errors=True)


@pytest.mark.parametrize("argv", AWAY_COMMANDS, ids=lambda a: a[0])
def test_a_stopped_server_is_one_line_and_nothing_written(capsys, stopped_cluster, tmp_path, argv, monkeypatch):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)  # a URL is never taken for a file name: nothing appears here
    code, out, err = run_in_process(capsys, "--basedir", str(tmp_path / "base"), "--db", stopped_cluster.url("shop"),
                                    *[a.replace("{dir}", str(work)) for a in argv])
    line = one_line(code, err)
    assert line == f"error: The shop's server at {stopped_cluster.host} is not answering; check that its PC is on."
    assert list(work.iterdir()) == []
    assert not (tmp_path / "base" / "data").exists() or not any((tmp_path / "base" / "data").rglob("*.*"))


def test_a_closed_port_through_main_py(tmp_path):
    port = _free_port()
    result = main_py("--basedir", str(tmp_path), "--db", f"postgresql://u:secret@127.0.0.1:{port}/shop",
                     "sale", "--phone", "9876500001", "--amount", "100")
    assert one_line(result.returncode, result.stderr) == \
        "error: The shop's server at 127.0.0.1 is not answering; check that its PC is on."
    assert "secret" not in result.stderr and result.stdout == ""


# ----- --db URL of a database without a client book; this PC's saved choice -------------------------
def tables(url: str) -> list[str]:
    with contextlib.closing(psycopg.connect(url, autocommit=True)) as conn:
        return [t for (t,) in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]


@pytest.mark.parametrize("argv", [["search", "a"], ["show", "1"], ["sale", "--phone", "9876500001", "--amount", "1"],
                                  ["settings"], ["cards", "{dir}/c.pdf", "--all"]], ids=lambda a: a[0])
def test_reading_commands_do_not_make_a_client_book(capsys, pg_cluster, pg_database, tmp_path, argv):
    url = pg_cluster.url(pg_database)
    code, _out, err = run_in_process(capsys, "--basedir", str(tmp_path), "--db", url,
                                     *[a.replace("{dir}", str(tmp_path)) for a in argv])
    line = one_line(code, err)
    assert f"no client book at postgresql://{pg_cluster.user}@{pg_cluster.host}:{pg_cluster.port}/{pg_database} yet" \
        in line and "server-setup" in line
    assert pg_cluster.password not in line
    assert tables(url) == []


@pytest.mark.parametrize("argv", [["add", "--name", "A", "--phone", "98765abcde"],
                                  ["add", "--name", "A" * 300, "--phone", "9876500001"],
                                  ["settings", "--state", "XX"]], ids=lambda a: " ".join(a)[:30])
def test_a_command_that_would_make_the_book_but_fails_leaves_no_tables(capsys, pg_cluster, pg_database, tmp_path,
                                                                        argv):
    url = pg_cluster.url(pg_database)
    code, _out, err = run_in_process(capsys, "--basedir", str(tmp_path), "--db", url, *argv)
    one_line(code, err)
    assert tables(url) == []


def test_add_makes_the_book_in_an_empty_database(capsys, pg_cluster, pg_database, tmp_path):
    url = pg_cluster.url(pg_database)
    code, out, err = run_in_process(capsys, "--basedir", str(tmp_path), "--db", url, "add", "--name", "Asha",
                                    "--phone", "9876500001")
    assert code == 0, err
    assert out.strip() == "1" and "client" in tables(url)


def test_a_foreign_database_is_refused(capsys, pg_cluster, pg_database, tmp_path):
    url = pg_cluster.url(pg_database)
    with contextlib.closing(psycopg.connect(url, autocommit=True)) as conn:
        conn.execute("CREATE TABLE accounts (id int)")
    code, _out, err = run_in_process(capsys, "--basedir", str(tmp_path), "--db", url, "add", "--name", "Asha",
                                     "--phone", "9876500001")
    assert "not a ClientDesk client book" in one_line(code, err)
    assert tables(url) == ["accounts"]


@pytest.mark.parametrize("url, says", [
    ("postgresql://127.0.0.1/shop", "names no user"),
    ("postgresql://u@/shop", "names no server"),
    ("postgresql://u@127.0.0.1/", "names no database"),
    ("postgresql://u@127.0.0.1:99999/shop", "cannot be read"),
    ("POSTGRES://u@127.0.0.1:notaport/shop", "cannot be read"),
    ("postgresql://u@127.0.0.1/shop?connect_timeout=abc", "takes a whole number"),
    ("postgresql://u@127.0.0.1/shop?foo=bar", "not one ClientDesk passes"),
    ("postgresql://u@127.0.0.1/shop?dbname=other", "write it in the URL itself"),
])
def test_a_bad_url_is_one_line(capsys, tmp_path, monkeypatch, url, says):
    monkeypatch.chdir(tmp_path)
    code, _out, err = run_in_process(capsys, "--db", url, "search", "a")
    assert says in one_line(code, err)
    assert list(tmp_path.iterdir()) == []


def test_without_db_a_command_uses_this_pcs_saved_server(capsys, server_url, tmp_path, monkeypatch):
    from clientdesk import location
    from clientdesk.postgres.address import parse_server_url
    from tests.postgres.cluster import PASSWORD

    address = parse_server_url(server_url)
    location.save(tmp_path / "config", location.CounterChoices(server=f"postgresql://{address.display}"))
    monkeypatch.setenv("PGPASSWORD", PASSWORD)  # libpq's own place when the keyring has none
    monkeypatch.setattr("clientdesk.postgres.address.keyring_password", lambda address: None)
    code, out, err = run_in_process(capsys, "--basedir", str(tmp_path), "add", "--name", "Saved Server",
                                    "--phone", "9876500001")
    assert code == 0, err
    with contextlib.closing(psycopg.connect(server_url)) as conn:
        assert conn.execute("SELECT name FROM client").fetchall() == [("Saved Server",)]
    assert not (tmp_path / "data" / "clientdesk.sqlite").exists()  # never this PC's file instead
    # --db overrides the saved choice for one run
    code, out, err = run_in_process(capsys, "--basedir", str(tmp_path), "--db", str(tmp_path / "own.sqlite"),
                                    "add", "--name", "Own File", "--phone", "9876500002")
    assert code == 0, err
    assert (tmp_path / "own.sqlite").exists()


# ----- finding pg_dump; the backup before a big command ---------------------------------------------
def test_find_tool_path_then_the_newest_installation(tmp_path, monkeypatch):
    from clientdesk.errors import StorageError
    from clientdesk.postgres import tools

    debian, windows = tmp_path / "usr-lib-postgresql", tmp_path / "Program Files" / "PostgreSQL"
    for root, version, name in ((debian, "13", "pg_dump"), (debian, "16", "pg_dump"), (debian, "9.6", "pg_dump"),
                                (windows, "17", "pg_dump.exe")):
        (root / version / "bin").mkdir(parents=True)
        (root / version / "bin" / name).write_text("")
    monkeypatch.setattr(tools, "TOOL_ROOTS", (str(debian), str(windows)))
    monkeypatch.setattr(tools.shutil, "which", lambda name: None)
    assert tools.find_tool("pg_dump") == windows / "17" / "bin" / "pg_dump.exe"  # the newest of all
    monkeypatch.setattr(tools, "TOOL_ROOTS", (str(debian),))
    assert tools.find_tool("pg_dump") == debian / "16" / "bin" / "pg_dump"
    monkeypatch.setattr(tools.shutil, "which", lambda name: "/opt/pg/bin/pg_dump")
    assert tools.find_tool("pg_dump") == Path("/opt/pg/bin/pg_dump")  # PATH first
    monkeypatch.setattr(tools.shutil, "which", lambda name: None)
    monkeypatch.setattr(tools, "TOOL_ROOTS", (str(tmp_path / "nothing"),))
    with pytest.raises(StorageError) as info:
        tools.find_tool("pg_restore")
    assert "pg_restore is not installed" in info.value.message and "\n" not in info.value.message


def test_the_backup_before_a_big_command_is_a_dump(capsys, fresh_server_url, tmp_path):
    from clientdesk import cli
    from clientdesk.commands.backup import backup_before

    assert run_in_process(capsys, "--basedir", str(tmp_path), "--db", fresh_server_url, "add", "--name", "Asha",
                          "--phone", "9876500001")[0] == 0
    args = cli.build_parser().parse_args(["--basedir", str(tmp_path), "--db", fresh_server_url, "import",
                                          str(tmp_path / "x.csv")])
    outcome = backup_before(args, "import")
    assert outcome.info.verified and outcome.info.clients == 1
    assert outcome.info.path.parent == tmp_path / "data" / "backups"
    assert outcome.info.path.name.endswith("-import.dump")


def test_the_counters_keep_their_rights_after_the_admin_restores(capsys, monkeypatch, pg_cluster, pg_database,
                                                                  counter_role, tmp_path):
    admin = pg_cluster.url(pg_database)
    code, out, err = setup(capsys, admin, counter_role, "--json", monkeypatch=monkeypatch)
    assert code == 0, err
    counter = with_password(json.loads(out)["counter_url"])
    base = ["--basedir", str(tmp_path)]
    assert run_in_process(capsys, *base, "--db", counter, "add", "--name", "Asha", "--phone", "9876500001")[0] == 0
    code, out, err = run_in_process(capsys, *base, "--db", admin, "backup", "--json")
    assert code == 0, err
    assert run_in_process(capsys, *base, "--db", counter, "add", "--name", "Bela", "--phone", "9876500002")[0] == 0
    code, out, err = run_in_process(capsys, *base, "--db", admin, "restore", json.loads(out)["path"], "--yes")
    assert code == 0, err
    code, out, err = run_in_process(capsys, *base, "--db", counter, "add", "--name", "Chetan", "--phone", "9876500003")
    assert code == 0, err
    with contextlib.closing(psycopg.connect(counter, autocommit=True)) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM client ORDER BY id")] == ["Asha", "Chetan"]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("CREATE TABLE sneaky (id int)")


def test_a_restore_waits_for_a_counters_transaction_and_replaces_everything(fresh_server_url, tmp_path):
    import threading
    import time

    from clientdesk.postgres import backup
    from clientdesk.postgres.database import WRITE_LOCK

    with contextlib.closing(psycopg.connect(fresh_server_url, autocommit=True)) as conn:
        conn.execute("INSERT INTO setting (key, value) VALUES ('shop_name', '\"Before\"')")
    dump = backup.make_server_backup(fresh_server_url, tmp_path, "manual").info.path
    before = server_rows(fresh_server_url)
    counter = psycopg.connect(fresh_server_url)  # a counter in the middle of a sale: it holds the write lock
    counter.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
    counter.execute("UPDATE setting SET value = '\"During\"' WHERE key = 'shop_name'")
    done = []
    worker = threading.Thread(target=lambda: done.append(backup.restore_server_backup(fresh_server_url, dump,
                                                                                      tmp_path)))
    worker.start()
    time.sleep(1.5)
    assert worker.is_alive()  # waiting for the counter's transaction
    counter.commit()
    counter.close()
    worker.join(120)
    assert done and done[0].source == dump
    assert server_rows(fresh_server_url) == before  # the sale that was under way is replaced too, whole


def test_check_of_an_empty_database_says_so(capsys, pg_cluster, pg_database, tmp_path):
    code, _out, err = run_in_process(capsys, "--basedir", str(tmp_path), "--db", pg_cluster.url(pg_database), "check")
    assert "has no client book yet" in one_line(code, err)


def test_a_password_given_as_an_option_is_never_printed_and_reaches_pg_dump(fresh_server_url, tmp_path):
    from urllib.parse import quote

    from clientdesk.postgres import backup
    from clientdesk.postgres.address import parse_server_url
    from clientdesk.postgres.setup import counter_url
    from tests.postgres.cluster import PASSWORD

    address = parse_server_url(fresh_server_url)
    url = f"postgresql://{address.user}@{address.host}:{address.port}/{address.dbname}?password={quote(PASSWORD)}" \
          "&sslmode=disable"
    assert counter_url(parse_server_url(url), "counter") == \
        f"postgresql://counter@{address.host}:{address.port}/{address.dbname}?sslmode=disable"
    assert backup.make_server_backup(url, tmp_path, "manual").info.verified


def _stop_an_import_halfway(location, tmp_path, monkeypatch) -> list:
    """An import into the book at `location` whose process "died" after its first block: its rows,
    its running marker and the indexes it set aside stay, as a kill -9 leaves them. Returns the
    book's indexes and keys from before."""
    import json as json_module
    import socket
    import time

    from clientdesk import search
    from clientdesk.desk import Desk
    from clientdesk.dialect import sql_for
    from clientdesk.importing import batches, importer, planning, writing
    from clientdesk.importing.models import ImportChange

    desk = Desk.open(location)
    try:
        sql = sql_for(desk.db)
        before = sql.index_definitions(desk.db) + sorted(sql.key_names(desk.db))
        with monkeypatch.context() as patch:
            patch.setattr(search, "BULK_ROWS", 100)
            patch.setattr(planning, "BLOCK", 100)
            patch.setattr(importer, "WRITE_ROWS", 100)
            patch.setattr(writing, "HOLD_SECONDS", 0)
            patch.setattr(importer.ClientImporter, "_take_back", lambda self, batch_id: None)  # nobody left to
            count_created = batches.count_created

            def dies(batch_id, count, calls=[]):
                calls.append(count)
                if len(calls) == 2:
                    raise RuntimeError("killed")
                count_created(batch_id, count)
            patch.setattr(batches, "count_created", dies)
            sheet = tmp_path / "stopped.csv"
            sheet.write_text("Name,Phone\n" + "".join(f"Client {i},98765{i:05d}\n" for i in range(400)),
                             encoding="utf-8")
            with pytest.raises(RuntimeError):
                desk.imports.import_file(sheet)
        dead = json_module.dumps({"host": socket.gethostname(), "pid": 2 ** 22 + 12345, "beat": time.time()})
        ImportChange.update(before=dead).where(ImportChange.action == batches.RUNNING).execute()
        assert desk.clients.count() == 100
        assert sql.index_definitions(desk.db) + sorted(sql.key_names(desk.db)) != before
    finally:
        desk.close()
    return before


def test_a_stopped_import_is_named_by_check_and_taken_back_by_server_setup(capsys, fresh_server_url, counter_role,
                                                                            tmp_path, monkeypatch):
    """A counter's login may not make again the indexes a killed import set aside, so its next
    import asks for server-setup: `check` names the stopped import (not "healthy"), and
    server-setup, run as the book's owner, takes it back with its indexes."""
    from clientdesk.desk import Desk
    from clientdesk.dialect import sql_for

    before = _stop_an_import_halfway(fresh_server_url, tmp_path, monkeypatch)
    code, _out, err = run_in_process(capsys, "--db", fresh_server_url, "check")
    assert code == 2 and "stopped.csv" in err and "stopped halfway" in err and "Traceback" not in err
    code, out, err = setup(capsys, fresh_server_url, counter_role, monkeypatch=monkeypatch)
    assert code == 0, err
    assert "took back the import of stopped.csv" in out
    desk = Desk.open(fresh_server_url)
    try:
        sql = sql_for(desk.db)
        assert desk.clients.count() == 0
        assert sql.index_definitions(desk.db) + sorted(sql.key_names(desk.db)) == before
    finally:
        desk.close()
    code, out, _err = run_in_process(capsys, "--db", fresh_server_url, "check")
    assert code == 0 and "healthy" in out


def test_a_stopped_import_in_a_file_is_named_by_check(capsys, tmp_path, monkeypatch):
    """The same on this PC's file: `check` names it; the next open of the desk takes it back."""
    book = tmp_path / "desk.sqlite"
    _stop_an_import_halfway(book, tmp_path, monkeypatch)
    code, _out, err = run_in_process(capsys, "--db", str(book), "check")
    assert code == 2 and "stopped halfway" in err


def test_delete_from_backups_on_the_server_is_refused_before_anything_changes(capsys, server_url):
    """A server's backups are pg_dump files ClientDesk cannot take a client out of: asking for it
    is one line saying so, and the client is still there (the shopkeeper decides)."""
    from clientdesk.desk import Desk

    code, out, err = run_in_process(capsys, "--db", server_url, "add", "--name", "Asha Rao", "--phone", "9876500001")
    assert code == 0, err
    client_id = int(out.split()[-1])
    line = one_line(*run_in_process(capsys, "--db", server_url, "delete", str(client_id), "--yes",
                                    "--from-backups")[::2])
    assert "pg_dump" in line and "nothing was changed" in line
    desk = Desk.open(server_url)
    try:
        assert desk.clients.get(client_id).name == "Asha Rao"
    finally:
        desk.close()
