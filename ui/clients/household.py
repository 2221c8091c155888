"""The question when a phone number typed in the editor belongs to someone else: show that
client, merge the two, or add this person as a family member who shares the number (a
household: each keeps their own points). Joining a household is always this explicit choice."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from clientdesk.validate import format_phone

OPEN, MERGE, FAMILY, CANCEL = "open", "merge", "family", "cancel"


def phone_question(parent: QWidget | None, number: str, owner: str, new_client: bool) -> QMessageBox:
    """The box itself (not shown): its buttons carry the choice in their "choice" property."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Question)
    box.setWindowTitle(QCoreApplication.translate("HouseholdQuestion", "This number is taken"))
    shown = format_phone(number) if number.startswith("+") else number
    box.setText(QCoreApplication.translate("HouseholdQuestion", "%1 already belongs to %2.")
                .replace("%1", shown).replace("%2", owner))
    box.setInformativeText(QCoreApplication.translate(
        "HouseholdQuestion", "If this is someone else in the same family who uses this phone, add them as a "
                             "family member: each keeps their own points. If it is the same person, open or merge."))
    family = QCoreApplication.translate("HouseholdQuestion", "Add as a family member of %1").replace("%1", owner)
    show = QCoreApplication.translate("HouseholdQuestion", "Open %1").replace("%1", owner)
    merge = (QCoreApplication.translate("HouseholdQuestion", "Same person: merge into one") if new_client
             else QCoreApplication.translate("HouseholdQuestion", "Same person: merge the two"))
    cancel = QCoreApplication.translate("HouseholdQuestion", "Cancel")
    buttons = [(FAMILY, family, QMessageBox.AcceptRole), (OPEN, show, QMessageBox.ActionRole),
               (MERGE, merge, QMessageBox.ActionRole), (CANCEL, cancel, QMessageBox.RejectRole)]
    for choice, text, role in buttons:
        button = box.addButton(text, role)
        button.setProperty("choice", choice)
        if choice == OPEN:  # Enter shows the client; joining a household is a choice of its own
            box.setDefaultButton(button)
        if choice == CANCEL:
            box.setEscapeButton(button)
    return box


def ask_phone_owner(parent: QWidget | None, number: str, owner: str, new_client: bool) -> str:
    """Ask what to do about a number that belongs to `owner`: OPEN, MERGE, FAMILY or CANCEL."""
    box = phone_question(parent, number, owner, new_client)
    box.exec()
    clicked = box.clickedButton()
    return clicked.property("choice") if clicked is not None else CANCEL
