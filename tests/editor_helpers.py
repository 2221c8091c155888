"""The client editor as the window makes it (ui/mainwindow.py wires its services)."""

from __future__ import annotations


def open_editor(desk, client_id=None, prefill=None, parent=None):
    """A ClientEditor on `desk`'s services."""
    from ui.clients.editor import ClientEditor

    return ClientEditor(clients=desk.clients, history=desk.history, greetings=desk.greetings, insights=desk.insights,
                        loyalty=desk.loyalty, settings=desk.settings, clock=desk.clock, client_id=client_id,
                        prefill=prefill, parent=parent)
