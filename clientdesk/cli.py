"""The command line: `python main.py [--db FILE|URL] COMMAND ...` runs the same services as the window.

`--db` names a SQLite file or the shop's PostgreSQL server (`postgresql://user@host/dbname`; the
one rule is clientdesk.postgres.address.is_server_url: a URL is never taken for a file). Without
`--db`, a command uses this PC's saved choice (clientdesk.location), else the file in the user's
data folder. A server that cannot be reached is one line and exit 2, like any bad input.

Each area adds its commands in a module under clientdesk/commands/ with a `register(subparsers)`
function; a command's handler is `run(desk, args) -> int` set with `set_defaults(run=...)`.
Expected problems print one line on stderr and exit 2; there is never a traceback for bad input.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import logging
import os
import signal
import sys
import threading
from pathlib import Path

from clientdesk.errors import ClientDeskError, ValidationError
from clientdesk.outfiles import check_target, replaced_when_done
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
    "clientdesk.commands.moving",
    "clientdesk.commands.server",
]

# Commands that rewrite many rows: the database is backed up (verified) before they run. A command's
# parser may also set `backs_up=True` itself.
BACKS_UP = ("import", "undo", "undo-import", "merge")

EXIT_USAGE = 2
# The largest id SQLite can store (a signed 64-bit integer).
MAX_ID = 2**63 - 1


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2, as for every other bad input
        self.exit(EXIT_USAGE, f"{self.prog}: {message}\n")

    def parse_known_args(self, args=None, namespace=None):
        args = sys.argv[1:] if args is None else list(args)
        for position, arg in enumerate(args, start=1):
            try:
                str(arg).encode("utf-8")
            except UnicodeEncodeError:  # bytes the terminal could not decode (kept as surrogates)
                self.error(f"argument {position} is not valid text (UTF-8)")
        return super().parse_known_args(args, namespace)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="clientdesk", description="ClientDesk: the shop's client desk.")
    parser.add_argument("--db", type=database_arg, metavar="FILE|URL",
                        help="the client book: a database file, or the shop's server as postgresql://user@host/dbname "
                             "(default: this PC's choice in Settings, else the file in the user's data folder)")
    parser.add_argument("--basedir", type=Path, help="keep database, logs and settings under this folder")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    for name in BACKS_UP:
        if name in sub.choices:
            sub.choices[name].set_defaults(backs_up=True)
    return parser


# ----- argument types: a bad value is argparse's one line and exit 2 -------------------------------
def whole_number(low: int = 0, high: int = MAX_ID, what: str = "a whole number"):
    """An argparse type: a whole number from `low` to `high` (ids: 1 to SQLite's largest integer)."""
    def parse(text: str) -> int:
        digits = text.strip()
        if not (digits.isascii() and digits.lstrip("-").isdigit()) or len(digits) > 30:
            raise argparse.ArgumentTypeError(f"{text[:40]!r} is not {what}")
        value = int(digits)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is out of range for {what} ({low} to {high:,})")
        return value
    return parse


record_id = whole_number(1, MAX_ID, "an id")


def id_list(text: str, option: str = "--clients") -> list[int]:
    """Ids separated by commas ("12,15,40"); a ValidationError names `option` otherwise."""
    if len(text) > 1_000_000:
        raise ValidationError(option, "too_long", f"{option}: the list of ids is too long")
    try:
        ids = [record_id(part) for part in text.split(",") if part.strip()]
    except argparse.ArgumentTypeError as exc:
        raise ValidationError(option, "invalid", f"{option} takes ids separated by commas: {exc}") from None
    if not ids:
        raise ValidationError(option, "empty", f"{option} needs at least one id")
    return ids


# The longest search text a command takes (a name, phone or a few words; more is a mistake).
MAX_SEARCH_LENGTH = 500


def search_text(text: str) -> str:
    """An argparse type: search text of at most MAX_SEARCH_LENGTH characters."""
    if len(text) > MAX_SEARCH_LENGTH:
        raise argparse.ArgumentTypeError(f"the search text is {len(text):,} characters long; "
                                         f"at most {MAX_SEARCH_LENGTH} are allowed")
    return text


def database_arg(text: str) -> Path | str:
    """An argparse type for --db: a server URL (checked now, kept as text) or a file (a Path)."""
    from clientdesk.postgres.address import is_server_url, parse_server_url

    if is_server_url(text):
        try:
            parse_server_url(text)
        except ValidationError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None
        return text.strip()
    return Path(text)


def app_paths(args) -> AppPaths:
    return AppPaths.under(args.basedir) if getattr(args, "basedir", None) else AppPaths.default()


def database_path(args) -> Path | str:
    """Where the command's client book is: `--db` (a file, or a server's URL as text), else this
    PC's saved choice of the shop's server (clientdesk.location), else the file in the data folder."""
    if getattr(args, "db", None):
        return args.db
    from clientdesk import location

    paths = app_paths(args)
    return location.load(paths.config_dir).server or paths.database


def on_server(args) -> bool:
    """True when the command's client book is on the shop's server."""
    from clientdesk.postgres.address import is_server_url

    return is_server_url(database_path(args))


def shown_location(location: Path | str) -> str:
    """The client book's place for a message: a file as it is, a server URL without its password."""
    from clientdesk.postgres.address import is_server_url, parse_server_url

    if not is_server_url(location):
        return str(location)
    address = parse_server_url(str(location))
    return f"postgresql://{address.display}"


def counter_names(args):
    """This PC's branch and counter names (clientdesk.location, in the config folder), with a
    command's own --branch/--counter for the bill it records (`origin_branch`/`origin_counter`)."""
    from clientdesk import location
    from clientdesk.branches import Origin

    saved = location.load(app_paths(args).config_dir)
    branch, counter = getattr(args, "origin_branch", None), getattr(args, "origin_counter", None)
    return Origin.of(saved.with_(**{k: v for k, v in (("branch", branch), ("counter", counter)) if v is not None}))


def name_of(what: str):
    """An argparse type: a branch or counter name (clientdesk.branches.clean_name; "" for none)."""
    def parse(text: str) -> str:
        from clientdesk.branches import clean_name

        try:
            return clean_name(text, what)
        except ValidationError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None
    return parse


def emit_json(value) -> None:
    """Print `value` as JSON (UTF-8, Devanagari kept as is)."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def fail(message: str) -> int:
    """One line on stderr (a long value echoed in a message is shortened), exit code 2."""
    line = " ".join(str(message).split())
    if len(line) > 500:
        line = f"{line[:240]} … {line[-240:]}"
    sys.stderr.write(f"error: {line}\n")
    return EXIT_USAGE


def missing_database(args) -> str | None:
    """Why the command must not open its database file, or None. Commands that make a desk
    (`creates_db=True` in their parser defaults: demo, add, import, restore) may create a missing
    file, never a missing folder named by --db; every other command needs the file to exist.
    On a server (a URL) the server itself is asked: see server_state."""
    path = database_path(args)
    if on_server(args):
        return _missing_on_server(args, path)
    if path.is_dir():
        return f"{path} is a folder, not a client book"
    if path.exists():
        return None
    creates = getattr(args, "creates_db", False)
    if not (creates(args) if callable(creates) else creates):
        return f"no client book at {path}"
    if getattr(args, "db", None) and not path.parent.is_dir():
        return f"no folder {path.parent} for the client book {path.name}"
    return None


def _creates(args) -> bool:
    creates = getattr(args, "creates_db", False)
    return bool(creates(args) if callable(creates) else creates)


def _missing_on_server(args, url: str) -> str | None:
    """Ask the server (one short connection): raises StorageError when it cannot be used (not
    answering, wrong password, no such database); says why a command that only reads must not
    run on a database without a client book. Notes on `args` when this command makes the client
    book there (`_new_on_server`), so that a failure removes it again."""
    from clientdesk.postgres.setup import server_state

    state = server_state(url)
    if state == "ready":
        return None
    if state == "foreign":
        return f"the database at {shown_location(url)} is not a ClientDesk client book (it has other tables)"
    if not _creates(args):
        return f"no client book at {shown_location(url)} yet: set the server up first (server-setup)"
    args._new_on_server = True
    return None


@contextlib.contextmanager
def atomic_output(target: Path):
    """A temporary file beside `target` to write into; it replaces `target` only when the block
    ends without an error (and the block did not delete it: nothing to write), so a failed command
    leaves no half-written file behind. A path that cannot be written (missing or read-only
    folder, a folder, a name too long) fails here, before anything else is done."""
    check_target(target)
    with replaced_when_done(target) as temporary:
        yield temporary


def _quiet_stdout() -> None:
    """After the reader of our output went away (`show 1 | head`): point stdout at devnull so the
    flush at exit does not complain (Python docs, "Note on SIGPIPE")."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _remove_new_desk(path: Path | str) -> None:
    """Delete a desk file this command created before it failed (exit 2 writes nothing); on a
    server, the tables of the client book it created in an empty database."""
    from clientdesk.postgres.address import is_server_url

    if is_server_url(path):
        from clientdesk.postgres.setup import drop_client_book

        try:
            drop_client_book(str(path))
        except ClientDeskError as exc:
            log.warning("Could not remove the client book this command made on the server: %s", exc)
        return
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        except OSError as exc:
            log.warning("Could not remove %s%s: %s", path, suffix, exc)


INTERRUPTED = "interrupted: what was under way is undone, what had finished is kept"


@contextlib.contextmanager
def terminate_as_interrupt():
    """While a command runs, a first SIGTERM (`kill`, a service manager's stop) is taken as
    Ctrl-C: the work under way is undone (pg_restore and pg_dump asked to stop too) and the
    command says so, instead of ending silently halfway. A second SIGTERM ends it at once."""
    if not hasattr(signal, "SIGTERM") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(number, frame):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def run_command(args) -> int:
    """Open the database and run the chosen command; expected errors become one stderr line."""
    with terminate_as_interrupt():
        try:
            return _run_command(args)
        except KeyboardInterrupt:  # wherever it lands: the work, the modules' loading, the desk's closing
            return fail(INTERRUPTED)


def _run_command(args) -> int:
    from clientdesk.desk import Desk

    desk = None
    new_desk = None  # the file when this command creates the desk: removed again if it fails
    code = EXIT_USAGE
    logging.captureWarnings(True)  # a library's warning goes to the log, not as a second line on stderr
    try:
        if getattr(args, "needs_db", True):
            problem = missing_database(args)
            if problem:
                return fail(problem)
        precheck = getattr(args, "precheck", None)
        if precheck is not None:  # the command's own cheap checks (its input file), before any backup
            precheck(args)
        if getattr(args, "backs_up", False):
            from clientdesk.commands.backup import backup_before

            backup_before(args, args.command)
        if getattr(args, "needs_db", True):
            path = database_path(args)
            if isinstance(path, str):  # a server (checked by missing_database)
                new_desk = path if getattr(args, "_new_on_server", False) else None
            else:
                new_desk = None if path.exists() else path
            desk = Desk.open(path, origin=counter_names(args))
        code = args.run(desk, args) or 0
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return code
    except BrokenPipeError:
        _quiet_stdout()
        code = 0
        return code
    except ClientDeskError as exc:
        return fail(str(exc))
    finally:
        if desk is not None:
            desk.close()
        if new_desk is not None and code == EXIT_USAGE:  # nothing written: the new file goes again
            _remove_new_desk(new_desk)
