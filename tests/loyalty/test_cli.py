"""`cards` and `sale` on the command line: in-process through clientdesk.cli.main (fast), and once
through `python main.py` in a subprocess like a shopkeeper's script would."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from pypdf import PdfReader

from clientdesk import cli
from clientdesk.desk import Desk
from clientdesk.loyalty.models import LedgerEntry
from clientdesk.models import Purchase
from tests.loyalty.helpers import add_client

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run(capsys):
    """Run the command line in this process; returns its exit code and output."""
    def runner(db: Path, *args: str) -> Ran:
        code = cli.run_command(cli.build_parser().parse_args(["--db", str(db), *args]))
        out, err = capsys.readouterr()
        return Ran(code, out, err)
    return runner


def test_main_py_sale_json_in_a_subprocess(tmp_path):
    db = tmp_path / "shop.sqlite"
    desk = Desk.open(db)
    add_client(desk, "रमेश कुमार", "9876543210")
    desk.close()
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "sale", "--phone", "9876543210",
                           "--amount", "1000", "--redeem", "500", "--json"],
                          capture_output=True, text=True, cwd=ROOT, timeout=180)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("error: At most 0 points") and "Traceback" not in done.stderr


def test_sale_by_phone_and_card_then_refused_redemption(tmp_path, run):
    db = tmp_path / "shop.sqlite"
    desk = Desk.open(db)
    add_client(desk, "रमेश कुमार", "9876543210")
    desk.close()

    first = run(db, "sale", "--phone", "98765 43210", "--amount", "2,550.50", "--json")
    assert first.returncode == 0, first.stderr
    result = json.loads(first.stdout)
    assert result["points_earned"] == 25 and result["stamps"] == 1 and result["rewards_due"] == 0
    assert result["balance"] == 25 + 50  # with the sign-up bonus

    refused = run(db, "sale", "--card", result["card_number"], "--amount", "100", "--redeem", "500", "--json")
    assert refused.returncode == 2
    assert "At most" in refused.stderr and "Traceback" not in refused.stderr
    assert refused.stdout == ""

    ok = run(db, "sale", "--card", result["card_number"], "--amount", "300", "--redeem", "0", "--json")
    assert json.loads(ok.stdout)["balance"] == 78

    desk = Desk.open(db)
    try:
        assert Purchase.select().count() == 2
        assert LedgerEntry.select().where(LedgerEntry.kind == "redeem").count() == 0
    finally:
        desk.close()

    for args, message in [(("--phone", "9123456780"), "No client"), (("--card", "700000000012"), "not a valid card")]:
        bad = run(db, "sale", *args, "--amount", "10", "--json")
        assert bad.returncode == 2 and message in bad.stderr


def test_cards_command_for_ids_all_and_unprinted(tmp_path, run):
    db = tmp_path / "shop.sqlite"
    desk = Desk.open(db)
    ids = [add_client(desk, f"Client {i}", f"98700000{i:02d}") for i in range(3)]
    desk.close()
    out = tmp_path / "some.pdf"
    done = run(db, "cards", str(out), "--clients", f"{ids[0]},{ids[2]}")
    assert done.returncode == 0, done.stderr
    assert "2 cards on 2 pages" in done.stdout
    assert len(PdfReader(out).pages) == 2
    nothing = run(db, "cards", str(tmp_path / "none.pdf"))
    assert nothing.returncode == 2 and "no cards" in nothing.stderr
    everyone = run(db, "cards", str(tmp_path / "all.pdf"), "--all")
    assert "3 cards" in everyone.stdout
    bad = run(db, "cards", str(tmp_path / "x.pdf"), "--clients", "1,x")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    missing = run(db, "cards", str(tmp_path / "x.pdf"), "--clients", "999")
    assert missing.returncode == 2 and "no client #999" in missing.stderr
