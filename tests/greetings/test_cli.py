import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from clientdesk import cli
from clientdesk.clock import FixedClock
from clientdesk.desk import Desk
from tests.greetings.helpers import make_client
from tests.cli_helpers import run_in_process as _run

TODAY = dt.date.today()
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db_file(tmp_path):
    """A database with clients whose occasions fall today and soon (the CLI uses the real clock)."""
    path = tmp_path / "cli.sqlite"
    desk = Desk.open(path, clock=FixedClock(TODAY))
    desk.settings.set("shop_name", "Sharma Store")
    soon = TODAY + dt.timedelta(days=3)
    ids = {
        "today": make_client(desk, name="Asha Verma", birth_day=TODAY.day, birth_month=TODAY.month),
        "no_consent": make_client(desk, name="Usha", consents=(), birth_day=TODAY.day, birth_month=TODAY.month),
        "soon": make_client(desk, name="Mohan Das", anniversary_day=soon.day, anniversary_month=soon.month),
    }
    desk.close()
    return path, ids




def test_through_main_py(db_file):
    path, ids = db_file
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(path), "occasions", "--days", "1",
                           "--json"], capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    birthdays = [o for o in data["occasions"] if o["kind"] == "birthday"]
    assert {c["name"] for c in birthdays[0]["clients"]} == {"Asha Verma", "Usha"}


def test_occasions_json_lists_dates_and_clients(db_file, capsys):
    path, ids = db_file
    code, out, _ = _run(capsys, "--db", str(path), "occasions", "--days", "7", "--json")
    assert code == 0
    data = json.loads(out)
    personal = {(o["kind"], o["date"]): [c["id"] for c in o["clients"]] for o in data["occasions"]
                if o["kind"] != "festival"}
    assert personal[("birthday", TODAY.isoformat())] == sorted([ids["today"], ids["no_consent"]])
    soon = (TODAY + dt.timedelta(days=3)).isoformat()
    assert personal[("anniversary", soon)] == [ids["soon"]]
    assert all(o["name_hi"] for o in data["occasions"])


def test_greet_pdf_then_the_cap_holds(db_file, capsys, tmp_path):
    path, ids = db_file
    out_pdf = tmp_path / "cards.pdf"
    code, out, _ = _run(capsys, "--db", str(path), "greet", "--occasion", "birthday", "--channel", "pdf",
                        "--out", str(out_pdf), "--json")
    assert code == 0
    data = json.loads(out)
    assert data == {"greeted": [ids["today"]], "left_out": [{"id": ids["no_consent"], "reason": "no_consent"}]}
    assert out_pdf.stat().st_size > 1000
    code, out, _ = _run(capsys, "--db", str(path), "greet", "--occasion", "birthday", "--channel", "whatsapp",
                        "--out", str(tmp_path / "wa.csv"), "--json")
    assert json.loads(out)["greeted"] == []
    assert {"id": ids["today"], "reason": "already_greeted"} in json.loads(out)["left_out"]


def test_greet_whatsapp_for_a_festival_by_hindi_name(db_file, capsys, tmp_path):
    path, ids = db_file
    code, out, _ = _run(capsys, "--db", str(path), "greet", "--occasion", "दिवाली", "--channel", "whatsapp",
                        "--out", str(tmp_path / "wa.csv"), "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data["greeted"]) == {ids["today"], ids["soon"]}
    assert (tmp_path / "wa.csv").read_text(encoding="utf-8-sig").count("https://wa.me/") == 2


@pytest.mark.parametrize("argv,message", [
    (["greet", "--occasion", "nosuchday", "--channel", "pdf", "--out", "x.pdf"], "No occasion"),
    (["greet", "--occasion", "birthday", "--channel", "pdf"], "--out"),
    (["greet", "--occasion", "birthday", "--channel", "email"], "SMTP"),
    (["greet", "--occasion", "birthday", "--date", "22/11/2026", "--channel", "pdf", "--out", "x.pdf"], "YYYY-MM-DD"),
    (["occasions", "--days", "0"], "--days"),
])
def test_bad_input_is_one_line_and_exit_2(db_file, capsys, argv, message):
    path, _ = db_file
    code, _, err = _run(capsys, "--db", str(path), *argv)
    assert code == 2
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
