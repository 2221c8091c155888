"""Long work off the GUI thread: a pure function plus success/failure callbacks, with a
progress dialog and Cancel (the habit of Anki's CollectionOp).

    run_job(parent, lambda progress: importer.run(..., progress=progress),
            on_success=show_summary, title=parent.tr("Importing"))

The function receives a clientdesk.progress.Progress and must never touch widgets. A
ClientDeskError (Cancelled included) goes to `on_failure` or a plain message; any other
exception goes to sys.excepthook like every bug.
"""

from __future__ import annotations

import logging
import sys
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from clientdesk.errors import ClientDeskError
from clientdesk.progress import Cancelled, Progress

log = logging.getLogger(__name__)


class _Signals(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, fn, progress, signals):
        super().__init__()
        self.fn, self.progress, self.signals = fn, progress, signals
        self.setAutoDelete(True)

    def run(self):
        try:
            result = self.fn(self.progress)
        except BaseException as exc:  # handed to the GUI thread, which decides what it is
            outcome, value = self.signals.failed, exc
        else:
            outcome, value = self.signals.succeeded, result
        try:
            outcome.emit(value)
        except RuntimeError:  # the window that asked for the work has closed meanwhile
            log.info("A background job finished after its window closed")


class Job(QObject):
    """One running piece of work. `finished(ok)` fires after the callbacks ran."""

    finished = Signal(bool)

    def __init__(self, parent: QWidget | None, fn: Callable[[Progress], Any], on_success, on_failure,
                 title: str, show_progress: bool):
        super().__init__(parent)
        self.on_success, self.on_failure = on_success, on_failure
        self.result: Any = None
        self.error: BaseException | None = None
        self.signals = _Signals()
        self.progress = Progress(lambda done, total, label: self.signals.progressed.emit(done, total, label))
        self.dialog = None
        if show_progress:
            self.dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
            self.dialog.setWindowTitle(title)
            self.dialog.setWindowModality(Qt.WindowModal)
            self.dialog.setMinimumDuration(400)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
            self.dialog.canceled.connect(self.cancel)
        self.signals.progressed.connect(self._on_progress)
        self.signals.succeeded.connect(self._on_succeeded)
        self.signals.failed.connect(self._on_failed)
        QThreadPool.globalInstance().start(_Runnable(fn, self.progress, self.signals))

    def cancel(self) -> None:
        self.progress.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Cancelling…"))

    def _on_progress(self, done: int, total: int, label: str) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(max(total, 0))
            self.dialog.setValue(min(done, total) if total else 0)
            if label:
                self.dialog.setLabelText(label)

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _on_succeeded(self, result) -> None:
        self._close_dialog()
        self.result = result
        if self.on_success is not None:
            self.on_success(result)
        self.finished.emit(True)

    def _on_failed(self, exc: BaseException) -> None:
        self._close_dialog()
        self.error = exc
        if isinstance(exc, ClientDeskError):
            if self.on_failure is not None:
                self.on_failure(exc)
            elif not isinstance(exc, Cancelled):
                from ui.dialogs import show_error

                show_error(self.parent(), exc)
            self.finished.emit(False)
            return
        self.finished.emit(False)
        sys.excepthook(type(exc), exc, exc.__traceback__)


def run_job(parent: QWidget | None, fn: Callable[[Progress], Any], on_success: Callable[[Any], None] | None = None,
            on_failure: Callable[[ClientDeskError], None] | None = None, title: str = "",
            show_progress: bool = True) -> Job:
    """Run `fn(progress)` on a worker thread; callbacks run on the GUI thread."""
    return Job(parent, fn, on_success, on_failure, title, show_progress)
