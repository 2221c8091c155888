"""Starting the window: QApplication, fonts, translator, the database (backed up at start) or the
shop's server (waiting for it when it is away), the main window."""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QProcess, QSettings, QThreadPool, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from clientdesk.errors import ClientDeskError
from clientdesk.paths import AppPaths, resource
from ui import excepthook

log = logging.getLogger(__name__)
FONT_FAMILY = "Mukta"


def register_fonts() -> str:
    """Register the bundled Mukta (Latin + Devanagari + ₹) with Qt; returns the family name."""
    family = FONT_FAMILY
    for name in ("Mukta-Regular.ttf", "Mukta-Bold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(resource("fonts", name)))
        if font_id >= 0:
            family = QFontDatabase.applicationFontFamilies(font_id)[0]
    return family


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    """Load resources/i18n/clientdesk_<language>.qm (nothing to load for English)."""
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.English, QLocale.India))
        return None
    translator = QTranslator(app)
    if translator.load(str(resource("i18n", f"clientdesk_{language}.qm"))):
        app.installTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Hindi, QLocale.India))
        return translator
    log.warning("No translation for %s", language)
    return None


def ui_settings_for(paths: AppPaths) -> QSettings:
    """Window layout and UI language, in an ini file under the config folder (never the registry)."""
    paths.ensure()
    return QSettings(str(paths.ui_settings), QSettings.IniFormat)


def make_application(argv: list[str], language: str) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("ClientDesk")
    app.setOrganizationName("ClientDesk")
    family = register_fonts()
    font = QFont(family)
    font.setPointSize(10)
    app.setFont(font)
    install_translator(app, language)
    return app


def upgrade_notice(db_path: Path) -> QProgressDialog | None:
    """A small window saying the client book is being updated, shown while a database written by an
    older version is backed up and migrated (a minute at most); None when there is nothing to do."""
    from clientdesk.desk import Desk

    if not Desk.needs_upgrade(db_path):
        return None
    notice = QProgressDialog(QCoreApplication.translate(
        "Startup", "Updating your client book for this version of ClientDesk.\n"
                   "A copy is kept first. This can take a minute; please wait."), None, 0, 0)
    notice.setWindowTitle("ClientDesk")
    notice.setMinimumDuration(0)
    notice.show()
    QApplication.processEvents()
    return notice


def open_window(paths: AppPaths, db_path: Path | str, log_file: Path | None = None, backup: bool = True,
                welcome: bool = False):
    """Open the database and build the main window; raises ClientDeskError if the database can't be used.

    `db_path` is this PC's file, or the URL of the shop's server (then its password comes from the
    keyring, and the file steps are skipped: a restore chosen before a restart, the upgrade notice
    and the start-up copy belong to a file; the server's backups are pg_dump's).
    With `backup`, the start-up copy of the database is made in the background once the window is up
    (a large file must not delay the first screen). With `welcome`, a new desk (no clients, no shop
    name) first shows the welcome page (ui/welcome/).
    """
    from clientdesk import location
    from clientdesk.desk import Desk
    from clientdesk.postgres.address import is_server_url
    from ui.backups import actions as backup_actions
    from ui.mainwindow import MainWindow
    from ui.welcome.start import after_window, first_start

    server = is_server_url(db_path)
    restored, notice = None, None
    if not server:
        restored = backup_actions.apply_pending_restore(ui_settings_for(paths), db_path)  # chosen before a restart
        notice = upgrade_notice(db_path)
    try:
        desk = Desk.open(db_path, origin=location.load(paths.config_dir))  # this PC's branch and counter names
    finally:
        if notice is not None:
            notice.close()
    try:
        _take_back_interrupted_imports(desk)
        settings = ui_settings_for(paths)
        desk.set_language(str(settings.value("language", "en")))
        choice = first_start(desk, settings) if welcome else None  # a new desk: the welcome page, then the window
        window = MainWindow(desk, settings, log_file)
        window.data_dir = paths.data_dir  # where this PC keeps its backups of the shop's server
    except BaseException:  # the server went away meanwhile, or a bug: the client book is not left open
        desk.close()
        raise
    backup_actions.show_restored(window, restored)
    after_window(window, choice)
    if backup and not server:
        window.start_backup()
    return window


def _take_back_interrupted_imports(desk) -> None:
    """An import a crash stopped halfway is taken back before anyone works on the desk."""
    try:
        taken_back = desk.imports.clean_interrupted()
        if taken_back:
            log.warning("Took back %d import(s) stopped halfway", len(taken_back))
    except ClientDeskError as exc:  # another window may be importing right now: leave it
        log.warning("Could not check for imports stopped halfway: %s", exc)


def client_book_place(paths: AppPaths, db_path: Path | str) -> Path | str:
    """Where the window opens the client book: a server URL given on the command line; else, when
    no other file was given (`db_path` is the default one), the place this PC chose in Settings
    (clientdesk/location.py): the shop's server's URL, or this PC's file."""
    from clientdesk import location
    from clientdesk.postgres.address import is_server_url

    if is_server_url(db_path):
        return str(db_path)
    if Path(db_path) != paths.database:
        return db_path  # --db FILE: this run only
    return location.load(paths.config_dir).server or db_path


def wait_for_server(paths: AppPaths, url: str, error: ClientDeskError, log_file: Path | None, local_file: Path):
    """The shop's server cannot be used at start: the ServerAwayDialog (ui/server_away.py) until it
    can (the window), or this PC's own client book when chosen explicitly, or None (Quit)."""
    from ui.server_away import ServerAwayDialog

    dialog = ServerAwayDialog(url, error, lambda: open_window(paths, url, log_file, welcome=True))
    dialog.exec()
    if dialog.opened is not None:
        return dialog.opened
    if dialog.choice == "local":
        log.warning("The shop's server at %s was away; this PC's own client book %s was chosen", url, local_file)
        return open_window(paths, local_file, log_file, welcome=True)
    return None


def start_window(paths: AppPaths, db_path: Path | str, log_file: Path | None, wait=wait_for_server):
    """The main window on the client book where this PC keeps it (client_book_place). A server that
    cannot be used is never replaced silently by a file: `wait(paths, url, error, log_file,
    local_file)` decides (returns the window, or None to quit). A file's problems raise as before."""
    from clientdesk.postgres.address import is_server_url

    place = client_book_place(paths, db_path)
    if not is_server_url(place):
        return open_window(paths, place, log_file, welcome=True)
    try:
        return open_window(paths, place, log_file, welcome=True)
    except ClientDeskError as exc:
        log.error("Cannot open the client book on %s: %s", place, exc)
        local_file = paths.database if is_server_url(db_path) else Path(db_path)
        return wait(paths, place, exc, log_file, local_file)


# What Qt's X11 platform plugin loads from the Linux system (soname -> Debian/Ubuntu package).
# Without one of them Qt aborts with a message naming the wrong library.
X11_LIBRARIES = {
    "libX11-xcb.so.1": "libx11-xcb1", "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0", "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def _loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_x11_packages(environ=os.environ, platform: str = sys.platform, loads=_loads) -> list[str]:
    """The system packages the window needs and this Linux lacks ([] elsewhere, and when Qt will
    use another platform than X11: Wayland, offscreen)."""
    if not platform.startswith("linux"):
        return []
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen and not chosen.startswith("xcb"):
        return []
    if not chosen and environ.get("WAYLAND_DISPLAY"):
        return []
    return [package for soname, package in X11_LIBRARIES.items() if not loads(soname)]


def no_display(environ=os.environ, platform: str = sys.platform) -> bool:
    """True when Qt would use X11 on Linux but there is no display to open (a server, an SSH
    session, a service): Qt aborts then, exit 134, with a hint about plugins that misleads."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen and not chosen.startswith("xcb"):
        return False  # offscreen, wayland, vnc…: Qt's own business
    if not chosen and environ.get("WAYLAND_DISPLAY"):
        return False
    return not environ.get("DISPLAY")


NO_DISPLAY_MESSAGE = ("ClientDesk cannot open its window: no display is available (DISPLAY is not set). "
                      "Start it on the shop's desktop, or use the command line: python main.py --help")


RESTART_EXIT_CODE = 75  # the window asked to start again (a new language); run_app does it


def restart_command(argv: list[str] | None = None, frozen: bool | None = None) -> tuple[str, list[str]]:
    """The program and arguments that start ClientDesk again the way it was started: the built
    program itself, or this Python with main.py and the same options."""
    argv = sys.argv if argv is None else argv
    if getattr(sys, "frozen", False) if frozen is None else frozen:
        return sys.executable, list(argv[1:])
    return sys.executable, [os.path.abspath(argv[0]), *argv[1:]]


def _restart_when_asked(app: QApplication, window) -> None:
    def restart() -> None:
        window.close()  # saves the layout, as any close does
        app.exit(RESTART_EXIT_CODE)
    window.restart_requested.connect(restart)


def teardown(window) -> None:
    """End the window in order while Python is whole: background work (a backup, an import)
    finished first, then the window and its pages deleted, then the database closed. Nothing of
    Qt's is left for the interpreter's own clean-up at exit."""
    import shiboken6

    QThreadPool.globalInstance().waitForDone(30_000)
    desk = window.desk
    if shiboken6.isValid(window):
        shiboken6.delete(window)
    QCoreApplication.sendPostedEvents(None, 0)  # deliver what the deleted widgets left queued
    desk.close()


def run_app(paths: AppPaths, db_path: Path, log_file: Path | None) -> int:
    """The whole GUI run: returns the exit code."""
    if no_display():  # one line instead of Qt's abort
        log.error(NO_DISPLAY_MESSAGE)
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 2
    missing = missing_x11_packages()
    if missing:  # Qt would abort; no window can say it, so the terminal and the log do
        message = (f"ClientDesk cannot open its window: this Linux lacks system libraries Qt needs. "
                   f"Install them (sudo apt-get install {' '.join(missing)}) and start ClientDesk again.")
        log.error(message)
        print(message, file=sys.stderr)
        return 2
    excepthook.install(log_file)
    settings = ui_settings_for(paths)
    app = make_application(sys.argv, str(settings.value("language", "en")))
    try:
        window = start_window(paths, db_path, log_file)
        if window is None:  # the shop's server was away and Quit was chosen
            return 0
    except ClientDeskError as exc:
        log.error("Cannot open %s: %s", db_path, exc)
        from clientdesk.postgres.address import is_server_url
        from ui.backups.actions import offer_restore_at_start

        if is_server_url(db_path):  # this PC's own book, chosen while the server was away, failed too
            QMessageBox.critical(None, "ClientDesk", str(exc))
            return 2
        try:
            if not offer_restore_at_start(db_path, exc):  # a damaged file: the newest good backup, if any
                raise exc
            window = open_window(paths, db_path, log_file, welcome=True)
        except ClientDeskError as final:
            QMessageBox.critical(None, "ClientDesk", str(final))
            return 2
    _restart_when_asked(app, window)
    window.show()
    code = app.exec()
    teardown(window)
    if code == RESTART_EXIT_CODE:
        program, arguments = restart_command()
        started, _pid = QProcess.startDetached(program, arguments)  # PySide6 gives (ok, pid)
        if not started:
            log.error("Could not start ClientDesk again: %s %s", program, arguments)
        return 0
    return code
