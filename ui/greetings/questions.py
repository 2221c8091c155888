"""The Greetings area's questions with buttons that say what they do ("Delete template" / "Keep it",
never Yes / No). A small seam the tests replace, like ui.dialogs.ask."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox


def choose(parent, title: str, text: str, choices: list[tuple[str, str]], default: str) -> str:
    """Ask with buttons that say what they do: `choices` is [(code, words)]; returns the code chosen.
    The last choice is the one Esc (or closing the window) picks: the one that changes nothing."""
    box = QMessageBox(QMessageBox.Question, title, text, QMessageBox.NoButton, parent)
    buttons = {}
    for i, (code, words) in enumerate(choices):
        role = QMessageBox.RejectRole if i == len(choices) - 1 else QMessageBox.AcceptRole
        buttons[box.addButton(words, role)] = code
        if code == default:
            box.setDefaultButton(list(buttons)[-1])
    box.setEscapeButton(list(buttons)[-1])
    box.exec()
    return buttons.get(box.clickedButton(), choices[-1][0])
