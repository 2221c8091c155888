"""The Greetings page: Coming up (home, with the count of today's occasions on the navigation
badge), the composer, templates and the festival calendar."""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from clientdesk.errors import ClientDeskError

from ui.greetings.coming_up import ComingUpView
from ui.greetings.composer import Composer
from ui.greetings.festivals import FestivalsEditor
from ui.greetings.templates_editor import TemplatesEditor

log = logging.getLogger(__name__)


class GreetingsPage(QWidget):
    badge_changed = Signal(int)
    open_client = Signal(int)

    def __init__(self, greetings, clients, segments, settings, clock, parent=None):
        super().__init__(parent)
        self.greetings = greetings
        self.coming_up = ComingUpView(greetings, clients, self)
        self.composer = Composer(greetings, clients, segments, settings, clock, self)
        self.templates = TemplatesEditor(greetings, clients, clock, self)
        self.festivals = FestivalsEditor(greetings.calendar, clock, self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.coming_up, self.tr("Coming up"))
        self.tabs.addTab(self.composer, self.tr("Compose"))
        self.tabs.addTab(self.templates, self.tr("Templates"))
        self.tabs.addTab(self.festivals, self.tr("Festivals"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.coming_up.greet.connect(self.compose_for)
        self.coming_up.open_client.connect(self.open_client)
        self.coming_up.counts_changed.connect(lambda counts: self.badge_changed.emit(counts["today"]))
        self.composer.open_client.connect(self.open_client)
        self.composer.delivered.connect(self.coming_up.refresh)
        self.templates.saved.connect(self.composer.reload_templates)
        self.tabs.currentChanged.connect(self._tab_changed)
        QTimer.singleShot(0, self, self._initial_badge)  # the window connects badge_changed first

    def activated(self) -> None:
        """Shown by the window: read Coming up again (and update the badge)."""
        self.coming_up.refresh()

    def _initial_badge(self) -> None:
        """At start, before the page is first shown: only the count of today's occasions."""
        try:
            count = self.greetings.coming_up(days=1).counts()["today"]
        except ClientDeskError as exc:  # the page shows the problem when it is opened
            log.warning("Could not count today's occasions: %s", exc)
            return
        self.badge_changed.emit(count)

    def refresh_badge(self) -> int:
        """Count today's occasions and announce it (the window calls this at start)."""
        self.coming_up.refresh()
        return self.coming_up.today_count()

    def set_recipients(self, client_ids) -> None:
        """Open the composer with these clients as recipients (from the client list or a segment)."""
        self.composer.set_recipients(client_ids)
        self.tabs.setCurrentWidget(self.composer)

    def compose_for(self, occasion, on, client_ids) -> None:
        self.composer.set_occasion(occasion, on)
        self.set_recipients(client_ids)

    def _tab_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is self.festivals:
            self.festivals.refresh()
        elif widget is self.templates:
            self.templates.refresh()
