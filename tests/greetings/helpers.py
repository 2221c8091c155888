"""Building clients (through the real services) and the Greetings page for the greetings tests."""

from __future__ import annotations

from clientdesk.clients.fields import ClientData, ConsentState, PhoneEntry

_counter = [0]


def make_client(desk, name="Ramesh Kumar", language="hi", consents=("whatsapp", "email", "post", "sms"),
                guardian=False, email=None, phone=None, **fields) -> int:
    """A client with a mobile number, an email and consent on the given channels."""
    _counter[0] += 1
    n = _counter[0]
    phone = phone or f"+9198{n:08d}"
    data = ClientData(name=name, language=language, phones=[PhoneEntry(phone, is_primary=True, is_whatsapp=True)],
                      email=email if email is not None else f"client{n}@example.in",
                      consents={c: ConsentState(True, guardian=guardian) for c in consents}, **fields)
    return desk.clients.create(data)


def greetings_page(desk, parent=None):
    """The Greetings page with the services the window hands it (ui/mainwindow.py)."""
    from ui.greetings.page import GreetingsPage

    return GreetingsPage(desk.greetings, desk.clients, desk.segments, desk.settings, desk.clock, parent)
