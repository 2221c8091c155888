"""The first start and the demo desk.

`first_start` welcomes a new desk (no clients, no shop name) before the main window is built, so a
language picked there is the language of the whole window; `after_window` marks a demo desk in the
window title and follows the way in that was picked (import, first client, demo desk).

The demo desk is a separate database beside the shop's (clientdesk-demo.sqlite), filled by the
`demo` command and opened by a second ClientDesk started with `--db` on it: the shop's desk is never
opened on it and never receives a demo client.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QProcess, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QLabel, QProgressDialog

from clientdesk.errors import ClientDeskError
from ui import dialogs
from ui.welcome.page import WelcomeDialog

log = logging.getLogger(__name__)

DEMO_FILE = "clientdesk-demo.sqlite"
DEMO_CLIENTS = 300


def is_demo_desk(desk) -> bool:
    return Path(desk.path).name == DEMO_FILE


def demo_path(desk) -> Path:
    """The demo database beside the shop's."""
    return Path(desk.path).with_name(DEMO_FILE)


def needs_welcome(desk) -> bool:
    """A new desk: no client yet and no shop name (and not the demo desk)."""
    if is_demo_desk(desk):
        return False
    try:
        return desk.clients.count() == 0 and not (desk.settings.get("shop_name") or "").strip()
    except ClientDeskError:
        return False


def switch_language(language: str) -> None:
    """Put the program in `language` now (used before the main window exists)."""
    from ui.app import install_translator

    app = QApplication.instance()
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()
    install_translator(app, language)


def fit_to_screen(dialog, width: int = 1100, height: int = 700) -> None:
    screen = dialog.screen() or QApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width, height = min(width, room.width()), min(height, room.height() - 40)
    dialog.resize(width, height)


def first_start(desk, ui_settings) -> str | None:
    """On a new desk, show the welcome page (modal) and return the way in picked, else None."""
    if not needs_welcome(desk):
        return None
    dialog = WelcomeDialog(desk.settings, desk.set_language, ui_settings, live_language=True,
                           switch_language=switch_language)
    fit_to_screen(dialog)
    dialog.exec()
    return dialog.choice


def welcome_again(settings, set_language, ui_settings, parent) -> str | None:
    """The welcome page from Settings (a language picked there is used from the next start); returns
    the way in picked, else None."""
    dialog = WelcomeDialog(settings, set_language, ui_settings, parent=parent)
    fit_to_screen(dialog)
    dialog.exec()
    return dialog.choice


def after_window(window, choice: str | None) -> None:
    """Once the main window exists: mark the demo desk, and follow the way in once the window is up."""
    mark_demo(window)
    if choice:
        QTimer.singleShot(0, lambda: follow(window, choice))


def mark_demo(window) -> None:
    """A demo desk says so in the window title and the status bar."""
    if not is_demo_desk(window.desk):
        return
    window.setWindowTitle(QCoreApplication.translate(
        "Welcome", "DEMO desk: made-up clients, not your shop's — ClientDesk"))
    badge = QLabel(QCoreApplication.translate("Welcome", "DEMO desk"))
    badge.setObjectName("demo-badge")
    badge.setStyleSheet("background: #c62828; color: white; padding: 1px 8px; font-weight: bold;")
    window.statusBar().insertPermanentWidget(0, badge)


def follow(window, choice: str) -> None:
    """Do what the welcome page's button promised, on the main window."""
    if choice == "import":
        from ui.importing.wizard import ImportWizard

        ImportWizard(window.desk.imports, window).exec()
        window.page("clients").refresh()
        window.update_status()
    elif choice == "first_client":
        window.show_page("clients").new_client()
    elif choice == "demo":
        open_demo_desk(window)


# ----- the demo desk ------------------------------------------------------------------------------------
def start_detached(program: str, arguments: list[str]) -> bool:
    """Start another ClientDesk (the seam tests replace)."""
    started, _pid = QProcess.startDetached(program, arguments)
    return bool(started)


def _without_db(arguments: list[str]) -> list[str]:
    """The start-up arguments minus any --db FILE (the demo desk gets its own)."""
    kept, skip = [], False
    for argument in arguments:
        if skip:
            skip = False
        elif argument == "--db":
            skip = True
        elif not argument.startswith("--db="):
            kept.append(argument)
    return kept


def demo_commands(desk, argv: list[str] | None = None, frozen: bool | None = None):
    """(program, arguments that fill the demo desk, arguments that open it)."""
    from ui.app import restart_command

    program, arguments = restart_command(argv, frozen)
    base = _without_db(arguments)
    target = ["--db", str(demo_path(desk))]
    return program, [*base, *target, "demo", "--clients", str(DEMO_CLIENTS)], [*base, *target]


def open_demo_desk(parent, argv: list[str] | None = None) -> QProcess | None:
    """Fill the demo desk the first time (the `demo` command, in the background, with a progress
    window), then open it in a second ClientDesk. Returns the filling process (None: nothing to fill)."""
    desk = parent.desk
    if is_demo_desk(desk):
        dialogs.inform(parent, QCoreApplication.translate("Welcome", "Demo desk"),
                       QCoreApplication.translate("Welcome", "This is already the demo desk."))
        return None
    program, fill, open_it = demo_commands(desk, argv)

    def launch() -> None:
        if not start_detached(program, open_it):
            log.error("Could not start the demo desk: %s %s", program, open_it)
            dialogs.show_error(parent, ClientDeskError(
                QCoreApplication.translate("Welcome", "The demo desk could not be started.")))

    if demo_path(desk).exists():
        launch()
        return None
    process = QProcess(parent)
    progress = QProgressDialog(QCoreApplication.translate("Welcome", "Preparing the demo desk (%1 made-up clients)…")
                               .replace("%1", str(DEMO_CLIENTS)), None, 0, 0, parent)
    progress.setWindowTitle(QCoreApplication.translate("Welcome", "Demo desk"))
    progress.setMinimumDuration(0)
    progress.show()

    def done(code: int, _status) -> None:
        progress.close()
        if code == 0:
            launch()
        else:
            error = bytes(process.readAllStandardError()).decode("utf-8", "replace").strip().splitlines()
            log.error("Filling the demo desk failed (%s): %s", code, error)
            for leftover in (demo_path(desk), Path(f"{demo_path(desk)}-wal"), Path(f"{demo_path(desk)}-shm")):
                try:
                    os.remove(leftover)  # a half-made demo desk would be opened next time
                except OSError:
                    pass
            dialogs.show_error(parent, ClientDeskError(
                QCoreApplication.translate("Welcome", "The demo desk could not be prepared.") + "\n"
                + (error[-1] if error else "")))
        process.deleteLater()

    process.finished.connect(done)
    process.errorOccurred.connect(lambda error: done(-1, None) if error == QProcess.FailedToStart else None)
    process.start(program, fill)
    return process
