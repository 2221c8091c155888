"""Commands: backup, backups, restore, check. They work on the database file itself (no Desk is
opened: a damaged file must still be checked, and a missing one restored). With `--db URL` they
work on the shop's server through pg_dump / pg_restore (clientdesk.postgres.backup): the dumps go
into this PC's backups folder (the data folder's `backups`, or `backup --to FOLDER`)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from clientdesk import backup as backups
from clientdesk.cli import app_paths, database_path, emit_json, fail, on_server, shown_location

EXIT_DAMAGED = 2


def register(sub) -> None:
    p = sub.add_parser("backup", help="make a verified copy of the database (also into the second backup folder)")
    p.add_argument("--to", type=Path, help="put the copy in this folder instead of the backups folder")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_backup, needs_db=False)

    p = sub.add_parser("backups", help="the backups kept: date, clients, verified")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_backups, needs_db=False)

    p = sub.add_parser("restore", help="put a backup in place of the database (the current file is kept as a backup)")
    p.add_argument("file", type=Path, help="the backup file (see `backups`)")
    p.add_argument("--yes", action="store_true", help="confirm: replace the client book with this backup")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_restore, needs_db=False, backs_up=False)

    p = sub.add_parser("check", help="check the database file (integrity and links); exit 2 when damaged")
    p.add_argument("--full", action="store_true", help="on a server: also restore the newest backup into a scratch "
                                                       "database (a file is always checked in full)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_check, needs_db=False)


def _existing_database(args) -> Path | None:
    path = database_path(args)
    return path if isinstance(path, Path) and path.is_file() else None


def server_backups_folder(args) -> Path:
    """Where this PC keeps its dumps of the shop's server: the data folder's `backups`."""
    return app_paths(args).data_dir / "backups"


def backup_before(args, reason: str) -> backups.BackupOutcome | None:
    """The copy the command line makes before a command that rewrites many rows (cli.run_command):
    verified, also into the second folder; raises DamagedDatabaseError rather than copy a damaged file.
    On a server: a checked dump in this PC's backups folder (StorageError when pg_dump is missing)."""
    if on_server(args):
        from clientdesk.postgres.backup import make_server_backup

        return make_server_backup(database_path(args), server_backups_folder(args), reason)
    path = _existing_database(args)
    if path is None:
        return None
    return _backup(path, reason, None)


def _backup(path: Path, reason: str, to: Path | None) -> backups.BackupOutcome | None:
    now = dt.datetime.now()
    settings = backups.read_file_settings(path)
    outcome = backups.make_backup(path, reason, now=now, to=to,
                                  second_folder=settings.get(backups.SETTING_FOLDER) or None)
    if outcome is not None:
        backups.store_file_settings(path, backups.second_folder_record(outcome.second, now))
    return outcome


def run_backup(desk, args) -> int:
    if on_server(args):
        return _run_server_backup(args)
    path = _existing_database(args)
    if path is None:
        return fail(f"no client book at {database_path(args)}")
    if args.to is not None and not args.to.is_dir():
        return fail(f"no folder {args.to}")
    outcome = _backup(path, "manual", args.to)
    info = outcome.info
    second = outcome.second
    if args.json:
        value = {"path": str(info.path), "clients": info.clients, "verified": info.verified}
        if second is not None:
            value["second"] = {"path": str(second.path) if second.path else None, "error": second.error}
        emit_json(value)
    else:
        print(f"{info.path}: {info.clients} clients, verified")
        if second is not None:
            print(f"second folder: {second.path}" if second.ok else f"second folder {second.folder}: {second.error}")
    return 0


def run_backups(desk, args) -> int:
    path = database_path(args)
    if on_server(args):
        from clientdesk.postgres.address import parse_server_url
        from clientdesk.postgres.backup import describe_dumps

        infos = describe_dumps(server_backups_folder(args), parse_server_url(path))
    else:
        infos = backups.describe_backups(path)
    if args.json:
        emit_json([info.as_json() for info in infos])
        return 0
    for info in infos:
        state = "verified" if info.verified else f"NOT verified ({info.problem})"
        clients = "?" if info.clients is None else info.clients
        print(f"{info.taken:%Y-%m-%d %H:%M}  {clients:>8} clients  {state}  {info.path}")
    return 0


def run_restore(desk, args) -> int:
    if not args.yes:
        return fail("restore replaces the client book: add --yes to confirm")
    if not args.file.is_file():
        return fail(f"no backup file {args.file}")
    if on_server(args):
        return _run_server_restore(args)
    path = database_path(args)
    if getattr(args, "db", None) is not None and not path.parent.is_dir():
        return fail(f"no folder {path.parent}")
    settings = backups.read_file_settings(path) if path.is_file() else {}
    outcome = backups.restore_backup(path, args.file, second_folder=settings.get(backups.SETTING_FOLDER) or None)
    if args.json:
        emit_json({"path": str(outcome.restored), "from": str(outcome.source), "clients": outcome.clients,
                   "kept": str(outcome.kept) if outcome.kept else None})
    else:
        print(f"restored {outcome.restored} from {outcome.source.name} ({outcome.clients} clients)")
        if outcome.kept:
            print(f"the previous file is kept as {outcome.kept}")
    return 0


def run_check(desk, args) -> int:
    if on_server(args):
        return _run_server_check(args)
    path = database_path(args)
    if not path.is_file():
        return fail(f"no client book at {path}")
    result = backups.check_database(path, full=True)
    if args.json:
        emit_json({"path": str(path), "ok": result.ok, "clients": result.clients, "problems": result.problems})
    if result.ok:
        if not args.json:
            print(f"{path}: healthy ({result.clients} clients; integrity and links checked)")
        return 0
    good = backups.newest_good_backup(path)
    hint = f"; newest good backup: {good.path}" if good else "; no good backup found"
    sys.stderr.write(f"error: {path} is damaged: {result.first_problem}{hint}\n")
    return EXIT_DAMAGED


# ----- on the shop's server ------------------------------------------------------------------------
def _run_server_backup(args) -> int:
    from clientdesk.postgres.backup import make_server_backup

    url = database_path(args)
    if args.to is not None and not args.to.is_dir():
        return fail(f"no folder {args.to}")
    outcome = make_server_backup(url, args.to or server_backups_folder(args), "manual")
    if outcome is None:
        return fail(f"no client book at {shown_location(url)} yet: nothing to back up")
    info = outcome.info
    if args.json:
        emit_json({"path": str(info.path), "clients": info.clients, "verified": info.verified})
    else:
        print(f"{info.path}: {info.clients} clients, verified (pg_restore --list)")
    return 0


def _run_server_restore(args) -> int:
    from clientdesk.postgres.backup import restore_server_backup

    url = database_path(args)
    outcome = restore_server_backup(url, args.file, server_backups_folder(args))
    where = shown_location(url)
    if args.json:
        emit_json({"path": where, "from": str(outcome.source), "clients": outcome.clients,
                   "kept": str(outcome.kept) if outcome.kept else None})
    else:
        print(f"restored {where} from {outcome.source.name} ({outcome.clients} clients)")
        if outcome.kept:
            print(f"what was there is kept as {outcome.kept}")
    return 0


def _run_server_check(args) -> int:
    """The client book on the server (every table read), then the newest dump of it on this PC
    (its table of contents; with --full a trial restore when this user may create a database)."""
    from clientdesk.postgres.address import parse_server_url, resolve_password
    from clientdesk.postgres.backup import check_dump, check_server, may_create_databases, newest_good_dump, \
        trial_restore

    url = database_path(args)
    where = shown_location(url)
    address = resolve_password(parse_server_url(url))
    result = check_server(address)
    newest = newest_good_dump(server_backups_folder(args), address)
    backup = {"path": None, "ok": None, "checked": "no backup of this server on this PC"}
    if newest is not None:
        dump = check_dump(newest.path)
        checked = "its table of contents (pg_restore --list)"
        if dump.ok and args.full:
            if may_create_databases(address):
                dump = trial_restore(address, newest.path)
                checked += f" and a trial restore ({dump.clients} clients)" if dump.ok else " and a trial restore"
            else:
                checked += f"; a trial restore needs a user that may create databases ({address.user} may not)"
        backup = {"path": str(newest.path), "ok": dump.ok, "checked": checked, "problems": dump.problems}
    if args.json:
        emit_json({"path": where, "ok": result.ok, "clients": result.clients, "problems": result.problems,
                   "backup": backup})
    if not result.ok:
        hint = f"; newest good backup: {newest.path}" if newest else "; no good backup found on this PC"
        sys.stderr.write(f"error: {where} is damaged: {result.first_problem}{hint}\n")
        return EXIT_DAMAGED
    if backup["ok"] is False:
        sys.stderr.write(f"error: the newest backup {backup['path']} fails its check: {backup['problems'][0]}\n")
        return EXIT_DAMAGED
    if not args.json:
        print(f"{where}: healthy ({result.clients} clients; every table read)")
        print(f"newest backup: {backup['path']}: checked {backup['checked']}" if backup["path"]
              else f"newest backup: {backup['checked']}")
    return 0
