"""The clients list searched by a phone fragment or the whole number lists every member of a household."""

from __future__ import annotations

import functools

from clientdesk.clients.fields import ClientData, PhoneEntry
from tests.editor_helpers import open_editor
from ui.clients.list_model import ID_ROLE
from ui.clients.page import ClientsPage


def listed(page) -> set[int]:
    model = page.model
    return {model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())}


def test_the_list_shows_everyone_on_the_number(desk, household, qtbot):
    suresh, meena = household
    other = desk.clients.create(ClientData(name="Priya Singh", phones=[PhoneEntry("9812345678")]))
    page = ClientsPage(desk.clients, desk.path, desk.clock, functools.partial(open_editor, desk))
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    for text in ("43210", "98765 43210", "+91 98765 43210"):
        page.search.clear()
        qtbot.waitUntil(lambda: other in listed(page), timeout=5000)  # everyone again
        qtbot.keyClicks(page.search, text)
        qtbot.waitUntil(lambda: listed(page) == {suresh, meena}, timeout=5000)
