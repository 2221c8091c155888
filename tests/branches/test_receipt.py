"""The receipt names the branch and counter the bill was rung up at (when they are named)."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from clientdesk.counter.receipt import Receipt, receipt_lines, receipt_message, write_receipt_pdf
from tests.pdf_render import render_page


def _receipt(**changes) -> Receipt:
    values = dict(shop_name="Sharma General Store", shop_phone="98765 43210", when=dt.datetime(2026, 12, 3, 17, 5),
                  bill_no="B-101", client_name="Meena Devi", amount_paise=125_050, redeemed_points=0,
                  redeemed_paise=0, net_paise=125_050, points_earned=12, balance=340, language="en")
    values.update(changes)
    return Receipt(**values)


def test_branch_and_counter_lines_follow_the_date():
    lines = receipt_lines(_receipt(branch="Andheri West", counter="Counter 2"))
    assert lines[:4] == [("Date", "03/12/2026 17:05"), ("Branch", "Andheri West"), ("Counter", "Counter 2"),
                         ("Bill no.", "B-101")]
    hindi = receipt_lines(_receipt(branch="अंधेरी", counter="काउंटर २", language="hi"))
    assert hindi[1:3] == [("शाखा", "अंधेरी"), ("काउंटर", "काउंटर २")]
    assert [label for label, _ in receipt_lines(_receipt())][:2] == ["Date", "Bill no."]  # not named: no lines
    assert [label for label, _ in receipt_lines(_receipt(counter="2"))][:3] == ["Date", "Counter", "Bill no."]
    assert "Branch: O'Brien \"Main\"" in receipt_message(_receipt(branch="O'Brien \"Main\""))


def test_pdf_slip_names_the_branch(tmp_path):
    out = write_receipt_pdf(_receipt(branch="Bandra", counter="Counter 2"), tmp_path / "r.pdf", paper="58mm")
    text = PdfReader(out).pages[0].extract_text()  # (shaped text: "st" would come back as a ligature)
    assert "Branch\n Bandra\nCounter\n Counter 2\n" in text
    hindi = write_receipt_pdf(_receipt(branch="अंधेरी पश्चिम", counter="काउंटर २", language="hi",
                                       client_name="मीना देवी"), tmp_path / "hi.pdf", paper="80mm")
    image = PdfReader(hindi).pages[0]
    assert image.mediabox.width > 0
    render_page(hindi, 1, 200, tmp_path / "hi")  # looked at by eye when the receipt changes
