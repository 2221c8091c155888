import datetime as dt

from clientdesk.greetings.occasions import (
    FestivalCalendar, next_on_or_after, nth_weekday, on_day, personal_between, slug,
)
from clientdesk.services.history import PurchaseRecord
from tests.greetings.helpers import make_client


def test_leap_day_birthday_is_greeted_on_28_february_in_other_years(desk):
    cid = make_client(desk, birth_day=29, birth_month=2, birth_year=1992)
    hits_2026 = personal_between(dt.date(2026, 2, 27), dt.date(2026, 3, 1), ["birthday"])
    assert [(h.client_id, h.date) for h in hits_2026] == [(cid, dt.date(2026, 2, 28))]
    hits_2028 = personal_between(dt.date(2028, 2, 28), dt.date(2028, 2, 29), ["birthday"])
    assert [(h.client_id, h.date) for h in hits_2028] == [(cid, dt.date(2028, 2, 29))]
    assert on_day(2, 29, 2027) == dt.date(2027, 2, 28)
    assert next_on_or_after(2, 29, dt.date(2027, 3, 1)) == dt.date(2028, 2, 29)


def test_birthday_without_a_year_and_anniversary_years(desk):
    no_year = make_client(desk, name="Sunita Devi", birth_day=22, birth_month=11)
    married = make_client(desk, name="Amit Jain", anniversary_day=23, anniversary_month=11, anniversary_year=2016)
    founded = make_client(desk, name="Vikas Traders", founded_day=25, founded_month=11, founded_year=2001)
    hits = {(h.client_id, h.kind): h for h in personal_between(dt.date(2026, 11, 22), dt.date(2026, 11, 30))}
    assert hits[(no_year, "birthday")].date == dt.date(2026, 11, 22)
    assert hits[(no_year, "birthday")].years is None
    assert hits[(married, "anniversary")].years == 10
    assert hits[(founded, "founded")].years == 25


def test_first_purchase_anniversary_counts_years_with_us(desk):
    old = make_client(desk, name="Old Friend")
    new = make_client(desk, name="New Friend")
    desk.history.record_purchase(PurchaseRecord(old, dt.date(2024, 11, 24), 50000))
    desk.history.record_purchase(PurchaseRecord(new, dt.date(2026, 11, 22), 50000))
    hits = personal_between(dt.date(2026, 11, 22), dt.date(2026, 11, 30), ["first_purchase"])
    assert [(h.client_id, h.date, h.years) for h in hits] == [(old, dt.date(2026, 11, 24), 2)]


def test_archived_clients_have_no_occasions(desk):
    cid = make_client(desk, birth_day=22, birth_month=11)
    desk.clients.archive(cid)
    assert personal_between(dt.date(2026, 11, 22), dt.date(2026, 11, 22)) == []


def test_festivals_follow_the_shop_state(desk):
    calendar = FestivalCalendar(desk.db, desk.settings)
    holi = [d for d in calendar.year(2026) if d.key == "holi"]
    assert holi[0].date == dt.date(2026, 3, 4)
    desk.settings.set("shop_state", "MH")
    holi_mh = [d for d in calendar.year(2026) if d.key == "holi"]
    assert holi_mh[0].date == dt.date(2026, 3, 3)


def test_festival_names_are_split_and_in_hindi(desk):
    days = {d.key: d for d in desk.greetings.calendar.year(2026)}
    assert days["diwali-deepavali"].date == dt.date(2026, 11, 8)
    assert days["diwali-deepavali"].name_hi == "दिवाली (दीपावली)"
    assert days["naraka-chaturdashi"].date == dt.date(2026, 11, 8)  # same day, split from "; "
    assert days["raksha-bandhan"].date == dt.date(2026, 8, 28)
    assert days["id-ul-fitr"].date == dt.date(2026, 3, 21)
    assert days["christmas"].name_hi == "क्रिसमस"
    assert "; " not in "".join(d.name_en + d.name_hi for d in days.values())


def test_rules_and_table_fill_the_gaps(desk):
    days = {d.key: d for d in desk.greetings.calendar.year(2026)}
    assert days["mothers-day"].date == dt.date(2026, 5, 10) == nth_weekday(2026, 5, 6, 2)
    assert days["fathers-day"].date == dt.date(2026, 6, 21)
    assert days["friendship-day"].date == dt.date(2026, 8, 2)
    assert days["navratri"].date == dt.date(2026, 10, 11) and days["navratri"].source == "table"
    assert days["dhanteras"].date == dt.date(2026, 11, 6)
    assert days["chaitra-navratri"].date == dt.date(2026, 3, 19)
    assert days["navratri"].name_hi == "नवरात्रि"


def test_user_adds_hides_and_corrects(desk):
    calendar = desk.greetings.calendar
    key = calendar.add("Shop anniversary sale", "दुकान की सालगिरह", 12, 1)
    assert [d.date for d in calendar.year(2027) if d.key == key] == [dt.date(2027, 12, 1)]
    calendar.move("diwali-deepavali", 2026, dt.date(2026, 11, 9))
    diwali = [d for d in calendar.year(2026) if d.key == "diwali-deepavali"][0]
    assert diwali.date == dt.date(2026, 11, 9) and diwali.moved
    assert [d.date for d in calendar.year(2027) if d.key == "diwali-deepavali"] == [dt.date(2027, 10, 29)]
    calendar.hide("christmas")
    assert not [d for d in calendar.year(2026) if d.key == "christmas"]
    assert [d for d in calendar.year(2026, include_hidden=True) if d.key == "christmas"][0].hidden
    calendar.hide("christmas", hidden=False)
    assert [d for d in calendar.year(2026) if d.key == "christmas"]
    calendar.remove(key)
    assert not [d for d in calendar.year(2027) if d.key == key]


def test_names_are_found_in_english_and_hindi(desk):
    service = desk.greetings
    today = dt.date(2026, 11, 1)
    assert service.resolve("diwali", today)[0].key == "diwali-deepavali"
    assert service.resolve("दिवाली", today)[1] == dt.date(2026, 11, 8)
    assert service.resolve("Holi", today)[1] == dt.date(2027, 3, 22)
    assert service.resolve("eid", today)[0].key == "id-ul-fitr"
    assert service.resolve("first-purchase", today)[0].kind == "first_purchase"
    assert slug("Dr. B. R. Ambedkar's Jayanti") == "dr-b-r-ambedkars-jayanti"


def test_each_client_celebrates_their_own_festivals(desk):
    hindu = make_client(desk, name="Mahesh Sharma")
    muslim = make_client(desk, name="Imran Khan")
    desk.greetings.celebrations.set_for(muslim, ["id-ul-fitr", "id-ul-zuha-bakrid", "new-years-day"])
    celebrations = desk.greetings.celebrations
    assert celebrations.client_ids("id-ul-fitr") == [muslim]
    assert celebrations.client_ids("diwali-deepavali") == [hindu]
    assert celebrations.count("new-years-day") == 2
    desk.greetings.celebrations.set_defaults(["diwali-deepavali", "id-ul-fitr"])
    assert celebrations.client_ids("id-ul-fitr") == [hindu, muslim]
    celebrations.set_for(muslim, None)
    assert celebrations.of(muslim) == (["diwali-deepavali", "id-ul-fitr"], False)


def test_custom_dates_per_client(desk):
    cid = make_client(desk)
    date_id = desk.greetings.custom_dates.add(cid, "बेटी का जन्मदिन", 26, 11, 2015)
    hits = personal_between(dt.date(2026, 11, 22), dt.date(2026, 11, 30), ["custom"])
    assert [(h.client_id, h.label, h.years, h.ref) for h in hits] == [(cid, "बेटी का जन्मदिन", 11, date_id)]


def test_coming_up_today_week_month_with_counts(desk):
    today_a = make_client(desk, name="Asha", birth_day=22, birth_month=11)
    today_b = make_client(desk, name="Usha", anniversary_day=22, anniversary_month=11)
    week = make_client(desk, name="Mohan", birth_day=27, birth_month=11)
    make_client(desk, name="Later", birth_day=2, birth_month=12)
    make_client(desk, name="Past", birth_day=21, birth_month=11)
    upcoming = desk.greetings.coming_up()
    today_items = upcoming.within(1)
    assert {(i.occasion.kind, i.client_ids) for i in today_items} == {("birthday", (today_a,)),
                                                                      ("anniversary", (today_b,))}
    counts = upcoming.counts()
    # 24 Nov brings Guru Nanak Jayanti and Guru Tegh Bahadur's day (festivals count once each)
    assert counts["today"] == 2
    assert counts["week"] == 2 + 1 + 2
    assert counts["month"] == 2 + 1 + 2
    assert week in upcoming.within(7)[-1].client_ids or any(week in i.client_ids for i in upcoming.within(7))
    longer = desk.greetings.coming_up(days=15)
    assert any(i.date == dt.date(2026, 12, 2) for i in longer.items)
