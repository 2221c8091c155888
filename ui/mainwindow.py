"""The main window: left navigation, the pages, menu and status bar. The one place that wires pages
to each other (open a client, show a list of clients, send clients to the greeting composer)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QByteArray, QCoreApplication, QMargins, QPoint, QRect, QSettings, QSize, QT_TRANSLATE_NOOP, Qt, QTimer, Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget, QWidget,
)

from clientdesk import __version__
from ui import dialogs
from ui.backups import actions as backup_actions

# key and navigation label of each page, in the order of the navigation (Ctrl+1 … Ctrl+6);
# MainWindow._build_page makes and wires each one by name
PAGES = [
    ("clients", QT_TRANSLATE_NOOP("MainWindow", "Clients")),
    ("counter", QT_TRANSLATE_NOOP("MainWindow", "Counter")),
    ("loyalty", QT_TRANSLATE_NOOP("MainWindow", "Loyalty")),
    ("greetings", QT_TRANSLATE_NOOP("MainWindow", "Greetings")),
    ("insights", QT_TRANSLATE_NOOP("MainWindow", "Insights")),
    ("settings", QT_TRANSLATE_NOOP("MainWindow", "Settings")),
]
KEYS = [key for key, _ in PAGES]

BADGED_PAGES = ("greetings", "loyalty")  # occasions today; cards not yet printed

DEFAULT_SIZE = QSize(1200, 760)
# Room the system's window frame takes around the window's inside (title bar above): a window that
# "fits" without it would still hang below a 768-pixel screen, status bar and all.
FRAME = QMargins(8, 36, 8, 8)


def initial_geometry(available: QRect, wanted: QSize = DEFAULT_SIZE, frame: QMargins = FRAME) -> tuple[QRect, bool]:
    """Where a first-time window goes on a screen whose free area (less task bar) is `available`:
    (the inside rectangle, maximised?). The default size, centred, when it fits with its frame;
    on smaller screens (1366×768, 1280×720 laptops) the window is maximised, and its normal
    rectangle is the free area less the frame."""
    inner = available.marginsRemoved(frame)
    if wanted.width() <= inner.width() and wanted.height() <= inner.height():
        rect = QRect(QPoint(0, 0), wanted)
        rect.moveCenter(inner.center())
        return rect, False
    return inner, True



class MainWindow(QMainWindow):
    """Navigation on the left, one page at a time on the right; Ctrl+1..6 switch pages."""

    restart_requested = Signal()  # from Settings, after a new language: run_app starts the program again

    def __init__(self, desk, ui_settings: QSettings, log_file=None, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.ui_settings = ui_settings
        self.log_file = log_file
        self.setWindowTitle(self.tr("ClientDesk"))
        self.nav = QListWidget()
        self.nav.setFixedWidth(170)
        self.nav.setObjectName("nav")
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}  # built the first time they are shown
        self._labels: dict[str, str] = {}
        for key, label in PAGES:
            self._labels[key] = QCoreApplication.translate("MainWindow", label)
            self.stack.addWidget(QWidget())
            self.nav.addItem(QListWidgetItem(self._labels[key]))
        self.page("clients")
        self.nav.currentRowChanged.connect(self._show_row)
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        from ui.server_away import watch_server

        self.server_watch = watch_server(self)  # on the shop's server: a banner while it is away
        self.status_text = QLabel()
        self.statusBar().addPermanentWidget(self.status_text)
        self._build_menu()
        self._restore_layout()
        self.nav.setCurrentRow(0)
        self.update_status()

    # ----- wiring ----------------------------------------------------------------------
    def page(self, key: str) -> QWidget:
        """The page for `key`, built on first use (so start-up only pays for the client list)."""
        if key not in self.pages:
            row = KEYS.index(key)
            page = self._build_page(key)
            holder = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            self.stack.removeWidget(holder)
            holder.deleteLater()
            self.pages[key] = page
        return self.pages[key]

    def build_badged_pages(self) -> None:
        """Build the pages that show a number on their navigation item, once the window is up."""
        for key in BADGED_PAGES:
            self.page(key)

    def _build_page(self, key: str) -> QWidget:
        """Make the page `key` and wire it to the window: every page and every connection between
        pages is named here (each page module is imported on first use)."""
        if key == "clients":
            from ui.clients.editor import ClientEditor
            from ui.clients.page import ClientsPage

            desk = self.desk
            page = ClientsPage(desk.clients, desk.path, desk.clock,
                               lambda client_id, prefill, parent: ClientEditor(
                                   clients=desk.clients, history=desk.history, greetings=desk.greetings,
                                   insights=desk.insights, loyalty=desk.loyalty, settings=desk.settings,
                                   clock=desk.clock, client_id=client_id, prefill=prefill, parent=parent), self)
            page.open_loyalty.connect(self.open_loyalty)
            page.compose_greeting.connect(self.compose_greeting)
            page.request_cards.connect(lambda ids: self.page("loyalty").print_cards(list(ids)))
            page.clients_changed.connect(self.update_status)
        elif key == "counter":
            from ui.counter.page import CounterPage

            desk = self.desk
            page = CounterPage(desk.counter, desk.loyalty, desk.clients, desk.insights, desk.settings, desk.clock, self)
            page.open_client.connect(self.open_client)
            page.clients_changed.connect(self.update_status)
        elif key == "loyalty":
            from ui.loyalty.page import LoyaltyPage

            desk = self.desk
            page = LoyaltyPage(desk.loyalty, desk.cards, desk.counter, desk.clients, self)
            page.open_client.connect(self.open_client)
            page.badge_changed.connect(lambda n: self.set_badge("loyalty", n))
        elif key == "greetings":
            from ui.greetings.page import GreetingsPage

            desk = self.desk
            page = GreetingsPage(desk.greetings, desk.clients, desk.segments, desk.settings, desk.clock, self)
            page.open_client.connect(self.open_client)
            page.badge_changed.connect(lambda n: self.set_badge("greetings", n))
        elif key == "insights":
            from ui.insights.page import InsightsPage

            desk = self.desk
            page = InsightsPage(desk.insights, desk.segments, desk.clients, desk.loyalty, desk.exports, desk.clock,
                                self)
            page.open_client.connect(self.open_client)
            page.show_clients.connect(self.show_clients)
            page.compose_greeting.connect(self.compose_greeting)
        elif key == "settings":
            from ui.backups.settings_panel import BackupSettingsPanel
            from ui.greetings.settings_panel import GreetingSettingsPanel
            from ui.loyalty.settings_panel import LoyaltySettingsPanel
            from ui.settings.page import SettingsPage
            from ui.settings.server_panel import ServerPanel
            from ui.welcome.start import follow, welcome_again

            desk = self.desk
            panels = [LoyaltySettingsPanel(desk.loyalty), GreetingSettingsPanel(desk.settings, desk.greetings, desk.clock),
                      BackupSettingsPanel(desk.path, desk.settings, desk.clock),
                      ServerPanel(Path(self.ui_settings.fileName()).parent, desk.path)]  # counter.json beside window.ini
            page = SettingsPage(desk.settings, self.ui_settings, panels,
                                lambda parent: welcome_again(desk.settings, desk.set_language, self.ui_settings, parent),
                                self)
            page.restart_requested.connect(self.restart_requested)
            panels[-1].restart_requested.connect(self.restart_requested)
            panels[-1].names_saved.connect(desk.set_origin)
            page.way_in_chosen.connect(lambda choice: follow(self, choice))
        else:
            raise KeyError(key)
        return page

    def set_badge(self, key: str, count: int) -> None:
        row = KEYS.index(key)
        self.nav.item(row).setText(f"{self._labels[key]}  ({count})" if count else self._labels[key])

    def show_page(self, key: str) -> QWidget:
        self.nav.setCurrentRow(KEYS.index(key))
        return self.page(key)

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        page = self.page(KEYS[row])
        self.stack.setCurrentIndex(row)
        page.activated()  # every page: where the keyboard goes when it is shown

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not all(key in self.pages for key in BADGED_PAGES):
            QTimer.singleShot(1500, self.build_badged_pages)

    def open_client(self, client_id: int) -> None:
        self.show_page("clients").edit_client(client_id)

    def open_loyalty(self, client_id: int) -> None:
        """Show a client's loyalty card (from the client editor)."""
        editor = getattr(self.pages["clients"], "editor", None)
        if editor is not None and editor.isVisible():
            editor.reject()
            if editor.isVisible():  # the user chose to stay and keep editing
                return
        self.show_page("loyalty").set_client(client_id)

    def show_clients(self, client_filter) -> None:
        self.show_page("clients").show_filter(client_filter)

    def compose_greeting(self, client_ids) -> None:
        self.show_page("greetings").set_recipients(list(client_ids))

    # ----- menu ------------------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("New client"), lambda: self.show_page("clients").new_client(), QKeySequence.New)
        self._add_transfer_actions(file_menu)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Back up the database now"), self.backup_now)
        self._action(file_menu, self.tr("Restore from backup…"), lambda: backup_actions.restore_from_backup(self))
        self._action(file_menu, self.tr("Move this client book to the shop's server…"), self.move_to_server)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Quit"), self.close, QKeySequence.Quit)
        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for number, (key, label) in enumerate(PAGES, start=1):
            self._action(go_menu, QCoreApplication.translate("MainWindow", label),
                         lambda checked=False, k=key: self.show_page(k), f"Ctrl+{number}")
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("About ClientDesk"), self.about)

    def _add_transfer_actions(self, menu) -> None:
        """Import / export entries of the File menu."""
        from ui.importing import export

        clients = self.pages["clients"]
        menu.addSeparator()
        self._action(menu, self.tr("Import from Excel / contacts…"),
                     lambda: self._run_import(), "Ctrl+I")
        self._action(menu, self.tr("Undo last import…"),
                     lambda: (export.undo_last_import(self, self.desk.imports), clients.refresh()))
        self._action(menu, self.tr("Export clients to Excel…"),
                     lambda: export.export_clients(self, self.desk.exports, clients.current_filter(), clients.selected_ids()),
                     "Ctrl+E")
        self._action(menu, self.tr("Export purchases to Excel…"), lambda: export.export_purchases(self, self.desk.exports))
        self._action(menu, self.tr("Export interactions to Excel…"), lambda: export.export_interactions(self, self.desk.exports))

    def _run_import(self) -> None:
        from ui.importing.wizard import ImportWizard

        wizard = ImportWizard(self.desk.imports, self)
        wizard.exec()
        self.pages["clients"].refresh()
        self.update_status()

    def move_to_server(self):
        from ui.moving.dialog import move_to_server

        return move_to_server(self)

    def backup_now(self):
        return backup_actions.backup_now(self)

    def start_backup(self):
        """The verified start-up backup on a worker thread (ui/backups/actions.py)."""
        return backup_actions.start_backup(self)

    def about(self) -> None:
        dialogs.inform(self, self.tr("About ClientDesk"),
                       self.tr("ClientDesk %1\nThe client desk for your shop.\n\nDatabase: %2\nLog: %3")
                       .replace("%1", __version__).replace("%2", str(self.desk.path)).replace("%3", str(self.log_file)))

    def update_status(self) -> None:
        self.status_text.setText(self.tr("%n client(s)", "", self.desk.clients.count()) + "  ·  " + str(self.desk.path))

    # ----- layout memory ---------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.ui_settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)  # Qt moves a saved window back inside the screen
        else:
            self.fit_to_screen()
        header = self.ui_settings.value("clients/header")
        if isinstance(header, QByteArray) and not header.isEmpty():
            self.pages["clients"].table.horizontalHeader().restoreState(header)
            self.pages["clients"].table.horizontalHeader().setSortIndicator(0, Qt.AscendingOrder)  # A to Z at start

    def fit_to_screen(self) -> None:
        """Open within the screen's free area: the default size centred, or maximised on small screens."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(DEFAULT_SIZE)
            return
        rect, maximised = initial_geometry(screen.availableGeometry())
        self.setGeometry(rect)
        if maximised:
            self.setWindowState(self.windowState() | Qt.WindowMaximized)

    def closeEvent(self, event) -> None:
        self.ui_settings.setValue("window/geometry", self.saveGeometry())
        self.ui_settings.setValue("clients/header", self.pages["clients"].table.horizontalHeader().saveState())
        self.ui_settings.sync()
        super().closeEvent(event)
