"""Commands: import (client sheets, phone contacts, sales registers) and export (.xlsx, .vcf)."""

from __future__ import annotations

import sys
from pathlib import Path

from clientdesk.branches import check_branch
from clientdesk.cli import emit_json, name_of, search_text
from clientdesk.errors import ClientDeskError, FileFormatError, ValidationError
from clientdesk.clients.listing import ClientFilter
from clientdesk.validate import format_phone


def register(sub) -> None:
    p = sub.add_parser("import", help="import clients (xlsx, xls, ods, csv, txt, vcf) or a sales register")
    p.add_argument("file", type=Path)
    p.add_argument("--kind", choices=("clients", "purchases"), default="clients")
    p.add_argument("--on-match", choices=("fill", "overwrite", "skip"), default="fill",
                   help="what to do with a row whose phone or email is already a client (default: fill empty fields)")
    p.add_argument("--report", type=_report_path, help="save the rows with problems to this .xlsx")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_import, creates_db=True, precheck=_check_import_file)

    p = sub.add_parser("export", help="export clients, purchases or interactions to .xlsx (clients also to .vcf)")
    p.add_argument("what", choices=("clients", "purchases", "interactions"))
    p.add_argument("out", type=Path)
    p.add_argument("--search", default="", type=search_text, help="only clients matching this search (and their records)")
    p.add_argument("--branch", type=name_of("branch"), metavar="NAME",
                   help='only the bills of this branch (clients, interactions: of the clients with a bill there); '
                        '"" for the bills that name no branch')
    p.set_defaults(run=run_export)


def _check_import_file(args) -> None:
    """The file to import exists: checked before the database is backed up or opened."""
    if not args.file.is_file():
        raise FileFormatError(f"{args.file}: no such file" if not args.file.exists() else f"{args.file} is not a file")


def _report_path(text: str) -> Path:
    """--report checked as the command line is read, before the database is opened or backed up."""
    import argparse

    from clientdesk.errors import FileFormatError
    from clientdesk.importing.report import check_writable

    try:
        check_writable(Path(text))
    except FileFormatError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc
    return Path(text)


def run_import(desk, args) -> int:
    """Exit 2 (one line) means nothing was imported: the report path and the JSON output are
    checked before the import. A report that still fails after the import was saved says that
    the import was saved (exit 1), with the summary on stdout as usual."""
    from clientdesk.importing.report import check_writable

    if args.report is not None:
        check_writable(args.report)
    if args.json and (sys.stdout is None or sys.stdout.closed):
        raise ValidationError("json", "invalid", "--json needs an open standard output; nothing was imported")
    result = desk.imports.import_file(args.file, args.kind, args.on_match)
    summary = result.summary()
    report_failed = None
    if args.report is not None:
        try:
            desk.imports.write_error_report(result, args.report)
        except ClientDeskError as exc:
            report_failed = exc
    if args.json:
        emit_json(summary)
    else:
        print(f"{args.file.name}: {summary['created']} created, {summary['updated']} updated, "
              f"{summary['skipped']} skipped, {len(summary['errors'])} problems")
        for member in summary.get("family_members", []):  # households: a new client on a known number
            print(f"row {member['row']}: {member['name']}: new family member on {member['family_of']}'s number "
                  f"{format_phone(member['phone'])}")
        for issue in summary["errors"]:
            sys.stderr.write(f"row {issue['row']}: {issue['field']}: {issue['message']}\n")
    if report_failed is not None:
        sys.stderr.write(f"error: the import was saved ({summary['created']} created, {summary['updated']} updated), "
                         f"but the error report was not written: {report_failed}\n")
        return 1
    return 0


def run_export(desk, args) -> int:
    flt = ClientFilter(text=args.search)
    suffix = args.out.suffix.lower()
    check_branch(desk.db, args.branch)  # a branch no bill names is a mistake: nothing is written
    if suffix == ".vcf" and args.what == "clients":
        count = desk.exports.export_vcard(args.out, flt, branch=args.branch)
    elif suffix != ".xlsx":
        raise ValidationError("out", "invalid", f"{args.out.name}: export writes .xlsx files (clients also .vcf)")
    elif args.what == "clients":
        count = desk.exports.export_clients(args.out, "en", flt, branch=args.branch)
    elif args.what == "purchases":
        count = desk.exports.export_purchases(args.out, "en", flt, branch=args.branch)
    else:
        count = desk.exports.export_interactions(args.out, "en", flt, branch=args.branch)
    print(f"{count} {args.what} written to {args.out}")
    return 0
