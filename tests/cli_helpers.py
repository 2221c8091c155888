"""Helpers shared by tests that run the command line or watch what the app asks the desktop to open."""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot

from clientdesk import cli


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
