"""A command stopped by Ctrl-C or SIGTERM (taken as Ctrl-C while it runs): one line, never a
traceback, and nothing half-made left beside the client book (found by a hostile test that
stopped commands at random moments; these stop them at the exact places it found)."""

from __future__ import annotations

import importlib.abc
import json
import sqlite3
import sys

import pytest

from clientdesk import backup
from tests.cli_helpers import run_in_process


class _InterruptedImport(importlib.abc.MetaPathFinder):
    def __init__(self, name):
        self.name = name

    def find_spec(self, fullname, path, target=None):
        if fullname == self.name:
            raise KeyboardInterrupt  # as a SIGTERM while the command's modules load
        return None


def stopped(capsys, *args):
    """run_in_process, failing the test (not stopping pytest) when the interrupt escapes."""
    try:
        return run_in_process(capsys, *args)
    except KeyboardInterrupt:
        pytest.fail("the interrupt escaped the command: the user would see a traceback")


@pytest.fixture
def base(capsys, tmp_path):
    args = ["--basedir", str(tmp_path), "--db", str(tmp_path / "shop.sqlite")]
    assert run_in_process(capsys, *args, "add", "--name", "Asha", "--phone", "9876500001")[0] == 0
    return args


def test_stopped_while_its_modules_load(capsys, monkeypatch, base):
    monkeypatch.delitem(sys.modules, "clientdesk.desk")
    monkeypatch.setattr(sys, "meta_path", [_InterruptedImport("clientdesk.desk"), *sys.meta_path])
    code, _out, err = stopped(capsys, *base, "search", "Asha")
    assert code == 2 and err.startswith("error: interrupted") and err.count("\n") == 1


def test_stopped_while_the_desk_closes(capsys, monkeypatch, base):
    from clientdesk.desk import Desk

    real = Desk.close

    def close(self):
        real(self)
        raise KeyboardInterrupt

    monkeypatch.setattr(Desk, "close", close)
    code, _out, err = stopped(capsys, *base, "search", "Asha")
    assert code == 2 and err.startswith("error: interrupted") and err.count("\n") == 1


def test_an_interrupted_backup_keeps_no_half_made_copy(monkeypatch, tmp_path):
    db = tmp_path / "shop.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()

    def interrupted(path):
        raise KeyboardInterrupt

    monkeypatch.setattr(backup, "check_database", interrupted)
    with pytest.raises(KeyboardInterrupt):
        backup.make_backup(db, "manual", to=tmp_path / "backups")
    assert not list((tmp_path / "backups").iterdir())


def test_an_interrupted_restore_keeps_no_restoring_file(capsys, monkeypatch, tmp_path, base):
    code, out, err = run_in_process(capsys, *base, "backup", "--json")
    assert code == 0, err
    real = backup._fsync

    def fsync(path):
        real(path)
        if str(path).endswith(".restoring"):
            raise KeyboardInterrupt

    monkeypatch.setattr(backup, "_fsync", fsync)
    code, _out, err = stopped(capsys, *base, "restore", json.loads(out)["path"], "--yes")
    assert err.startswith("error: interrupted")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("shop")) == ["shop.sqlite"]
