"""Helpers shared by tests that run the command line or watch what the app asks the desktop to open.

`cli_book` (import it into a test module): each test twice, with `--db` naming a SQLite file
(ids `[sqlite]`) and a client book on the run's PostgreSQL cluster (`[postgresql]`). Tests about
a file itself (its folder, a damaged file, its -wal) stay file-only, and say so.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Slot

from clientdesk import cli

ENGINES = ["sqlite", "postgresql"]



@dataclass(frozen=True)
class CliBook:
    """The client book a command-line test gives to `--db`: a file (which may not exist yet) or
    an empty client book on the server (its URL, with the password)."""

    engine: str
    db: str

    @property
    def on_server(self) -> bool:
        return self.engine == "postgresql"

    def args(self, *more: str) -> list[str]:
        return ["--db", self.db, *more]

    @contextlib.contextmanager
    def connect(self):
        if self.on_server:
            import psycopg

            with contextlib.closing(psycopg.connect(self.db, autocommit=True)) as conn:
                yield conn
        else:
            conn = sqlite3.connect(self.db)
            try:
                yield conn
            finally:
                conn.close()

    def rows(self, sql: str, *params) -> list[tuple]:
        """Rows of a query read back on a connection of its own (`?` marks on both engines)."""
        with self.connect() as conn:
            if self.on_server:
                sql = sql.replace("?", "%s")
            return [tuple(r) for r in conn.execute(sql, params).fetchall()]

    def count(self, table: str) -> int:
        return self.rows(f'SELECT count(*) FROM "{table}"')[0][0]

    def dump(self) -> list[str]:
        """Every row of every table (and on SQLite the schema), to compare before and after."""
        if not self.on_server:
            conn = sqlite3.connect(self.db)
            try:
                return [line for line in conn.iterdump() if "sqlite_stat" not in line]
            finally:
                conn.close()
        with self.connect() as conn:
            tables = [t for (t,) in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                                                 "ORDER BY tablename")]
            lines = []
            for table in tables:
                lines += [f"{table}: {r}" for (r,) in conn.execute(f'SELECT t::text FROM "{table}" t ORDER BY 1')]
            return lines


def private_folders(monkeypatch, tmp_path: Path) -> None:
    """The user's data and config folders (platformdirs) under tmp_path, for this process and the
    ones it starts: a command without --basedir (a server's backups, logs) writes nothing of the user's."""
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / "home" / name.lower()))


@pytest.fixture(params=ENGINES)
def cli_book(request, tmp_path, monkeypatch) -> CliBook:
    """A client book for `--db`, on each engine (see the module's docstring)."""
    private_folders(monkeypatch, tmp_path)
    if request.param == "postgresql":
        return CliBook("postgresql", request.getfixturevalue("server_url"))
    return CliBook("sqlite", str(tmp_path / "desk.sqlite"))



def run_in_process(capsys, *argv) -> tuple[int, str, str]:
    """What main.py does for a command, in-process: parse (argparse errors exit 2), then run;
    returns (exit code, stdout, stderr)."""
    try:
        code = cli.run_command(cli.build_parser().parse_args(list(argv)))
    except SystemExit as exc:
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


class UrlCatcher(QObject):
    """Receives the URLs the app asks the desktop to open (QDesktopServices.setUrlHandler)."""

    def __init__(self, local_files: bool = False):
        super().__init__()
        self.local_files = local_files
        self.urls = []

    @Slot("QUrl")
    def catch(self, url):
        self.urls.append(url.toLocalFile() if self.local_files else url.toString())
