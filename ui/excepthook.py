"""Unexpected errors (bugs): logged with the traceback and shown in a dialog with copyable details
and the log path, instead of a crash or a traceback on a console nobody sees."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from clientdesk.errors import StorageError

log = logging.getLogger(__name__)


def _t(text: str) -> str:
    return QCoreApplication.translate("ErrorDialog", text)


def show_bug_dialog(details: str, log_file: Path | None) -> None:
    """The dialog for an unexpected error: a plain apology, the log path, and the details."""
    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Critical)
    box.setWindowTitle(QCoreApplication.translate("ErrorDialog", "ClientDesk: unexpected error"))
    box.setText(QCoreApplication.translate("ErrorDialog", "Something went wrong inside ClientDesk. Your saved data is safe.\n"
                   "Please send the details below (or the log file) to whoever supports ClientDesk."))
    if log_file:
        box.setInformativeText(QCoreApplication.translate("ErrorDialog", "Log file: %1").replace("%1", str(log_file)))
    box.setDetailedText(details)
    box.exec()


def install(log_file: Path | None, show=show_bug_dialog) -> None:
    """Install sys.excepthook before the QApplication exists."""

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if issubclass(exc_type, StorageError) and QApplication.instance() is not None:
            # not a bug: the disk or the shop's server failed during a read no page caught (a list
            # filling itself): one plain line, as the pages show it (ui/dialogs.py), no traceback
            log.warning("Storage error outside a page's reach: %s", exc)
            from ui import dialogs

            dialogs.show_error(QApplication.activeWindow(), exc)
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("Unexpected error:\n%s", details)
        if QApplication.instance() is not None:
            show(details, log_file)
        else:
            sys.__excepthook__(exc_type, exc, tb)

    sys.excepthook = hook
