"""ClientDesk composition root: paths, logging, excepthook, database, services, translator, window.

    python main.py [--db FILE] [--basedir DIR]            open the window
    python main.py [--db FILE] COMMAND ...                 the same services from the command line
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from clientdesk import cli
from clientdesk.paths import AppPaths

log = logging.getLogger("clientdesk")


def setup_logging(paths: AppPaths, to_stderr: bool = False) -> Path:
    """One rotating log file in the platform log folder."""
    paths.ensure()
    handler = logging.handlers.RotatingFileHandler(paths.log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    if to_stderr:
        stream = logging.StreamHandler()
        stream.setLevel(logging.WARNING)
        root.addHandler(stream)
    return paths.log_file


def run_gui(args) -> int:
    """Open the window on the database chosen by --db / --basedir / the platform data folder."""
    paths = cli.app_paths(args)
    log_file = setup_logging(paths)
    from ui.app import run_app

    return run_app(paths, cli.database_path(args), log_file)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = cli.build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        return run_gui(args)
    try:
        setup_logging(cli.app_paths(args))
    except OSError:
        pass  # a read-only profile must not stop a batch command; it just logs nowhere
    return cli.run_command(args)


if __name__ == "__main__":
    sys.exit(main())
