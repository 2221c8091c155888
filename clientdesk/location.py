"""This PC's own choices, kept beside the window settings and never in the client book: where the
client book lives (this PC's file, or the shop's server) and the name of this counter and its
branch, which every bill records.

They belong to the PC, not to the client book: two counters on one server share the book but
each has its own name. Kept as JSON in the config folder (`counter.json`); the server's
password is never in it (clientdesk.postgres.address keeps it in the keyring). The command
line's `--db` overrides the place for one run; without `--db` a command uses this choice too.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from clientdesk.errors import StorageError

log = logging.getLogger(__name__)

FILE_NAME = "counter.json"
MAX_NAME_LENGTH = 60


@dataclass(frozen=True)
class CounterChoices:
    """`server`: the server's URL without its password, or None for this PC's file;
    `branch` and `counter`: this counter's names ("" until the shop gives them)."""

    server: str | None = None
    branch: str = ""
    counter: str = ""

    def with_(self, **changes) -> "CounterChoices":
        return replace(self, **changes)


def load(config_dir: Path) -> CounterChoices:
    """This PC's choices; the defaults when none were saved, or when the file cannot be read
    (logged: the window then starts on this PC's file, as on the first day)."""
    path = Path(config_dir) / FILE_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return CounterChoices()
    except (OSError, ValueError) as exc:
        log.warning("Could not read %s (%s); using this PC's own client book", path, exc)
        return CounterChoices()
    if not isinstance(data, dict):
        return CounterChoices()
    server = data.get("server")
    return CounterChoices(server=server if isinstance(server, str) and server else None,
                          branch=str(data.get("branch") or "")[:MAX_NAME_LENGTH],
                          counter=str(data.get("counter") or "")[:MAX_NAME_LENGTH])


def save(config_dir: Path, choices: CounterChoices) -> None:
    """Write this PC's choices (replacing the file whole: a crash leaves the old or the new one)."""
    from clientdesk.postgres.address import is_server_url, parse_server_url

    if choices.server is not None:
        if not is_server_url(choices.server):
            raise ValueError(f"not a server URL: {choices.server!r}")
        if parse_server_url(choices.server).password:
            raise ValueError("the server's password belongs in the keyring, not in counter.json")
    folder = Path(config_dir)
    path = folder / FILE_NAME
    temporary = folder / f".{FILE_NAME}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps(asdict(choices), ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:
        raise StorageError(f"Could not save this counter's settings in {path}: {exc.strerror or exc}. "
                           "Check that the folder can be written.", reason="config") from exc
