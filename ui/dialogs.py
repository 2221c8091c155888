"""Small modal helpers. Every question and message goes through `ask`, `inform` or `show_error` (`warn`),
so tests replace one function (`monkeypatch.setattr(ui.dialogs, "ask", ...)`) instead of
patching QMessageBox. Call them as `dialogs.ask(...)` so the replacement is seen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QMessageBox, QWidget

from clientdesk.errors import ClientDeskError, DuplicateError, NotFoundError, StorageError, ValidationError
from clientdesk.progress import Cancelled

_FIELDS = {
    "name": QT_TRANSLATE_NOOP("Messages", "Name"),
    "phone": QT_TRANSLATE_NOOP("Messages", "Phone"),
    "email": QT_TRANSLATE_NOOP("Messages", "Email"),
    "gstin": QT_TRANSLATE_NOOP("Messages", "GSTIN"),
    "pin": QT_TRANSLATE_NOOP("Messages", "PIN code"),
    "postal_pin": QT_TRANSLATE_NOOP("Messages", "PIN code"),
    "work_pin": QT_TRANSLATE_NOOP("Messages", "Work PIN code"),
    "birth": QT_TRANSLATE_NOOP("Messages", "Birthday"),
    "anniversary": QT_TRANSLATE_NOOP("Messages", "Anniversary"),
    "founded": QT_TRANSLATE_NOOP("Messages", "Founding day"),
    "amount": QT_TRANSLATE_NOOP("Messages", "Amount"),
    "date": QT_TRANSLATE_NOOP("Messages", "Date"),
    "likelihood": QT_TRANSLATE_NOOP("Messages", "Likelihood"),
}

_REASONS = {
    "empty": QT_TRANSLATE_NOOP("Messages", "This is required."),
    "invalid": QT_TRANSLATE_NOOP("Messages", "This is not valid."),
    "length": QT_TRANSLATE_NOOP("Messages", "A GSTIN has 15 characters."),
    "format": QT_TRANSLATE_NOOP("Messages", "This is not in the right format."),
    "state": QT_TRANSLATE_NOOP("Messages", "The first two digits are not a GST state code."),
    "checksum": QT_TRANSLATE_NOOP("Messages", "The last character does not match; check for a typing mistake."),
    "lost_digits": QT_TRANSLATE_NOOP("Messages", "Excel cut this number short; type the full number."),
    "incomplete": QT_TRANSLATE_NOOP("Messages", "Give at least the day and the month."),
    "range": QT_TRANSLATE_NOOP("Messages", "The value is out of range."),
    "negative": QT_TRANSLATE_NOOP("Messages", "The amount cannot be negative."),
    "future": QT_TRANSLATE_NOOP("Messages", "The date is in the future."),
    "duplicate": QT_TRANSLATE_NOOP("Messages", "Already belongs to another client; left out."),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def field_label(field: str) -> str:
    """The translated label of a field code."""
    return _t(_FIELDS[field]) if field in _FIELDS else field


def reason_text(label: str, reason: str, message: str) -> str:
    """A field problem in the UI language: "Phone: This is not valid." with the English detail kept
    in brackets when the UI is not in English (it names the value that was wrong)."""
    source = _REASONS.get(reason)
    if source is None or _t(source) == source:
        return f"{label}: {message}"
    return f"{label}: {_t(source)} ({message})"


def message_for(exc: ClientDeskError) -> str:
    """A translated, plain message for an expected error (English details kept after it)."""
    if isinstance(exc, DuplicateError):
        return QCoreApplication.translate("Messages", "%1 already belongs to %2 (client #%3).").replace("%1", exc.value).replace(
            "%2", exc.other_name).replace("%3", str(exc.other_id))
    if isinstance(exc, ValidationError):
        reason = _REASONS.get(exc.reason)
        text = f"{field_label(exc.field)}: {_t(reason)}" if reason else f"{field_label(exc.field)}: {exc.message}"
        return text if exc.message in text else f"{text}\n{exc.message}"
    if isinstance(exc, Cancelled):
        return QCoreApplication.translate("Messages", "Cancelled; nothing was changed.")
    if isinstance(exc, StorageError) and exc.details.get("reason") == "busy":
        return QCoreApplication.translate(
            "Messages", "The client book is busy: another counter or ClientDesk window is saving a big change (an "
                        "import or its undo) and did not finish in time. Nothing was saved; try again in a moment.")
    if isinstance(exc, StorageError) and exc.details.get("host"):  # the shop's server (ui/server_away.py)
        from ui.server_away import server_message

        text = server_message(exc.details.get("reason"), exc.details["host"])
        if text:
            return text
    if isinstance(exc, StorageError):
        return QCoreApplication.translate("Messages", "The database could not be used.") + "\n" + exc.message
    if isinstance(exc, NotFoundError):
        return QCoreApplication.translate("Messages", "Not found.") + "\n" + exc.message
    return exc.message


def ask(parent: QWidget | None, title: str, text: str,
        buttons=QMessageBox.Yes | QMessageBox.No, default=QMessageBox.No):
    """Ask a question; returns the QMessageBox.StandardButton chosen."""
    return QMessageBox.question(parent, title, text, buttons, default)


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def show_error(parent: QWidget | None, exc: ClientDeskError) -> None:
    """Show an expected error as a plain, translated message. While the shop's server is away its
    banner says so: the one line is shown once, not again at every failed step."""
    if isinstance(exc, StorageError) and exc.details.get("host"):
        from ui.server_away import watch_of

        watch = watch_of(parent)
        if watch is not None and watch.report(exc):
            return
    warn(parent, QCoreApplication.translate("Messages", "ClientDesk"), message_for(exc))


def warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)
