import datetime as dt

from hypothesis import given, settings, strategies as st

from clientdesk.greetings import rules
from clientdesk.greetings.occasions import personal
from clientdesk.greetings.rules import Caps, Sent, cap_reason, consent_reason, is_minor
from clientdesk.models import ConsentEvent, Interaction
from tests.greetings.helpers import make_client

TODAY = dt.date(2026, 11, 22)
days_back = st.integers(min_value=0, max_value=60)
history_st = st.lists(st.tuples(days_back, st.sampled_from(["", "birthday", "holi", "diwali-deepavali"])), max_size=8)


def _history(items):
    return [Sent(TODAY - dt.timedelta(days=d), key, TODAY - dt.timedelta(days=d) if key else None) for d, key in items]


@settings(max_examples=150, deadline=None)
@given(history_st, st.integers(1, 3), st.integers(1, 6))
def test_cap_allows_only_within_the_limits(items, per_7, per_30):
    history = _history(items)
    caps = Caps(per_7, per_30)
    reason = cap_reason(history, TODAY, "", None, caps)
    week = sum(1 for d, _ in items if d < 7)
    month = sum(1 for d, _ in items if d < 30)
    if week >= per_7:
        assert reason == "cap_7_days"
    elif month >= per_30:
        assert reason == "cap_30_days"
    else:
        assert reason is None
    if reason is None:  # sending one more never breaks a cap
        after = history + [Sent(TODAY)]
        assert sum(1 for s in after if TODAY - s.on < dt.timedelta(days=7)) <= per_7
        assert sum(1 for s in after if TODAY - s.on < dt.timedelta(days=30)) <= per_30


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 800), st.sampled_from(["birthday", "holi"]))
def test_same_occasion_never_twice_in_a_year(days_ago, key):
    earlier = TODAY - dt.timedelta(days=days_ago)
    reason = cap_reason([Sent(earlier, key, earlier)], TODAY, key, TODAY, Caps(99, 99))
    assert (reason == "already_greeted") == (earlier.year == TODAY.year)


@given(st.booleans(), st.booleans(), st.booleans())
def test_consent_and_minors(granted, guardian, minor):
    reason = consent_reason(granted, guardian, minor)
    if not granted:
        assert reason == "no_consent"
    elif minor and not guardian:
        assert reason == "minor"
    else:
        assert reason is None


@given(st.integers(1900, 2026), st.one_of(st.none(), st.integers(1, 12)), st.integers(1, 28))
def test_minor_from_birth_year(year, month, day):
    minor = is_minor(year, month, day if month else None, TODAY)
    if TODAY.year - year > 18:
        assert not minor
    if TODAY.year - year < 18:
        assert minor
    if TODAY.year - year == 18:  # 18 only once the birthday has passed; an unknown day counts as not yet
        assert minor == (month is None or (month, day) > (TODAY.month, TODAY.day))
    assert not is_minor(None, 5, 5, TODAY)


def test_service_leaves_out_with_reasons_and_logs_greetings(desk):
    ok = make_client(desk, name="Ramesh Kumar", birth_day=22, birth_month=11)
    no_consent = make_client(desk, name="Suresh", consents=(), birth_day=22, birth_month=11)
    minor = make_client(desk, name="Chhotu", birth_day=22, birth_month=11, birth_year=2012)
    minor_ok = make_client(desk, name="Pinky", birth_day=22, birth_month=11, birth_year=2012, guardian=True)
    no_email = make_client(desk, name="Geeta", email="", birth_day=22, birth_month=11)
    other_day = make_client(desk, name="Mohan", birth_day=1, birth_month=1)
    service = desk.greetings
    birthday = personal("birthday")
    ids = service.recipients(birthday, TODAY)
    assert ids == sorted([ok, no_consent, minor, minor_ok, no_email])
    comp = service.compose(birthday, TODAY, ids + [other_day, 9999], "email")
    assert {d.client_id for d in comp.drafts} == {ok, minor_ok}
    assert {(o.client_id, o.reason) for o in comp.left_out} == {
        (no_consent, "no_consent"), (minor, "minor"), (no_email, "no_email"), (other_day, "no_occasion"),
        (9999, "not_found")}
    recorded = service.record(comp)
    assert set(recorded.logged) == {ok, minor_ok}
    timeline = desk.history.interactions(ok)
    assert timeline[0].kind == "greeting" and timeline[0].channel == "email" and timeline[0].direction == "out"
    assert "जन्मदिन" in timeline[0].summary
    again = service.compose(birthday, TODAY, [ok], "whatsapp")
    assert [(o.client_id, o.reason) for o in again.left_out] == [(ok, "already_greeted")]
    # a second record of the same composition (double click) logs nothing more
    assert service.record(comp).logged == ()
    assert Interaction.select().where(Interaction.kind == "greeting").count() == 2


def test_frequency_cap_in_the_service_is_configurable(desk):
    cid = make_client(desk, birth_day=22, birth_month=11)
    service = desk.greetings
    service.record(service.compose(personal("any"), TODAY, [cid], "whatsapp"))
    assert service.compose(personal("birthday"), TODAY, [cid], "print").left_out[0].reason == "cap_7_days"
    desk.settings.set("greet_cap_7_days", 2)
    assert service.compose(personal("birthday"), TODAY, [cid], "print").drafts


def test_festival_goes_only_to_those_who_celebrate_it(desk):
    hindu = make_client(desk, name="Mahesh Sharma")
    muslim = make_client(desk, name="Imran Khan")
    desk.greetings.celebrations.set_for(muslim, ["id-ul-fitr"])
    occasion, on = desk.greetings.resolve("eid", TODAY)
    comp = desk.greetings.compose(occasion, on, [hindu, muslim], "whatsapp")
    assert [d.client_id for d in comp.drafts] == [muslim]
    assert [(o.client_id, o.reason) for o in comp.left_out] == [(hindu, "not_celebrated")]
    assert "ईद" in comp.drafts[0].text


def test_withdrawal_in_one_action_stops_greetings_and_is_logged(desk):
    cid = make_client(desk, birth_day=22, birth_month=11)
    desk.greetings.withdraw_consent(cid, "asked at the counter")
    for channel in rules.CHANNELS:
        comp = desk.greetings.compose(personal("birthday"), TODAY, [cid], channel)
        assert comp.left_out[0].reason == "no_consent"
    assert ConsentEvent.select().where(ConsentEvent.client == cid, ConsentEvent.granted == False).count() == 4  # noqa: E712
    assert desk.history.interactions(cid)[0].kind == "consent"


def test_merge_moves_greeting_history(desk):
    keep = make_client(desk, name="Ramesh Kumar", birth_day=22, birth_month=11)
    other = make_client(desk, name="Ramesh K", birth_day=22, birth_month=11)
    desk.greetings.record(desk.greetings.compose(personal("birthday"), TODAY, [other], "print"))
    desk.clients.merge(keep, other)
    assert desk.greetings.compose(personal("birthday"), TODAY, [keep], "print").left_out[0].reason == "already_greeted"
