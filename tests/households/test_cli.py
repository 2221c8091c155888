"""The command line on a shared number: exit 2 listing the people, --client picks one, add --family-of."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from clientdesk.desk import Desk
from clientdesk.models import Purchase

ROOT = Path(__file__).resolve().parents[2]


def run(db, *args):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=120)


def bills(db) -> dict[int, int]:
    desk = Desk.open(db)
    try:
        return {c: n for c, n in Purchase.select(Purchase.client, Purchase.id).tuples()}
    finally:
        desk.close()


def test_add_refuses_a_number_then_family_of_joins(tmp_path):
    db = tmp_path / "d.sqlite"
    assert run(db, "add", "--name", "Suresh Reddy", "--phone", "98765 43210").stdout.strip() == "1"
    refused = run(db, "add", "--name", "Meena Devi", "--phone", "9876543210")
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.count("\n") == 1 and "Suresh Reddy" in refused.stderr and "--family-of 1" in refused.stderr
    joined = run(db, "add", "--name", "Meena Devi", "--phone", "9876543210", "--family-of", "1")
    assert joined.returncode == 0 and joined.stdout.strip() == "2"
    wrong = run(db, "add", "--name", "Ravi", "--phone", "9111111111", "--family-of", "1")
    assert wrong.returncode == 2 and "nothing to share" in wrong.stderr and "Traceback" not in wrong.stderr
    missing = run(db, "add", "--name", "Ravi", "--phone", "9876543210", "--family-of", "99")
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1
    found = json.loads(run(db, "search", "43210", "--json").stdout)
    assert sorted(c["name"] for c in found) == ["Meena Devi", "Suresh Reddy"]


def test_sale_on_a_shared_number_lists_the_people_and_client_picks_one(tmp_path):
    db = tmp_path / "d.sqlite"
    run(db, "add", "--name", "Suresh Reddy", "--phone", "98765 43210")
    run(db, "add", "--name", "Meena Devi", "--phone", "9876543210", "--family-of", "1")
    asked = run(db, "sale", "--phone", "98765 43210", "--amount", "500")
    assert asked.returncode == 2 and asked.stdout == ""
    lines = asked.stderr.splitlines()
    assert lines[0].startswith("error: 98765 43210 is shared by 2 clients") and "--client ID" in lines[0]
    assert [line.split(None, 1) for line in lines[1:]] == [["1", "Suresh Reddy"], ["2", "Meena Devi"]]
    assert bills(db) == {}  # nothing recorded
    sold = run(db, "sale", "--phone", "98765 43210", "--client", "2", "--amount", "500", "--json")
    assert sold.returncode == 0, sold.stderr
    result = json.loads(sold.stdout)
    assert result["client_id"] == 2 and result["points_earned"] > 0
    assert list(bills(db)) == [2]
    not_hers = run(db, "sale", "--phone", "9111111111", "--client", "2", "--amount", "500")
    assert not_hers.returncode == 2 and "does not have the phone number" in not_hers.stderr
    by_id = run(db, "sale", "--client", "1", "--amount", "100")
    assert by_id.returncode == 0 and sorted(bills(db)) == [1, 2]
    nobody = run(db, "sale", "--amount", "100")
    assert nobody.returncode == 2 and nobody.stderr.count("\n") == 1 and sorted(bills(db)) == [1, 2]


def test_suggest_on_a_shared_number_says_the_same(tmp_path):
    db = tmp_path / "d.sqlite"
    run(db, "add", "--name", "Suresh Reddy", "--phone", "98765 43210")
    run(db, "add", "--name", "Meena Devi", "--phone", "9876543210", "--family-of", "1")
    asked = run(db, "suggest", "--phone", "9876543210")
    assert asked.returncode == 2 and asked.stderr.splitlines()[1:] == ["  1  Suresh Reddy", "  2  Meena Devi"]
    picked = run(db, "suggest", "--phone", "9876543210", "--client", "2")
    assert picked.returncode == 0 and picked.stdout.startswith("Meena Devi (#2)")
