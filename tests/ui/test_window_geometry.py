"""The first window fits the screen: on a 1366×768 or 1280×720 laptop the default 1200×760 plus the
title bar was taller than the screen, and the status bar (where "Saved" shows) fell off."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize

from ui.mainwindow import DEFAULT_SIZE, FRAME, initial_geometry

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("available", [QRect(0, 0, 1366, 768), QRect(0, 0, 1366, 728), QRect(0, 0, 1280, 720),
                                       QRect(0, 0, 1280, 680), QRect(1366, 0, 1280, 690)])
def test_small_screens_open_maximised_within_the_free_area(available):
    rect, maximised = initial_geometry(available)
    assert maximised
    assert available.contains(rect.marginsAdded(FRAME))  # the normal size too, frame and all


@pytest.mark.parametrize("available", [QRect(0, 0, 1920, 1040), QRect(0, 0, 1600, 860), QRect(-1920, 0, 1920, 1080)])
def test_larger_screens_get_the_default_size_centred(available):
    rect, maximised = initial_geometry(available)
    assert not maximised and rect.size() == DEFAULT_SIZE
    assert available.contains(rect.marginsAdded(FRAME))
    assert abs(rect.center().x() - available.center().x()) <= 1


SHOW = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[1])
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from clientdesk.desk import Desk
    from ui.mainwindow import MainWindow, PAGES

    app = QApplication([])
    desk = Desk.open(sys.argv[2])
    window = MainWindow(desk, QSettings(sys.argv[3], QSettings.IniFormat))
    window.show()
    app.processEvents()
    free = window.screen().availableGeometry()
    print(free.width(), free.height(), window.isMaximized(),
          free.contains(window.frameGeometry()), free.contains(window.geometry()),
          window.statusBar().isVisible() and free.contains(window.statusBar().geometry().translated(window.pos())),
          window.minimumSizeHint().width(), window.minimumSizeHint().height(), flush=True)
    window.close()
    desk.close()
""")


@pytest.mark.parametrize("width,height", [(1366, 768), (1280, 720)])
def test_the_real_window_on_a_laptop_screen(tmp_path, width, height):
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    script = tmp_path / "show.py"
    script.write_text(SHOW)
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               QT_LOGGING_RULES="qt.text.font.db=false;qt.qpa.fonts=false")
    done = subprocess.run([sys.executable, str(script), str(ROOT), str(tmp_path / "desk.sqlite"),
                           str(tmp_path / "window.ini")], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    free_w, free_h, maximised, frame_fits, inside_fits, status_fits, min_w, min_h = done.stdout.split()
    assert (int(free_w), int(free_h)) == (width, height)
    assert maximised == "True" and frame_fits == "True" and inside_fits == "True" and status_fits == "True"
    assert QSize(int(min_w), int(min_h)).boundedTo(QSize(width, height)) == QSize(int(min_w), int(min_h))
