"""Greetings by email: SMTP settings, the password in the system keyring (never in the database),
UTF-8 subject and body, one connection for a batch, a result per recipient so failures can be retried."""

from __future__ import annotations

import logging
import os
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from typing import Sequence

from clientdesk.errors import ValidationError
from clientdesk.progress import NO_PROGRESS, Cancelled, Progress

log = logging.getLogger(__name__)

SECURITY = ("starttls", "ssl", "none")
KEYRING_SERVICE = "ClientDesk SMTP"
PASSWORD_ENV = "CLIENTDESK_SMTP_PASSWORD"


@dataclass(frozen=True)
class SmtpSettings:
    host: str = ""
    port: int = 587
    security: str = "starttls"
    user: str = ""
    sender: str = ""  # the From address; the user name when empty
    sender_name: str = ""
    timeout: float = 20.0

    @classmethod
    def from_settings(cls, settings) -> "SmtpSettings":
        """The SMTP settings stored in the shop settings."""
        return cls(settings.get("smtp_host", "") or "", int(settings.get("smtp_port", 587) or 587),
                   settings.get("smtp_security", "starttls") or "starttls", settings.get("smtp_user", "") or "",
                   settings.get("smtp_sender", "") or "", settings.get("shop_name", "") or "")

    def save(self, settings) -> None:
        """Store everything but the password in the shop settings."""
        self.check()
        settings.update({"smtp_host": self.host.strip(), "smtp_port": self.port, "smtp_security": self.security,
                         "smtp_user": self.user.strip(), "smtp_sender": self.sender.strip()})

    @property
    def from_address(self) -> str:
        """The address mail is sent from."""
        return self.sender or self.user

    def check(self) -> None:
        """Raise ValidationError when the settings cannot work."""
        if not self.host.strip():
            raise ValidationError("smtp_host", "empty", "Give the mail server (SMTP host)")
        if not 0 < int(self.port) < 65536:
            raise ValidationError("smtp_port", "range", "The port is a number from 1 to 65535")
        if self.security not in SECURITY:
            raise ValidationError("smtp_security", "invalid", f"Unknown security {self.security}")
        if "@" not in self.from_address:
            raise ValidationError("email", "invalid", "Give the sender's email address")

    @property
    def keyring_user(self) -> str:
        """The name the password is kept under in the keyring."""
        return f"{self.user or self.from_address}@{self.host}"


# ----- the password ----------------------------------------------------------------------------------

def keyring_available() -> bool:
    """True when the system offers a keyring backend that can store secrets."""
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    return not isinstance(backend, fail.Keyring) and getattr(backend, "priority", 1) > 0


def stored_password(smtp: SmtpSettings) -> str | None:
    """The password from the keyring (or the CLIENTDESK_SMTP_PASSWORD variable), None when there is none."""
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if not keyring_available():
        return None
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, smtp.keyring_user)
    except KeyringError as exc:
        log.warning("Keyring read failed: %s", exc)
        return None


def store_password(smtp: SmtpSettings, password: str) -> bool:
    """Keep the password in the keyring; False when there is no keyring (ask each session instead)."""
    if not keyring_available():
        return False
    import keyring
    from keyring.errors import KeyringError

    try:
        if password:
            keyring.set_password(KEYRING_SERVICE, smtp.keyring_user, password)
        else:
            keyring.delete_password(KEYRING_SERVICE, smtp.keyring_user)
    except KeyringError as exc:
        log.warning("Keyring write failed: %s", exc)
        return False
    return True


# ----- sending -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Outgoing:
    client_id: int
    to: str
    subject: str
    body: str


@dataclass(frozen=True)
class SendResult:
    client_id: int
    ok: bool
    error: str = ""


def build_message(smtp: SmtpSettings, item: Outgoing) -> EmailMessage:
    """A UTF-8 email (Hindi subject and body kept intact)."""
    message = EmailMessage()
    message["From"] = formataddr((smtp.sender_name, smtp.from_address)) if smtp.sender_name else smtp.from_address
    message["To"] = item.to
    message["Subject"] = item.subject
    message["Message-ID"] = make_msgid(domain=smtp.from_address.rpartition("@")[2] or None)
    message.set_content(item.body, charset="utf-8")
    return message


def _connect(smtp: SmtpSettings, password: str | None) -> smtplib.SMTP:
    context = ssl.create_default_context()
    if smtp.security == "ssl":
        server: smtplib.SMTP = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=smtp.timeout, context=context)
    else:
        server = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout)
        if smtp.security == "starttls":
            server.starttls(context=context)
    if smtp.user and password:
        server.login(smtp.user, password)
    return server


def send(smtp: SmtpSettings, password: str | None, items: Sequence[Outgoing],
         progress: Progress = NO_PROGRESS) -> list[SendResult]:
    """Send each message; a failure is kept per recipient (the rest still go) so it can be retried.

    Cancelling stops before the next message; those not sent come back as failed ("cancelled").
    """
    smtp.check()
    results: list[SendResult] = []
    server = None
    try:
        for done, item in enumerate(items):
            try:
                progress.update(done, len(items))
            except Cancelled:
                results.extend(SendResult(rest.client_id, False, "cancelled") for rest in items[done:])
                return results
            try:
                if server is None:
                    server = _connect(smtp, password)
                server.send_message(build_message(smtp, item))
                results.append(SendResult(item.client_id, True))
            except smtplib.SMTPRecipientsRefused as exc:
                results.append(SendResult(item.client_id, False, f"refused: {exc.recipients}"))
            except (smtplib.SMTPException, OSError, ssl.SSLError) as exc:
                results.append(SendResult(item.client_id, False, str(exc) or type(exc).__name__))
                if isinstance(exc, (smtplib.SMTPServerDisconnected, OSError, smtplib.SMTPAuthenticationError)):
                    server = _close(server)
    finally:
        _close(server)
    return results


def _close(server):
    if server is not None:
        try:
            server.quit()
        except (smtplib.SMTPException, OSError):
            server.close()
    return None
