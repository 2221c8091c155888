"""The Insights page: the six tabs (ui/insights/*_tab.py: dashboard, segments, client value, bought
together, up-sell, win-back), the refresh that recomputes the figures in the background (F5), and the
wiring of the tabs' signals to the window. Figures come from the insights service."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QTabWidget, QVBoxLayout, QWidget

from clientdesk.errors import ClientDeskError
from ui import dialogs
from ui.branch_choice import BranchCombo
from ui.insights.dashboard_tab import DashboardTab
from ui.insights.pairs_tab import PairsTab
from ui.insights.segments_tab import SegmentsTab
from ui.insights.upsell_tab import UpsellTab
from ui.insights.value_tab import ValueTab
from ui.insights.winback_tab import WinbackTab
from ui.jobs import run_job


class InsightsPage(QWidget):
    """Know the clients: dashboard, segments, value, bought together, up-sell and win-back."""

    open_client = Signal(int)
    show_clients = Signal(object)
    compose_greeting = Signal(object)

    def __init__(self, insights, segments, clients, loyalty, exports, clock, parent=None):
        super().__init__(parent)
        self.insights = insights
        self.clock = clock
        self.job = None
        self.refresh_button = QPushButton(self.tr("Refresh insights (F5)"))
        self.status = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(200)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.hide()
        top = QHBoxLayout()
        top.addWidget(self.refresh_button)
        top.addWidget(self.progress)
        top.addWidget(self.cancel_button)
        top.addWidget(self.status, 1)
        # the dashboard of one branch (shown when the bills name two or more)
        self.branch_label = QLabel(self.tr("Branch:"))
        self.branch = BranchCombo()
        self.branch_note = QLabel(self.tr("Client groups, pairs and win-back count every branch."))
        self.branch_note.setStyleSheet("color: gray;")
        for widget in (self.branch_label, self.branch, self.branch_note):
            top.addWidget(widget)
        self.branch.currentIndexChanged.connect(self._branch_chosen)
        self.dashboard = DashboardTab()
        self.segments = SegmentsTab(segments, exports, loyalty, clients)
        self.value = ValueTab()
        self.pairs = PairsTab(insights)
        self.upsell = UpsellTab(insights, clients, loyalty)
        self.winback = WinbackTab(insights, clients)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.dashboard, self.tr("Dashboard"))
        self.tabs.addTab(self.segments, self.tr("Segments"))
        self.tabs.addTab(self.value, self.tr("Client value"))
        self.tabs.addTab(self.pairs, self.tr("Bought together"))
        self.tabs.addTab(self.upsell, self.tr("Up-sell"))
        self.tabs.addTab(self.winback, self.tr("Win-back"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        for tab in (self.dashboard, self.upsell, self.winback):
            tab.open_client.connect(self.open_client)
        for tab in (self.segments, self.winback):
            tab.show_clients.connect(self.show_clients)
            tab.compose_greeting.connect(self.compose_greeting)
        self.value.group_chosen.connect(self._show_group)
        self.refresh_button.clicked.connect(self.start_refresh)
        self.cancel_button.clicked.connect(self._cancel)
        QShortcut(QKeySequence(Qt.Key_F5), self, activated=self.start_refresh)
        self.reload()

    # ----- refresh -------------------------------------------------------------------------------
    def activated(self) -> None:
        """Called when the page is shown: show the stored figures; refresh if none are from today."""
        self.reload()
        run = self._last_run()
        if run is None or run.as_of != self.clock.today():
            self.start_refresh()

    def _last_run(self):
        try:
            return self.insights.last_run()
        except ClientDeskError:
            return None

    def start_refresh(self) -> None:
        """Recompute the insights on a worker thread; the window stays usable."""
        if self.job is not None:
            return
        self.refresh_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.status.setText(self.tr("Refreshing insights…"))
        self.job = run_job(self, lambda progress: self.insights.refresh(progress), on_success=self._refreshed,
                           on_failure=self._refresh_failed, title=self.tr("Refreshing insights"), show_progress=False)
        self.job.signals.progressed.connect(self._on_progress)
        self.job.finished.connect(self._job_done)

    def _on_progress(self, done: int, total: int, _label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _refreshed(self, _summary) -> None:
        self.reload()

    def _refresh_failed(self, exc: ClientDeskError) -> None:
        self.status.setText(dialogs.message_for(exc))

    def _job_done(self, _ok: bool) -> None:
        self.job = None
        self.refresh_button.setEnabled(True)
        self.progress.hide()
        self.cancel_button.hide()

    # ----- showing the figures -------------------------------------------------------------------
    def reload(self) -> None:
        """Show the stored figures in every tab."""
        try:
            self._show_branches()
            board = self.insights.dashboard(branch=self.branch.branch())
            self.dashboard.fill(board)
            self.value.fill(board.rfm)
            self.pairs.fill()
            self.upsell.fill()
            self.winback.fill()
            self.segments.fill()
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return
        run = self._last_run()
        if run is None:
            self.status.setText(self.tr("No insights yet: press Refresh."))
        else:
            self.status.setText(self.tr("Figures as of %1 (took %2 s)").replace("%1", run.at.strftime("%d/%m/%Y %H:%M"))
                                .replace("%2", f"{run.seconds:.1f}"))

    def _show_branches(self) -> None:
        """The branch box lists the branches the bills name; hidden while there are fewer than two."""
        names = self.insights.branches()
        self.branch.set_branches(names)
        for widget in (self.branch_label, self.branch):
            widget.setVisible(len(names) >= 2)
        self.branch_note.setVisible(len(names) >= 2 and self.branch.branch() is not None)

    def _branch_chosen(self, _index: int) -> None:
        """Show the dashboard of the chosen branch (the other tabs are the whole shop's)."""
        self.branch_note.setVisible(self.branch.branch() is not None)
        try:
            self.dashboard.fill(self.insights.dashboard(branch=self.branch.branch()))
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)

    def _show_group(self, group: str) -> None:
        """A group double-clicked on Client value: its query on Segments, its clients as the client list."""
        self.tabs.setCurrentWidget(self.segments)
        self.segments.show_query(f"rfm {group}")
