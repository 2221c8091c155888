"""No display (a server, an SSH session): one plain line and exit 2, not Qt's abort (exit 134)
with a hint about plugins."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui.app import no_display

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("environ,platform,expected", [
    ({}, "linux", True),
    ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
    ({"DISPLAY": ":0"}, "linux", False),
    ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
    ({"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}, "linux", True),  # X11 asked for, none there
    ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
    ({"QT_QPA_PLATFORM": "wayland"}, "linux", False),
    ({}, "win32", False),
    ({}, "darwin", False),
])
def test_no_display_is_told_only_when_qt_would_need_x11_and_has_none(environ, platform, expected):
    assert no_display(environ, platform) is expected


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is Linux's")
def test_the_window_without_a_display_says_so_in_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--basedir", str(tmp_path)], capture_output=True,
                          text=True, timeout=120, env=env, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display is available" in lines[0]
    assert "Traceback" not in done.stderr and "Fatal" not in done.stderr
    assert not list(tmp_path.rglob("*.sqlite"))  # nothing opened, nothing written
