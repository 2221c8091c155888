"""The client editor's names in the other script: suggested by transliteration, editable, saved."""

from __future__ import annotations

from clientdesk.clients.fields import ClientData, PhoneEntry
from tests.editor_helpers import open_editor


def test_suggest_fills_empty_other_script_names_and_save_keeps_the_correction(desk, qtbot):
    cid = desk.clients.create(ClientData(name="Harpreet Kaur", father_name="Suresh Reddy",
                                         phones=[PhoneEntry("9812345678")]))
    editor = open_editor(desk, cid)
    qtbot.addWidget(editor)
    editor.suggest_other_button.click()
    assert editor.name_other.text() == "हर्प्रीत कौर" and editor.father_name_other.text() == "सुरेश रेड्डी"
    editor.name_other.setText("हरप्रीत कौर")  # the shop corrects the guess
    editor.suggest_other_button.click()  # a second suggestion never overwrites what was typed
    assert editor.name_other.text() == "हरप्रीत कौर"
    assert editor.save()
    saved = desk.clients.get(cid)
    assert (saved.name_other, saved.father_name_other) == ("हरप्रीत कौर", "सुरेश रेड्डी")


def test_other_script_names_load_into_a_new_editor(desk, qtbot):
    cid = desk.clients.create(ClientData(name="रमेश कुमार", name_other="Ramesh Kumar", phones=[PhoneEntry("9812345670")]))
    editor = open_editor(desk, cid)
    qtbot.addWidget(editor)
    assert editor.name_other.text() == "Ramesh Kumar" and editor.father_name_other.text() == ""
