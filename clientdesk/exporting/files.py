"""Write an export file whole or not at all."""

from __future__ import annotations

import os
import secrets
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


@contextmanager
def replaced_when_done(path: Path) -> Iterator[Path]:
    """A hidden temporary name next to `path` to write to; it replaces `path` only when the block
    ends without an error (a full disk or a cancel leaves the old file, or none, and no half file).
    The writer should flush and fsync what it wrote before the block ends."""
    partial = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        yield partial
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
