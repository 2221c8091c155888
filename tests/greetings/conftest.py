"""The local SMTP server the email tests send to (aiosmtpd), with a switch to refuse an address."""

import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller

from clientdesk.greetings import mailer
from tests.greetings.helpers import greetings_page


class Inbox:
    def __init__(self):
        self.messages = []
        self.refuse: set[str] = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.original_content or envelope.content,
                                                      policy=email.policy.default))
        return "250 Message accepted"


@pytest.fixture
def smtp_server():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, mailer.SmtpSettings("127.0.0.1", port, "none", "", "dukan@example.in", "शर्मा जनरल स्टोर")
    controller.stop()


@pytest.fixture
def shop(desk):
    """A desk whose shop has a name (greetings are signed with it)."""
    desk.settings.set("shop_name", "Sharma General Store")
    return desk


@pytest.fixture
def page(qtbot, shop):
    """The Greetings page, shown at a laptop's width."""
    widget = greetings_page(shop)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    return widget
