"""Exports read back with openpyxl: layout, types, formats, languages; vCard; round trips."""

from __future__ import annotations

import datetime as dt

import openpyxl
import peewee
import pytest

from clientdesk.errors import FileFormatError, ValidationError
from clientdesk.exporting.headers import CLIENT_COLUMNS, HEADERS
from clientdesk.exporting.vcard import fold, write_vcards
from clientdesk.models import Client, Purchase
from clientdesk.clients.fields import ClientData, PhoneEntry
from clientdesk.clients.listing import ClientFilter
from clientdesk.services.history import InteractionRecord, LineItem, PurchaseRecord


@pytest.fixture
def shop(desk):
    """Three clients, one with two phones, bills and a visit."""
    ramesh = desk.clients.create(ClientData(
        name="रमेश कुमार", father_name="सुरेश कुमार", phones=[PhoneEntry("9876543210", True), PhoneEntry("9820012345")],
        email="ramesh@example.in", business_name="Kumar Traders", gstin="27AAPFU0939F1ZV", postal_line="12, MG Road",
        postal_city="Indore", postal_state="MP", postal_pin="452001", birth_day=5, birth_month=6, birth_year=1990,
        anniversary_day=17, anniversary_month=8, tags=["VIP", "Wedding"], notes="likes silk"))
    anita = desk.clients.create(ClientData(name="Anita Desai", phones=[PhoneEntry("9876500001")]))
    desk.clients.create(ClientData(name="Vijay", email="vijay@example.in"))
    desk.history.record_purchase(PurchaseRecord(ramesh, dt.date(2026, 11, 2), 1234567_50, "B-1", lines=[
        LineItem("Silk saree", "Sarees", 1, 1234000_00), LineItem("Blouse", "Fabric", 2, 567_50)]))
    desk.history.record_purchase(PurchaseRecord(anita, dt.date(2026, 10, 1), 500_00, "B-2"))
    desk.history.log_interaction(InteractionRecord(ramesh, dt.datetime(2026, 11, 20, 11, 30), "visit", "in", "पूछताछ"))
    return desk, ramesh, anita


def _read(path):
    book = openpyxl.load_workbook(path)
    return book.active, list(book.active.iter_rows(values_only=True))


def test_client_export_layout_types_and_formats(shop, tmp_path):
    desk, ramesh, _ = shop
    path = tmp_path / "clients.xlsx"
    assert desk.exports.export_clients(path) == 3
    sheet, rows = _read(path)
    assert list(rows[0]) == [HEADERS["en"][c] for c in CLIENT_COLUMNS]
    assert rows[0][:17] == ("Name", "Father's name", "Phone", "Other phones", "Email", "Business", "GSTIN", "Address",
                            "City", "State", "PIN", "Birthday", "Anniversary", "Status", "Tags", "Total spent", "Last visit")
    assert sheet["A1"].font.b and sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:R4"
    assert sorted(r[0] for r in rows[1:]) == ["Anita Desai", "Vijay", "रमेश कुमार"]  # in the list's name order
    line = next(i for i, r in enumerate(rows, start=1) if r[0] == "रमेश कुमार")
    row = {h: v for h, v in zip(rows[0], rows[line - 1])}
    assert row["Phone"] == "98765 43210" and row["Other phones"] == "98200 12345"
    assert sheet.cell(row=line, column=3).data_type == "s"
    assert row["Birthday"] == dt.datetime(1990, 6, 5) and row["Anniversary"] == "17 Aug"
    assert row["Total spent"] == pytest.approx(1234567.50) and "##\\,##\\,##0.00" in sheet.cell(row=line, column=16).number_format
    assert row["Last visit"] == dt.datetime(2026, 11, 20) and sheet.cell(row=line, column=17).is_date
    assert row["Status"] == "Active" and row["Tags"] == "VIP, Wedding" and row["Father's name"] == "सुरेश कुमार"
    assert sheet.column_dimensions["A"].width >= 12


def test_hindi_headers_and_scopes(shop, tmp_path):
    desk, ramesh, anita = shop
    path = tmp_path / "hi.xlsx"
    desk.exports.export_clients(path, "hi", flt=ClientFilter(text="anita"))
    _, rows = _read(path)
    assert rows[0][:3] == ("नाम", "पिता का नाम", "फ़ोन") and [r[0] for r in rows[1:]] == ["Anita Desai"]
    assert rows[1][13] == "सक्रिय"
    desk.exports.export_clients(path, ids=[ramesh, anita])
    assert sorted(r[0] for r in _read(path)[1][1:]) == ["Anita Desai", "रमेश कुमार"]
    with pytest.raises(ValidationError):
        desk.exports.export_clients(path, "fr")


def test_purchases_and_interactions(shop, tmp_path):
    desk, ramesh, _ = shop
    path = tmp_path / "purchases.xlsx"
    desk.exports.export_purchases(path)
    _, rows = _read(path)
    assert rows[0] == ("Date", "Bill no.", "Name", "Phone", "Item", "Category", "Qty", "Amount", "Branch", "Counter")
    assert rows[1] == (dt.datetime(2026, 10, 1), "B-2", "Anita Desai", "98765 00001", None, None, 1, 500, None, None)
    assert rows[2][4:8] == ("Silk saree", "Sarees", 1, 1234000) and rows[3][4:8] == ("Blouse", "Fabric", 2, 567.5)
    desk.exports.export_purchases(path, flt=ClientFilter(text="anita"))
    assert len(_read(path)[1]) == 2
    path = tmp_path / "interactions.xlsx"
    desk.exports.export_interactions(path, "hi")
    _, rows = _read(path)
    assert rows[1] == (dt.datetime(2026, 11, 20, 11, 30), "रमेश कुमार", "98765 43210", "मुलाक़ात", "आया", "पूछताछ", None)


def test_client_export_imports_back_unchanged(shop, tmp_path):
    desk, _, _ = shop
    path = tmp_path / "clients.xlsx"
    desk.exports.export_clients(path)
    before = [desk.clients.get(c) for c in desk.clients.ids(limit=10)]
    result = desk.imports.import_file(path)
    assert (result.created, result.updated, result.unchanged, result.issues) == (0, 0, 3, [])
    assert result.batch_id is None
    assert [desk.clients.get(c) for c in desk.clients.ids(limit=10)] == before
    hindi = tmp_path / "hindi.xlsx"
    desk.exports.export_clients(hindi, "hi")
    assert desk.imports.import_file(hindi).unchanged == 3 and Client.select().count() == 3


def test_purchase_export_imports_back_as_register_without_doubling(shop, tmp_path):
    desk, _, _ = shop
    path = tmp_path / "purchases.xlsx"
    desk.exports.export_purchases(path)
    result = desk.imports.import_file(path, kind="purchases")
    assert (result.created, result.new_clients) == (0, 0)
    assert Purchase.select().count() == 2


def test_vcard_export_imports_back(shop, tmp_path):
    desk, ramesh, _ = shop
    path = tmp_path / "clients.vcf"
    assert desk.exports.export_vcard(path) == 3
    text = path.read_bytes().decode("utf-8")
    assert "FN:रमेश कुमार" in text and "TEL;TYPE=CELL,PREF:+919876543210" in text and "BDAY:1990-06-05" in text
    assert "X-ANNIVERSARY:--08-17" in text and "ORG:Kumar Traders" in text
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    before = desk.clients.get(ramesh)
    result = desk.imports.import_file(path)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 3)
    assert desk.clients.get(ramesh) == before


def test_a_vcard_export_that_fails_halfway_leaves_the_old_file_and_no_part_file(tmp_path):
    path = tmp_path / "clients.vcf"
    path.write_text("the old export", encoding="utf-8")

    def clients():
        yield {"name": "Ramesh Kumar", "phones": ["+919876543210"]}
        raise OSError(28, "No space left on device")

    with pytest.raises(FileFormatError, match="clients.vcf could not be written: No space left on device"):
        write_vcards(path, clients())
    assert path.read_text(encoding="utf-8") == "the old export"
    assert [p.name for p in tmp_path.iterdir()] == ["clients.vcf"]


def test_fold_never_splits_a_character():
    line = "NOTE:" + "नमस्ते " * 30
    folded = fold(line).split("\r\n")
    assert "".join(part[1:] if i else part for i, part in enumerate(folded)) == line
    assert all(len(part.encode("utf-8")) <= 75 for part in folded)


def test_other_phones_in_the_order_they_were_added_and_an_empty_selection(shop, tmp_path):
    desk, ramesh, _ = shop
    data = desk.clients.get(ramesh)
    data.phones = [*data.phones, PhoneEntry("9811122233")]
    desk.clients.update(ramesh, data)
    path = tmp_path / "clients.xlsx"
    desk.exports.export_clients(path, ids=[ramesh])
    _, rows = _read(path)
    assert rows[1][2:4] == ("98765 43210", "98200 12345 / 98111 22233")
    records = list(desk.exports.client_records([ramesh]))
    assert records[0]["phones"] == ["+919876543210", "+919820012345", "+919811122233"]
    assert desk.exports.export_clients(path, ids=[]) == 0
    sheet, rows = _read(path)
    assert rows == [tuple(HEADERS["en"][c] for c in CLIENT_COLUMNS)] and sheet.auto_filter.ref == "A1:R1"
