"""The command line runs the same services: add, show, search, demo; bad input is one line, exit 2.
The tests taking `cli_book` run on a file and on a client book on the server."""

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.cli_helpers import cli_book  # noqa: F401 - the fixture

ROOT = Path(__file__).resolve().parents[2]


def run(*args, db):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=120)


def test_add_show_search_round_trip(cli_book):
    db = cli_book.db
    added = run("add", "--name", "रमेश कुमार", "--phone", "098765 43210", "--email", "R@Example.in",
                "--father-name", "सुरेश कुमार", db=db)
    assert added.returncode == 0, added.stderr
    client_id = int(added.stdout.strip())
    shown = json.loads(run("show", str(client_id), "--json", db=db).stdout)
    assert shown["name"] == "रमेश कुमार" and shown["phones"] == ["+919876543210"]
    assert shown["email"] == "r@example.in" and shown["father_name"] == "सुरेश कुमार"
    found = json.loads(run("search", "ramesh", "--json", db=db).stdout)
    assert found[0]["id"] == client_id
    assert {"id", "name", "father_name", "phones", "email", "city"} <= set(found[0])
    assert json.loads(run("search", "43210", "--json", db=db).stdout)[0]["phones"] == ["+919876543210"]


def test_bad_input_is_one_line_exit_2_and_database_untouched(cli_book):
    db = cli_book.db
    assert run("add", "--name", "A", "--phone", "9876543210", db=db).returncode == 0
    before = run("search", "a", "--json", db=db).stdout
    for args in (["add", "--name", "B", "--phone", "12345"], ["add", "--name", "B", "--phone", "+91 98765 43210"],
                 ["show", "42", "--json"], ["add", "--name", "B"]):
        result = run(*args, db=db)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert run("search", "a", "--json", db=db).stdout == before
    assert cli_book.count("client") == 1


def test_unreadable_database(tmp_path):  # a file's own problem
    bad = tmp_path / "bad.sqlite"
    bad.write_text("not a database at all")
    result = run("search", "x", db=bad)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert bad.read_text() == "not a database at all"


def test_demo_is_deterministic(tmp_path):  # two files; demo on a server: tests/insights/test_engines.py
    outputs = []
    for name in ("a.sqlite", "b.sqlite"):
        assert run("demo", "--clients", "150", "--seed", "7", db=tmp_path / name).returncode == 0
        outputs.append(run("search", "a", "--limit", "50", "--json", db=tmp_path / name).stdout)
    assert outputs[0] == outputs[1]
    rows = json.loads(outputs[0])
    assert rows and all(p.startswith("+91") for r in rows for p in r["phones"])


def test_the_counter_commands_on_each_engine(cli_book, tmp_path, capsys):
    """add, sale, consent, cards, show, delete: the same results on a file and on the server."""
    from tests.cli_helpers import run_in_process

    def ok(*argv):
        code, out, err = run_in_process(capsys, *cli_book.args(*argv))
        assert code == 0, err
        return out

    first = int(ok("add", "--name", "रमेश कुमार", "--phone", "9876543210"))
    second = int(ok("add", "--name", "Suresh Patel", "--phone", "9812345678", "--city", "Pune"))
    sale = json.loads(ok("sale", "--phone", "9876543210", "--amount", "1,200", "--json"))
    assert sale["balance"] >= sale["points_earned"] > 0
    ok("consent", str(first), "whatsapp", "--given", "verbal")
    assert json.loads(ok("show", str(first), "--json"))["name"] == "रमेश कुमार"
    ok("cards", str(tmp_path / "cards.pdf"), "--clients", f"{first},{second}")
    assert (tmp_path / "cards.pdf").read_bytes().startswith(b"%PDF")
    assert cli_book.count("loyalty_card") == 2
    ok("delete", str(second), "--yes")
    assert cli_book.count("client") == 1
    ok("delete", str(first), "--yes")  # with a bill: erased, the bill kept
    assert cli_book.rows("SELECT count(*) FROM purchase") == [(1,)]
    assert cli_book.count("client") == 1  # the erased one's placeholder
