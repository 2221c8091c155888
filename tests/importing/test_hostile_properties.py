"""Properties of the file reader: any bytes give rows or a FileFormatError (never another error,
never a NUL or an over-long cell), and a well-formed CSV reads back exactly, with no problem."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from clientdesk.errors import FileFormatError
from clientdesk.importing.readers import MAX_CELL, RawTable, read_delimited, read_file

PIECES = [b'"', b",", b";", b"\t", b"\n", b"\r\n", b"\r", b"\x00", b"\xff", b"\xe0\xa4", "रमेश".encode(),
          "José".encode("cp1252"), b"BEGIN:VCARD\r\n", b"END:VCARD\r\n", b"FN;ENCODING=QUOTED-PRINTABLE:=E0=A4=\r\n",
          b"TEL:9876543210\r\n", b"=", b"=ZZ", b"Name,Mobile\n", b"9876543210", b" ", b"\xef\xbb\xbf", b"\xff\xfe",
          b"N:;;;;\r\n", b"FN;CHARSET=nonexistent;ENCODING=QUOTED-PRINTABLE:=41\r\n"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.sampled_from(PIECES), min_size=1, max_size=60), suffix=st.sampled_from([".csv", ".vcf"]))
def test_any_bytes_read_or_refuse_cleanly(tmp_path, parts, suffix):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(b"".join(parts))
    try:
        table = read_file(path)
    except FileFormatError:
        return
    for row in table.rows:
        for cell in row:
            assert not (isinstance(cell, str) and ("\x00" in cell or len(cell) > MAX_CELL))
    assert all(0 <= index < len(table.rows) for index in table.problems)


text_cells = st.lists(st.sampled_from(list('ab रमेश,;"\n\t') + ["\r\n"]), max_size=12).map("".join).map(str.strip)


@settings(max_examples=300, deadline=None)
@given(width=st.integers(min_value=2, max_value=5), data=st.data(), newline=st.sampled_from(["\n", "\r\n"]))
def test_well_formed_csv_reads_back_exactly(width, data, newline):
    """Cells with quotes, delimiters and line breaks (LF or CRLF) are not mistaken for a stray
    quote. (Two columns or more: the delimiter of a one-column file cannot be told.)"""
    header = [f"Column{i}" for i in range(width)]
    rows = data.draw(st.lists(st.lists(text_cells, min_size=width, max_size=width), min_size=1, max_size=8))
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=newline).writerows([header, *rows])
    table = RawTable(Path("x.csv"))
    read_delimited(buffer.getvalue(), table)
    expected = [header] + [[cell or None for cell in row] for row in rows]
    assert table.problems == {}
    assert [[c.strip() if isinstance(c, str) else c for c in row] for row in table.rows] == [
        [c.strip() or None if isinstance(c, str) else c for c in row] for row in expected]


def test_headers_decide_the_delimiter_when_the_rows_would_mislead_the_guess():
    """Found by the property above in CI: quoted cells full of semicolons made the csv module give up,
    and the fallback counted the whole sample, so the comma-separated file was read on ';'."""
    text = 'Column0,Column1\n"""े",";\na"\n,;;;\n'
    table = RawTable(Path("x.csv"))
    read_delimited(text, table)
    assert table.delimiter == ","
    assert table.rows == [["Column0", "Column1"], ['"े', ";\na"], [None, ";;;"]]
    assert table.problems == {}
