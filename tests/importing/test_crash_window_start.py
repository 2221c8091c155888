"""An import killed halfway is taken back when the window next opens the desk, before anyone works on it."""

from __future__ import annotations

import contextlib
import sqlite3
import sys

import pytest

from clientdesk.importing import batches
from clientdesk.models import Client
from clientdesk.paths import AppPaths
from tests.importing.test_crash_import import _IMPORT, REGULARS, ROWS, WRITE_ROWS, _kill, _regulars, _sheet, _spawn

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")


def test_the_window_takes_back_an_import_killed_halfway(tmp_path, qtbot):
    from ui.app import open_window

    path = tmp_path / "desk.sqlite"
    _regulars(path)
    importing = _spawn(_IMPORT, path, _sheet(tmp_path / "clients.csv"))
    blocks = 0
    while blocks < ROWS // WRITE_ROWS // 2 and (line := importing.stdout.readline()):  # halfway, as the crash test
        blocks += line.startswith("block")
    _kill(importing)
    with contextlib.closing(sqlite3.connect(path)) as conn:  # killed halfway: a batch still marked running
        assert conn.execute("SELECT count(*) FROM import_change WHERE action = ?", (batches.RUNNING,)).fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM client").fetchone()[0] < REGULARS + ROWS
    window = open_window(AppPaths.under(tmp_path / "base"), path, backup=False)
    qtbot.addWidget(window)
    try:
        assert batches.running() == {}
        assert Client.select().count() == REGULARS
    finally:
        window.desk.close()
