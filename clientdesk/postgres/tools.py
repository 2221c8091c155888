"""PostgreSQL's command-line programs (pg_dump, pg_restore) as children of ClientDesk: found on
this PC, given the password in their environment, and ended when ClientDesk ends.

Why they must end with us: a `restore` killed from outside (Task Manager, `kill -9`, a frozen
window closed by force) used to leave its pg_restore running with nobody to tell the outcome to,
holding the client book's table locks while the counters waited. Now each child is tied to this
process:

- Linux: the kernel sends the child SIGTERM when the thread that started it dies
  (`prctl(PR_SET_PDEATHSIG)`; that thread waits on the child, so it lives as long as the work).
  SIGTERM, not SIGKILL: pg_dump and pg_restore answer it by cancelling their query on the server
  before they exit, so their server session ends at once even while it waits for a table lock
  (killed outright, the session stayed queued for the lock, and every counter behind it);
- Windows: the child is put in a job object that ends its processes when its last handle closes
  (`JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE`); only ClientDesk holds that handle, and Windows closes
  it when ClientDesk's process ends, however it ends. That end is abrupt, so the caller also asks
  the server to drop a session whose program is gone (clientdesk.postgres.backup's
  client_connection_check_interval);
- elsewhere (macOS) the child outlives us, as before.

When ClientDesk itself ends the child (Ctrl-C, the window's Cancel, a watch that gives up, the
time limit) it asks it to stop the same way, then kills it after GRACE_SECONDS.
The server then rolls the ended pg_restore's single transaction back: the client book stays as
it was. A dump an ended pg_dump was writing stays a `.partial` file, never taken for a backup.
"""

from __future__ import annotations

import ctypes
import glob
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from clientdesk.errors import StorageError

log = logging.getLogger(__name__)

TIMEOUT_SECONDS = 6 * 3600  # a big client book on a slow PC still finishes; a hung one ends some day
GRACE_SECONDS = 5  # how long a program asked to stop may take to cancel its query before it is killed
POLL_SECONDS = 0.5  # how often a caller's while_running is called
# Where PostgreSQL's programs are installed when they are not on PATH: Debian's packages, then
# Windows' installer (one folder per version, the programs in its bin).
TOOL_ROOTS = ("/usr/lib/postgresql", r"C:\Program Files\PostgreSQL", r"C:\Program Files (x86)\PostgreSQL")


def _version_key(folder: str) -> tuple:
    name = Path(folder).name
    return tuple(int(p) for p in re.findall(r"\d+", name)) or (0,)


def find_tool(name: str) -> Path:
    """pg_dump or pg_restore: on PATH, else the newest Debian or Windows installation's; a
    StorageError saying what to install when there is none."""
    found = shutil.which(name)
    if found:
        return Path(found)
    candidates = []
    for root in TOOL_ROOTS:
        for folder in glob.glob(os.path.join(root, "*")):
            for program in (name, f"{name}.exe"):
                path = Path(folder) / "bin" / program
                if path.is_file():
                    candidates.append((_version_key(folder), path))
    if candidates:
        return max(candidates)[1]
    raise StorageError(f"{name} is not installed on this PC: install PostgreSQL's command-line tools (Linux: "
                       "apt-get install postgresql-client; Windows: the PostgreSQL installer) to back up or restore "
                       "the server's client book.", reason="no_tool", tool=name)


def run_tool(tool: str, args: list[str], env: dict,
             while_running: Callable[[], None] | None = None) -> subprocess.CompletedProcess:
    """Run PostgreSQL's program `tool` with `args` and `env`, tied to this process (see the
    module's docstring); its output as text. `while_running`, when given, is called about every
    POLL_SECONDS while the program works: what it raises (the window's Cancel, a watch that gives
    up) ends the program and goes on up. StorageError when it cannot start or never ends."""
    program = find_tool(tool)
    try:
        child = subprocess.Popen([str(program), *args], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace", env=env,
                                 **_tie_options())
    except OSError as exc:
        raise StorageError(f"{tool} ({program}) could not be started: {exc.strerror or exc}", reason="no_tool") from exc
    deadline = time.monotonic() + TIMEOUT_SECONDS
    with child:
        _tie_after_start(child)
        try:
            while True:
                left = deadline - time.monotonic()
                try:
                    out, err = child.communicate(timeout=max(0.0, min(left, POLL_SECONDS) if while_running else left))
                    break
                except subprocess.TimeoutExpired:  # retrying communicate loses no output
                    if time.monotonic() >= deadline:
                        raise StorageError(f"{tool} did not finish in {TIMEOUT_SECONDS // 3600} hours; nothing was "
                                           "changed.", reason="timeout") from None
                    if while_running is not None:
                        while_running()
        except BaseException:  # Ctrl-C, Cancel, a watch, the time limit: the program ends with us
            end_tool(child)
            raise
    return subprocess.CompletedProcess(child.args, child.returncode, out, err)


def end_tool(child: subprocess.Popen) -> None:
    """Ask a running pg_dump / pg_restore to stop (it cancels its query on the server, so its
    session ends too), and kill it when it has not stopped after GRACE_SECONDS."""
    if child.poll() is not None:
        return
    child.terminate()  # SIGTERM; on Windows TerminateProcess, which is already the kill
    try:
        child.communicate(timeout=GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()


# ----- Linux: the child gets SIGTERM when its starting thread dies --------------------------------
PR_SET_PDEATHSIG = 1
_libc = None


def _tie_options() -> dict:
    """Popen's extra arguments that tie the child to us before it runs a single instruction of its own."""
    global _libc
    if not sys.platform.startswith("linux"):
        return {}
    if _libc is None:  # loaded here, not in the child: between fork and exec only prctl itself runs
        _libc = ctypes.CDLL(None, use_errno=True)
    prctl, parent = _libc.prctl, os.getpid()

    def die_with_parent():
        prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() != parent:  # we died before prctl took hold: nobody would end the child
            os._exit(1)

    return {"preexec_fn": die_with_parent}


# ----- Windows: the child joins a job that ends with ClientDesk -----------------------------------
JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x2000
JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS = 9
_job = None
_job_lock = threading.Lock()


class BasicLimits(ctypes.Structure):  # JOBOBJECT_BASIC_LIMIT_INFORMATION
    _fields_ = [("PerProcessUserTimeLimit", ctypes.c_int64), ("PerJobUserTimeLimit", ctypes.c_int64),
                ("LimitFlags", ctypes.c_uint32), ("MinimumWorkingSetSize", ctypes.c_size_t),
                ("MaximumWorkingSetSize", ctypes.c_size_t), ("ActiveProcessLimit", ctypes.c_uint32),
                ("Affinity", ctypes.c_size_t), ("PriorityClass", ctypes.c_uint32),
                ("SchedulingClass", ctypes.c_uint32)]


class IoCounters(ctypes.Structure):  # IO_COUNTERS
    _fields_ = [(name, ctypes.c_uint64) for name in ("ReadOperationCount", "WriteOperationCount",
                                                     "OtherOperationCount", "ReadTransferCount",
                                                     "WriteTransferCount", "OtherTransferCount")]


class ExtendedLimits(ctypes.Structure):  # JOBOBJECT_EXTENDED_LIMIT_INFORMATION
    _fields_ = [("BasicLimitInformation", BasicLimits), ("IoInfo", IoCounters),
                ("ProcessMemoryLimit", ctypes.c_size_t), ("JobMemoryLimit", ctypes.c_size_t),
                ("PeakProcessMemoryUsed", ctypes.c_size_t), ("PeakJobMemoryUsed", ctypes.c_size_t)]


def _windows_job():
    """ClientDesk's one job object (made once, its handle never closed nor inherited)."""
    global _job
    with _job_lock:
        if _job is None:
            kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
            kernel32.CreateJobObjectW.restype = ctypes.c_void_p
            kernel32.SetInformationJobObject.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p,
                                                         ctypes.c_uint32]
            kernel32.AssignProcessToJobObject.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
            job = kernel32.CreateJobObjectW(None, None)
            if not job:
                raise ctypes.WinError(ctypes.get_last_error())
            limits = ExtendedLimits()
            limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
            if not kernel32.SetInformationJobObject(job, JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS,
                                                    ctypes.byref(limits), ctypes.sizeof(limits)):
                error = ctypes.WinError(ctypes.get_last_error())
                kernel32.CloseHandle(ctypes.c_void_p(job))  # a job without the limit is no use: not kept
                raise error
            _job = (kernel32, job)
        return _job


def _tie_after_start(child: subprocess.Popen) -> None:
    """Windows: put the started child in ClientDesk's job. When Windows refuses (a job of ours
    that forbids it), the child runs untied and the log says so; the work itself goes on.
    Known gap: a ClientDesk killed between the child's start and this call (microseconds) leaves
    that child to run to its own end, untied (as every child did before the job object)."""
    if sys.platform != "win32":
        return
    try:
        kernel32, job = _windows_job()
        if not kernel32.AssignProcessToJobObject(job, int(child._handle)):
            raise ctypes.WinError(ctypes.get_last_error())
    except OSError as exc:
        if child.poll() is not None:  # it had already finished: nothing to tie
            return
        log.warning("%s runs without being tied to ClientDesk (it would outlive a forced close): %s",
                    child.args[0], exc)
