import datetime as dt

import pytest
from pypdf import PdfReader

from clientdesk.errors import ValidationError
from clientdesk.greetings import cards, deliver
from clientdesk.greetings.occasions import personal
from tests.greetings.helpers import make_client
from tests.pdf_render import render_pages

TODAY = dt.date(2026, 11, 22)


def _png_has_ink(path):
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    return len(colours) > 20


@pytest.mark.parametrize("layout,pages_per_card,width_mm", [("a6", 1, 148), ("a5", 2, 210)])
def test_one_card_per_recipient_in_both_layouts(desk, tmp_path, layout, pages_per_card, width_mm):
    desk.settings.set("shop_name", "Sharma General Store")
    ids = [make_client(desk, name=n, language=lang, birth_day=22, birth_month=11, father_name=f)
           for n, lang, f in (("रमेश कुमार", "hi", "मोहन लाल"), ("Priya Singh", "en", ""), ("हरप्रीत कौर", "hi", ""))]
    comp = desk.greetings.compose(personal("birthday"), TODAY, ids, "print")
    out = tmp_path / f"cards-{layout}.pdf"
    delivery = deliver.print_cards(desk.greetings, comp, out, layout)
    assert set(delivery.greeted) == set(ids)
    reader = PdfReader(out)
    assert len(reader.pages) == 3 * pages_per_card
    assert round(float(reader.pages[0].mediabox.width) / 72 * 25.4) == width_mm
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Priya" in text and "Sharma General Store" in text
    pngs = render_pages(out, 1, 2, 80, tmp_path / layout)
    assert len(pngs) == 2 and all(_png_has_ink(p) for p in pngs)


def test_every_kind_has_a_motif_and_nobody_means_no_pdf(tmp_path):
    shop = cards.Shop("Dukan", "+91 98765 43210")
    sample = [cards.Card("दीपावली", "श्री रमेश", "पुत्र मोहन लाल", "शुभकामनाएँ", kind) for kind in cards.PALETTE]
    assert cards.write_cards(tmp_path / "all.pdf", sample, shop, "a6") == len(cards.PALETTE)
    assert set(cards.MOTIFS) == set(cards.PALETTE)
    with pytest.raises(ValidationError):
        cards.write_cards(tmp_path / "none.pdf", [], shop)
    assert not (tmp_path / "none.pdf").exists()


def test_flagged_messages_are_held_back_unless_allowed(desk, tmp_path):
    cid = make_client(desk, name="Neha", language="en", birth_day=22, birth_month=11)  # no shop name set
    comp = desk.greetings.compose(personal("birthday"), TODAY, [cid], "print")
    held = deliver.print_cards(desk.greetings, comp, tmp_path / "held.pdf")
    assert held.greeted == () and held.left_out[-1].reason == "empty_field:shop_name"
    assert not (tmp_path / "held.pdf").exists()
    sent = deliver.print_cards(desk.greetings, comp, tmp_path / "ok.pdf", allow_flagged=True)
    assert sent.greeted == (cid,)
