"""Commands: delete (erasure that holds, optionally from the backups too), consent (give or
withdraw one channel, with the proof kept as in the editor)."""

from __future__ import annotations

import sys

from clientdesk.cli import emit_json, fail, on_server
from clientdesk.codes import CHANNELS, CONSENT_METHODS
from clientdesk.services import erasure

MAX_ID = 2**63 - 1  # SQLite's largest integer


def register(sub) -> None:
    p = sub.add_parser("delete", help="delete a client for good: with bills, every personal field is erased and "
                                      "the bills kept under 'Erased client #ID'; without bills, removed entirely")
    p.add_argument("id", type=int)
    p.add_argument("--yes", action="store_true", help="confirm: this cannot be undone")
    p.add_argument("--from-backups", action="store_true",
                   help="also rewrite every backup without the client's personal data (this PC's "
                        "backup files; not a server's)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_delete)

    p = sub.add_parser("consent", help="record a client's consent to greetings on one channel, or its withdrawal")
    p.add_argument("id", type=int)
    p.add_argument("channel", choices=CHANNELS)
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--given", choices=CONSENT_METHODS, metavar="HOW",
                     help="consent given, and how: " + ", ".join(CONSENT_METHODS))
    how.add_argument("--withdraw", action="store_true", help="consent withdrawn (greetings stop at once)")
    p.add_argument("--guardian", action="store_true", help="given by a parent or guardian (a client under 18)")
    p.add_argument("--note", default="", help="a short note kept with the proof")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_consent)


def _check_id(client_id: int) -> str | None:
    if not 1 <= client_id <= MAX_ID:
        return f"There is no client #{client_id}"
    return None


def run_delete(desk, args) -> int:
    problem = _check_id(args.id)
    if problem:
        return fail(problem)
    if not args.yes:
        return fail(f"delete erases client #{args.id} for good; add --yes to go ahead (nothing was changed)")
    if args.from_backups and on_server(args):
        return fail("--from-backups rewrites this PC's backup files; the shop's server's backups are pg_dump files "
                    "ClientDesk cannot take a client out of. Delete without --from-backups, then delete the "
                    "server's older backups once a newer one is made (nothing was changed)")
    outcome = desk.clients.delete(args.id)
    backups = erasure.erase_from_backups(desk.path, args.id, desk.clock.now()) if args.from_backups else []
    if args.json:
        emit_json({"client": args.id, "outcome": outcome, "backups": [b.to_json() for b in backups]})
    else:
        if outcome == "erased":
            print(f"Client #{args.id} erased: bills kept under \"{erasure.placeholder(args.id)}\", "
                  "every personal detail removed")
        else:
            print(f"Client #{args.id} deleted (no bills)")
        for b in backups:
            state = "checked" if b.verified else "NOT checked"
            print(f"{b.path}: {b.outcome}, {state}" + (f" ({b.problem})" if b.problem else ""))
    failed = [b for b in backups if b.outcome == "failed" or not b.verified]
    if failed:
        sys.stderr.write(f"error: {len(failed)} backup(s) could not be rewritten: "
                         f"{', '.join(b.path.name for b in failed)}\n")
        return 1
    return 0


def run_consent(desk, args) -> int:
    problem = _check_id(args.id)
    if problem:
        return fail(problem)
    if len(args.note) > 500:
        return fail("--note is limited to 500 characters")
    if desk.clients.get(args.id).erased:
        return fail(f"Client #{args.id} was erased; consent cannot be recorded for them")
    granted = not args.withdraw
    method = args.given if granted else "other"
    desk.clients.set_consent(args.id, args.channel, granted, method=method, note=args.note,
                             guardian=args.guardian and granted)
    state = desk.clients.get(args.id).consents.get(args.channel)
    if args.json:
        emit_json({"client": args.id, "channel": args.channel, "granted": bool(state and state.granted),
                   "method": state.method if state else method,
                   "changed_at": state.changed_at if state else None})
    else:
        print(f"Client #{args.id}: {args.channel} consent " + (f"given ({method})" if granted else "withdrawn"))
    return 0
