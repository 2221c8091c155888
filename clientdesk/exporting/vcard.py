"""vCard 3.0 export of clients, for loading into a phone's contacts (UTF-8, lines folded at 75 octets)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from clientdesk.errors import FileFormatError
from clientdesk.exporting.files import replaced_when_done


def _escape(value: str) -> str:
    return (value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def fold(line: str, limit: int = 75) -> str:
    """Fold a content line at `limit` octets without splitting a UTF-8 character."""
    if len(line) * 4 <= limit or len(line.encode("utf-8")) <= limit:  # most lines: nothing to fold
        return line
    out, current, size = [], [], 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append("".join(current))
            current, size = [" "], 1
        current.append(ch)
        size += n
    out.append("".join(current))
    return "\r\n".join(out)


def _partial_date(day, month, year) -> str:
    if day is None or month is None:
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def card_lines(client: dict) -> list[str]:
    """The content lines of one client's card. `client` has the ClientData field names plus
    `phones` (E.164, primary first) and `tags`."""
    name = client["name"]
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{_escape(name)}", f"N:;{_escape(name)};;;"]
    for index, number in enumerate(client.get("phones", [])):
        lines.append(f"TEL;TYPE=CELL{',PREF' if index == 0 else ''}:{number}")
    if client.get("email"):
        lines.append(f"EMAIL;TYPE=INTERNET:{client['email']}")
    if client.get("business_name"):
        lines.append(f"ORG:{_escape(client['business_name'])}")
    if any(client.get(k) for k in ("postal_line", "postal_city", "postal_state", "postal_pin")):
        parts = ["", "", client.get("postal_line", ""), client.get("postal_city", ""),
                 client.get("postal_state", ""), client.get("postal_pin", ""), "India"]
        lines.append("ADR;TYPE=HOME:" + ";".join(_escape(p or "") for p in parts))
    birthday = _partial_date(client.get("birth_day"), client.get("birth_month"), client.get("birth_year"))
    if birthday:
        lines.append(f"BDAY:{birthday}")
    anniversary = _partial_date(client.get("anniversary_day"), client.get("anniversary_month"),
                                client.get("anniversary_year"))
    if anniversary:
        lines.append(f"X-ANNIVERSARY:{anniversary}")
    if client.get("tags"):
        lines.append("CATEGORIES:" + ",".join(_escape(t) for t in client["tags"]))
    if client.get("notes"):
        lines.append(f"NOTE:{_escape(client['notes'])}")
    lines.append("END:VCARD")
    return lines


def write_vcards(path: Path | str, clients: Iterable[dict]) -> int:
    """Write one card per client; returns how many."""
    path = Path(path)
    count = 0
    try:
        with replaced_when_done(path) as partial, open(partial, "w", encoding="utf-8", newline="") as out:
            for count, client in enumerate(clients, start=1):
                out.write("\r\n".join(fold(line) for line in card_lines(client)) + "\r\n")
            out.flush()
            os.fsync(out.fileno())
    except OSError as exc:
        raise FileFormatError(f"{path.name} could not be written: {exc.strerror or exc}") from exc
    return count
