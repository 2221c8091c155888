"""Loyalty cards are all or nothing: a PDF that cannot be finished leaves no cards, sign-up points
or print dates, and no file (whole or partial) behind."""

from __future__ import annotations

import shutil

import pytest
from pypdf import PdfReader

from clientdesk.demo import generate
from clientdesk.errors import ClientDeskError, StorageError
from clientdesk.progress import Cancelled, Progress


def loyalty_rows(desk) -> tuple:
    """The committed rows of the loyalty tables (the desk's connection, outside any transaction)."""
    assert not desk.db.in_transaction()
    return tuple(desk.db.execute_sql(f"SELECT count(*) FROM {table}").fetchone()[0]
                 for table in ("loyalty_card", "ledger_entry", "loyalty_member"))


@pytest.fixture
def shop(desk):
    generate(desk, 25, seed=4)
    return desk


def test_cancel_while_drawing_keeps_nothing(shop, tmp_path):
    out = tmp_path / "cards" / "all.pdf"
    out.parent.mkdir()
    progress = Progress(lambda done, total, label: progress.cancel() if done >= 10 else None)
    with pytest.raises(Cancelled):
        shop.cards.write_cards(out, shop.cards.everyone_for_cards(), progress=progress)
    assert loyalty_rows(shop) == (0, 0, 0)
    assert list(out.parent.iterdir()) == []


def test_the_folder_vanishing_while_drawing_keeps_nothing(shop, tmp_path):
    """As `cards /no/such/dir/c.pdf --all` did, but the folder goes away after the checks."""
    folder = tmp_path / "usb"
    folder.mkdir()
    out = folder / "all.pdf"

    def pull_the_stick(done, total, label):
        if done >= 10 and folder.exists():
            shutil.rmtree(folder)

    with pytest.raises(ClientDeskError) as info:
        shop.cards.write_cards(out, shop.cards.everyone_for_cards(), progress=Progress(pull_the_stick))
    assert isinstance(info.value, StorageError)
    assert loyalty_rows(shop) == (0, 0, 0)
    assert not folder.exists()


def test_a_finished_pdf_commits_cards_points_and_print_dates(shop, tmp_path):
    out = tmp_path / "all.pdf"
    ids = shop.cards.everyone_for_cards()
    result = shop.cards.write_cards(out, ids)
    assert result["cards"] == len(ids) == 25
    cards, points, members = loyalty_rows(shop)
    assert cards == members == 25 and points >= 25 * (shop.loyalty.rules().signup_bonus > 0)
    assert shop.cards.unprinted_client_ids() == []
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".clientdesk-")] == []
    numbers = [shop.loyalty.summary(cid).card_number for cid in ids]
    assert len(set(numbers)) == 25
    drawn = "".join(page.extract_text() for page in PdfReader(out).pages).replace(" ", "")
    assert all(number in drawn for number in numbers)  # the numbers drawn are the numbers issued
