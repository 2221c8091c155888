import csv
import datetime as dt

from hypothesis import given, strategies as st

from clientdesk.greetings import deliver, whatsapp
from clientdesk.greetings.occasions import personal
from tests.greetings.helpers import make_client

TODAY = dt.date(2026, 11, 22)


@given(st.text(min_size=0, max_size=200))
def test_links_round_trip_any_text(text):
    url = whatsapp.link("+919876543210", text)
    assert url.startswith("https://wa.me/919876543210?text=")
    assert whatsapp.parse_link(url) == ("+919876543210", text)


def test_hindi_link_and_fixed_lines_refused():
    url = whatsapp.link("+919876543210", "दीपावली की शुभकामनाएँ & धन्यवाद")
    assert " " not in url and "&" not in url.split("?", 1)[1].replace("text=", "")
    assert whatsapp.parse_link(url)[1] == "दीपावली की शुभकामनाएँ & धन्यवाद"
    assert not whatsapp.is_mobile("+911123456789")  # a Delhi landline


def test_csv_of_names_phones_and_links(desk, tmp_path):
    desk.settings.set("shop_name", "Sharma Store")
    cid = make_client(desk, name="सुनीता देवी", phone="+919812345678", birth_day=22, birth_month=11)
    comp = desk.greetings.compose(personal("birthday"), TODAY, [cid], "whatsapp")
    delivery = deliver.whatsapp_csv(desk.greetings, comp, tmp_path / "wa.csv")
    assert delivery.greeted == (cid,)
    with open(tmp_path / "wa.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["name"] == "सुनीता देवी" and rows[0]["phone"] == "+919812345678"
    number, text = whatsapp.parse_link(rows[0]["link"])
    assert number == "+919812345678" and text == comp.drafts[0].text
