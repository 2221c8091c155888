"""Issue 15 in the Greetings and Settings pages: questions with buttons that say what they do (never
Yes / No), Esc changes nothing, and every "saved" / "deleted" appears beside the button pressed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from clientdesk.greetings.service import TemplateData
from ui.greetings.settings_panel import GreetingSettingsPanel


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def on_question(act, seen: list) -> None:
    """When the question box is up: note its buttons (words, which is default, which Esc presses),
    then act(box) as the shopkeeper would."""
    def poll():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            seen.append({"buttons": [b.text() for b in box.buttons()], "default": box.defaultButton().text(),
                         "escape": box.escapeButton().text(), "text": box.text()})
            try:
                act(box)
            finally:
                if box.isVisible():
                    box.reject()
        else:
            QTimer.singleShot(20, poll)
    QTimer.singleShot(0, poll)


def _own_template(editor, shop, name: str) -> int:
    template_id = shop.greetings.save_template(TemplateData(name=name, kind="birthday", body_en="Happy birthday!",
                                                            body_hi="जन्मदिन मुबारक!"))
    editor.refresh(template_id)
    assert editor.current.id == template_id
    return template_id


def _names(shop) -> list[str]:
    return [t.name for t in shop.greetings.templates("birthday")]


def test_deleting_a_template_asks_in_plain_words_and_esc_keeps_it(language, qtbot, page, shop):
    editor = page.templates
    page.tabs.setCurrentWidget(editor)
    _own_template(editor, shop, "Short birthday")
    delete, keep = _tr("TemplatesEditor", "Delete template"), _tr("TemplatesEditor", "Keep it")
    if language == "hi":
        assert (delete, keep) == ("टेम्पलेट हटाएँ", "रहने दें")
    seen = []
    on_question(lambda box: qtbot.keyClick(box, Qt.Key_Escape), seen)
    qtbot.mouseClick(editor.delete_button, Qt.LeftButton)
    assert sorted(seen[0]["buttons"]) == sorted([delete, keep])
    assert seen[0]["default"] == keep and seen[0]["escape"] == keep
    assert "Short birthday" in seen[0]["text"]
    assert not [t for t in seen[0]["buttons"] if t.replace("&", "") in ("Yes", "No", "हाँ", "नहीं")]
    assert "Short birthday" in _names(shop) and editor.saved_label.text() == ""

    on_question(lambda box: qtbot.keyClick(box, Qt.Key_Return), seen)  # Enter is the default: keep
    qtbot.mouseClick(editor.delete_button, Qt.LeftButton)
    assert "Short birthday" in _names(shop)

    on_question(lambda box: next(b for b in box.buttons() if b.text() == delete).click(), seen)
    qtbot.mouseClick(editor.delete_button, Qt.LeftButton)
    assert "Short birthday" not in _names(shop)
    said = _tr("TemplatesEditor", "Template “%1” deleted.").replace("%1", "Short birthday")
    assert editor.saved_label.text() == said and editor.saved_label.isVisible()
    assert editor.saved_label.parentWidget() is editor.delete_button.parentWidget()  # beside the button


def test_a_built_in_template_is_put_back_not_deleted(language, qtbot, page, shop):
    editor = page.templates
    page.tabs.setCurrentWidget(editor)
    builtin = next(i for i in range(editor.list.count()) if editor.list.item(i).data(Qt.UserRole).builtin)
    editor.list.setCurrentRow(builtin)
    name, kind, original = editor.current.name, editor.current.kind, editor.current.body_en
    editor.body_en.setPlainText("Changed by the shop")
    editor.save()
    seen = []
    put_back = _tr("TemplatesEditor", "Put back the original")
    on_question(lambda box: next(b for b in box.buttons() if b.text() == put_back).click(), seen)
    qtbot.mouseClick(editor.delete_button, Qt.LeftButton)
    assert sorted(seen[0]["buttons"]) == sorted([put_back, _tr("TemplatesEditor", "Keep it")])
    (back,) = [t for t in shop.greetings.templates(kind) if t.name == name]
    assert back.builtin and back.body_en == original != "Changed by the shop"
    assert editor.saved_label.text() == _tr("TemplatesEditor", "The original text is back.")


def test_greeting_settings_say_saved_beside_their_button(language, qtbot, shop):
    panel = GreetingSettingsPanel(shop.settings, shop.greetings, shop.clock)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.saved_label.text() == ""
    panel.per_7.setValue(2)
    assert panel.save()
    assert shop.settings.get("greet_cap_7_days") == 2
    assert panel.saved_label.text() == _tr("GreetingSettingsPanel", "Saved.") and panel.saved_label.isVisible()
    (save,) = [b for b in panel.findChildren(QPushButton) if b.text() == _tr("GreetingSettingsPanel",
                                                                               "Save greeting settings")]
    label, button = panel.saved_label.geometry(), save.geometry()
    assert label.right() <= button.left() and label.top() < button.bottom() and button.top() < label.bottom()
    panel.load()  # shown again later: no stale "Saved."
    assert panel.saved_label.text() == ""
