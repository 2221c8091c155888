"""Progress and cancel for long work (import, export, PDF batches), without Qt.

Long domain functions take `progress: Progress = NO_PROGRESS` and call `progress.update(done, total)`
now and then; `update` raises Cancelled when the user pressed Cancel, so the surrounding
transaction rolls back and nothing half-done stays.
"""

from __future__ import annotations

import threading
from typing import Callable

from clientdesk.errors import ClientDeskError


class Cancelled(ClientDeskError):
    """The user cancelled; whatever was under way has been undone."""

    code = "cancelled"

    def __init__(self):
        super().__init__("Cancelled; nothing was changed.")


class Progress:
    """Reports progress to `callback(done, total, label)` and carries a cancel flag."""

    def __init__(self, callback: Callable[[int, int, str], None] | None = None):
        self._callback = callback
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise Cancelled if cancel() was called (for work that has no count to report)."""
        if self._cancel.is_set():
            raise Cancelled()

    def update(self, done: int, total: int, label: str = "") -> None:
        """Report how far the work is; raises Cancelled if cancel() was called."""
        self.check()
        if self._callback is not None:
            self._callback(done, total, label)


NO_PROGRESS = Progress()
