"""Greetings never silently empty: a shop-wide field (the shop's name, its phone when a template uses
it) missing is said once, in plain words, where to set it; per-client empty fields keep their
fallbacks; a demo desk greets end to end."""

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from clientdesk.clock import FixedClock
from clientdesk.desk import Desk
from clientdesk.greetings.models import GreetingLog
from clientdesk.greetings.occasions import personal
from clientdesk.greetings.service import ShopFieldsMissing, TemplateData
from tests.greetings.helpers import greetings_page, make_client
from ui import dialogs
from tests.cli_helpers import run_in_process as _run

TODAY = dt.date(2026, 11, 22)
ROOT = Path(__file__).resolve().parents[2]




def _phone_template(desk, body_en: str, fallbacks=None) -> int:
    return desk.greetings.save_template(TemplateData("Call us", "birthday", body_en=body_en,
                                                     fallbacks=fallbacks or {}))


# ----- the service ----------------------------------------------------------------------------------
def test_missing_shop_name_is_one_error_with_a_code(desk):
    make_client(desk, name="Neha", language="en", birth_day=22, birth_month=11)
    with pytest.raises(ShopFieldsMissing) as caught:
        desk.greetings.check_shop_fields(personal("birthday"))
    assert caught.value.fields == ("shop_name",) and caught.value.code == "shop_fields_missing"
    assert caught.value.field == "shop_name" and caught.value.reason == "missing_shop_field"
    desk.settings.set("shop_name", "Gupta Stores")
    desk.greetings.check_shop_fields(personal("birthday"))  # nothing missing now


def test_shop_phone_only_when_the_template_uses_it(desk):
    desk.settings.set("shop_name", "Gupta Stores")
    uses_phone = _phone_template(desk, "Dear {name}, call {shop_phone} for your gift. {shop_name}")
    with pytest.raises(ShopFieldsMissing) as caught:
        desk.greetings.check_shop_fields(personal("birthday"), uses_phone)
    assert caught.value.fields == ("shop_phone",)
    inline = _phone_template(desk, "Dear {name}, see you soon{shop_phone|}. {shop_name}")
    with_fallback = _phone_template(desk, "Dear {name}, call {shop_phone}.", {"shop_phone": "the shop"})
    for template_id in (inline, with_fallback):
        desk.greetings.check_shop_fields(personal("birthday"), template_id)
    desk.settings.set("shop_phone", "98765 43210")
    desk.greetings.check_shop_fields(personal("birthday"), uses_phone)


def test_both_missing_are_named_together_in_order(desk):
    both = _phone_template(desk, "{shop_phone} {name} {shop_name} {shop_phone}")
    with pytest.raises(ShopFieldsMissing) as caught:
        desk.greetings.check_shop_fields(personal("birthday"), both)
    assert caught.value.fields == ("shop_name", "shop_phone")


def test_per_client_empty_fields_keep_their_fallbacks(desk):
    desk.settings.set("shop_name", "Gupta Stores")
    cid = make_client(desk, name="Neha", language="en", birth_day=22, birth_month=11)  # no honorific, no business
    desk.greetings.check_shop_fields(personal("birthday"))
    comp = desk.greetings.compose(personal("birthday"), TODAY, [cid], "print")
    assert comp.drafts[0].text.startswith("Dear Neha,") and not comp.drafts[0].flagged
    founded = desk.greetings.compose(personal("founded"), TODAY, [cid], "print")  # Neha has no founding day
    assert founded.left_out[0].reason == "no_occasion"


# ----- the command line -------------------------------------------------------------------------------
@pytest.fixture
def unnamed_desk(tmp_path):
    path = tmp_path / "new.sqlite"
    desk = Desk.open(path, clock=FixedClock(dt.date.today()))
    today = dt.date.today()
    ids = [make_client(desk, name=f"Client {i}", birth_day=today.day, birth_month=today.month) for i in range(5)]
    desk.close()
    return path, ids


def test_greet_without_a_shop_name_says_so_once_and_exits_2(unnamed_desk, capsys, tmp_path):
    path, ids = unnamed_desk
    out_pdf = tmp_path / "cards.pdf"
    code, out, err = _run(capsys, "--db", str(path), "greet", "--occasion", "birthday", "--channel", "pdf",
                          "--out", str(out_pdf), "--json")
    assert code == 2 and out == ""
    assert err.count("\n") == 1  # one line, not one per client
    assert "shop's name is not set" in err and "Settings → Shop" in err
    assert f"python main.py --db {path} settings --shop-name" in err
    assert not out_pdf.exists()
    desk = Desk.open(path)
    try:
        assert GreetingLog.select().count() == 0  # nobody recorded as greeted
    finally:
        desk.close()
    code, _, err = _run(capsys, "--db", str(path), "settings", "--shop-name", "Gupta Stores")
    assert code == 0, err
    code, out, err = _run(capsys, "--db", str(path), "greet", "--occasion", "birthday", "--channel", "pdf",
                          "--out", str(out_pdf), "--json")
    assert code == 0, err
    assert sorted(json.loads(out)["greeted"]) == sorted(ids) and out_pdf.exists()


def test_greet_names_the_phone_when_the_template_needs_it(unnamed_desk, capsys, tmp_path):
    path, _ = unnamed_desk
    desk = Desk.open(path)
    desk.settings.set("shop_name", "Gupta Stores")
    template_id = _phone_template(desk, "Dear {name}, call {shop_phone}. {shop_name}")
    desk.close()
    code, out, err = _run(capsys, "--db", str(path), "greet", "--occasion", "birthday", "--channel", "whatsapp",
                          "--out", str(tmp_path / "wa.csv"), "--template", str(template_id))
    assert code == 2 and "shop's phone is not set" in err and "--shop-phone" in err and err.count("\n") == 1


def test_a_demo_desk_greets_end_to_end(tmp_path):
    """`demo` names a demo shop, so a festival and a birthday greet clients on a fresh demo desk."""
    db = tmp_path / "demo.sqlite"

    def main_py(*argv):
        return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *argv], capture_output=True,
                              text=True, encoding="utf-8", timeout=300)

    made = main_py("demo", "--clients", "300")
    assert made.returncode == 0, made.stderr
    shown = main_py("settings", "--json")
    assert json.loads(shown.stdout)["shop_name"] and json.loads(shown.stdout)["shop_phone"]
    coming = json.loads(main_py("occasions", "--days", "60", "--json").stdout)["occasions"]
    birthdays = sorted((o for o in coming if o["kind"] == "birthday"), key=lambda o: -o["count"])
    greeted = []
    for day in birthdays[:5]:  # the busiest birthday days: someone there consented to WhatsApp
        birthday = main_py("greet", "--occasion", "birthday", "--date", day["date"], "--channel", "whatsapp",
                           "--out", str(tmp_path / "b.csv"), "--json")
        assert birthday.returncode == 0, birthday.stderr
        greeted += json.loads(birthday.stdout)["greeted"]
    assert greeted
    festival = main_py("greet", "--occasion", "diwali", "--channel", "whatsapp", "--out", str(tmp_path / "d.csv"),
                       "--json")
    assert festival.returncode == 0, festival.stderr
    assert len(json.loads(festival.stdout)["greeted"]) > 100


def test_demo_keeps_a_shop_name_already_set(tmp_path):
    db = tmp_path / "named.sqlite"
    desk = Desk.open(db)
    desk.settings.update({"shop_name": "Sharma Store", "shop_phone": ""})
    desk.close()
    made = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "demo", "--clients", "5"],
                          capture_output=True, text=True, encoding="utf-8", timeout=300)
    if made.returncode != 0:  # a desk with clients not made by demo may be refused; this one has none
        pytest.fail(made.stderr)
    desk = Desk.open(db)
    try:
        assert desk.settings.get("shop_name") == "Sharma Store"
    finally:
        desk.close()


# ----- the composer -------------------------------------------------------------------------------------
def test_composer_says_once_where_to_set_the_shop_name(qtbot, desk, monkeypatch):
    told = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: told.append(text))
    ids = [make_client(desk, name=f"Client {i}", birth_day=22, birth_month=11) for i in range(4)]
    page = greetings_page(desk)
    qtbot.addWidget(page)
    page.show()
    composer = page.composer
    page.compose_for(personal("birthday"), TODAY, ids)
    composer.prepare()
    assert len(told) == 1 and "shop's name is not set" in told[0] and "Settings → Shop" in told[0]
    assert composer.left_model.rowCount() == 0 and composer.drafts_model.rowCount() == 0  # nobody "left out"
    desk.settings.set("shop_name", "Gupta Stores")
    composer.prepare()
    assert len(told) == 1 and composer.drafts_model.rowCount() == 4


def test_composer_message_in_hindi(qtbot, desk, monkeypatch):
    from PySide6.QtCore import QTranslator
    from clientdesk.paths import resource

    translator = QTranslator()
    assert translator.load(str(resource("i18n", "clientdesk_hi.qm")))
    QCoreApplication.installTranslator(translator)
    try:
        told = []
        monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: told.append(text))
        cid = make_client(desk, name="Client", birth_day=22, birth_month=11)
        page = greetings_page(desk)
        qtbot.addWidget(page)
        page.compose_for(personal("birthday"), TODAY, [cid])
        page.composer.prepare()
        assert len(told) == 1 and "सेटिंग्स" in told[0]
    finally:
        QCoreApplication.removeTranslator(translator)
