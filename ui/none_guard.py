"""A guard against a reference-counting bug in the Qt bindings that aborts the program.

PySide6 6.12.0 (shiboken6 6.12.0) gives back `None` from every Qt method that returns nothing
(setText, clear, show, processEvents, …) without taking a reference to it, so each such call takes
one reference from `None`. On Python 3.11, where `None` is an ordinary counted object, a few
thousand calls more than `None` has references (a counter page serving a queue, a bench, a long
day at the shop) bring its count to zero and Python aborts: "Fatal Python error: none_dealloc:
deallocating None", exit code 134, usually at exit while garbage-collecting, sometimes in use.
PySide6 6.11 and Python 3.12+ (where `None` is immortal) are not affected. `True` and `False` are
hit the same way on some path: the loyalty bench (a counter screen serving 200 scans, guarded for
`None`) aborted at exit with "Fatal Python error: bool_dealloc: deallocating True or False".

`protect_none()` gives `None`, `True` and `False` a reserve of references so large no run can use
it up. They are never freed anyway; only their counts change. Called once when the `ui` package is imported, so the
window, the tests and the bench scripts are all covered before they make a Qt call.
"""

from __future__ import annotations

import ctypes
import sys

RESERVE = sys.maxsize >> 2  # far from both ends of Py_ssize_t: no call count reaches it, no increment overflows
PROTECTED = (None, True, False)
_protected = False


def needs_protection(version_info=sys.version_info) -> bool:
    """Only interpreters where None is a counted object (before 3.12's immortal objects)."""
    return tuple(version_info[:2]) < (3, 12)


def protect_none() -> bool:
    """Add the reserve to the reference counts of None, True and False once; True if it was added now."""
    global _protected
    if _protected or not needs_protection() or hasattr(sys, "gettotalrefcount"):  # a debug build lays objects out differently
        return False
    for singleton in PROTECTED:
        refcount = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt is a PyObject's first field
        refcount.value += RESERVE
    _protected = True
    return True
