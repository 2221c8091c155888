"""The window as a whole: navigation, remembered layout, settings, background jobs, unexpected errors."""

import logging
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from clientdesk.errors import ValidationError
from clientdesk.progress import Cancelled
from ui import excepthook
from ui.jobs import run_job
from ui.mainwindow import PAGES, MainWindow


@pytest.fixture
def ui_settings(tmp_path):
    return QSettings(str(tmp_path / "window.ini"), QSettings.IniFormat)


@pytest.fixture
def window(qtbot, desk, ui_settings):
    win = MainWindow(desk, ui_settings)
    qtbot.addWidget(win)
    win.show()
    return win


def test_every_page_is_built_and_reachable_with_ctrl_number(qtbot, window):
    assert window.nav.count() == len(PAGES)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for number, (key, _) in enumerate(PAGES, start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key_0 + number), Qt.ControlModifier)
        assert window.stack.currentWidget() is window.pages[key]
    assert window.nav.currentRow() == len(PAGES) - 1


def test_window_layout_is_remembered(qtbot, desk, ui_settings):
    first = MainWindow(desk, ui_settings)
    qtbot.addWidget(first)
    first.resize(720, 520)
    first.pages["clients"].table.setColumnWidth(0, 333)
    first.close()
    second = MainWindow(desk, ui_settings)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (720, 520)
    assert second.pages["clients"].table.columnWidth(0) == 333


def test_settings_page_saves_shop_details_and_language(qtbot, window, desk, ui_settings):
    page = window.show_page("settings")
    page.shop_name.setText("Sharma General Store")
    page.lapse_days.setValue(90)
    page.language.setCurrentIndex(page.language.findData("hi"))
    page.save()
    assert desk.settings.get("shop_name") == "Sharma General Store"
    assert desk.settings.get("lapse_days") == 90
    assert ui_settings.value("language") == "hi"
    assert page.language_note.isVisible()


def test_job_runs_off_the_gui_thread_and_reports(qtbot):
    import threading

    seen = {}

    def work(progress):
        seen["thread"] = threading.current_thread() is not threading.main_thread()
        for i in range(3):
            progress.update(i, 3)
        return 42

    results = []
    job = run_job(None, work, on_success=results.append, show_progress=False)
    with qtbot.waitSignal(job.finished, timeout=5000) as blocker:
        pass
    assert blocker.args == [True] and results == [42] and seen["thread"]


def test_job_failure_and_cancel(qtbot):
    failures = []
    job = run_job(None, lambda p: (_ for _ in ()).throw(ValidationError("phone", "invalid", "bad")),
                  on_failure=failures.append, show_progress=False)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert failures[0].field == "phone"

    def slow(progress):
        for i in range(200):
            progress.update(i, 200)
            time.sleep(0.01)
        return "done"

    outcome = []
    job = run_job(None, slow, on_success=outcome.append, on_failure=outcome.append, show_progress=False)
    job.cancel()
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert isinstance(outcome[0], Cancelled)


def test_unexpected_error_is_logged_and_shown_with_log_path(qtbot, tmp_path, monkeypatch):
    log_file = tmp_path / "clientdesk.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    logging.getLogger().addHandler(handler)
    shown = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    excepthook.install(log_file, show=lambda details, path: shown.append((details, path)))
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    assert shown and "boom in a slot" in shown[0][0] and shown[0][1] == log_file
    assert "RuntimeError: boom in a slot" in log_file.read_text(encoding="utf-8")


def test_an_older_client_book_is_updated_behind_a_notice_that_closes_when_the_window_opens(qtbot, tmp_path, clock):
    import sqlite3

    from PySide6.QtWidgets import QApplication, QProgressDialog

    from clientdesk.desk import Desk
    from clientdesk.paths import AppPaths
    from ui.app import open_window, upgrade_notice

    path = tmp_path / "desk.sqlite"
    Desk.open(path, clock=clock).close()
    assert upgrade_notice(path) is None  # up to date: nothing to say
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 5")
    conn.close()
    notice = upgrade_notice(path)
    assert notice.isVisible() and "Updating your client book" in notice.labelText()
    notice.close()
    window = open_window(AppPaths.under(tmp_path / "base"), path, backup=False)
    qtbot.addWidget(window)
    assert not any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    assert window.desk.db.pragma("user_version") > 5
    window.desk.close()


def test_a_linux_without_qt_s_x11_libraries_is_told_which_packages_to_install():
    from ui.app import X11_LIBRARIES, missing_x11_packages

    absent = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    loads = lambda soname: soname not in absent  # noqa: E731  (a system without two of them)
    assert missing_x11_packages({"DISPLAY": ":0"}, "linux", loads) == ["libxcb-icccm4", "libxcb-keysyms1"]
    assert missing_x11_packages({"QT_QPA_PLATFORM": "xcb"}, "linux", loads) == ["libxcb-icccm4", "libxcb-keysyms1"]
    assert missing_x11_packages({"QT_QPA_PLATFORM": "offscreen"}, "linux", loads) == []
    assert missing_x11_packages({"WAYLAND_DISPLAY": "wayland-0"}, "linux", loads) == []
    assert missing_x11_packages({"DISPLAY": ":0"}, "win32", lambda soname: False) == []
    assert missing_x11_packages({}, "linux", lambda soname: True) == []
    assert len(set(X11_LIBRARIES.values())) == len(X11_LIBRARIES)


def test_restart_now_after_a_new_language_closes_the_window_and_starts_again(qtbot, window, ui_settings):
    """Settings offers "Restart now" beside "used from the next start"; the window closes the normal
    way (its layout saved) and run_app starts ClientDesk again with the same arguments."""
    from ui.app import RESTART_EXIT_CODE, _restart_when_asked, restart_command

    class RecordingApp:  # stands in for QApplication.exit, which would end pytest-qt's own loops
        codes: list[int] = []

        def exit(self, code):
            self.codes.append(code)

    app = RecordingApp()
    _restart_when_asked(app, window)
    page = window.show_page("settings")
    assert not page.language_note.isVisible()
    page.language.setCurrentIndex(page.language.findData("hi"))
    page.save()
    assert page.restart_button.isVisible()
    with qtbot.waitSignal(window.restart_requested):
        qtbot.mouseClick(page.restart_button, Qt.LeftButton)
    assert app.codes == [RESTART_EXIT_CODE] and not window.isVisible()
    assert ui_settings.value("window/geometry") is not None
    assert restart_command(["main.py", "--db", "shop.sqlite"], frozen=False) == (
        sys.executable, [str(Path("main.py").resolve()), "--db", "shop.sqlite"])
    assert restart_command(["ClientDesk.exe", "--db", "shop.sqlite"], frozen=True) == (sys.executable, ["--db", "shop.sqlite"])
