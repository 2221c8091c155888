"""Starting the window: QApplication, fonts, translator, the database (backed up at start), the main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QThreadPool, QTranslator
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


def open_window(paths: AppPaths, db_path: Path, log_file: Path | None = None, backup: bool = True):
    """Open the database and build the main window; raises ClientDeskError if the database can't be used.

    With `backup`, the start-up copy of the database is made in the background once the window is up
    (a large file must not delay the first screen).
    """
    from clientdesk.desk import Desk
    from ui.mainwindow import MainWindow

    notice = upgrade_notice(db_path)
    try:
        desk = Desk.open(db_path)
    finally:
        if notice is not None:
            notice.close()
    settings = ui_settings_for(paths)
    desk.set_language(str(settings.value("language", "en")))
    window = MainWindow(desk, settings, log_file)
    if backup:
        window.start_backup()
    return window


def run_app(paths: AppPaths, db_path: Path, log_file: Path | None) -> int:
    """The whole GUI run: returns the exit code."""
    excepthook.install(log_file)
    settings = ui_settings_for(paths)
    app = make_application(sys.argv, str(settings.value("language", "en")))
    try:
        window = open_window(paths, db_path, log_file)
    except ClientDeskError as exc:
        log.error("Cannot open %s: %s", db_path, exc)
        QMessageBox.critical(None, "ClientDesk", str(exc))
        return 2
    window.show()
    code = app.exec()
    QThreadPool.globalInstance().waitForDone(30_000)  # let background work (a backup, an import) finish
    window.desk.close()
    return code
