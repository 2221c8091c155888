import dataclasses
import datetime as dt

import pytest

from clientdesk.errors import ValidationError
from clientdesk.greetings.occasions import KINDS, personal
from clientdesk.greetings.service import TemplateData
from clientdesk.greetings.templates import render
from clientdesk.services.history import PurchaseRecord
from tests.greetings.helpers import make_client

TODAY = dt.date(2026, 11, 22)


def test_render_fills_fields_with_fallbacks_and_flags_the_rest():
    out = render("Dear {honorific} {name}, from {shop_name}. {reward_due|} {tier|Friend}", {"name": "Ramesh",
                                                                                            "shop_name": ""},
                 {"honorific": ""})
    assert out.text == "Dear Ramesh, from. Friend"
    assert out.empty == ("shop_name",) and out.unknown == ()
    odd = render("Hi {nickname}", {})
    assert odd.unknown == ("nickname",) and "{nickname}" in odd.text and not odd.ok


def test_every_kind_has_a_builtin_in_hindi_and_english(desk):
    for kind in KINDS:
        templates = desk.greetings.templates(kind)
        assert templates and all(t.body_hi and t.body_en and t.builtin for t in templates), kind
    assert "दीपावली" in desk.greetings.template_for(desk.greetings.resolve("diwali", TODAY)[0]).body_hi


def test_language_of_the_client_picks_the_text_and_names_them(desk):
    desk.settings.set("shop_name", "Sharma General Store")
    hi = make_client(desk, name="रमेश कुमार", honorific="श्री", father_name="मोहन लाल", birth_day=22, birth_month=11)
    en = make_client(desk, name="Priya Singh", honorific="Ms", language="en", birth_day=22, birth_month=11)
    comp = desk.greetings.compose(personal("birthday"), TODAY, [hi, en], "print")
    by_id = {d.client_id: d for d in comp.drafts}
    assert by_id[hi].text.startswith("आदरणीय श्री रमेश कुमार जी,")
    assert "जन्मदिन की हार्दिक शुभकामनाएँ" in by_id[hi].text and by_id[hi].text.endswith("Sharma General Store")
    assert by_id[hi].values["father_line"] == "पुत्र मोहन लाल"
    assert by_id[en].text.startswith("Dear Ms Priya,") and "happy birthday" in by_id[en].text
    assert by_id[en].subject == "Happy birthday, Priya!"
    assert not any(d.flagged for d in comp.drafts)


def test_years_with_us_and_loyalty_fields(desk):
    desk.settings.set("shop_name", "Sharma General Store")
    cid = make_client(desk, name="Amit Jain", language="en")
    desk.history.record_purchase(PurchaseRecord(cid, dt.date(2023, 11, 22), 100000))
    comp = desk.greetings.compose(personal("first_purchase"), TODAY, [cid], "print")
    assert "3 years since your first visit" in comp.drafts[0].text
    thanks = [t for t in desk.greetings.templates("any") if "{points}" in t.body_en][0]
    plain = desk.greetings.compose(personal("any"), TODAY, [cid], "print", thanks.id).drafts[0]
    assert plain.flagged and "points" in plain.empty  # not a loyalty member: flagged before sending
    desk.loyalty.enrol(cid)
    member = desk.greetings.compose(personal("any"), TODAY, [cid], "print", thanks.id).drafts[0]
    summary = desk.loyalty.summary(cid)
    assert f"You have {summary.points} points" in member.text and "points" not in member.empty


def test_empty_field_is_flagged_until_fixed_by_hand(desk):
    cid = make_client(desk, name="Neha", language="en", birth_day=22, birth_month=11)
    comp = desk.greetings.compose(personal("birthday"), TODAY, [cid], "copy")
    draft = comp.drafts[0]
    assert draft.empty == ("shop_name",)  # the shop has no name yet
    fixed = draft.with_text(draft.text + "Gupta Stores")
    assert not fixed.flagged and fixed.edited
    broken = draft.with_text("Hello {nick}")
    assert broken.unknown == ("nick",)


def test_templates_are_stored_edited_and_restored(desk):
    service = desk.greetings
    new_id = service.save_template(TemplateData("Gold birthday", "birthday", body_en="Dear {name}, happy birthday!",
                                                body_hi="{name} जी, जन्मदिन मुबारक!", fallbacks={"tier": "member"}))
    assert service.template(new_id).fallbacks == {"tier": "member"}
    with pytest.raises(ValidationError):
        service.save_template(TemplateData("Bad", "birthday", body_en="Hi {nick}"))
    builtin = service.templates("birthday")[0]
    builtin.body_en = "Changed {name}"
    service.save_template(builtin)
    assert service.template(builtin.id).body_en == "Changed {name}"
    service.delete_template(builtin.id)
    restored = [t for t in service.templates("birthday") if t.builtin][0]
    assert "happy birthday" in restored.body_en


def test_live_preview_for_a_real_client(desk):
    cid = make_client(desk, name="Kavita Verma", honorific="Smt.", birth_day=22, birth_month=11)
    template = desk.greetings.template_for(personal("birthday"))
    preview = desk.greetings.preview(template, cid, personal("birthday"), TODAY)
    assert preview["hi"][1].text.startswith("आदरणीय श्रीमती Kavita Verma जी")  # honorific in the message's language
    assert preview["en"][0].text == "Happy birthday, Kavita!"
    assert preview["en"][1].text.startswith("Dear Smt. Kavita")


def test_hindi_messages_use_the_name_in_devanagari_when_the_shop_gave_it(desk):
    cid = make_client(desk, name="Harpreet Reddy", honorific="Smt.", father_name="Suresh Reddy", gender="female",
                      name_other="हरप्रीत रेड्डी", father_name_other="सुरेश रेड्डी", birth_day=22, birth_month=11)
    template = desk.greetings.template_for(personal("birthday"))
    template = dataclasses.replace(template, body_hi="आदरणीय {honorific} {name} जी ({father_line})",
                                   body_en="Dear {honorific} {name} ({father_line})")
    preview = desk.greetings.preview(template, cid, personal("birthday"), TODAY)
    assert preview["hi"][1].text == "आदरणीय श्रीमती हरप्रीत रेड्डी जी (पुत्री सुरेश रेड्डी)"
    assert preview["en"][1].text == "Dear Smt. Harpreet Reddy (D/o Suresh Reddy)"


def test_english_messages_use_the_latin_name_of_a_devanagari_client(desk):
    cid = make_client(desk, name="रमेश कुमार", honorific="श्री", name_other="Ramesh Kumar", birth_day=22, birth_month=11)
    template = desk.greetings.template_for(personal("birthday"))
    preview = desk.greetings.preview(template, cid, personal("birthday"), TODAY)
    assert preview["en"][0].text == "Happy birthday, Ramesh!"
    assert preview["en"][1].text.startswith("Dear Shri Ramesh")
    assert preview["hi"][1].text.startswith("आदरणीय श्री रमेश कुमार जी")
