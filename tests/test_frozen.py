"""The PyInstaller one-folder app: built from pyinstaller.spec, then run as a shopkeeper would.

Slow (the build takes a few minutes): `python -m pytest -m slow tests/test_frozen.py`.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
BUILD_TIMEOUT = 20 * 60
RUN_TIMEOUT = 120
START_TIMEOUT = 120  # seconds for the frozen window to open its database on a busy CI machine
KEEPS_RUNNING = 5
IMPORT_BY_NAME = re.compile(r"""\b(?:lazy_import|import_module)\(\s*["']([\w.]+)["']""")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    """Build the app once for this module; yields the dist/ClientDesk folder (removed afterwards: ~400 MB)."""
    work = tmp_path_factory.mktemp("frozen")
    log = work / "pyinstaller.log"
    started = time.monotonic()
    with log.open("w", encoding="utf-8") as out:
        done = subprocess.run(
            [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(work / "dist"),
             "--workpath", str(work / "build"), "pyinstaller.spec"],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, timeout=BUILD_TIMEOUT,
        )
    tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-30:])
    assert done.returncode == 0, f"PyInstaller failed:\n{tail}"
    print(f"\nPyInstaller build: {time.monotonic() - started:.0f} s")
    yield work / "dist" / "ClientDesk"
    shutil.rmtree(work, ignore_errors=True)


def executable(folder: Path) -> Path:
    return folder / ("ClientDesk.exe" if sys.platform == "win32" else "ClientDesk")


def run(folder: Path, *args) -> subprocess.CompletedProcess:
    """Run the frozen command line; stdout/stderr decoded as UTF-8."""
    return subprocess.run([str(executable(folder)), *map(str, args)], capture_output=True,
                          encoding="utf-8", timeout=RUN_TIMEOUT, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))


def bundled_modules(folder: Path) -> set[str]:
    """Names of the Python modules inside the executable's archive."""
    from PyInstaller.archive.readers import CArchiveReader

    return set(CArchiveReader(str(executable(folder))).open_embedded_archive("PYZ.pyz").toc)


def modules_named_as_strings() -> list[str]:
    """Modules the app imports by name at run time: command modules, and every literal given to
    lazy_import() / import_module() in clientdesk/ and ui/ (the window's pages and settings panels are
    plain imports, which PyInstaller follows; they are checked too)."""
    from clientdesk.cli import COMMAND_MODULES

    pages = ["ui.clients.page", "ui.counter.page", "ui.loyalty.page", "ui.greetings.page", "ui.insights.page",
             "ui.settings.page"]
    panels = ["ui.loyalty.settings_panel", "ui.greetings.settings_panel", "ui.backups.settings_panel"]
    names = pages + panels + COMMAND_MODULES
    for path in [*(ROOT / "clientdesk").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]:
        names += IMPORT_BY_NAME.findall(path.read_text(encoding="utf-8"))
    return sorted({name for name in names if importlib.util.find_spec(name) is not None})


def test_bundle_holds_resources_and_modules_imported_by_name(bundle):
    internal = bundle / "_internal"
    source = ROOT / "resources"
    wanted = {p.relative_to(source) for p in source.rglob("*") if p.is_file() and p.suffix not in (".py", ".pyc")}
    bundled = {p.relative_to(internal / "resources") for p in (internal / "resources").rglob("*") if p.is_file()}
    assert {Path("fonts/Mukta-Regular.ttf"), Path("fonts/Mukta-Bold.ttf"), Path("fonts/OFL-Mukta.txt")} <= wanted
    assert wanted == bundled
    assert any(p.suffix == ".qm" for p in bundled), "no compiled translation in the bundle"

    modules = bundled_modules(bundle)
    expected = modules_named_as_strings()
    assert "ui.clients.page" in expected and "clientdesk.commands.clients" in expected
    assert [name for name in expected if name not in modules] == []
    unused = [name for name in modules if name.startswith(("PySide6.QtWebEngine", "PySide6.Qt3D", "PySide6.QtQuick",
                                                           "PySide6.QtMultimedia", "PySide6.QtQml"))]
    assert unused == []


def test_frozen_command_line_adds_and_finds_across_scripts(bundle, tmp_path):
    db = tmp_path / "x.sqlite"
    added = run(bundle, "--db", db, "add", "--name", "रमेश कुमार", "--phone", "98765 43210")
    assert (added.returncode, added.stderr) == (0, ""), added.stderr
    client_id = int(added.stdout.strip())

    found = run(bundle, "--db", db, "search", "ramesh", "--json")
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)
    assert [(h["id"], h["name"], h["phones"]) for h in hits] == [(client_id, "रमेश कुमार", ["+919876543210"])]

    by_phone = run(bundle, "--db", db, "search", "3210", "--json")
    assert [h["id"] for h in json.loads(by_phone.stdout)] == [client_id]


def test_frozen_command_line_reports_bad_input_in_one_line(bundle, tmp_path):
    db = tmp_path / "x.sqlite"
    assert run(bundle, "--db", db, "add", "--name", "Sunita Sharma", "--phone", "9876543210").returncode == 0
    cases = {
        "invalid phone": ["add", "--name", "X", "--phone", "12"],
        "duplicate phone": ["add", "--name", "Y", "--phone", "+91 98765 43210"],
        "unknown id": ["show", "999", "--json"],
        "unknown command": ["frobnicate"],
    }
    for what, args in cases.items():
        done = run(bundle, "--db", db, *args)
        assert done.returncode == 2, what
        assert len(done.stderr.strip().splitlines()) == 1, (what, done.stderr)
        assert "Traceback" not in done.stderr + done.stdout, what
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"this is not a database" * 100)
    done = run(bundle, "--db", broken, "search", "x", "--json")
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert broken.read_bytes() == b"this is not a database" * 100


def test_frozen_cards_pdf_uses_bundled_mukta_font(bundle, tmp_path):
    db = tmp_path / "x.sqlite"
    assert run(bundle, "--db", db, "add", "--name", "सुनीता शर्मा", "--phone", "9876543210").returncode == 0
    pdf = tmp_path / "cards.pdf"
    done = run(bundle, "--db", db, "cards", "--all", pdf)
    assert done.returncode == 0, done.stderr
    reader = PdfReader(pdf)
    fonts = {str(font.get_object()["/BaseFont"]) for page in reader.pages
             for font in page["/Resources"].get_object().get("/Font", {}).values()}
    assert any(name.endswith("+Mukta-Regular") for name in fonts), fonts


def test_frozen_demo_insights_and_festivals(bundle, tmp_path):
    """The heaviest dependency chain (numpy, scipy: the BG/NBD fit) and the festival calendar work."""
    db = tmp_path / "demo.sqlite"
    demo = run(bundle, "--db", db, "demo", "--clients", "200")
    assert demo.returncode == 0, demo.stderr
    done = run(bundle, "--db", db, "insights", "--json")
    assert done.returncode == 0, done.stderr
    model = json.loads(done.stdout)["model"]
    assert model and all(value > 0 for value in model.values()), model

    # Festival names in Hindi come from the `holidays` package's gettext catalogues in the bundle.
    done = run(bundle, "--db", db, "occasions", "--days", "366", "--json")
    assert done.returncode == 0, done.stderr
    occasions = json.loads(done.stdout)["occasions"]
    assert {o["name_hi"] for o in occasions if o["name_en"] == "Holi"} == {"होली"}


def test_frozen_window_starts_offscreen_in_hindi(bundle, tmp_path):
    base = tmp_path / "base"
    database = base / "data" / "clientdesk.sqlite"
    # An existing database, so the window's start-up backup runs; Hindi chosen in the settings file.
    added = run(bundle, "--basedir", base, "add", "--name", "Sunita Sharma", "--phone", "9876543210")
    assert added.returncode == 0, added.stderr
    (base / "config" / "window.ini").write_text("[General]\nlanguage=hi\n", encoding="utf-8")
    backups = base / "data" / "backups"
    assert not backups.exists()

    proc = subprocess.Popen([str(executable(bundle)), "--basedir", str(base)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not (backups.exists() and any(backups.iterdir())):
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the frozen window did not open its database"
            time.sleep(0.5)
        time.sleep(KEEPS_RUNNING)
        assert proc.poll() is None, proc.communicate()
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=30)

    log = (base / "logs" / "clientdesk.log").read_text(encoding="utf-8")
    assert "Backed up" in log
    # No unexpected-error dialog, no missing translation (the Hindi .qm was found in the bundle).
    assert [line for line in log.splitlines() if " WARNING " in line or " ERROR " in line] == [], log
    assert "Traceback" not in log, log
    assert b"Traceback" not in out + err, err.decode("utf-8", "replace")
    with sqlite3.connect(database) as conn:
        assert conn.execute("select count(*) from client").fetchone() == (1,)
