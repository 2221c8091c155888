"""The receipt after a counter bill: PDF slip read back, the WhatsApp text, both languages."""

from __future__ import annotations

import datetime as dt

import pypdfium2
import pytest
from pypdf import PdfReader

from clientdesk.counter.receipt import PAPERS, Receipt, receipt_for_sale, receipt_message, write_receipt_pdf
from clientdesk.desk import Desk
from clientdesk.errors import StorageError, ValidationError
from tests.loyalty.helpers import add_client


def _receipt(**changes) -> Receipt:
    values = dict(shop_name="Sharma General Store", shop_phone="98765 43210", when=dt.datetime(2026, 12, 3, 17, 5),
                  bill_no="B-101", client_name="Meena Devi", amount_paise=125_050, redeemed_points=50,
                  redeemed_paise=5_000, net_paise=120_050, points_earned=12, balance=340, expiring_soon=40,
                  expiring_by=dt.date(2026, 12, 31), stamps=3, stamps_needed=10, rewards_due=1,
                  reward_text="10% off", language="en")
    values.update(changes)
    return Receipt(**values)


def test_message_names_every_figure_in_english():
    text = receipt_message(_receipt())
    for part in ("*Sharma General Store*", "03/12/2026 17:05", "B-101", "Meena Devi", "₹1,250.50",
                 "Points redeemed: 50", "Amount paid: ₹1,200.50", "Points earned: 12", "Points balance: 340",
                 "Points expiring by 31/12/2026: 40", "Stamps: 3/10", "Reward due: 1 × 10% off"):
        assert part in text


def test_message_in_hindi_for_a_hindi_client():
    text = receipt_message(_receipt(language="hi", client_name="मीना देवी"))
    assert "रसीद" in text and "बचे पॉइंट: 340" in text and "धन्यवाद" in text
    assert "Points" not in text


def test_no_redemption_no_paid_line_and_nothing_expiring():
    text = receipt_message(_receipt(redeemed_points=0, redeemed_paise=0, net_paise=125_050, expiring_soon=0,
                                    rewards_due=0))
    assert "Amount paid" not in text and "expiring" not in text and "Reward" not in text


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_pdf_slip_read_back(tmp_path, paper):
    out = write_receipt_pdf(_receipt(), tmp_path / "r.pdf", paper=paper)
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    width = float(reader.pages[0].mediabox.width)
    assert abs(width - PAPERS[paper]) < 0.5
    text = reader.pages[0].extract_text()
    for part in ("Sharma General Store", "B-101", "340", "3/10"):
        assert part in text
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]  # no temporary file left


def test_hindi_slip_renders(tmp_path):
    out = write_receipt_pdf(_receipt(language="hi", client_name="मीना देवी", shop_name="शर्मा जनरल स्टोर"),
                            tmp_path / "hi.pdf", paper="80mm")
    page = pypdfium2.PdfDocument(str(out))[0]
    image = page.render(scale=3).to_pil()
    # dark pixels exist in the upper third (the shaped shop name): the text was drawn, not dropped
    top = image.crop((0, 0, image.width, image.height // 3)).convert("L")
    assert top.getextrema()[0] < 100


def test_missing_folder_and_unknown_paper_write_nothing(tmp_path):
    with pytest.raises(StorageError):
        write_receipt_pdf(_receipt(), tmp_path / "no" / "such" / "r.pdf")
    with pytest.raises(ValidationError):
        write_receipt_pdf(_receipt(), tmp_path / "r.pdf", paper="letter")
    assert list(tmp_path.iterdir()) == []


def test_receipt_for_a_recorded_sale(tmp_path):
    desk = Desk.open(tmp_path / "d.sqlite")
    try:
        desk.settings.set("shop_name", "Sharma Store")
        cid = add_client(desk, name="मीना देवी", language="hi")
        sale = desk.counter.record_sale(cid, 100_000, bill_no="7")
        receipt = receipt_for_sale(sale, "7", desk.clients, desk.loyalty, desk.settings, desk.clock)
        assert receipt.language == "hi" and receipt.client_name == "मीना देवी"
        assert receipt.balance == desk.loyalty.balance(cid)
        assert receipt.points_earned == sale.points_earned + sale.bonus_points > 0
        assert receipt.shop_name == "Sharma Store" and receipt.amount_paise == 100_000
    finally:
        desk.close()


def test_sale_command_writes_the_receipt_in_the_clients_language(tmp_path, capsys):
    import json

    from clientdesk import cli

    db = tmp_path / "d.sqlite"
    desk = Desk.open(db)
    desk.settings.set("shop_name", "Sharma Store")
    add_client(desk, name="मीना देवी", phone="9812345678", language="hi")
    desk.close()
    out = tmp_path / "slip.pdf"
    code = cli.run_command(cli.build_parser().parse_args(
        ["--db", str(db), "sale", "--phone", "98123 45678", "--amount", "1,250.50", "--receipt", str(out),
         "--paper", "58mm", "--json"]))
    result = json.loads(capsys.readouterr().out)
    assert code == 0 and result["receipt"] == str(out)
    assert "बचे पॉइंट" in result["receipt_text"] and "Sharma Store" in result["receipt_text"]
    assert abs(float(PdfReader(out).pages[0].mediabox.width) - PAPERS["58mm"]) < 0.5


def test_sale_command_with_an_unwritable_receipt_records_nothing(tmp_path, capsys):
    from clientdesk import cli

    db = tmp_path / "d.sqlite"
    desk = Desk.open(db)
    cid = add_client(desk, phone="9812345678")
    desk.close()
    code = cli.run_command(cli.build_parser().parse_args(
        ["--db", str(db), "sale", "--phone", "9812345678", "--amount", "500", "--receipt",
         str(tmp_path / "no" / "slip.pdf")]))
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "no folder" in err
    desk = Desk.open(db)
    try:
        assert desk.loyalty.balance(cid) == 0 and desk.counter.last_undoable_sale() is None
    finally:
        desk.close()
