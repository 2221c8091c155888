import datetime as dt
import socket

from clientdesk.greetings import deliver, mailer
from clientdesk.greetings.occasions import personal
from tests.greetings.helpers import make_client

TODAY = dt.date(2026, 11, 22)


def test_hindi_subject_and_body_arrive_intact(desk, smtp_server):
    inbox, smtp = smtp_server
    desk.settings.set("shop_name", "शर्मा जनरल स्टोर")
    cid = make_client(desk, name="रमेश कुमार", honorific="श्री", email="ramesh@example.in", birth_day=22, birth_month=11)
    comp = desk.greetings.compose(personal("birthday"), TODAY, [cid], "email")
    delivery = deliver.send_email(desk.greetings, comp, smtp, None)
    assert delivery.greeted == (cid,) and delivery.failed == ()
    [message] = inbox.messages
    assert message["Subject"] == "जन्मदिन की हार्दिक शुभकामनाएँ, रमेश कुमार जी"
    assert message["To"] == "ramesh@example.in"
    body = message.get_content()
    assert "आदरणीय श्री रमेश कुमार जी" in body and "जन्मदिन की हार्दिक शुभकामनाएँ!" in body
    assert body.rstrip().endswith("शर्मा जनरल स्टोर")
    assert "शर्मा जनरल स्टोर" in str(message["From"])
    assert desk.history.interactions(cid)[0].kind == "greeting"


def test_failures_are_per_recipient_and_can_be_retried(desk, smtp_server):
    inbox, smtp = smtp_server
    desk.settings.set("shop_name", "Sharma Store")
    good = make_client(desk, name="Good", email="good@example.in", birth_day=22, birth_month=11)
    bad = make_client(desk, name="Bad", email="bad@example.in", birth_day=22, birth_month=11)
    inbox.refuse.add("bad@example.in")
    comp = desk.greetings.compose(personal("birthday"), TODAY, [good, bad], "email")
    first = deliver.send_email(desk.greetings, comp, smtp, None)
    assert first.greeted == (good,)
    assert [f.client_id for f in first.failed] == [bad] and "refused" in first.failed[0].error
    inbox.refuse.clear()
    retry = [d for d in comp.drafts if d.client_id in {f.client_id for f in first.failed}]
    second = deliver.send_email(desk.greetings, comp, smtp, None, drafts=retry)
    assert second.greeted == (bad,) and second.failed == ()
    assert len(inbox.messages) == 2


def test_unreachable_server_fails_every_recipient_without_logging(desk):
    cid = make_client(desk, email="x@example.in", birth_day=22, birth_month=11)
    desk.settings.set("shop_name", "Sharma Store")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    smtp = mailer.SmtpSettings("127.0.0.1", port, "none", "", "dukan@example.in", timeout=2)
    comp = desk.greetings.compose(personal("birthday"), TODAY, [cid], "email")
    delivery = deliver.send_email(desk.greetings, comp, smtp, None)
    assert delivery.greeted == () and [f.client_id for f in delivery.failed] == [cid]
    assert desk.greetings.last_greetings(cid) == []


def test_settings_are_saved_without_the_password(desk):
    smtp = mailer.SmtpSettings("smtp.example.in", 465, "ssl", "dukan@example.in")
    smtp.save(desk.settings)
    assert mailer.SmtpSettings.from_settings(desk.settings).port == 465
    assert "secret" not in str(desk.settings.all())
    # no keyring backend here: the password is asked for each session instead
    if not mailer.keyring_available():
        assert mailer.store_password(smtp, "secret") is False
