"""Hostile files: every repair or loss is a problem on its row (service, report, --json), a refused
file writes nothing, and no file makes the import raise anything but a clear FileFormatError."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from clientdesk import cli
from clientdesk.desk import Desk
from clientdesk.errors import FileFormatError
from clientdesk.importing.readers import MAX_CELL, PROBLEM_FIELD
from tests.importing import hostile

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str]) -> int:
    """The command line in-process, as main.py runs it: a bad argument exits 2 while it is read."""
    try:
        args = cli.build_parser().parse_args(argv)
    except SystemExit as exc:
        return exc.code
    return cli.run_command(args)


def cli_import(tmp_path, path, *extra, capsys) -> tuple[int, dict | None, str]:
    """`import PATH --json` on tmp_path/cli.sqlite in-process: exit code, JSON (or None), stderr."""
    code = main(["--db", str(tmp_path / "cli.sqlite"), "import", str(path), "--json", *extra])
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip() else None, err


def clients(db: Path) -> list[tuple[str, str | None]]:
    """(name, primary phone) of every client, in id order."""
    desk = Desk.open(db)
    try:
        return list(desk.db.execute_sql("SELECT name, primary_phone FROM client ORDER BY id"))
    finally:
        desk.close()


def file_problems(issues) -> dict[int, str]:
    """Row number -> message of the problems found in the file itself."""
    return {i.row: i.message for i in issues if i.field == PROBLEM_FIELD}


def json_problems(summary: dict) -> dict[int, str]:
    return {e["row"]: e["message"] for e in summary["errors"] if e["field"] == PROBLEM_FIELD}


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_unbalanced_quote_merges_no_rows(desk, tmp_path, newline):
    path = hostile.csv_unbalanced_quote(tmp_path / "quote.csv", newline)
    result = desk.imports.import_file(path)
    assert result.created == 5
    assert "quotation mark" in file_problems(result.issues)[2]
    rows = list(desk.db.execute_sql("SELECT name, primary_phone, postal_city FROM client ORDER BY id"))
    assert rows == [("Ram Kumar", "+919876543210", "Pune"), ("Sita Devi", "+919876543211", "Indore"),
                    ("Gita Rani", "+919876543212", "Bhopal"), ('Mohan "Lal"', "+919876543213", "Agra"),
                    ("Hari Om", "+919876543214", "Delhi")]


@pytest.mark.parametrize("ending", ["\n", ""])
def test_quote_left_open_on_the_last_line(desk, tmp_path, ending):
    path = tmp_path / "last.csv"
    path.write_text(f'Name,Mobile\nRamesh,9876543210\n"Sita Devi,9876543211{ending}', encoding="utf-8")
    result = desk.imports.import_file(path)
    assert "quotation mark" in file_problems(result.issues)[3]
    assert list(desk.db.execute_sql("SELECT name, primary_phone FROM client ORDER BY id")) == [
        ("Ramesh", "+919876543210"), ("Sita Devi", "+919876543211")]


def test_unbalanced_quote_through_main_py(tmp_path):
    path = hostile.csv_unbalanced_quote(tmp_path / "quote.csv")
    db = tmp_path / "d.sqlite"
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "--basedir", str(tmp_path), "--db", str(db),
                           "import", str(path), "--json"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert summary["created"] == 5 and 2 in json_problems(summary)
    assert all(phone for _, phone in clients(db))


def test_multiline_cells_stay_one_cell(desk, tmp_path):
    """A real cell with line breaks (an address typed with Alt+Enter) is not a stray quote."""
    path = tmp_path / "address.csv"
    path.write_bytes(b'Name,Mobile,Address,City\r\nRamesh,9876543210,"12, MG Road\nNear Temple, Sector 5\nFlat 3",Pune\r\n'
                     b"Sita,9876543211,Main Bazar,Indore\r\n")
    result = desk.imports.import_file(path)
    assert result.created == 2 and not result.issues
    assert desk.db.execute_sql("SELECT postal_line FROM client ORDER BY id").fetchone()[0].startswith("12, MG Road")


def test_one_windows_line_leaves_hindi_names_intact(desk, tmp_path, capsys):
    path = hostile.csv_mixed_encoding(tmp_path / "mixed.csv")
    result = desk.imports.import_file(path)
    assert result.created == 5
    names = [n for n, _ in desk.db.execute_sql("SELECT name, id FROM client ORDER BY id")]
    assert names == [*hostile.HINDI[:2], "José Müller", *hostile.HINDI[2:]]
    assert "Windows-1252" in file_problems(result.issues)[4]
    code, summary, _ = cli_import(tmp_path, path, capsys=capsys)
    assert code == 0 and list(json_problems(summary)) == [4]


def test_nul_byte_does_not_cut_a_name(desk, tmp_path, capsys):
    path = hostile.csv_nul(tmp_path / "nul.csv")
    result = desk.imports.import_file(path)
    assert [n for n, _ in desk.db.execute_sql("SELECT name, id FROM client ORDER BY id")] == ["Ramesh Kumar", "Sita"]
    assert "NUL" in file_problems(result.issues)[2]
    code, summary, _ = cli_import(tmp_path, path, capsys=capsys)
    assert code == 0 and list(json_problems(summary)) == [2]
    assert [n for n, _ in clients(tmp_path / "cli.sqlite")] == ["Ramesh Kumar", "Sita"]


def test_nul_in_a_sheet_does_not_cut_a_name(desk, tmp_path):
    result = desk.imports.import_file(hostile.xlsx_nul(tmp_path / "nul.xlsx"))
    assert [n for n, _ in desk.db.execute_sql("SELECT name, id FROM client ORDER BY id")] == ["Ramesh Kumar", "Sita"]
    assert "NUL" in file_problems(result.issues)[2]


def test_megabyte_field_is_cut_with_a_problem_not_a_traceback(desk, tmp_path, capsys):
    path = hostile.csv_huge_field(tmp_path / "huge.csv")
    result = desk.imports.import_file(path)
    assert result.created == 2
    assert "1,000,000 characters" in file_problems(result.issues)[2]
    notes = desk.db.execute_sql("SELECT notes FROM client ORDER BY id").fetchone()[0]
    assert len(notes) == MAX_CELL
    code, summary, err = cli_import(tmp_path, path, capsys=capsys)
    assert code == 0 and summary["created"] == 2 and "Traceback" not in err


@pytest.mark.parametrize("amount", ["1e308", "-1e308", "inf", "nan", "1e999999", "9" * 400, "1,2,3", "1e20"])
def test_absurd_register_amounts_are_row_problems(desk, tmp_path, amount, capsys):
    path = hostile.csv_register(tmp_path / "register.csv", ["4500", amount, "1,250.50"])
    result = desk.imports.import_file(path, kind="purchases")
    assert result.created == 2
    assert [(i.row, i.field) for i in result.issues] == [(3, "amount")]
    amounts = [a for (a,) in desk.db.execute_sql("SELECT amount_paise FROM purchase ORDER BY id")]
    assert amounts == [450000, 125050]
    code, summary, err = cli_import(tmp_path, path, "--kind", "purchases", capsys=capsys)
    assert code == 0 and [e["row"] for e in summary["errors"]] == [3] and "Traceback" not in err


@pytest.mark.parametrize("qty", ["1e308", "inf", "nan", "-1", "0", "1e-9"])
def test_absurd_quantities_are_row_problems(desk, tmp_path, qty):
    path = tmp_path / "register.csv"
    path.write_text("Bill No,Bill Date,Mobile,Customer,Item,Qty,Rate\n"
                    f"B-1,02/11/2026,9876543210,Ramesh,Saree,{qty},1e8\n"
                    "B-2,02/11/2026,9876543211,Sita,Saree,2,100\n", encoding="utf-8")
    result = desk.imports.import_file(path, kind="purchases")
    assert result.created == 1 and [(i.row, i.field) for i in result.issues] == [(2, "qty")]


def test_rate_times_quantity_past_the_limit_is_a_row_problem(desk, tmp_path):
    path = tmp_path / "register.csv"
    path.write_text("Bill No,Bill Date,Mobile,Customer,Item,Qty,Rate\n"
                    "B-1,02/11/2026,9876543210,Ramesh,Saree,999,9999999\n", encoding="utf-8")
    result = desk.imports.import_file(path, kind="purchases")
    assert result.created == 0 and [(i.row, i.field, i.reason) for i in result.issues] == [(2, "amount", "too_large")]


@pytest.mark.parametrize("date", ["31/12/9999", "1e308", "inf", "99999999999999999999", "00/00/0000", "1/13/2026"])
def test_absurd_register_dates_are_row_problems(desk, tmp_path, date):
    path = tmp_path / "register.csv"
    path.write_text("Bill No,Bill Date,Mobile,Customer,Item,Qty,Amount\n"
                    f"B-1,{date},9876543210,Ramesh,Saree,1,100\n"
                    "B-2,02/11/2026,9876543211,Sita,Saree,2,100\n", encoding="utf-8")
    result = desk.imports.import_file(path, kind="purchases")
    assert result.created == 1 and [(i.row, i.field) for i in result.issues] == [(2, "date")]


def test_a_device_is_not_read_forever(tmp_path, monkeypatch):
    """A name that points at an endless device (/dev/zero) is refused after MAX_FILE bytes at most."""
    import os

    from clientdesk.importing import readers

    link = tmp_path / "zero.csv"
    os.symlink("/dev/zero", link)
    monkeypatch.setattr(readers, "MAX_FILE", 10 * 1024 * 1024)  # a smaller limit keeps the test quick
    with pytest.raises(FileFormatError, match="larger than"):
        readers.read_file(link)


def test_broken_quoted_printable_keeps_the_phones(desk, tmp_path, capsys):
    path = hostile.vcf_broken_quoted_printable(tmp_path / "contacts.vcf")
    result = desk.imports.import_file(path)
    assert result.created == 2
    rows = list(desk.db.execute_sql("SELECT name, primary_phone FROM client ORDER BY id"))
    assert rows == [("रमेश", "+919876543210"), ("Sita Devi", "+919876543212")]
    client_id = desk.db.execute_sql("SELECT id FROM client ORDER BY id").fetchone()[0]
    phones = [n for (n,) in desk.db.execute_sql("SELECT number FROM phone WHERE client_id = ?", (client_id,))]
    assert sorted(phones) == ["+919876543210", "+919876543211"]
    assert "quoted-printable" in file_problems(result.issues)[2]
    code, summary, _ = cli_import(tmp_path, path, capsys=capsys)
    assert code == 0 and list(json_problems(summary)) == [2]


def test_vcards_without_end_are_kept_and_reported(desk, tmp_path, capsys):
    path = hostile.vcf_without_end(tmp_path / "cut.vcf")
    result = desk.imports.import_file(path)
    assert result.created == 3
    assert [p for _, p in desk.db.execute_sql("SELECT name, primary_phone FROM client ORDER BY id")] == [
        "+919876543210", "+919876543211", "+919876543212"]
    problems = file_problems(result.issues)
    assert sorted(problems) == [2, 4] and all("END:VCARD" in m for m in problems.values())
    code, summary, _ = cli_import(tmp_path, path, capsys=capsys)
    assert code == 0 and sorted(json_problems(summary)) == [2, 4]


def test_formula_without_result_and_merged_cells(desk, tmp_path, capsys):
    path = hostile.xlsx_formulas_and_merges(tmp_path / "book.xlsx")
    result = desk.imports.import_file(path)
    problems = file_problems(result.issues)
    assert "merged" in problems[2] and "formula" in problems[3]
    rows = list(desk.db.execute_sql("SELECT name, postal_city FROM client ORDER BY id"))
    assert rows == [("Ramesh", "Indore"), ("Gita", "Indore"), ("Mohan", "Pune")]  # row 3 has no name: not imported
    assert {(i.row, i.field) for i in result.issues} >= {(3, "name")}
    report = tmp_path / "report.xlsx"
    code, summary, _ = cli_import(tmp_path, path, "--report", str(report), capsys=capsys)
    assert code == 0 and {2, 3} <= set(json_problems(summary))
    written = list(openpyxl.load_workbook(report).active.iter_rows(min_row=2, values_only=True))
    assert {r[-2] for r in written} == {2, 3} and any("formula" in r[-1] for r in written)


def test_merge_over_empty_rows_makes_no_rows(desk, tmp_path):
    book = openpyxl.Workbook()
    for row in (["Name", "Mobile", "City"], ["Ramesh", 9876543210, "Indore"], ["Sita", 9876543211, None],
                [None, None, None], [None, None, None]):
        book.active.append(row)
    book.active.merge_cells("C2:C7")
    book.save(tmp_path / "merged.xlsx")
    result = desk.imports.import_file(tmp_path / "merged.xlsx")
    assert (result.created, result.failed_rows) == (2, 0)
    assert file_problems(result.issues) == {2: "Cells C2:C7 are merged: the value of C2 was also used for row 3"}
    assert [c for (c,) in desk.db.execute_sql("SELECT postal_city FROM client ORDER BY id")] == ["Indore", "Indore"]


def test_ods_formula_without_result_and_merged_cells(desk, tmp_path, capsys):
    path = hostile.ods_formulas_and_merges(tmp_path / "book.ods")
    result = desk.imports.import_file(path)
    problems = file_problems(result.issues)
    assert "merged" in problems[2] and "formula" in problems[3]
    rows = list(desk.db.execute_sql("SELECT name, postal_city FROM client ORDER BY id"))
    assert rows == [("Ramesh", "Indore"), ("Gita", "Indore"), ("Mohan", "Pune")]
    code, summary, _ = cli_import(tmp_path, path, capsys=capsys)
    assert code == 0 and {2, 3} <= set(json_problems(summary))


def test_cell_over_excel_limit_is_cut_and_said(desk, tmp_path):
    path = hostile.xlsx_long_cell(tmp_path / "long.xlsx")
    result = desk.imports.import_file(path)
    assert result.created == 2
    assert "40,000 characters" in file_problems(result.issues)[2]
    assert len(desk.db.execute_sql("SELECT notes FROM client ORDER BY id").fetchone()[0]) == MAX_CELL


def test_zip_bomb_is_refused_before_it_unpacks(desk, tmp_path):
    path = hostile.xlsx_zip_bomb(tmp_path / "bomb.xlsx")
    assert path.stat().st_size < 200_000
    with pytest.raises(FileFormatError, match="unpacks to far more"):
        desk.imports.import_file(path)
    assert desk.db.execute_sql("SELECT count(*) FROM client").fetchone() == (0,)


def test_zip_that_lies_about_its_sizes_is_refused(desk, tmp_path):
    """The reader trusts the sizes a zip declares only because calamine stops at a member bigger
    than declared: this keeps that true."""
    path = hostile.xlsx_lying_sizes(tmp_path / "liar.xlsx")
    with pytest.raises(FileFormatError, match="liar.xlsx"):
        desk.imports.import_file(path)
    assert desk.db.execute_sql("SELECT count(*) FROM client").fetchone() == (0,)


def test_zip_bomb_through_main_py_exits_2_and_writes_nothing(tmp_path):
    path = hostile.xlsx_zip_bomb(tmp_path / "bomb.xlsx")
    db = tmp_path / "d.sqlite"
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "--basedir", str(tmp_path), "--db", str(db),
                           "import", str(path), "--json"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2 and proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1 and "bomb.xlsx" in proc.stderr and "Traceback" not in proc.stderr
    if db.exists():
        assert clients(db) == []


def test_report_path_is_checked_before_anything_is_imported(tmp_path, csvfile, capsys):
    path = csvfile([["Name", "Mobile"], ["Ramesh", "9876543210"], ["Sita", "12"]])
    db = tmp_path / "cli.sqlite"
    for report in (tmp_path / "no" / "such" / "dir" / "rep.xlsx", tmp_path, tmp_path / "rep.csv"):
        code, summary, err = cli_import(tmp_path, path, "--report", str(report), capsys=capsys)
        assert (code, summary) == (2, None) and len(err.strip().splitlines()) == 1
        assert not db.exists()  # refused as the command line was read: no desk opened, no backup made
    code, summary, _ = cli_import(tmp_path, path, "--report", str(tmp_path / "rep.xlsx"), capsys=capsys)
    assert code == 0 and summary["created"] == 2 and (tmp_path / "rep.xlsx").exists()


def test_wider_than_a_sheet_still_gets_its_report(tmp_path, capsys):
    """16,400 columns: the import runs, the report keeps the first 16,382 and says so."""
    path = tmp_path / "wide.csv"
    header = ["Name", "Mobile"] + [f"Extra {i}" for i in range(16_398)]
    rows = [header, ["Ramesh", "9876543210"] + ["x"] * 16_398, ["Sita", "12"] + ["y"] * 16_398]
    path.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    report = tmp_path / "rep.xlsx"
    code, summary, err = cli_import(tmp_path, path, "--report", str(report), capsys=capsys)
    assert code == 0, err
    assert summary["created"] == 2 and [e["row"] for e in summary["errors"]] == [3]
    book = openpyxl.load_workbook(report, read_only=True)
    written = list(book.active.iter_rows(min_row=2, values_only=True))
    book.close()
    assert len(written) == 1 and written[0][0] == "Sita" and "not in this report" in written[0][-1]


def test_report_that_fails_after_the_import_does_not_say_nothing_was_written(tmp_path, csvfile, capsys, monkeypatch):
    """The report's folder vanishes between the check and the write (another program removed it)."""
    import shutil

    from clientdesk.importing import service

    folder = tmp_path / "reports"
    folder.mkdir()
    path = csvfile([["Name", "Mobile"], ["Ramesh", "9876543210"], ["Sita", "12"]])
    real = service.ImportService.import_file

    def import_then_remove_folder(self, *args, **kwargs):
        result = real(self, *args, **kwargs)
        shutil.rmtree(folder)
        return result

    monkeypatch.setattr(service.ImportService, "import_file", import_then_remove_folder)
    code, summary, err = cli_import(tmp_path, path, "--report", str(folder / "rep.xlsx"), capsys=capsys)
    assert code == 1 and summary["created"] == 2
    assert "import was saved" in err and "report was not written" in err
    assert [n for n, _ in clients(tmp_path / "cli.sqlite")] == ["Ramesh", "Sita"]


def test_text_longer_than_a_clients_card_keeps_is_left_out_as_a_problem(desk, tmp_path):
    """A pasted blob in a name, firm or address cell: left out with a problem on its row, as the
    client's form would refuse it (a row whose name is left out is not imported), the same on both
    engines; many tags and a long but allowed address are kept whole (the server's text columns
    have no 255-letter limit)."""
    from clientdesk.clients.listing import ClientFilter
    from clientdesk.models import Client

    blob = "zq" + "abcdefghij" * 500
    tags = ";".join(f"tag{n:03d}-group" for n in range(40))
    line = "House 12, " + "Gali Number Four, " * 26  # 478 letters: a form allows 500
    sheet = tmp_path / "blob.csv"
    sheet.write_text("Name,Phone,Firm,Address,Tags\n"
                     f"{blob},9812345678,,,\n"
                     f"Asha Devi,9812345679,{blob[:300]},,\n"
                     f"Ravi Kumar,9812345680,,\"{line}{blob[:100]}\",\n"
                     f"Meena Shah,9812345681,,\"{line}\",\"{tags}\"\n", encoding="utf-8")
    result = desk.imports.import_file(sheet)
    assert (result.created, result.failed_rows) == (3, 1)
    problems = {(i.row, i.field, i.reason) for i in result.issues}
    assert {(2, "name", "longer"), (3, "business_name", "longer"), (4, "address", "longer")} <= problems
    assert "5,002 characters long" in next(i.message for i in result.issues if i.row == 2 and i.reason == "longer")
    stored = {c.name: c for c in Client.select()}
    assert set(stored) == {"Asha Devi", "Ravi Kumar", "Meena Shah"}
    assert stored["Asha Devi"].business_name == "" and stored["Ravi Kumar"].postal_line == ""
    assert stored["Meena Shah"].postal_line == line.strip() and len(stored["Meena Shah"].tags_text) > 255
    assert desk.clients.count(ClientFilter(text="zqab")) == 0
    assert desk.clients.count(ClientFilter(text="meena")) == 1


def test_a_long_address_line_the_form_allows_is_saved(desk):
    from clientdesk.clients.fields import ClientData, PhoneEntry

    line = "Shop 4, " + "Main Bazaar Road, " * 26  # 476 letters, under the form's 500
    cid = desk.clients.create(ClientData(name="Gopal Das", postal_line=line, phones=[PhoneEntry("9812345682")]))
    assert desk.clients.get(cid).postal_line == line.strip()
