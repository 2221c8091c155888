"""Withdraw a client's marketing consent in one action (DPDP): the lead's client editor calls
`withdraw_consent(parent, greetings, clients, client_id)` from a button on the client's page."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from clientdesk.errors import ClientDeskError
from ui import dialogs


def _t(text: str) -> str:
    return QCoreApplication.translate("Greetings", text)


def withdraw_consent(parent, greetings, clients, client_id: int) -> bool:
    """Ask once, then withdraw consent on every channel and note it on the client's timeline.

    Returns True when consent was withdrawn.
    """
    name = clients.names([client_id]).get(client_id, "")
    answer = dialogs.ask(parent, QCoreApplication.translate("Greetings", "Withdraw consent"),
                         QCoreApplication.translate("Greetings", "Stop all greetings and offers to %1 on every channel?\n"
                            "Bills and receipts are not affected.").replace("%1", name))
    if answer != QMessageBox.Yes:
        return False
    try:
        greetings.withdraw_consent(client_id, note=QCoreApplication.translate("Greetings", "Withdrawn at the client's request"))
    except ClientDeskError as exc:
        dialogs.show_error(parent, exc)
        return False
    dialogs.inform(parent, QCoreApplication.translate("Greetings", "Withdraw consent"),
                   QCoreApplication.translate("Greetings", "%1 will receive no more greetings. The withdrawal is recorded.").replace("%1", name))
    return True
