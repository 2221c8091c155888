"""Files a command or the window writes whole or not at all: checked before any work, written
under a temporary name beside the target, renamed when complete."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from clientdesk.errors import StorageError, ValidationError


def check_target(path) -> None:
    """Refuse, before anything is done, a path that cannot be written (a missing or read-only
    folder, a folder, a name too long): the file is opened for appending (nothing in it changes)
    and removed again if it was not there before."""
    path = Path(path)
    try:
        if path.is_dir():
            raise ValidationError("out", "folder", f"{path} is a folder; give the name of the file to write")
        if not path.parent.is_dir():
            raise ValidationError("out", "no_folder", f"Could not write {path}: there is no folder {path.parent}")
        existed = path.exists()
        with open(path, "ab"):
            pass
        if not existed:
            path.unlink()
    except OSError as exc:
        raise ValidationError("out", "unwritable", f"Could not write {path}: {exc.strerror or exc}") from exc


@contextlib.contextmanager
def replaced_when_done(path):
    """A temporary file beside `path` to write into; it takes the name `path` only when the block
    ends without an error (and the block did not delete it: nothing to write), and is deleted
    otherwise: no half-written file. Call check_target(path) first to fail before any work."""
    path = Path(path)
    partial = path.with_name(f".clientdesk-{secrets.token_hex(4)}.partial{path.suffix[:10]}")
    try:
        yield partial
        if not partial.exists():
            return
        try:
            os.replace(partial, path)
        except OSError as exc:
            raise StorageError(f"Could not write {path}: {exc.strerror or exc}") from exc
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
