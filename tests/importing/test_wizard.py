"""GUI: the import wizard (change a mapping, preview, run, error report, undo) and the export
entry points, driven through real widgets on a real database."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWizard

from clientdesk.clients.fields import ClientData, PhoneEntry
from clientdesk.clients.listing import ClientFilter
from ui import dialogs
from ui.importing import export as export_ui
from ui.importing.wizard import ImportWizard

SHEET = [
    ["Gupta Saree Centre"],
    ["Party Name", "Sampark Sutra", "City", "DOB"],
    ["Ramesh Kumar", 9876543210, "Indore", "05/06/1990"],
    ["Anita Desai", "9820012345", "Pune", "31/02/1990"],
    ["", "", "", ""],
    ["Vijay", "9.87654E+09", "Bhopal", ""],
]


@pytest.fixture
def messages(monkeypatch):
    shown = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(dialogs, "show_error", lambda parent, exc: shown.append(str(exc)))
    return shown


def _next(qtbot, wizard):
    qtbot.mouseClick(wizard.button(QWizard.NextButton), Qt.LeftButton)


def test_wizard_maps_previews_imports_reports_and_undoes(desk, xlsx, qtbot, qtmodeltester, tmp_path, monkeypatch,
                                                         messages):
    existing = desk.clients.create(ClientData(name="Anita", phones=[PhoneEntry("9820012345")]))
    path = xlsx(SHEET, merge="A1:D1")
    wizard = ImportWizard(desk.imports)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.file_page.path_edit, str(path))
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.mapping_page
    page = wizard.mapping_page
    assert page.mapping() == ["name", None, "city", "birthday"]
    combo = page.combos[1]
    combo.setCurrentIndex(combo.findData("phone"))  # the user picks "Phone" for "Sampark Sutra"
    assert page.mapping() == ["name", "phone", "city", "birthday"]
    _next(qtbot, wizard)
    preview = wizard.preview_page
    assert wizard.currentPage() is preview
    qtmodeltester.check(preview.model)
    statuses = [preview.model.index(r, 1).data(Qt.UserRole) for r in range(preview.model.rowCount())]
    assert statuses == ["new", "update", "blank", "new"]
    assert preview.counts.text() == "4 rows in the file. In the first 4: 2 new, 1 updates, 2 with problems."
    assert desk.clients.count() == 1  # nothing written yet
    wizard.grab().save(str(tmp_path / "preview.png"))

    qtbot.mouseClick(wizard.button(QWizard.CommitButton), Qt.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.result_page, timeout=15000)
    result_page = wizard.result_page
    assert desk.clients.count() == 3
    assert desk.clients.get(desk.clients.find_by_phone("9876543210")).postal_city == "Indore"
    assert desk.clients.get(existing).postal_city == "Pune"
    assert "2" in result_page.summary.text() and result_page.problems.count() == 2

    report = tmp_path / "problems.xlsx"
    monkeypatch.setattr(export_ui, "choose_save_path", lambda *args: str(report))
    qtbot.mouseClick(result_page.report_button, Qt.LeftButton)
    rows = list(openpyxl.load_workbook(report).active.iter_rows(values_only=True))
    assert [r[-2] for r in rows[1:]] == [4, 6]

    monkeypatch.setattr(dialogs, "ask", lambda *args, **kw: QMessageBox.Yes)
    qtbot.mouseClick(result_page.undo_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not result_page.undo_button.isEnabled(), timeout=15000)
    assert desk.clients.count() == 1 and desk.clients.get(existing).postal_city == ""
    assert "Removed 2 clients" in messages[-1]

    wizard2 = ImportWizard(desk.imports)  # the corrected mapping was remembered for these headers
    qtbot.addWidget(wizard2)
    wizard2.show()
    qtbot.keyClicks(wizard2.file_page.path_edit, str(path))
    _next(qtbot, wizard2)
    assert wizard2.mapping_page.mapping() == ["name", "phone", "city", "birthday"]


def test_wizard_refuses_an_unreadable_file(desk, qtbot, tmp_path, messages):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"nope")
    wizard = ImportWizard(desk.imports)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.file_page.path_edit, str(bad))
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.file_page and "bad.xlsx" in messages[-1]


def test_export_entry_points(desk, qtbot, tmp_path, monkeypatch, messages):
    a = desk.clients.create(ClientData(name="Anita Desai", phones=[PhoneEntry("9820012345")]))
    desk.clients.create(ClientData(name="Vijay", phones=[PhoneEntry("9876500002")]))
    target = tmp_path / "selected.xlsx"
    monkeypatch.setattr(export_ui, "choose_save_path", lambda *args: str(target))
    job = export_ui.export_clients(None, desk.exports, ClientFilter(), [a])
    with qtbot.waitSignal(job.finished, timeout=15000):
        pass
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    assert [r[0] for r in rows] == ["Name", "Anita Desai"] and "1" in messages[-1]
    for fn in (export_ui.export_purchases, export_ui.export_interactions):
        job = fn(None, desk.exports)
        with qtbot.waitSignal(job.finished, timeout=15000):
            pass
        assert openpyxl.load_workbook(target).active["A1"].value in ("Date", "Date and time")
    monkeypatch.setattr(export_ui, "choose_save_path", lambda *args: "")
    assert export_ui.export_clients(None, desk.exports, ClientFilter(), []) is None
    assert export_ui.undo_last_import(None, desk.imports) is None and "no import" in messages[-1]
