"""Occasion names on the command line: whole names, English or Hindi, case and punctuation folded;
an unknown name exits 2 with close matches. `birthday.` greets birthdays, never a festival."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from clientdesk import cli
from clientdesk.clock import FixedClock
from clientdesk.desk import Desk
from clientdesk.errors import ValidationError
from clientdesk.greetings.occasions import fold
from tests.greetings.helpers import make_client

TODAY = dt.date(2026, 11, 1)

# typed name -> (kind, festival key or kind)
MATCHES = [
    ("Diwali", "festival", "diwali-deepavali"),
    ("diwali", "festival", "diwali-deepavali"),
    ("diwali!", "festival", "diwali-deepavali"),
    ("  DIWALI  ", "festival", "diwali-deepavali"),
    ("Diwali (Deepavali)", "festival", "diwali-deepavali"),
    ("deepavali", "festival", "diwali-deepavali"),
    ("दिवाली", "festival", "diwali-deepavali"),
    ("दीपावली", "festival", "diwali-deepavali"),
    ("दिवाली।", "festival", "diwali-deepavali"),
    ("birthday", "birthday", "birthday"),
    ("Birthday", "birthday", "birthday"),
    ("birthday.", "birthday", "birthday"),
    ("BIRTHDAY!!!", "birthday", "birthday"),
    ("birthday'--", "birthday", "birthday"),
    ("जन्मदिन", "birthday", "birthday"),
    ("anniversary", "anniversary", "anniversary"),
    ("Wedding anniversary", "anniversary", "anniversary"),
    ("वर्षगाँठ", "anniversary", "anniversary"),
    ("founded", "founded", "founded"),
    ("founding day", "founded", "founded"),
    ("first-purchase", "first_purchase", "first_purchase"),
    ("first purchase", "first_purchase", "first_purchase"),
    ("first_purchase", "first_purchase", "first_purchase"),
    ("custom", "custom", "custom"),
    ("Hazarat Ali's Birthday", "festival", "hazarat-alis-birthday"),
    ("hazarat alis birthday", "festival", "hazarat-alis-birthday"),
    ("हज़रत अली का जन्मदिन", "festival", "hazarat-alis-birthday"),
    ("हजरत अली का जन्मदिन", "festival", "hazarat-alis-birthday"),
    ("Holi", "festival", "holi"),
    ("होली", "festival", "holi"),
    ("eid", "festival", "id-ul-fitr"),
    ("Id-ul-Fitr", "festival", "id-ul-fitr"),
    ("bakrid", "festival", "id-ul-zuha-bakrid"),
    ("बकरीद", "festival", "id-ul-zuha-bakrid"),
    ("chhath", "festival", "pratihar-shashthi-or-surya-shashthi-chhath-puja"),
    ("छठ पूजा", "festival", "pratihar-shashthi-or-surya-shashthi-chhath-puja"),
    ("Mother's Day", "festival", "mothers-day"),
    ("mothers day", "festival", "mothers-day"),
    ("Dr. B. R. Ambedkar's Jayanti", "festival", "dr-b-r-ambedkars-jayanti"),
    ("dussehra", "festival", "dussehra"),
    ("दशहरा", "festival", "dussehra"),
    ("rakhi", "festival", "raksha-bandhan"),
    ("ganesh", "festival", "ganesh-chaturthi-vinayak-chaturthi"),
]

# typed name -> a close match the message names ("" when none is close)
UNKNOWN = [
    ("diwaly", "Diwali (Deepavali)"),
    ("hollli", "Holi"),
    ("birthdya", "birthday"),
    ("hazarat", ""),
    ("ali", ""),
    ("birth", "birthday"),
    ("'; DROP TABLE client; --", ""),
    ("", ""),
    ("!!!", ""),
    ("x" * 10_000, ""),
]


@pytest.fixture
def greetings(tmp_path):
    desk = Desk.open(tmp_path / "desk.sqlite", clock=FixedClock(dt.datetime(2026, 11, 1, 10, 0)))
    yield desk.greetings
    desk.close()


@pytest.mark.parametrize("typed, kind, key", MATCHES)
def test_whole_names_match(greetings, typed, kind, key):
    occasion, _on = greetings.resolve(typed, TODAY)
    assert (occasion.kind, occasion.key) == (kind, key)


@pytest.mark.parametrize("typed, close", UNKNOWN)
def test_unknown_names_are_refused_with_close_matches(greetings, typed, close):
    with pytest.raises(ValidationError) as info:
        greetings.resolve(typed, TODAY)
    assert info.value.field == "occasion" and info.value.reason == "unknown"
    message = str(info.value)
    assert "\n" not in message and len(message) < 400
    if close:
        assert "close matches" in message and close in message
    if "hazarat" in typed or typed == "ali":
        assert "Hazarat" not in message.split("close matches")[0]


def test_fold():
    assert fold("Diwali!") == "diwali"
    assert fold("Mother's Day") == "mothers-day"
    assert fold("  birthday. ") == "birthday"
    assert fold("हज़रत") == fold("हजरत")
    assert fold("दिवाली (दीपावली)") == "दिवाली-दीपावली"
    assert fold("Ganesh Chaturthi / Vinayak Chaturthi") == "ganesh-chaturthi-vinayak-chaturthi"


def test_greet_birthday_with_a_full_stop_greets_birthdays(tmp_path, capsys):
    """The report: `greet --occasion "birthday."` greeted the festival "Hazarat Ali's Birthday"."""
    today = dt.date.today()
    path = tmp_path / "desk.sqlite"
    desk = Desk.open(path, clock=FixedClock(today))
    desk.settings.set("shop_name", "Sharma Store")
    asha = make_client(desk, name="Asha Verma", birth_day=today.day, birth_month=today.month)
    desk.close()
    out = tmp_path / "links.csv"
    code = cli.run_command(cli.build_parser().parse_args(
        ["--db", str(path), "greet", "--occasion", "birthday.", "--channel", "whatsapp", "--out", str(out), "--json",
         "--date", today.isoformat()]))
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert json.loads(captured.out)["greeted"] == [asha]
    assert "Asha Verma" in out.read_text(encoding="utf-8-sig")


def test_greet_with_an_unknown_occasion_exits_2_naming_close_matches(tmp_path, capsys):
    path = tmp_path / "desk.sqlite"
    Desk.open(path).close()
    try:
        code = cli.run_command(cli.build_parser().parse_args(
            ["--db", str(path), "greet", "--occasion", "diwaly", "--channel", "whatsapp", "--out",
             str(tmp_path / "x.csv")]))
    except SystemExit as exc:
        code = exc.code
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "Diwali" in err
    assert not (tmp_path / "x.csv").exists()
