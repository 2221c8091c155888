"""Expected errors: the UI shows them as plain messages, the command line as one line on stderr.

Anything that is not a ClientDeskError is a bug and goes to the excepthook.
"""

from __future__ import annotations


class ClientDeskError(Exception):
    """Base for every error a user can cause or fix."""

    code = "error"

    def __init__(self, message: str, **details):
        super().__init__(message)
        self.message = message
        self.details = details

    def __str__(self) -> str:
        return self.message


class ValidationError(ClientDeskError):
    """Bad input in one field; `field` names it, `reason` is a short code, message is English text."""

    code = "validation"

    def __init__(self, field: str, reason: str, message: str | None = None, **details):
        super().__init__(message or f"{field}: {reason}", **details)
        self.field = field
        self.reason = reason


class DuplicateError(ValidationError):
    """A phone or email already belongs to another client (`other_id`, `other_name`)."""

    code = "duplicate"

    def __init__(self, field: str, value: str, other_id: int, other_name: str):
        super().__init__(
            field,
            "duplicate",
            f"{value} already belongs to client #{other_id} {other_name}",
            value=value,
        )
        self.value = value
        self.other_id = other_id
        self.other_name = other_name


class NotFoundError(ClientDeskError):
    """A record asked for by id, phone or card does not exist."""

    code = "not_found"


class StorageError(ClientDeskError):
    """The database file is locked, full, unreadable, or from a newer ClientDesk."""

    code = "storage"


class FileFormatError(ClientDeskError):
    """A file to import could not be read at all."""

    code = "file_format"


class ConfirmationNeeded(ClientDeskError):
    """The card already had `count` loyalty transactions today (the guard): ask, then retry with
    confirm=True. Not bad input: a question for the cashier."""

    code = "confirm"

    def __init__(self, count: int, limit: int):
        super().__init__(f"This card already has {count} loyalty transactions today "
                         f"(more than {limit} needs confirmation)", count=count)
        self.count = count
        self.limit = limit
