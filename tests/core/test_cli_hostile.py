"""The command-line contract, tried as a hostile user would: every command with bad values.

Each bad input must end with exit 2, exactly one line on stderr, no traceback, and a database
that is byte-for-byte the same in content (sqlite3 iterdump before and after); no file is left
where a failed command was told to write. The `db` tests run on a file and on a client book on
the server (every row of every table compared); the ones about a missing file or folder are the
file's own.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from clientdesk import cli
from clientdesk.demo import generate
from clientdesk.desk import Desk
from clientdesk.clients.fields import ClientData, PhoneEntry
from tests.cli_helpers import ENGINES, CliBook, private_folders

ROOT = Path(__file__).resolve().parents[2]
PHONE = "9876543210"          # the shop's own client in the base desk
LONG_NAME = "c" * 260         # longer than a file name may be
DEEP = "(" * 1000 + "spent > 100" + ")" * 1000
NOTS = "not " * 5000 + "spent > 100"


@pytest.fixture(scope="module")
def base_desk(tmp_path_factory) -> Path:
    """A desk with 40 demo clients (bills, consents) and one client of the shop's own."""
    path = tmp_path_factory.mktemp("hostile") / "base.sqlite"
    desk = Desk.open(path)
    try:
        generate(desk, 40, seed=5)
        desk.clients.create(ClientData(name="Ramesh Kumar", phones=[PhoneEntry(PHONE, is_primary=True)]))
        desk.greetings.ensure_builtins()
        desk.settings.set("shop_name", "Sharma Kirana")
        # Housekeeping any first use of the desk does (not the bad input's doing): the yearly tier
        # review marker of the loyalty programme.
        desk.loyalty.review_if_due()
    finally:
        desk.close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture(scope="module")
def server_base(pg_cluster, client_book_template):
    """The base desk's counterpart on the server (`demo` is being ported there: 40 clients
    instead, no loyalty members, as the base desk has none), shared by the module's tests: a bad input writes nothing, and each test
    compares every row before and after."""
    import contextlib
    import uuid

    from clientdesk.clock import Clock

    name = "hostile_" + uuid.uuid4().hex[:8]
    with contextlib.closing(pg_cluster.admin()) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{client_book_template}"')
    url = pg_cluster.url(name)
    desk = Desk.open(url, clock=Clock())
    try:
        for i in range(40):
            desk.clients.create(ClientData(name=f"Amit Grahak {i}", postal_city="Pune" if i % 2 else "आगरा",
                                                 phones=[PhoneEntry(f"98100{i:05d}", is_primary=True)]))
        desk.clients.create(ClientData(name="Ramesh Kumar", phones=[PhoneEntry(PHONE, is_primary=True)]))
        desk.greetings.ensure_builtins()
        desk.settings.set("shop_name", "Sharma Kirana")
        desk.loyalty.review_if_due()
    finally:
        desk.close()
    yield url
    if pg_cluster.is_running():
        with contextlib.closing(pg_cluster.admin()) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=ENGINES)
def db(request, base_desk, tmp_path, tmp_path_factory, monkeypatch) -> CliBook:
    """A fresh copy of the base desk for one test (a file), or the server's base desk."""
    private_folders(monkeypatch, tmp_path_factory.mktemp("home"))
    if request.param == "postgresql":
        return CliBook("postgresql", request.getfixturevalue("server_base"))
    copy = tmp_path / "desk.sqlite"
    shutil.copyfile(base_desk, copy)
    return CliBook("sqlite", str(copy))


def dump(book: CliBook) -> list[str]:
    """Every row and schema statement (the query planner's statistics, which closing a desk may
    refresh, left out)."""
    return book.dump()


def run_cli(capsys, argv: list[str]) -> tuple[int, str, str]:
    """What main.py does for a command, in-process: parse (argparse errors exit 2), then run."""
    try:
        code = cli.run_command(cli.build_parser().parse_args(argv))
    except SystemExit as exc:
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def run_main(*argv: str, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *argv], stdout=stdout, stderr=subprocess.PIPE,
                          text=True, encoding="utf-8", env=env, timeout=180)


def assert_refused(code, err: str) -> None:
    assert code == 2, err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err[:2000]
    assert len(lines[0]) < 2000


# (command line after --db DESK, what the one line says). {out} is a file in the test's folder,
# {dir} that folder, {phone} the phone of a client who exists.
BAD = [
    # ----- add ---------------------------------------------------------------------------------------
    (["add", "--name", "X", "--phone", "98765abcde"], "letters"),
    (["add", "--name", "X", "--phone", "९८७६५abcde"], "letters"),
    (["add", "--name", "X", "--phone", "98765 43210 ext 5"], "letters"),
    (["add", "--name", "X", "--phone", "call me"], "not a phone number"),
    (["add", "--name", "X", "--phone", "CALLNOW1234"], "letters"),
    (["add", "--name", "X", "--phone", ""], "empty"),
    (["add", "--name", "X", "--phone", "   "], "empty"),
    (["add", "--name", "X", "--phone", "12345"], "phone"),
    (["add", "--name", "X", "--phone", "0000000000"], "phone"),
    (["add", "--name", "X", "--phone", "9" * 5000], "phone"),
    (["add", "--name", "X", "--phone", "+1 555"], "phone"),
    (["add", "--name", "X", "--phone", "+91 98765 4321"], "phone"),
    (["add", "--name", "X", "--phone", "{phone}"], "already belongs"),
    (["add", "--name", "x" * 100_000, "--phone", "9876500001"], "at most 200"),
    (["add", "--name", "x" * 201, "--phone", "9876500001"], "at most 200"),
    (["add", "--name", "", "--phone", "9876500001"], "Name is required"),
    (["add", "--name", "\x1b[31mRed", "--phone", "9876500001"], "control characters"),
    (["add", "--name", "A\x7fB", "--phone", "9876500001"], "control characters"),
    (["add", "--name", "\u202e", "--phone", "9876500001"], "no letter or digit"),
    (["add", "--name", "...", "--phone", "9876500001"], "no letter or digit"),
    (["add", "--name", "   ", "--phone", "9876500001"], "Name is required"),
    (["add", "--name", "X", "--phone", "9876500001", "--father-name", "f" * 300], "at most 200"),
    (["add", "--name", "X", "--phone", "9876500001", "--city", "c" * 300], "at most 200"),
    (["add", "--name", "X", "--phone", "9876500001", "--email", "not-an-email"], "email"),
    (["add", "--name", "X", "--phone", "9876500001", "--email", "a@@b.in"], "email"),
    (["add", "--name", "X"], "--phone"),
    (["add", "--phone", "9876500001"], "--name"),
    (["add", "--name", "X", "--phone", "9876500001", "--no-such-option"], "unrecognized"),
    # ----- show / search -------------------------------------------------------------------------------
    (["show", "0"], "out of range"),
    (["show", "-1"], "out of range"),
    (["show", "99999999999999999999999"], "out of range"),
    (["show", "9223372036854775808"], "out of range"),
    (["show", "9" * 5000], "not an id"),
    (["show", "abc"], "not an id"),
    (["show", "1e3"], "not an id"),
    (["show", "1.0"], "not an id"),
    (["show", ""], "not an id"),
    (["show", "१२"], "not an id"),
    (["show", "9223372036854775807"], "no client"),
    (["show", "999999"], "no client"),
    (["show"], "id"),
    (["search", "a" * 501], "at most 500"),
    (["search", "a" * 100_000], "at most 500"),
    (["search", "a", "--limit", "0"], "out of range"),
    (["search", "a", "--limit", "-5"], "out of range"),
    (["search", "a", "--limit", "99999999999999999999"], "out of range"),
    (["search", "a", "--limit", "x"], "not a limit"),
    (["search"], "text"),
    # ----- occasions / greet -----------------------------------------------------------------------------
    (["occasions", "--days", "0"], "out of range"),
    (["occasions", "--days", "367"], "out of range"),
    (["occasions", "--days", "-1"], "out of range"),
    (["occasions", "--days", "99999999999999999999"], "out of range"),
    (["occasions", "--days", "seven"], "not a number of days"),
    (["greet", "--occasion", "nosuchday", "--channel", "whatsapp", "--out", "{out}.csv"], "No occasion"),
    (["greet", "--occasion", "diwaly", "--channel", "whatsapp", "--out", "{out}.csv"], "Diwali"),
    (["greet", "--occasion", "", "--channel", "whatsapp", "--out", "{out}.csv"], "No occasion"),
    (["greet", "--occasion", "!!!", "--channel", "whatsapp", "--out", "{out}.csv"], "No occasion"),
    (["greet", "--occasion", "'; DROP TABLE client; --", "--channel", "whatsapp", "--out", "{out}.csv"],
     "No occasion"),
    (["greet", "--occasion", "x" * 100_000, "--channel", "whatsapp", "--out", "{out}.csv"], "No occasion"),
    (["greet", "--occasion", "hazarat", "--channel", "whatsapp", "--out", "{out}.csv"], "No occasion"),
    (["greet", "--occasion", "diwali", "--date", "9999-12-31", "--channel", "whatsapp", "--out", "{out}.csv"],
     "out of range"),
    (["greet", "--occasion", "diwali", "--date", "0001-01-01", "--channel", "whatsapp", "--out", "{out}.csv"],
     "out of range"),
    (["greet", "--occasion", "birthday", "--date", "2026-02-30", "--channel", "whatsapp", "--out", "{out}.csv"],
     "not a date"),
    (["greet", "--occasion", "birthday", "--date", "22/11/2026", "--channel", "whatsapp", "--out", "{out}.csv"],
     "YYYY-MM-DD"),
    (["greet", "--occasion", "birthday", "--date", "99999-01-01", "--channel", "whatsapp", "--out", "{out}.csv"],
     "not a date"),
    (["greet", "--occasion", "birthday", "--channel", "fax", "--out", "{out}.csv"], "invalid choice"),
    (["greet", "--occasion", "birthday", "--channel", "pdf"], "--out"),
    (["greet", "--occasion", "birthday", "--channel", "whatsapp"], "--out"),
    (["greet", "--occasion", "birthday", "--channel", "email"], "SMTP"),
    (["greet", "--occasion", "birthday", "--channel", "pdf", "--out", "/no/such/dir/x.pdf"], "no folder"),
    (["greet", "--occasion", "diwali", "--channel", "whatsapp", "--out", "/no/such/dir/x.csv"], "no folder"),
    (["greet", "--occasion", "diwali", "--channel", "whatsapp", "--out", "{dir}"], "folder"),
    (["greet", "--occasion", "diwali", "--channel", "whatsapp", "--out", "{dir}/" + LONG_NAME + ".csv"],
     "too long"),
    (["greet", "--occasion", "diwali", "--channel", "whatsapp", "--out", "{out}.csv", "--clients", "1,x"], "ids"),
    (["greet", "--occasion", "diwali", "--channel", "whatsapp", "--out", "{out}.csv", "--clients", ","], "at least one id"),
    (["greet", "--occasion", "diwali", "--channel", "whatsapp", "--out", "{out}.csv", "--clients", "0"],
     "out of range"),
    (["greet", "--occasion", "diwali", "--channel", "whatsapp", "--out", "{out}.csv", "--clients",
      "99999999999999999999999"], "out of range"),
    (["greet", "--occasion", "diwali", "--channel", "whatsapp", "--out", "{out}.csv", "--template", "0"],
     "out of range"),
    (["greet", "--occasion", "diwali", "--channel", "whatsapp", "--out", "{out}.csv", "--template",
      "99999999999999999999999"], "out of range"),
    (["greet", "--occasion", "any", "--channel", "whatsapp", "--out", "{out}.csv"], "--clients"),
    (["greet", "--occasion", "birthday", "--channel", "pdf", "--out", "{out}.pdf", "--layout", "a4"],
     "invalid choice"),
    # ----- import / export ---------------------------------------------------------------------------
    (["import", "/no/such/file.csv"], ""),
    (["import", "{out}.csv", "--kind", "bogus"], "invalid choice"),
    (["import", "{out}.csv", "--on-match", "merge"], "invalid choice"),
    (["export", "clients", "/no/such/dir/x.xlsx"], ""),
    (["export", "clients", "{out}.csv"], ".xlsx"),
    (["export", "purchases", "{out}.vcf"], ".xlsx"),
    (["export", "bogus", "{out}.xlsx"], "invalid choice"),
    (["export", "clients", "{out}.xlsx", "--search", "a" * 600], "at most 500"),
    # ----- cards / sale --------------------------------------------------------------------------------
    (["cards", "/no/such/dir/c.pdf", "--all"], "no folder"),
    (["cards", "{dir}", "--all"], "folder"),
    (["cards", "{dir}/" + LONG_NAME + ".pdf", "--all"], "too long"),
    (["cards", "{out}.pdf", "--clients", "1,x"], "ids"),
    (["cards", "{out}.pdf", "--clients", ""], "at least one id"),
    (["cards", "{out}.pdf", "--clients", "99999999999999999999999"], "out of range"),
    (["cards", "{out}.pdf", "--clients", "1,2,999999"], "no client #999999"),
    (["cards", "{out}.pdf", "--clients", "1", "--all"], "not allowed"),
    (["cards", "{out}.pdf"], "no cards"),
    (["sale", "--phone", "{phone}", "--amount", "1e20"], "not an amount"),
    (["sale", "--phone", "{phone}", "--amount", "1E3"], "not an amount"),
    (["sale", "--phone", "{phone}", "--amount", "1,2,3"], "not an amount"),
    (["sale", "--phone", "{phone}", "--amount", "12,34,5678"], "not an amount"),
    (["sale", "--phone", "{phone}", "--amount", "1,234,56"], "not an amount"),
    (["sale", "--phone", "{phone}", "--amount", ",100"], "not an amount"),
    (["sale", "--phone", "{phone}", "--amount", "1.2.3"], "not an amount"),
    (["sale", "--phone", "{phone}", "--amount", "-5"], "negative"),
    (["sale", "--phone", "{phone}", "--amount=-1,000"], "negative"),
    (["sale", "--phone", "{phone}", "--amount", "-1,000"], "expected one argument"),
    (["sale", "--phone", "{phone}", "--amount", "nan"], "not an amount"),
    (["sale", "--phone", "{phone}", "--amount", "inf"], "not an amount"),
    (["sale", "--phone", "{phone}", "--amount", "Infinity"], "not an amount"),
    (["sale", "--phone", "{phone}", "--amount", "0x10"], "not an amount"),
    (["sale", "--phone", "{phone}", "--amount", "1_000"], "not an amount"),
    (["sale", "--phone", "{phone}", "--amount", "abc"], "not an amount"),
    (["sale", "--phone", "{phone}", "--amount", ""], "empty"),
    (["sale", "--phone", "{phone}", "--amount", "₹"], "empty"),
    (["sale", "--phone", "{phone}", "--amount", "0"], "amount"),
    (["sale", "--phone", "{phone}", "--amount", "1,00,00,000.01"], "beyond"),
    (["sale", "--phone", "{phone}", "--amount", "99999999999999999999999999"], "beyond"),
    (["sale", "--phone", "{phone}", "--amount", "9" * 5000], "not an amount"),
    (["sale", "--phone", "98765abcde", "--amount", "100"], "phone"),
    (["sale", "--phone", "", "--amount", "100"], "phone"),
    (["sale", "--phone", "9999999999", "--amount", "100"], "No client"),
    (["sale", "--card", "X", "--amount", "100"], "card"),
    (["sale", "--card", "0" * 5000, "--amount", "100"], "card"),
    (["sale", "--phone", "{phone}", "--amount", "100", "--redeem", "-1"], "out of range"),
    (["sale", "--phone", "{phone}", "--amount", "100", "--redeem", "99999999999999999999"], "out of range"),
    (["sale", "--phone", "{phone}", "--amount", "100", "--redeem", "x"], "not a number of points"),
    (["sale", "--phone", "{phone}", "--amount", "100", "--redeem", "100000"], "point"),
    (["sale", "--phone", "{phone}", "--amount", "100", "--bill-no", "b" * 100], "at most 50"),
    (["sale", "--phone", "{phone}", "--card", "X", "--amount", "100"], "not allowed"),
    (["sale", "--amount", "100"], "required"),
    (["sale", "--phone", "{phone}"], "--amount"),
    # ----- segment / insights / suggest ----------------------------------------------------------------
    (["segment", DEEP], "at most 2,000"),
    (["segment", NOTS], "at most 2,000"),
    (["segment", "(" * 30 + "spent > 100" + ")" * 30], "deep"),
    (["segment", "not " * 30 + "spent > 100"], "deep"),
    (["segment", " or ".join(f"city c{i}" for i in range(100))], "more than 40 conditions"),
    (["segment", " or ".join(["last visit more than 5 days ago"] * 38 + ["not not not city a"])], "too complex"),
    (["segment", "x" * 3000], "at most 2,000"),
    (["segment", ""], "query"),
    (["segment", "   "], "empty"),
    (["segment", "bought"], "expected"),
    (["segment", "spent > 1e30"], "too large"),
    (["segment", "spent > -5"], "expected"),
    (["segment", "visits > 99999999999999999999"], "too large"),
    (["segment", "last visit more than 99999999999 days ago"], "too large"),
    (["segment", "((city x)"], "never closed"),
    (["segment", "city x)"], "no \"(\""),
    (["segment", "city \"unclosed"], "unclosed"),
    (["segment", "foo bar"], "unknown condition"),
    (["segment", "birthday in Smarch"], "month"),
    (["segment", "likelihood > 101"], "0 to 100"),
    (["segment", "!"], "!"),
    (["segment", "bought nosuchproduct"], "nosuchproduct"),
    (["segment", "city x", "--save", ""], "name"),
    (["segment", "city x", "--save", "n" * 300], "at most 200"),
    (["segment", "foo bar", "--save", "good name"], "unknown condition"),
    (["insights", "--pairs", "-1"], "out of range"),
    (["insights", "--pairs", "99999999999999999999"], "out of range"),
    (["insights", "--pairs", "x"], "not a number of pairs"),
    (["suggest", "--phone", "98765abcde"], "No client"),
    (["suggest", "--phone", ""], "No client"),
    (["suggest", "--phone", "9999999999"], "No client"),
    (["suggest", "--phone", "{phone}", "--limit", "0"], "out of range"),
    (["suggest", "--phone", "{phone}", "--limit", "99999999999999999999"], "out of range"),
    # ----- demo ----------------------------------------------------------------------------------------
    (["demo"], "own clients"),
    (["demo", "--clients", "0"], "out of range"),
    (["demo", "--clients", "-5"], "out of range"),
    (["demo", "--clients", "99999999999"], "out of range"),
    (["demo", "--clients", "x"], "not a number of clients"),
    (["demo", "--seed", "-1", "--force"], "out of range"),
    # ----- backup, restore, check, delete, consent, settings, sale --receipt ----------------------------
    (["backup", "--to", "{dir}/no/such/folder"], "no folder"),
    (["restore", "{out}.sqlite", "--yes"], "no backup file"),
    (["restore", "{out}.sqlite"], "--yes"),
    (["check", "--bogus"], "unrecognized"),
    (["backups", "--bogus"], "unrecognized"),
    (["delete", "1"], "--yes"),
    (["delete", "99999", "--yes"], "no client"),
    (["delete", "-1", "--yes"], "no client"),
    (["delete", "abc", "--yes"], "invalid"),
    (["delete", "99999999999999999999999", "--yes"], ""),
    (["consent", "1", "fax", "--given", "verbal"], "invalid choice"),
    (["consent", "1", "whatsapp", "--given", "telepathy"], "invalid choice"),
    (["consent", "1", "whatsapp"], "required"),
    (["consent", "1", "whatsapp", "--given", "verbal", "--withdraw"], "not allowed"),
    (["consent", "99999", "whatsapp", "--withdraw"], "no client"),
    (["settings", "--state", "XX"], "not a state code"),
    (["settings", "--language", "fr"], "hi or en"),
    (["settings", "--shop-phone", "98765abcde"], "not a phone number"),
    (["settings", "--shop-name", "x" * 5000], "too long"),
    (["sale", "--phone", "{phone}", "--amount", "100", "--receipt", "{dir}/no/such/r.pdf"], "no folder"),
    (["sale", "--phone", "{phone}", "--amount", "100", "--paper", "letter"], "invalid choice"),
    (["sale", "--phone", "{phone}", "--amount", "100", "--receipt", "{dir}"], "folder"),
    # ----- server-setup (the names are checked before any connection or password) ------------------------
    (["server-setup", "shop.sqlite"], "takes the server's URL"),
    (["server-setup", "postgresql://127.0.0.1/shop"], "names no user"),
    (["server-setup", "postgresql://admin@127.0.0.1/shop", "--counter-role", "Robert'); DROP"], "not a role name"),
    (["server-setup", "postgresql://admin@127.0.0.1/shop", "--counter-role", "c" * 64], "not a role name"),
    (["server-setup", "postgresql://admin@127.0.0.1/shop", "--counter-role", "admin"], "admin user"),
    (["server-setup", "postgresql://admin@127.0.0.1/shop", "--no-password", "--counter-password-stdin"],
     "choose one"),
    # ----- the command line itself -----------------------------------------------------------------
    (["nosuchcommand"], "invalid choice"),
    (["add", "--name", "\udcff\udcfe", "--phone", "9876500001"], "not valid text"),
    (["search", "\udcff"], "not valid text"),
    (["segment", "city \udcff"], "not valid text"),
    (["greet", "--occasion", "diwali", "--date", "2034-01-01", "--channel", "whatsapp", "--out", "{out}.csv"],
     "out of range"),
    (["show", "1", "--json", "--json", "--no-such"], "unrecognized"),
]


def _fill(argv: list[str], folder: Path) -> list[str]:
    return [a.replace("{out}", str(folder / "out")).replace("{dir}", str(folder)).replace("{phone}", PHONE)
            for a in argv]


@pytest.mark.parametrize("argv, says", BAD, ids=[f"{i:03d}-{' '.join(a)[:50]}" for i, (a, _) in enumerate(BAD)])
def test_bad_input_is_refused_and_writes_nothing(capsys, db, tmp_path, argv, says):
    before = dump(db)
    files_before = sorted(p.name for p in tmp_path.iterdir())
    code, _out, err = run_cli(capsys, db.args(*_fill(argv, tmp_path)))
    assert_refused(code, err)
    assert says.lower() in err.lower(), err
    assert dump(db) == before
    # no output file and no temporary one left behind (the -wal/-shm of the desk may come and go)
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("desk.sqlite")) == \
        sorted(n for n in files_before if not n.startswith("desk.sqlite"))


def listed_commands() -> list[str]:
    """The commands `python main.py --help` lists (read from the same parser)."""
    parser = cli.build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(action.choices)


def test_the_table_drives_every_command():
    """The commands listed by `python main.py --help` have bad values in the table (when a command
    is added, its cases go into BAD too)."""
    result = run_main("--help")
    listed = set(re.search(r"\{([a-z,-]+)\}", result.stdout).group(1).split(","))
    assert listed == set(listed_commands())
    tried = {argv[0] for argv, _ in BAD}
    assert {"demo", "add", "show", "search", "occasions", "greet", "import", "export", "cards", "sale", "segment",
            "insights", "suggest"} <= listed & tried


@pytest.mark.parametrize("command", listed_commands())
def test_every_command_refuses_an_unknown_option(capsys, db, command):
    before = dump(db)
    code, _out, err = run_cli(capsys, db.args(command, "--no-such-option", "1"))
    assert_refused(code, err)
    assert dump(db) == before


# ----- --db naming a file that does not exist (the file's own; a server's: tests/postgres/test_cli_server.py) --
READERS = [["search", "a"], ["show", "1"], ["occasions"], ["segment", "city Pune"], ["insights"],
           ["suggest", "--phone", PHONE], ["export", "clients", "{out}.xlsx"], ["cards", "{out}.pdf", "--all"],
           ["sale", "--phone", PHONE, "--amount", "100"], ["segment", "--saved"],
           ["greet", "--occasion", "birthday", "--channel", "whatsapp", "--out", "{out}.csv"]]


@pytest.mark.parametrize("argv", READERS, ids=lambda a: a[0])
def test_a_missing_desk_is_not_created_by_commands_that_read(capsys, tmp_path, argv):
    missing = tmp_path / "no-such-desk.sqlite"
    code, _out, err = run_cli(capsys, ["--db", str(missing), *_fill(argv, tmp_path)])
    assert_refused(code, err)
    assert f"no client book at {missing}" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("argv", [["demo", "--clients", "5"], ["add", "--name", "A", "--phone", "9876500001"],
                                  ["import", "/no/such/file.csv"]], ids=lambda a: a[0])
def test_commands_that_make_a_desk_never_make_a_missing_folder(capsys, tmp_path, argv):
    target = tmp_path / "no-such-folder" / "desk.sqlite"
    code, _out, err = run_cli(capsys, ["--db", str(target), *argv])
    assert_refused(code, err)
    assert "no folder" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("argv", [["search", "a"], ["add", "--name", "A", "--phone", "9876500001"]],
                         ids=lambda a: a[0])
def test_a_folder_is_not_a_desk(capsys, tmp_path, argv):
    code, _out, err = run_cli(capsys, ["--db", str(tmp_path), *argv])
    assert_refused(code, err)
    assert "is a folder" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("argv", [["add", "--name", "A", "--phone", "98765abcde"], ["import", "/no/such/file.csv"],
                                  ["demo", "--clients", "x"], ["add", "--name", "A" * 300, "--phone", "9876500001"]],
                         ids=lambda a: " ".join(a)[:30])
def test_a_command_that_would_make_a_desk_but_fails_leaves_no_file(capsys, tmp_path, argv):
    code, _out, err = run_cli(capsys, ["--db", str(tmp_path / "new.sqlite"), *argv])
    assert_refused(code, err)
    assert list(tmp_path.iterdir()) == []


def test_add_and_demo_create_a_missing_desk_file(capsys, tmp_path):
    code, out, err = run_cli(capsys, ["--db", str(tmp_path / "new.sqlite"), "add", "--name", "A",
                                      "--phone", "9876500001"])
    assert code == 0, err
    assert out.strip() == "1"
    code, _out, err = run_cli(capsys, ["--db", str(tmp_path / "demo.sqlite"), "demo", "--clients", "5"])
    assert code == 0, err


# ----- in a real process ----------------------------------------------------------------------------
REPORTED = [
    ["sale", "--phone", PHONE, "--amount", "1e20"],
    ["segment", DEEP],
    ["segment", NOTS],
    ["show", "99999999999999999999999"],
    ["greet", "--occasion", "diwali", "--date", "9999-12-31", "--channel", "whatsapp", "--out", "{out}.csv"],
    ["add", "--name", "X", "--phone", "98765abcde"],
    ["sale", "--phone", PHONE, "--amount", "1,2,3"],
    ["cards", "/no/such/dir/c.pdf", "--all"],
]


@pytest.mark.parametrize("argv", REPORTED, ids=lambda a: " ".join(a)[:40])
def test_reported_inputs_through_main_py(db, tmp_path, argv):
    before = dump(db)
    result = run_main(*db.args(*_fill(argv, tmp_path)))
    assert_refused(result.returncode, result.stderr)
    assert result.stdout == ""
    assert dump(db) == before


def test_cards_to_an_unwritable_place_commit_no_cards_or_points(db):
    """The report: `cards /no/such/dir/c.pdf --all` exited 2 after committing 300 cards and
    15,000 sign-up points."""
    cards, points = db.count("loyalty_card"), db.count("ledger_entry")
    result = run_main(*db.args("cards", "/no/such/dir/c.pdf", "--all"))
    assert result.returncode == 2
    assert (db.count("loyalty_card"), db.count("ledger_entry")) == (cards, points)


@pytest.mark.parametrize("argv", [["show", "1"], ["show", "1", "--json"], ["search", "a", "--limit", "1000", "--json"],
                                  ["occasions", "--days", "366"], ["segment", "spent > 1"], ["--help"]],
                         ids=lambda a: " ".join(a))
def test_a_closed_pipe_ends_quietly(db, argv):
    """`show 1 | head`: the reader goes away before we write; no BrokenPipeError traceback."""
    process = subprocess.Popen([sys.executable, str(ROOT / "main.py"), *db.args(*argv)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # the reader closes at once, as `head -0` would
    err = process.stderr.read().decode("utf-8", "replace")
    process.stderr.close()
    assert process.wait(timeout=180) == 0, err
    assert err == ""


def test_a_pipe_closed_after_the_first_line(db):
    """`search ... | head -1` in a shell."""
    result = subprocess.run(f'"{sys.executable}" "{ROOT / "main.py"}" --db "{db.db}" search a --limit 1000 | head -1',
                            shell=True, capture_output=True, text=True, encoding="utf-8", timeout=180)
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 1
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr
