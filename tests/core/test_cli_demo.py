"""`demo` never mixes fake clients into a shop's own desk unless told to (--force).

On files: "nothing changed" is checked byte for byte with sqlite3's iterdump. The demo desk on a
server is built and compared with SQLite's in tests/insights/test_engines.py."""

from __future__ import annotations

import sqlite3

from clientdesk import cli
from clientdesk.demo import shop_clients
from clientdesk.desk import Desk


def run(capsys, db, *argv) -> tuple[int, str, str]:
    try:
        code = cli.run_command(cli.build_parser().parse_args(["--db", str(db), *argv]))
    except SystemExit as exc:
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def dump(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [line for line in conn.iterdump() if "sqlite_stat" not in line]
    finally:
        conn.close()


def clients(path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM client").fetchone()[0]


def test_demo_fills_a_new_desk_and_adds_to_a_demo_desk(capsys, tmp_path):
    db = tmp_path / "demo.sqlite"
    assert run(capsys, db, "demo", "--clients", "30")[0] == 0
    assert run(capsys, db, "demo", "--clients", "20", "--seed", "2")[0] == 0
    assert clients(db) == 50
    desk = Desk.open(db)
    try:
        assert shop_clients(desk) == 0
    finally:
        desk.close()


def test_demo_refuses_a_desk_with_the_shops_own_clients(capsys, tmp_path):
    db = tmp_path / "shop.sqlite"
    assert run(capsys, db, "add", "--name", "Ramesh Kumar", "--phone", "9876543210")[0] == 0
    before = dump(db)
    code, out, err = run(capsys, db, "demo", "--clients", "30")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "own clients" in err and "--force" in err
    assert dump(db) == before


def test_demo_force_mixes_in_and_still_knows_which_clients_are_the_shops(capsys, tmp_path):
    db = tmp_path / "shop.sqlite"
    run(capsys, db, "demo", "--clients", "10")
    assert run(capsys, db, "add", "--name", "Ramesh Kumar", "--phone", "9876543210")[0] == 0
    assert run(capsys, db, "demo", "--clients", "10")[0] == 2
    assert run(capsys, db, "demo", "--clients", "10", "--force")[0] == 0
    assert clients(db) == 21
    desk = Desk.open(db)
    try:
        assert shop_clients(desk) == 1
    finally:
        desk.close()
    assert run(capsys, db, "demo", "--clients", "10")[0] == 2


def test_a_desk_filled_before_the_marker_counts_as_the_shops(capsys, tmp_path):
    """A desk whose clients demo did not note (older demo desks, or the shop's own import) is refused."""
    db = tmp_path / "old.sqlite"
    run(capsys, db, "demo", "--clients", "10")
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM setting WHERE key = 'demo_client_ids'")
    assert run(capsys, db, "demo", "--clients", "10")[0] == 2
