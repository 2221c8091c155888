"""The one client a command acts on, found by phone number (or id): a number a household shares
names nobody in particular, so the command stops and lists its people instead of picking one."""

from __future__ import annotations

import sys

from clientdesk.errors import NotFoundError, ValidationError
from clientdesk.cli import EXIT_USAGE
from clientdesk.clients.service import SharedPhoneError
from clientdesk.validate import format_phone


def client_for(desk, phone: str | None, client_id: int | None) -> int:
    """The client of `--phone` and/or `--client`: with both, the client must have that number.
    Raises NotFoundError, ValidationError, or SharedPhoneError for a shared number without --client."""
    if client_id is not None:
        if not desk.clients.exists(client_id):
            raise NotFoundError(f"There is no client #{client_id}")
        if phone is not None and client_id not in desk.clients.clients_with_phone(phone):
            raise ValidationError("client", "not_this_phone",
                                  f"client #{client_id} does not have the phone number {phone}")
        return client_id
    found = desk.clients.find_by_phone(phone)  # SharedPhoneError for a household's number
    if found is None:
        raise NotFoundError(f"No client has the phone number {phone}")
    return found


def shared_number(exc: SharedPhoneError) -> int:
    """Say which people share the number (id and name, one line each on stderr); exit code 2."""
    lines = [f"error: {format_phone(exc.number)} is shared by {len(exc.members)} clients; "
             "choose one with --client ID:"]
    lines += [f"  {cid}  {' '.join(name.split())}" for cid, name in exc.members]
    sys.stderr.write("\n".join(lines) + "\n")
    return EXIT_USAGE
