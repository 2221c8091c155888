"""Command: server-setup (make the shop's PostgreSQL server ready for the counters).

    python main.py server-setup postgresql://ADMIN@HOST/DBNAME [--counter-role NAME]
                   [--counter-password-stdin] [--remember-password] [--json]

Run once, as the server's admin user, on any PC that reaches the server: it makes the client
book's schema and a login role for the counters with only the rights a counter needs
(clientdesk.postgres.setup), then prints the URL each counter uses (no password in it). The
counters' password is typed when asked, or read from the first line of stdin; it is never taken
from the command line (other users of the PC can read that) and is kept in this PC's keyring
only with --remember-password. Running it again is harmless.
"""

from __future__ import annotations

import getpass
import sys

from clientdesk.cli import emit_json, fail
from clientdesk.errors import ValidationError


def register(sub) -> None:
    from clientdesk.postgres.setup import DEFAULT_COUNTER_ROLE

    p = sub.add_parser("server-setup", help="make the shop's PostgreSQL server ready: the client book's tables and a "
                                            "login for the counters")
    p.add_argument("url", help="postgresql://ADMIN@HOST[:PORT]/DBNAME (the server's admin user; the database must exist)")
    p.add_argument("--counter-role", default=DEFAULT_COUNTER_ROLE, metavar="NAME",
                   help=f"the counters' login on the server (default: {DEFAULT_COUNTER_ROLE})")
    p.add_argument("--counter-password-stdin", action="store_true",
                   help="read the counters' password from the first line of stdin instead of asking for it")
    p.add_argument("--no-password", action="store_true",
                   help="keep the password of a counters' login that already exists")
    p.add_argument("--remember-password", action="store_true",
                   help="keep the counters' password in this PC's keyring (this PC is a counter too)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_server_setup, needs_db=False)


def _password(args) -> str | None:
    if args.no_password:
        if args.counter_password_stdin:
            raise ValidationError("counter_password", "both", "--no-password and --counter-password-stdin: choose one")
        return None
    if args.counter_password_stdin:
        line = sys.stdin.readline()
        password = line[:-1] if line.endswith("\n") else line
        if password.endswith("\r"):
            password = password[:-1]
        if not password:
            raise ValidationError("counter_password", "empty", "--counter-password-stdin: the first line of stdin is empty")
        return password
    if not sys.stdin.isatty():
        raise ValidationError("counter_password", "no_terminal",
                              "no terminal to ask the counters' password: give it with --counter-password-stdin, "
                              "or --no-password to keep the one the counters' login has")
    first = getpass.getpass("Password for the counters' login: ")
    if first != getpass.getpass("The same password again: "):
        raise ValidationError("counter_password", "mismatch", "the two passwords differ; nothing was changed")
    if not first:
        raise ValidationError("counter_password", "empty", "the password is empty; nothing was changed")
    return first


def _take_back_stopped_imports(url: str) -> list:
    """Take back the imports a crash stopped halfway, as the book's owner: a counter's login may
    not make again the indexes such an import set aside, so its next import asks for server-setup."""
    from clientdesk.desk import Desk

    book = Desk.open(url)
    try:
        return book.imports.clean_interrupted()
    finally:
        book.close()


def run_server_setup(desk, args) -> int:
    from clientdesk.postgres.address import is_server_url, parse_server_url, remember_password
    from clientdesk.postgres.setup import check_role_name, setup_server

    if not is_server_url(args.url):
        return fail(f"server-setup takes the server's URL (postgresql://ADMIN@HOST/DBNAME), not {args.url[:80]!r}")
    address = parse_server_url(args.url)  # bad names are one line before any password is asked
    check_role_name(args.counter_role)
    if args.counter_role == address.user:
        return fail(f"--counter-role: {args.counter_role} is the admin user of this URL; the counters need a role of "
                    "their own")
    password = _password(args)
    outcome = setup_server(args.url, args.counter_role, password)
    taken_back = _take_back_stopped_imports(args.url)
    remembered = False
    if args.remember_password and password is not None:
        remember_password(parse_server_url(outcome.counter_url), password)
        remembered = True
    if args.json:
        emit_json({"counter_url": outcome.counter_url, "role": outcome.role, "role_created": outcome.role_created,
                   "password_set": outcome.password_set, "schema_version": outcome.schema_version,
                   "password_in_keyring": remembered,
                   "imports_taken_back": [r.batch.file_name for r in taken_back]})
        return 0
    made = "made" if outcome.role_created else "already there, rights set again"
    print(f"client book ready (schema {outcome.schema_version}); counters' login {outcome.role}: {made}")
    for result in taken_back:
        print(f"took back the import of {result.batch.file_name}, stopped halfway, and made its indexes again")
    print(f"each counter uses: {outcome.counter_url}")
    if remembered:
        print("the counters' password is kept in this PC's keyring")
    return 0
