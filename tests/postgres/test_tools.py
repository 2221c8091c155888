"""PostgreSQL's programs run as children that end with ClientDesk (clientdesk.postgres.tools)."""

from __future__ import annotations

import ctypes
import subprocess
import sys
import textwrap
import time

import psutil
import pytest

# A ClientDesk stand-in: runs a long "pg_restore" (a Python that sleeps) from a worker thread, as
# the window's jobs do, and waits.
RUNNER = textwrap.dedent("""
    import sys, threading
    from pathlib import Path
    from clientdesk.postgres import tools
    tools.find_tool = lambda name: Path(sys.executable)
    worker = threading.Thread(target=tools.run_tool,
                              args=("pg_restore", ["-c", "import time; time.sleep(120)"], {}))
    worker.start()
    worker.join()
""")


@pytest.mark.skipif(not (sys.platform.startswith("linux") or sys.platform == "win32"),
                    reason="children end with ClientDesk on Linux and Windows only")
def test_a_tool_ends_when_clientdesk_is_killed(tmp_path):
    from tests.postgres.test_cli_server import ROOT

    desk = subprocess.Popen([sys.executable, "-c", RUNNER], cwd=ROOT)
    try:
        deadline = time.monotonic() + 30
        children = []
        while not children:
            assert desk.poll() is None and time.monotonic() < deadline, "the tool never started"
            children = psutil.Process(desk.pid).children()
            time.sleep(0.05)
        desk.kill()  # SIGKILL; TerminateProcess on Windows: no clean-up of ours runs
        desk.wait(30)
        _gone, alive = psutil.wait_procs(children, timeout=10)
        assert not alive, "the tool went on without ClientDesk"
    finally:
        if desk.poll() is None:
            desk.kill()


def test_a_tool_that_fails_to_start_is_one_line(monkeypatch, tmp_path):
    from clientdesk.errors import StorageError
    from clientdesk.postgres import tools

    monkeypatch.setattr(tools, "find_tool", lambda name: tmp_path / "no-such-program")
    with pytest.raises(StorageError) as info:
        tools.run_tool("pg_dump", ["--version"], {})
    assert "pg_dump" in info.value.message and "could not be started" in info.value.message
    assert "\n" not in info.value.message


def test_a_tools_output_and_exit_code_come_back(monkeypatch):
    from clientdesk.postgres import tools

    monkeypatch.setattr(tools, "find_tool", lambda name: sys.executable)
    done = tools.run_tool("pg_dump", ["-c", "import sys; print('डंप'); sys.exit('रुका')"], {"PYTHONIOENCODING": "utf-8"})
    assert (done.returncode, done.stdout.strip(), done.stderr.strip()) == (1, "डंप", "रुका")


@pytest.mark.skipif(ctypes.sizeof(ctypes.c_void_p) != 8, reason="the sizes are those of 64-bit Windows")
def test_the_job_limits_have_windows_layout():
    """JOBOBJECT_EXTENDED_LIMIT_INFORMATION is 144 bytes on 64-bit Windows; a wrong field would
    make SetInformationJobObject refuse it (ERROR_BAD_LENGTH) or set the wrong limit."""
    from clientdesk.postgres import tools

    assert ctypes.sizeof(tools.ExtendedLimits) == 144
    assert tools.ExtendedLimits.IoInfo.offset == 64
    assert tools.BasicLimits.LimitFlags.offset == 16
