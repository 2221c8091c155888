"""The counter page, shown, active and ready for keys (a scanner types into the active window)."""

import pytest

from ui.counter.page import CounterPage


def shown_counter_page(desk, qtbot, height: int = 700) -> CounterPage:
    """A counter page on `desk`'s services, shown, active and told it is the current page."""
    widget = CounterPage(desk.counter, desk.loyalty, desk.clients, desk.insights, desk.settings, desk.clock)
    qtbot.addWidget(widget)
    widget.resize(1100, height)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    widget.activated()
    return widget


@pytest.fixture
def page(desk, qtbot):
    return shown_counter_page(desk, qtbot)
