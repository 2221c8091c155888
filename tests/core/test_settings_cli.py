"""`settings`: read and set the shop's details and the window's language from the command line; the
values are read back from the database (through a fresh Desk) and from window.ini (through Qt's own
QSettings, as the window reads it). They run on a file and on a client book on the server."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from clientdesk.desk import Desk
from tests.cli_helpers import cli_book  # noqa: F401 - the fixture
from tests.cli_helpers import run_in_process as _run

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def book(cli_book, tmp_path) -> str:
    """The test's client book: tmp_path/shop.sqlite, or an empty one on the server."""
    return cli_book.db if cli_book.on_server else str(tmp_path / "shop.sqlite")


@pytest.fixture
def where(tmp_path, book):
    return ["--basedir", str(tmp_path / "base"), "--db", book]


def _stored(book) -> dict:
    desk = Desk.open(book)
    try:
        return desk.settings.all()
    finally:
        desk.close()


def _window_language(tmp_path) -> str:
    return str(QSettings(str(tmp_path / "base" / "config" / "window.ini"), QSettings.IniFormat).value("language", "en"))


def test_set_then_read_back(tmp_path, book, where, capsys):
    code, out, err = _run(capsys, *where, "settings", "--shop-name", "शर्मा जनरल स्टोर", "--shop-phone", "98765 43210",
                          "--shop-address", "12, Station Road, Pune", "--state", "mh", "--language", "hi", "--json")
    assert code == 0, err
    assert json.loads(out) == {"shop_name": "शर्मा जनरल स्टोर", "shop_phone": "98765 43210",
                               "shop_address": "12, Station Road, Pune", "state": "MH", "shop_logo": "",
                               "language": "hi"}
    stored = _stored(book)
    assert (stored["shop_name"], stored["shop_phone"], stored["shop_state"]) == ("शर्मा जनरल स्टोर", "98765 43210", "MH")
    assert _window_language(tmp_path) == "hi"
    code, out, _ = _run(capsys, *where, "settings", "--json")  # reading changes nothing
    assert code == 0 and json.loads(out)["shop_name"] == "शर्मा जनरल स्टोर" and json.loads(out)["language"] == "hi"
    code, out, _ = _run(capsys, *where, "settings", "--language", "en", "--state", "")
    assert code == 0 and "language: en" in out and "state: (not set)" in out
    assert _window_language(tmp_path) == "en" and _stored(book)["shop_state"] == ""


def test_a_fresh_desk_shows_nothing_set(tmp_path, capsys):  # a missing file: the file's own (server: test_cli_server)
    where = ["--basedir", str(tmp_path / "base"), "--db", str(tmp_path / "shop.sqlite")]
    code, out, err = _run(capsys, *where, "settings")
    assert code == 2 and "no client book" in err and not (tmp_path / "shop.sqlite").exists()  # reading makes none
    Desk.open(tmp_path / "shop.sqlite").close()
    code, out, _ = _run(capsys, *where, "settings")
    assert code == 0
    assert "shop name: (not set)" in out and "language: en" in out


@pytest.mark.parametrize("bad, words", [
    (["--state", "XX"], "not a state code"),
    (["--state", "Maharashtra"], "not a state code"),
    (["--language", "fr"], "hi or en"),
    (["--shop-phone", "12345"], "not a phone number"),
    (["--shop-name", "x" * 500], "too long"),
])
def test_bad_value_is_one_line_exit_2_and_nothing_written(tmp_path, book, where, capsys, bad, words):
    code, _, _ = _run(capsys, *where, "settings", "--shop-name", "Before", "--language", "hi")
    assert code == 0
    code, out, err = _run(capsys, *where, "settings", "--shop-name", "After", "--shop-phone", "98765 43210", *bad)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and words in err and "Traceback" not in err
    stored = _stored(book)
    assert stored["shop_name"] == "Before" and stored["shop_phone"] == ""  # nothing of the bad call was kept
    assert _window_language(tmp_path) == "hi"


def test_language_keeps_what_the_window_saved(tmp_path, where, capsys):
    """The window's own lines in window.ini (layout, table header) survive a language change."""
    ini = tmp_path / "base" / "config" / "window.ini"
    ini.parent.mkdir(parents=True)
    window = QSettings(str(ini), QSettings.IniFormat)
    window.setValue("window/geometry", QByteArray(b"\x01\x02geometry=;[x]"))
    window.setValue("clients/header", QByteArray(b"header"))
    window.setValue("language", "en")
    window.sync()
    del window
    code, _, err = _run(capsys, *where, "settings", "--language", "hi")
    assert code == 0, err
    again = QSettings(str(ini), QSettings.IniFormat)
    assert again.value("language") == "hi"
    assert bytes(again.value("window/geometry")) == b"\x01\x02geometry=;[x]"
    assert bytes(again.value("clients/header")) == b"header"


def test_through_main_py(tmp_path, where):
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), *where, "settings", "--state", "ZZ"],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 2 and done.stderr.startswith("error: ZZ is not a state code")
    assert "Traceback" not in done.stderr
