"""PostgreSQL's programs run as children that end with ClientDesk (clientdesk.postgres.tools)."""

from __future__ import annotations

import ctypes
import subprocess
import sys
import textwrap
import time

import psutil
import pytest

# A stand-in for pg_restore: sleeps, and writes the name of the signal that stops it to argv[1]
# (the real one cancels its query on the server there). argv[2] == "stubborn": ignores SIGTERM.
TOOL = textwrap.dedent("""
    import signal, sys, time
    def stop(number, frame):
        open(sys.argv[1], "w").write(signal.Signals(number).name)
        sys.exit(1)
    signal.signal(signal.SIGTERM, signal.SIG_IGN if sys.argv[2:] == ["stubborn"] else stop)
    time.sleep(120)
""")
# A ClientDesk stand-in: runs that tool from a worker thread, as the window's jobs do, and waits.
RUNNER = textwrap.dedent("""
    import sys, threading
    from pathlib import Path
    from clientdesk.postgres import tools
    tools.find_tool = lambda name: Path(sys.executable)
    worker = threading.Thread(target=tools.run_tool, args=("pg_restore", ["-c", sys.argv[1], sys.argv[2]], {}))
    worker.start()
    worker.join()
""")
LINUX_OR_WINDOWS = pytest.mark.skipif(not (sys.platform.startswith("linux") or sys.platform == "win32"),
                                      reason="children end with ClientDesk on Linux and Windows only")


@pytest.fixture
def fake_tool(monkeypatch):
    from clientdesk.postgres import tools

    monkeypatch.setattr(tools, "find_tool", lambda name: sys.executable)
    return tools


@LINUX_OR_WINDOWS
def test_a_tool_ends_when_clientdesk_is_killed(tmp_path):
    """...and on Linux it is asked to stop (SIGTERM), so that pg_restore can cancel its query
    and its server session does not stay queued for a lock in front of the counters."""
    from tests.postgres.test_cli_server import ROOT

    stopped_by = tmp_path / "signal"
    desk = subprocess.Popen([sys.executable, "-c", RUNNER, TOOL, str(stopped_by)], cwd=ROOT)
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
    if sys.platform.startswith("linux"):
        assert stopped_by.read_text() == "SIGTERM"


def test_what_while_running_raises_ends_the_tool_and_goes_on_up(fake_tool, tmp_path):
    from clientdesk.progress import Cancelled

    calls = []

    def cancel_on_the_second_look():
        calls.append(time.monotonic())
        if len(calls) == 2:
            raise Cancelled()

    started = time.monotonic()
    with pytest.raises(Cancelled):
        fake_tool.run_tool("pg_restore", ["-c", TOOL, str(tmp_path / "signal")], {},
                           while_running=cancel_on_the_second_look)
    assert len(calls) == 2 and time.monotonic() - started < 2 * fake_tool.POLL_SECONDS + 3
    if sys.platform != "win32":  # Windows has no SIGTERM: terminate is the kill there
        assert (tmp_path / "signal").read_text() == "SIGTERM"  # asked first, so it could cancel its query


@pytest.mark.skipif(sys.platform == "win32", reason="Windows has no SIGTERM to ignore")
def test_a_tool_that_ignores_being_asked_is_killed_after_the_grace(fake_tool, monkeypatch, tmp_path):
    monkeypatch.setattr(fake_tool, "GRACE_SECONDS", 0.5)
    child = subprocess.Popen([sys.executable, "-c", TOOL, str(tmp_path / "signal"), "stubborn"])
    time.sleep(0.5)  # its handler is in place
    started = time.monotonic()
    fake_tool.end_tool(child)
    assert child.poll() is not None and not (tmp_path / "signal").exists()
    assert 0.4 < time.monotonic() - started < 5


def test_a_tool_past_its_time_limit_is_ended_and_says_so(fake_tool, monkeypatch, tmp_path):
    from clientdesk.errors import StorageError

    monkeypatch.setattr(fake_tool, "TIMEOUT_SECONDS", 1)
    with pytest.raises(StorageError) as info:
        fake_tool.run_tool("pg_dump", ["-c", TOOL, str(tmp_path / "signal")], {})
    assert info.value.details["reason"] == "timeout" and "nothing was changed" in info.value.message
    if sys.platform != "win32":
        assert (tmp_path / "signal").read_text() == "SIGTERM"


def test_a_tool_that_fails_to_start_is_one_line(monkeypatch, tmp_path):
    from clientdesk.errors import StorageError
    from clientdesk.postgres import tools

    monkeypatch.setattr(tools, "find_tool", lambda name: tmp_path / "no-such-program")
    with pytest.raises(StorageError) as info:
        tools.run_tool("pg_dump", ["--version"], {})
    assert "pg_dump" in info.value.message and "could not be started" in info.value.message
    assert "\n" not in info.value.message


def test_a_tools_output_and_exit_code_come_back(fake_tool):
    done = fake_tool.run_tool("pg_dump", ["-c", "import sys; print('डंप'); sys.exit('रुका')"], {"PYTHONIOENCODING": "utf-8"})
    assert (done.returncode, done.stdout.strip(), done.stderr.strip()) == (1, "डंप", "रुका")


@pytest.mark.skipif(ctypes.sizeof(ctypes.c_void_p) != 8, reason="the sizes are those of 64-bit Windows")
def test_the_job_limits_have_windows_layout():
    """JOBOBJECT_EXTENDED_LIMIT_INFORMATION is 144 bytes on 64-bit Windows; a wrong field would
    make SetInformationJobObject refuse it (ERROR_BAD_LENGTH) or set the wrong limit."""
    from clientdesk.postgres import tools

    assert ctypes.sizeof(tools.ExtendedLimits) == 144
    assert tools.ExtendedLimits.IoInfo.offset == 64
    assert tools.BasicLimits.LimitFlags.offset == 16
