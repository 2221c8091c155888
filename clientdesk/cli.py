"""The command line: `python main.py [--db FILE] COMMAND ...` runs the same services as the window.

Each area adds its commands in a module under clientdesk/commands/ with a `register(subparsers)`
function; a command's handler is `run(desk, args) -> int` set with `set_defaults(run=...)`.
Expected problems print one line on stderr and exit 2; there is never a traceback for bad input.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
from pathlib import Path

from clientdesk.errors import ClientDeskError
from clientdesk.paths import AppPaths

log = logging.getLogger(__name__)

COMMAND_MODULES = [
    "clientdesk.commands.clients",
    "clientdesk.commands.greetings",
    "clientdesk.commands.transfer",
    "clientdesk.commands.loyalty",
    "clientdesk.commands.insights",
    "clientdesk.commands.backup",
    "clientdesk.commands.privacy",
    "clientdesk.commands.settings",
]

# Commands that rewrite many rows: the database is backed up (verified) before they run. A command's
# parser may also set `backs_up=True` itself.
BACKS_UP = ("import", "undo", "undo-import", "merge")

EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2, as for every other bad input
        self.exit(EXIT_USAGE, f"{self.prog}: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="clientdesk", description="ClientDesk: the shop's client desk.")
    parser.add_argument("--db", type=Path, help="database file (default: in the user's data folder)")
    parser.add_argument("--basedir", type=Path, help="keep database, logs and settings under this folder")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    for name in BACKS_UP:
        if name in sub.choices:
            sub.choices[name].set_defaults(backs_up=True)
    return parser


def app_paths(args) -> AppPaths:
    return AppPaths.under(args.basedir) if getattr(args, "basedir", None) else AppPaths.default()


def database_path(args) -> Path:
    return args.db if getattr(args, "db", None) else app_paths(args).database


def emit_json(value) -> None:
    """Print `value` as JSON (UTF-8, Devanagari kept as is)."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def fail(message: str) -> int:
    sys.stderr.write(f"error: {message}\n")
    return EXIT_USAGE


def run_command(args) -> int:
    """Open the database and run the chosen command; expected errors become one stderr line."""
    from clientdesk.desk import Desk

    desk = None
    try:
        if getattr(args, "backs_up", False):
            from clientdesk.commands.backup import backup_before

            backup_before(args, args.command)
        if getattr(args, "needs_db", True):
            desk = Desk.open(database_path(args))
        return args.run(desk, args) or 0
    except ClientDeskError as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return fail("interrupted")
    finally:
        if desk is not None:
            desk.close()


