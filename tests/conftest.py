"""Shared fixtures. Tests run headless: QT_QPA_PLATFORM=offscreen is set before Qt loads."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Qt's font database warns about fonts without OpenType tables on minimal Linux images; not ours.
os.environ.setdefault("QT_LOGGING_RULES", "qt.text.font.db=false;qt.qpa.fonts=false")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402

from clientdesk.clock import FixedClock  # noqa: E402
from clientdesk.desk import Desk  # noqa: E402
from tests.postgres.cluster import client_book_template, fresh_server_url, pg_cluster, pg_database, server_url, shared_client_book  # noqa: E402,F401,E501

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def clock():
    """A clock fixed at 22 Nov 2026, 10:00."""
    return FixedClock(dt.datetime(2026, 11, 22, 10, 0))


# The service-level suites run every test that takes `desk` on both engines (issue 14): SQLite's
# file and a client book on the run's PostgreSQL cluster. A suite joins when it passes on both; a
# test about one engine only (a WAL file, FTS5 internals, a file backup) is marked `sqlite_only`.
# Tests with a window (qtbot) stay on SQLite: the pages run the same services.
BOTH_ENGINES = {"loyalty", "greetings", "exporting", "branches", "insights", "core", "households", "importing",
                "counter"}


def pytest_generate_tests(metafunc):
    suite = Path(str(metafunc.definition.fspath)).relative_to(ROOT / "tests").parts[0]
    if ("desk" in metafunc.fixturenames and "qtbot" not in metafunc.fixturenames and suite in BOTH_ENGINES
            and not metafunc.definition.get_closest_marker("sqlite_only")):
        metafunc.parametrize("engine", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def engine(request):
    """The engine of the `desk` fixture: "sqlite" unless the test runs on both (BOTH_ENGINES)."""
    return getattr(request, "param", "sqlite")


@pytest.fixture
def desk_location(engine, tmp_path, request):
    """Where the `desk` fixture's client book is: a SQLite file in tmp_path, or the URL of an empty
    client book on the run's PostgreSQL cluster."""
    if engine == "postgresql":
        return request.getfixturevalue("server_url")
    return tmp_path / "desk.sqlite"


@pytest.fixture
def desk(desk_location, clock):
    """A fresh Desk on a real SQLite file in tmp_path, or on the server (see BOTH_ENGINES)."""
    opened = Desk.open(desk_location, clock=clock)
    yield opened
    # A page's background job (an insights refresh, a backup) must end before the next test points
    # the shared database proxy at another file.
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(60_000)
    opened.close()


@pytest.fixture(autouse=True)
def english_locale_after_each_test():
    """A test that switches the window to Hindi (install_translator sets QLocale's default) must not
    leave the next test's number and date formats in Hindi."""
    yield
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale(QLocale.English, QLocale.India))


@pytest.fixture(autouse=True)
def no_database_left_open():
    """A test closes every client book it opens: one left open would be a second database beside the
    next test's, and the models refuse to guess between two (clientdesk/db.py)."""
    from clientdesk.db import close_database, open_databases

    before = set(map(id, open_databases()))
    yield
    left = [db for db in open_databases() if id(db) not in before]
    for db in left:
        close_database(db)
    assert not left, f"the test left {len(left)} database(s) open: {[getattr(db, 'database', db) for db in left]}"


@pytest.fixture(params=["en", "hi"])
def language(request, qapp):
    """Each test twice: the window's font (Mukta 10 pt) and language set up as ui/app.py's
    make_application does, in English and in Hindi; everything put back after."""
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QFont

    from ui.app import install_translator, register_fonts

    locale, font = QLocale(), qapp.font()
    shop_font = QFont(register_fonts())
    shop_font.setPointSize(10)
    qapp.setFont(shop_font)
    translator = install_translator(qapp, request.param)
    yield request.param
    if translator is not None:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)
    qapp.setFont(font)
