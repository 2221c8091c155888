"""Command: copy-to — move this PC's client book (a SQLite file) to the shop's server (issue 14).

    python main.py --db shop.sqlite copy-to postgresql://user@host/dbname

The file is only read (the shop keeps working on it until this PC switches); the server gets
everything in one transaction, checked before it is kept (clientdesk.postgres.copy). Exit 0 when
done, 2 when refused or on bad input (one line; nothing written on the server).
"""

from __future__ import annotations

import sys

from clientdesk.cli import database_path, emit_json, fail
from clientdesk.postgres.address import is_server_url, parse_server_url
from clientdesk.progress import Progress


def register(sub) -> None:
    p = sub.add_parser("copy-to", help="copy this client book (the --db file) into an empty client book on the "
                                       "shop's PostgreSQL server, checked, in one go")
    p.add_argument("url", help="the server: postgresql://user[:password]@host[:port]/dbname (the password may "
                               "also come from the system's keyring)")
    p.add_argument("--json", action="store_true", help="print the outcome as JSON")
    p.add_argument("--quiet", action="store_true", help="no line per table while copying")
    p.set_defaults(run=run_copy_to, needs_db=False)


def run_copy_to(desk, args) -> int:
    from clientdesk.postgres.copy import copy_to_server, url_without_password

    given = getattr(args, "db", None)
    if given is not None and is_server_url(str(given)):
        return fail("copy-to copies a client book file (--db FILE) to a server; --db names a server")
    source = database_path(args)
    if is_server_url(str(source)):
        return fail("copy-to copies a client book file (--db FILE) to a server; this PC uses a server already")
    if not is_server_url(args.url):
        return fail(f"copy-to needs the server's address, postgresql://user@host/dbname, not {args.url!r}")
    address = parse_server_url(args.url)  # a bad URL: ValidationError, one line

    def table_done(table) -> None:
        if not (args.quiet or args.json):
            print(f"  {table.table:<20} {table.rows:>10,} rows  {table.seconds:6.1f} s", flush=True)

    if not (args.quiet or args.json):
        print(f"Copying {source} to {address.display}…", flush=True)
    result = copy_to_server(source, args.url, Progress(), on_table=table_done)
    ledger = result.ledger
    if args.json:
        emit_json({"source": str(result.source), "server": result.server, "clients": result.clients,
                   "rows": result.rows, "seconds": round(result.seconds, 1), "created_schema": result.created_schema,
                   "tables": {t.table: t.rows for t in result.tables},
                   "ledger": {"entries": ledger.entries, "uses": ledger.uses, "points": ledger.points,
                              "remaining": ledger.remaining, "checksum": ledger.digest}})
        return 0
    if not args.quiet:
        print(f"  {'search index':<20} {result.indexed:>10,} clients")
    print(f"Copied {result.clients:,} clients ({result.rows:,} rows) in {result.seconds:.1f} s; checked: rows per "
          f"table equal, loyalty ledger {ledger.entries:,} entries, {ledger.points:,} points, checksum {ledger.short} "
          "on both sides.")
    url = url_without_password(args.url)
    sys.stdout.write(
        "Next, switch this PC to the server (until then it keeps using the file):\n"
        f"  - in the window: Settings → Where the client book lives → the shop's server ({url});\n"
        f"  - on the command line: python main.py --db {url} COMMAND.\n"
        f"Keep {source} as it is: a sale made on it from now on is NOT on the server.\n")
    return 0
