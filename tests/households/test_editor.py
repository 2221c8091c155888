"""The client editor: a number that belongs to someone else is refused naming them, with an
explicit "Add as a family member of <name>" choice (and Open / Merge as before)."""

from __future__ import annotations

import os
import shutil

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from clientdesk.clients.fields import ClientData, PhoneEntry
from tests.households.conftest import NUMBER
from ui.clients import household as question
from ui.clients.editor import ClientEditor
from tests.editor_helpers import open_editor


def answer_next_box(choice: str, seen: list, shot: str | None = None) -> None:
    """When the question is up: note its text and buttons, optionally grab it, press `choice`."""
    def check():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, check)
            return
        buttons = {b.property("choice"): b.text() for b in box.buttons()}
        seen.append((box.text(), buttons, box.defaultButton().property("choice")))
        if shot:
            box.grab().save(shot)
        next(b for b in box.buttons() if b.property("choice") == choice).click()
    QTimer.singleShot(0, check)


def new_editor(desk, qtbot, name: str, phone: str, client_id=None) -> ClientEditor:
    editor = open_editor(desk, client_id)
    qtbot.addWidget(editor)
    editor.name.setText(name)
    editor.phones.set_entries([(phone, True, False)])
    return editor


def test_the_family_choice_adds_her_to_the_household(desk, qtbot):
    suresh = desk.clients.create(ClientData(name="Suresh Reddy", phones=[PhoneEntry("9876543210")]))
    editor = new_editor(desk, qtbot, "Meena Devi", "98765 43210")
    seen: list = []
    answer_next_box(question.FAMILY, seen)
    assert editor.save()
    text, buttons, default = seen[0]
    assert text == "98765 43210 already belongs to Suresh Reddy."
    assert buttons[question.FAMILY] == "Add as a family member of Suresh Reddy"
    assert default == question.OPEN  # Enter never joins a household by itself
    meena = editor.client_id
    assert meena != suresh and desk.clients.clients_with_phone(NUMBER) == [suresh, meena]
    assert desk.clients.get(meena).name == "Meena Devi"


def test_cancel_saves_nothing_and_open_shows_the_owner(desk, qtbot):
    suresh = desk.clients.create(ClientData(name="Suresh Reddy", phones=[PhoneEntry("9876543210")]))
    editor = new_editor(desk, qtbot, "Meena Devi", "9876543210")
    seen: list = []
    answer_next_box(question.CANCEL, seen)
    assert not editor.save()
    assert desk.clients.count() == 1 and "Suresh Reddy" in editor.error.text()
    answer_next_box(question.OPEN, seen)
    assert not editor.save()
    assert editor.client_id == suresh and editor.name.text() == "Suresh Reddy"
    assert desk.clients.count() == 1


def test_an_edit_that_takes_a_household_number_asks_too(desk, qtbot, household):
    suresh, meena = household
    ravi = desk.clients.create(ClientData(name="Ravi Reddy", phones=[PhoneEntry("9800000003")]))
    editor = open_editor(desk, ravi)
    qtbot.addWidget(editor)
    editor.phones.set_entries([("9800000003", True, False), ("9876543210", False, False)])
    seen: list = []
    answer_next_box(question.FAMILY, seen)
    assert editor.save()
    assert desk.clients.clients_with_phone(NUMBER) == [suresh, meena, ravi]
    assert "Suresh Reddy" in seen[0][0]  # the oldest of the household is named


def test_the_question_looks_right(desk, qtbot, language, tmp_path):
    desk.clients.create(ClientData(name="Suresh Reddy", phones=[PhoneEntry("9876543210")]))
    editor = new_editor(desk, qtbot, "Meena Devi", "98765 43210")
    shot = str(tmp_path / f"hh-editor-{language}.png")
    seen: list = []
    answer_next_box(question.CANCEL, seen, shot)
    assert not editor.save()
    text, buttons, _ = seen[0]
    if language == "hi":
        assert buttons[question.FAMILY] == "Suresh Reddy के परिवार के सदस्य के रूप में जोड़ें"
        assert "Suresh Reddy" in text and "belongs" not in text
    if os.environ.get("HH_SHOTS"):
        shutil.copy(shot, f"/tmp/hh-editor-{language}.png")
