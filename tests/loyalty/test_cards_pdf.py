"""Printed cards: read back with pypdf, rendered with pypdfium2, QR codes decoded with zxing-cpp."""

from __future__ import annotations

import io

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from clientdesk.loyalty.cards import CARD_H, CARD_W
from tests.loyalty.helpers import add_client
from tests.pdf_render import render_page as render

NAMES = ["श्रीमती सुशीला देवी", "Priya Singh", "लक्ष्मी नारायण", "हरप्रीत कौर", "Anil Kumar", "प्रिया सिंह",
         "Mohammed Irfan Qureshi", "कृष्ण", "ज्योति", "रमेश कुमार", "Zoya Khan", "गणेश"]


@pytest.fixture
def shop(desk, tmp_path):
    logo = tmp_path / "logo.png"
    image = Image.new("RGB", (120, 120), "#ffffff")
    image.paste(Image.new("RGB", (80, 80), "#e65100"), (20, 20))
    image.save(logo)
    desk.settings.update({"shop_name": "श्री गणेश वस्त्रालय", "shop_phone": "+91 98765 43210",
                          "shop_address": "12 MG Road, Indore", "shop_logo": str(logo)})
    return desk


def test_twelve_cards_two_sheets_front_and_back(shop, tmp_path):
    desk = shop
    ids = [add_client(desk, name, f"98000000{i:02d}") for i, name in enumerate(NAMES)]
    desk.counter.record_sale(ids[1], 30_000_00)  # Gold
    out = tmp_path / "cards.pdf"
    result = desk.cards.write_cards(out, ids)
    assert result == {"cards": 12, "pages": 4, "client_ids": ids}
    reader = PdfReader(out)
    assert len(reader.pages) == 4
    assert [round(float(x)) for x in reader.pages[0].mediabox[2:]] == [595, 842]  # A4
    front = reader.pages[0].extract_text()
    numbers = [desk.loyalty.card_of(cid) for cid in ids]
    for number in numbers[:10]:
        assert " ".join(number[i:i + 4] for i in (0, 4, 8)) in front
    assert "Gold" in front and "Priya Singh" in front
    assert "Points expire" in reader.pages[1].extract_text()
    assert numbers[10][-4:] in reader.pages[2].extract_text()
    assert desk.cards.unprinted_client_ids() == []

    assert b"/Subtype /Image" in out.read_bytes()  # the shop logo
    png = render(out, 1, 150, tmp_path / "front")
    decoded = sorted(r.text for r in zxingcpp.read_barcodes(Image.open(png)))
    assert decoded == sorted(numbers[:10])
    for page, name in ((1, "look-front"), (2, "look-back")):  # to look at, in tmp_path
        assert Image.open(render(out, page, 80, tmp_path / name)).getbbox() is not None


def test_default_prints_only_unprinted_cards_and_fronts_only(shop, tmp_path):
    desk = shop
    a, b = add_client(desk, "A", "9800000001"), add_client(desk, "B", "9800000002")
    desk.cards.issue_card(a)
    first = desk.cards.write_cards(tmp_path / "one.pdf", back=False)
    assert first["client_ids"] == [a] and first["pages"] == 1
    desk.cards.issue_card(b)
    assert desk.cards.write_cards(tmp_path / "two.pdf")["client_ids"] == [b]


def test_card_preview_images_are_card_sized(shop):
    desk = shop
    cid = add_client(desk)
    desk.cards.issue_card(cid)
    front, back = desk.cards.card_images(cid, dpi=100)
    image = Image.open(io.BytesIO(front))
    assert abs(image.width - round(CARD_W / 72 * 100)) <= 1 and abs(image.height - round(CARD_H / 72 * 100)) <= 1
    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(desk.cards.card_images(cid, 300)[0])))
    assert [r.text for r in decoded] == [desk.loyalty.card_of(cid)]
    assert back[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_hindi_shop_prints_its_default_tier_and_terms_in_hindi(shop, tmp_path):
    desk = shop
    desk.set_language("hi")
    ids = [add_client(desk, "रमेश कुमार", "9800000001"), add_client(desk, "Priya Singh", "9800000002")]
    desk.counter.record_sale(ids[1], 30_000_00)
    out = tmp_path / "cards.pdf"
    desk.cards.write_cards(out, ids)
    reader = PdfReader(out)
    front, back = reader.pages[0].extract_text(), reader.pages[1].extract_text()
    # Shaped conjuncts come back from the PDF as private glyph codes: check the plain syllables.
    assert "सद" in front and "गो" in front and "Gold" not in front and "Member" not in front
    assert "महीने" in back and "Points expire" not in back
    for page, name in ((1, "hi-front"), (2, "hi-back")):  # to look at, in tmp_path
        assert Image.open(render(out, page, 80, tmp_path / name)).getbbox() is not None
