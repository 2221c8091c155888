"""The command line records this PC's names on a sale (counter.json in the config folder, or the
sale's own --branch/--counter), refuses a name over the limit writing nothing, and prints them."""

from __future__ import annotations

import json
import sqlite3

from clientdesk import location
from clientdesk.clients.fields import ClientData, PhoneEntry
from clientdesk.desk import Desk
from clientdesk.location import CounterChoices
from clientdesk.paths import AppPaths
from tests.cli_helpers import run_in_process


def _book(tmp_path):
    db = tmp_path / "shop.sqlite"
    desk = Desk.open(db)
    try:
        desk.clients.create(ClientData(name="Meena", phones=[PhoneEntry("9812345678", is_primary=True)]))
    finally:
        desk.close()
    return db


def _bills(db):
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT p.branch, p.counter, s.branch, s.counter FROM purchase p "
                            "JOIN counter_sale s ON s.purchase_id = p.id ORDER BY p.id").fetchall()
    finally:
        conn.close()


def _sale(capsys, db, base, *extra):
    return run_in_process(capsys, "--db", str(db), "--basedir", str(base), "sale", "--phone", "98123 45678",
                          "--amount", "500", "--confirm", "--json", *extra)


def test_sale_records_this_pcs_names_or_the_commands_own(tmp_path, capsys):
    db, base = _book(tmp_path), tmp_path / "base"
    code, out, err = _sale(capsys, db, base)  # no counter.json yet: no names
    assert code == 0, err
    location.save(AppPaths.under(base).config_dir, CounterChoices(branch="Andheri", counter="Counter 1"))
    code, out, err = _sale(capsys, db, base)
    assert code == 0, err
    result = json.loads(out)
    assert (result["branch"], result["counter"]) == ("Andheri", "Counter 1")
    # the receipt is in the client's language (Hindi here)
    assert "शाखा: Andheri\nकाउंटर: Counter 1\n" in result["receipt_text"]
    code, out, err = _sale(capsys, db, base, "--branch", "O'Brien \"Main\"", "--counter", " काउंटर  २ ")
    assert code == 0, err
    code, out, err = _sale(capsys, db, base, "--counter", "")  # this bill names no counter
    assert code == 0, err
    assert _bills(db) == [("", "", "", ""), ("Andheri", "Counter 1", "Andheri", "Counter 1"),
                          ("O'Brien \"Main\"", "काउंटर २", "O'Brien \"Main\"", "काउंटर २"), ("Andheri", "", "Andheri", "")]


def test_a_name_over_the_limit_records_nothing(tmp_path, capsys):
    db, base = _book(tmp_path), tmp_path / "base"
    for option in ("--branch", "--counter"):
        code, out, err = _sale(capsys, db, base, option, "श" * 200)
        assert code == 2 and out == "" and err.count("\n") == 1
        assert "at most 60 characters" in err and "Traceback" not in err
    assert _bills(db) == []


def test_a_long_name_in_counter_json_is_cut_not_refused(tmp_path, capsys):
    db, base = _book(tmp_path), tmp_path / "base"
    config = AppPaths.under(base).config_dir
    config.mkdir(parents=True)
    (config / location.FILE_NAME).write_text(json.dumps({"branch": "ब" * 200, "counter": "\u0958" * 60}),
                                             encoding="utf-8")
    code, out, err = _sale(capsys, db, base)
    assert code == 0, err
    [(branch, counter, _, _)] = _bills(db)
    assert branch == "ब" * 60 and counter == "क\u093c" * 60  # 60 letters as typed, in their NFC spelling
