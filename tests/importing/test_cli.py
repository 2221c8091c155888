"""The import and export commands: JSON summary, exit codes, one line on stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl

from clientdesk import cli

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str]) -> int:
    """The command line in-process, as main.py runs it (without its log file)."""
    return cli.run_command(cli.build_parser().parse_args(argv))


def test_import_json_and_report(tmp_path, csvfile, capsys):
    db = tmp_path / "cli.sqlite"
    path = csvfile([["Name", "Mobile", "GSTIN"], ["Ramesh", "9876543210", "27AAPFU0939F1ZV"],
                    ["Suresh", "9.87654E+09", ""], ["", "", ""], ["Total", "", ""]])
    report = tmp_path / "problems.xlsx"
    code = main(["--db", str(db), "import", str(path), "--on-match", "fill", "--report", str(report), "--json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out == {"created": 2, "updated": 0, "skipped": 2,
                   "errors": [{"row": 3, "field": "phone", "message": "9.87654E+09 lost digits in Excel; type the full number"},
                              {"row": 5, "field": "file", "message": "A totals row at the end of the sheet (Total): "
                                                                     "skipped, not imported"}]}
    assert [r[-2] for r in openpyxl.load_workbook(report).active.iter_rows(min_row=2, values_only=True)] == [3, 5]
    code = main(["--db", str(db), "import", str(path), "--json"])
    assert json.loads(capsys.readouterr().out)["skipped"] == 4


def test_export_commands(tmp_path, csvfile, capsys):
    db = tmp_path / "cli.sqlite"
    main(["--db", str(db), "import", str(csvfile([["Name", "Mobile"], ["Ramesh", "9876543210"], ["Vijay", "9876500002"]]))])
    capsys.readouterr()
    out = tmp_path / "clients.xlsx"
    assert main(["--db", str(db), "export", "clients", str(out), "--search", "vijay"]) == 0
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert [r[0] for r in rows] == ["Name", "Vijay"]
    for what in ("purchases", "interactions"):
        assert main(["--db", str(db), "export", what, str(tmp_path / f"{what}.xlsx")]) == 0
    assert main(["--db", str(db), "export", "clients", str(tmp_path / "phone.vcf")]) == 0
    assert (tmp_path / "phone.vcf").read_text(encoding="utf-8").count("BEGIN:VCARD") == 2
    assert main(["--db", str(db), "export", "clients", str(tmp_path / "x.pdf")]) == 2


def test_unreadable_file_exits_2_with_one_line(tmp_path):
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"not a workbook")
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "--basedir", str(tmp_path), "--db", str(tmp_path / "d.sqlite"), "import",
                           str(bad), "--json"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2
    assert proc.stdout == "" and len(proc.stderr.strip().splitlines()) == 1 and "broken.xlsx" in proc.stderr
    assert "Traceback" not in proc.stderr
