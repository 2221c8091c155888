"""The client list opens A to Z (Qt's header starts "descending" and enabling sorting applied it),
also after a saved header, and the window's count follows an added client."""

from __future__ import annotations

import functools

from PySide6.QtCore import QByteArray, QSettings, Qt

from clientdesk.clients.fields import ClientData, PhoneEntry
from tests.editor_helpers import open_editor
from ui.clients.list_model import ID_ROLE
from ui.clients.page import ClientsPage
from ui.mainwindow import MainWindow

NAMES = ["Zoya Khan", "Anil Kumar", "मीना देवी", "Meena Devi", "Bala Iyer"]


def fill(desk) -> dict[str, int]:
    return {name: desk.clients.create(ClientData(name=name, phones=[PhoneEntry(f"98000000{i:02d}", True)]))
            for i, name in enumerate(NAMES)}


def shown_names(page) -> list[str]:
    return [page.model.data(page.model.index(row, 0)) for row in range(page.model.rowCount())]


def test_the_first_view_is_a_to_z(qtbot, desk):
    fill(desk)
    page = ClientsPage(desk.clients, desk.path, desk.clock, functools.partial(open_editor, desk))
    qtbot.addWidget(page)
    names = shown_names(page)
    assert names[0] == "Anil Kumar" and names.index("Bala Iyer") < names.index("Zoya Khan")
    assert names == [page.model.data(page.model.index(r, 0)) for r in range(len(NAMES))]
    assert not page.model.descending


def test_a_to_z_also_after_a_saved_descending_header(qtbot, desk, tmp_path):
    fill(desk)
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.IniFormat)
    first = MainWindow(desk, settings)
    qtbot.addWidget(first)
    a_to_z = shown_names(first.pages["clients"])
    first.pages["clients"].table.sortByColumn(0, Qt.DescendingOrder)
    assert shown_names(first.pages["clients"]) == a_to_z[::-1]
    first.close()
    assert isinstance(settings.value("clients/header"), QByteArray)
    second = MainWindow(desk, settings)
    qtbot.addWidget(second)
    assert shown_names(second.pages["clients"]) == a_to_z


def test_the_status_bar_count_follows_an_added_client(qtbot, desk, tmp_path):
    window = MainWindow(desk, QSettings(str(tmp_path / "window.ini"), QSettings.IniFormat))
    qtbot.addWidget(window)
    window.show()
    assert window.status_text.text().startswith("0 client")
    editor = window.pages["clients"].new_client()
    editor.name.setText("Anil Kumar")
    assert editor.save()
    assert window.status_text.text().startswith("1 client")
    counter = window.show_page("counter")
    counter.lookup.edit.setText("91111 22233")
    counter.lookup.find()
    counter.quick_name.setText("Meena Devi")
    counter.save_quick_add()
    assert window.status_text.text().startswith("2 client")
    assert window.pages["clients"].model.data(window.pages["clients"].model.index(0, 0), ID_ROLE) is not None
