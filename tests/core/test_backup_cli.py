"""The backup commands from the command line (JSON read back), the backup before an import, and a
backup killed (SIGKILL) at random points: the live file and every copy that counts stay intact.
File only: these are about SQLite's file and its copies; the same commands on a server (pg_dump,
pg_restore) are tested in tests/postgres/test_cli_server.py."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clientdesk import backup as backups
from tests.core.backup_helpers import client_count, damage_index, leave_wal, make_desk_file

ROOT = Path(__file__).resolve().parents[2]


def command(db, *args):
    return [sys.executable, str(ROOT / "main.py"), "--db", str(db), *args]


def run(db, *args, cwd=None):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run(command(db, *args), capture_output=True, text=True, encoding="utf-8", env=env,
                          timeout=120, cwd=cwd)


def one_line_error(result) -> str:
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture(scope="module")
def desk_file(tmp_path_factory):
    return make_desk_file(tmp_path_factory.mktemp("cli") / "desk.sqlite", clients=25)


def test_backup_backups_restore_check(desk_file, tmp_path):
    db = tmp_path / "shop.sqlite"
    db.write_bytes(desk_file.read_bytes())
    made = run(db, "backup", "--json")
    assert made.returncode == 0, made.stderr
    value = json.loads(made.stdout)
    assert value["clients"] == 25 and value["verified"] is True and Path(value["path"]).is_file()
    assert client_count(value["path"]) == 25
    listed = json.loads(run(db, "backups", "--json").stdout)
    assert [b["path"] for b in listed] == [value["path"]] and listed[0]["verified"] and listed[0]["clients"] == 25
    usb = tmp_path / "usb"
    usb.mkdir()
    to = json.loads(run(db, "backup", "--to", str(usb), "--json").stdout)
    assert Path(to["path"]).parent == usb and to["verified"]

    healthy = run(db, "check")
    assert healthy.returncode == 0 and "healthy" in healthy.stdout
    leave_wal(db, ["Only In The Wal"])
    refused = one_line_error(run(db, "restore", value["path"]))
    assert "--yes" in refused
    restored = run(db, "restore", value["path"], "--yes", "--json")
    assert restored.returncode == 0, restored.stderr
    result = json.loads(restored.stdout)
    assert result["clients"] == 25 and db.read_bytes() == Path(value["path"]).read_bytes()
    assert not Path(f"{db}-wal").exists()
    assert backups.read_info(Path(result["kept"])).clients == 26  # the row only in the -wal is in the kept copy
    assert json.loads(run(db, "check", "--json").stdout)["ok"] is True


def test_restore_makes_a_missing_database(desk_file, tmp_path):
    backup = backups.make_backup(desk_file, "manual").info.path
    fresh = tmp_path / "fresh.sqlite"
    result = run(fresh, "restore", str(backup), "--yes")
    assert result.returncode == 0, result.stderr
    assert fresh.read_bytes() == backup.read_bytes()
    assert "no folder" in one_line_error(run(tmp_path / "missing" / "x.sqlite", "restore", str(backup), "--yes"))
    assert not (tmp_path / "missing").exists()


def test_bad_input_is_one_line(tmp_path, desk_file):
    missing = tmp_path / "none.sqlite"
    for args in (["check"], ["backup"], ["restore", str(tmp_path / "nope.sqlite"), "--yes"]):
        one_line_error(run(missing, *args))
    assert not missing.exists()
    db = tmp_path / "shop.sqlite"
    db.write_bytes(desk_file.read_bytes())
    one_line_error(run(db, "backup", "--to", str(tmp_path / "no-such-dir")))
    notes = tmp_path / "notes.sqlite"
    notes.write_text("not a backup")
    assert "cannot be restored" in one_line_error(run(db, "restore", str(notes), "--yes"))
    assert db.read_bytes() == desk_file.read_bytes()


def test_a_damaged_database_from_the_command_line(desk_file, tmp_path):
    db = tmp_path / "shop.sqlite"
    db.write_bytes(desk_file.read_bytes())
    good = json.loads(run(db, "backup", "--json").stdout)["path"]
    damage_index(db)
    line = one_line_error(run(db, "check"))
    assert "damaged" in line and good in line  # names the newest good backup
    assert "damaged" in one_line_error(run(db, "backup"))
    csv = tmp_path / "clients.csv"
    csv.write_text("Name,Phone\nनया ग्राहक,9812345670\n", encoding="utf-8")
    before = db.read_bytes()
    assert "damaged" in one_line_error(run(db, "import", str(csv)))  # no import into a damaged book
    assert db.read_bytes() == before
    assert [b["path"] for b in json.loads(run(db, "backups", "--json").stdout)] == [good]
    assert json.loads(run(db, "check", "--json").stdout)["ok"] is False


def test_an_import_is_preceded_by_a_backup(desk_file, tmp_path):
    db = tmp_path / "shop.sqlite"
    db.write_bytes(desk_file.read_bytes())
    usb = tmp_path / "usb"
    usb.mkdir()
    backups.store_file_settings(db, {"backup_second_folder": str(usb)})
    csv = tmp_path / "clients.csv"
    csv.write_text("Name,Phone\nनया ग्राहक,9812345670\n", encoding="utf-8")
    result = run(db, "import", str(csv), "--json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(run(db, "backups", "--json").stdout)
    assert [(b["reason"], b["clients"], b["verified"]) for b in listed] == [("import", 25, True)]
    assert client_count(db) == 26
    assert [i.clients for i in backups.describe_backups(db, usb)] == [25]  # the second folder too
    assert backups.read_file_settings(db)["backup_second_last_ok"]


def _fill(db: Path, megabytes: int) -> None:
    conn = sqlite3.connect(str(db))
    with conn:
        conn.execute("CREATE TABLE IF NOT EXISTS bench_filler (x BLOB)")
        conn.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
                     "INSERT INTO bench_filler SELECT randomblob(4000) FROM n", (megabytes * 250,))
    conn.close()


@pytest.mark.slow  # ~35 s: ten backups of a 100 MB file, killed
def test_a_backup_killed_at_random_points(desk_file, tmp_path):
    db = tmp_path / "shop.sqlite"
    db.write_bytes(desk_file.read_bytes())
    _fill(db, 100)  # big enough that a kill lands in the copy or the check
    started = time.perf_counter()
    assert run(db, "backups").returncode == 0
    python_start = time.perf_counter() - started  # the kills aim at the copy and its check, after this
    started = time.perf_counter()
    assert run(db, "backup").returncode == 0
    full = time.perf_counter() - started
    rng = random.Random(11)
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    killed = 0
    for _ in range(30):  # the machine's load changes run times: try until ten kills landed
        if killed >= 10:
            break
        process = subprocess.Popen(command(db, "backup"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        time.sleep(rng.uniform(0.5 * python_start, full))
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            killed += 1
        process.wait()
    assert killed >= 3
    print(f"python start {python_start:.2f} s, backup {full:.2f} s, killed {killed}, "
          f"left: {sorted(p.suffix for p in backups.backup_dir_for(db).iterdir())}")
    assert backups.check_database(db, full=True).ok and client_count(db) == 25
    infos = backups.describe_backups(db)
    assert infos and infos[-1].verified  # the first, complete run
    for info in infos:
        if info.verified:
            check = backups.check_database(info.path)
            assert check.ok and check.clients == info.clients == 25, info
    # a later backup still works, and its pruning never counts a half-made copy
    after = run(db, "backup", "--json")
    assert after.returncode == 0 and json.loads(after.stdout)["verified"]
