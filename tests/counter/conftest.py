"""The counter page, shown, active and ready for keys (a scanner types into the active window)."""

import pytest

from ui.counter.page import CounterPage


@pytest.fixture
def page(desk, qtbot):
    widget = CounterPage(desk.counter, desk.loyalty, desk.clients, desk.insights, desk.settings, desk.clock)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    widget.activated()
    return widget
