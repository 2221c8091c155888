"""The program ends cleanly: a bench-like script and the window's own run end with exit code 0 and
no "Fatal Python error" (issue 12: `python bench/loyalty.py` aborted at exit with
"none_dealloc: deallocating None", exit 134).

The cause was PySide6 6.12.0 taking one reference from None per Qt call that returns nothing; on
Python 3.11 a few thousand such calls bring None's count to zero. The scripts below make far more
calls than None has references, in a subprocess, as a bench or a day at the counter would."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CALLS = 60_000  # Qt calls returning nothing: well above None's ~20,000 references at start

BENCH_LIKE = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[1])
    from clientdesk.demo import generate
    from clientdesk.desk import Desk
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from ui.counter.page import CounterPage
    from ui.mainwindow import MainWindow, PAGES

    desk = Desk.open(sys.argv[2])
    generate(desk, 40, seed=3)
    app = QApplication.instance() or QApplication([])
    window = MainWindow(desk, QSettings(sys.argv[3], QSettings.IniFormat))
    window.show()
    for key, _ in PAGES:  # every page built and shown, as the bench and a user would
        window.show_page(key)
        app.processEvents()
    # a second, parentless page, as bench/loyalty.py makes
    counter = CounterPage(desk.counter, desk.loyalty, desk.clients, desk.insights, desk.settings, desk.clock)
    counter.show()
    phones = [p for (p,) in desk.db.execute_sql("SELECT number FROM phone LIMIT 20").fetchall()]
    for i in range(int(sys.argv[4])):
        counter.lookup.edit.setText(phones[i % len(phones)] if i % 500 == 0 else str(i))
        if i % 500 == 0:
            counter.lookup.find()
            app.processEvents()
    print("done", flush=True)
    # no teardown here on purpose: the interpreter's exit tears everything down
""")

WINDOW_RUN = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[1])
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from clientdesk.paths import AppPaths
    from ui.app import make_application, run_app
    from ui.mainwindow import MainWindow

    app = make_application([], "hi")
    calls = int(sys.argv[3])

    def use_then_close():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        window.show_page("counter")
        edit = window.pages["counter"].lookup.edit
        for i in range(calls):
            edit.setText(str(i))
        QApplication.closeAllWindows()

    from clientdesk.desk import Desk

    desk = Desk.open(Path(sys.argv[2]) / "desk.sqlite")  # a shop already set up: no welcome page
    desk.settings.set("shop_name", "Sharma Store")
    desk.close()
    QTimer.singleShot(300, use_then_close)
    code = run_app(AppPaths.under(Path(sys.argv[2])), Path(sys.argv[2]) / "desk.sqlite", None)
    print("exit", code, flush=True)
    sys.exit(code)
""")


def _run(script: str, *args, tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               QT_LOGGING_RULES="qt.text.font.db=false;qt.qpa.fonts=false;qt.qpa.plugin=false")
    path = tmp_path / "script.py"
    path.write_text(script, encoding="utf-8")
    return subprocess.run([sys.executable, str(path), str(ROOT), *map(str, args)], capture_output=True,
                          text=True, timeout=240, env=env, cwd=tmp_path)


def test_a_bench_like_script_exits_cleanly(tmp_path):
    done = _run(BENCH_LIKE, tmp_path / "desk.sqlite", tmp_path / "window.ini", CALLS, tmp_path=tmp_path)
    assert "Fatal Python error" not in done.stderr, done.stderr[-2000:]
    assert done.returncode == 0, done.stderr[-2000:]
    assert "done" in done.stdout.splitlines()


def test_the_window_run_ends_cleanly_after_a_long_use(tmp_path):
    done = _run(WINDOW_RUN, tmp_path, CALLS, tmp_path=tmp_path)
    assert "Fatal Python error" not in done.stderr, done.stderr[-2000:]
    assert done.returncode == 0, done.stderr[-2000:]
    assert "exit 0" in done.stdout.splitlines()


def test_none_keeps_its_references_however_many_qt_calls(qapp):
    """In this very process (the test run itself makes many thousand Qt calls)."""
    from PySide6.QtWidgets import QLabel

    import ui.none_guard as guard

    label = QLabel()
    before = sys.getrefcount(None)
    for i in range(5000):
        label.setText(str(i))
    if guard.needs_protection():
        assert sys.getrefcount(None) > guard.RESERVE // 2
    assert sys.getrefcount(None) > 1000 or not guard.needs_protection()
    assert abs(sys.getrefcount(None) - before) <= 5000 + 100  # the guard only adds, once


def test_true_and_false_have_the_same_reserve(qapp):
    import ui.none_guard as guard

    if not guard.needs_protection():
        pytest.skip("True and False are immortal on this Python")
    assert sys.getrefcount(True) > guard.RESERVE // 2
    assert sys.getrefcount(False) > guard.RESERVE // 2


@pytest.mark.parametrize("version,expected", [((3, 11, 7), True), ((3, 12, 0), False), ((3, 13, 1), False)])
def test_the_guard_is_for_interpreters_without_an_immortal_none(version, expected):
    from ui.none_guard import needs_protection

    assert needs_protection(version) is expected
