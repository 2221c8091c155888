"""Client value, likelihood taking over from the manual figure, up-sell signals, win-back, dashboard."""

from __future__ import annotations

import datetime as dt

import pytest

from clientdesk.insights.service import pack_size
from clientdesk.clients.fields import ClientData, PhoneEntry

from tests.insights.conftest import add_client, buy


def test_client_value_figures(desk, shop):
    desk.insights.refresh()
    farid = desk.insights.client_value(shop["farid"])
    assert (farid.visits, farid.bills, farid.spent_paise, farid.avg_bill_paise) == (3, 3, 900_00, 300_00)
    assert farid.recency_days == 5
    assert farid.usual_gap_days == 30
    assert farid.visits_per_month == pytest.approx(3 / (66 / 30.44))
    assert farid.rfm_group in ("champions", "loyal")
    nobody = desk.insights.client_value(shop["divya"])
    assert nobody.rfm_group is None and nobody.visits == 0
    counts = desk.insights.rfm_counts()
    assert sum(counts.values()) == 4  # asha, bala, chetan, farid (esha is archived)


def _regular(desk, n: int, gap: int, last: int, manual=None) -> int:
    client = desk.clients.create(ClientData(name=f"Regular {n}", phones=[PhoneEntry(f"98111{n:05d}")],
                                            likelihood=manual))
    for k in range(6):
        buy(desk, client, last + k * gap, ("Rice 5 kg", "Grocery", 400))
    return client


def test_likelihood_takes_over_from_manual_once_there_is_history(desk):
    regulars = [_regular(desk, n, 10 + n % 7, n % 30) for n in range(40)]
    newcomer = add_client(desk, "Naya Grahak", "9822200001", likelihood=70)
    buy(desk, newcomer, 3, ("Rice 5 kg", "Grocery", 400))
    unknown = add_client(desk, "Koi Nahin", "9822200002", likelihood=20)
    desk.insights.refresh()
    regular = desk.insights.client_value(regulars[0])
    assert regular.likelihood_source == "model" and 0 <= regular.likelihood <= 100
    assert regular.likelihood == round(regular.p30 * 100)
    assert desk.insights.client_value(newcomer).likelihood_source == "manual"
    assert desk.insights.client_value(newcomer).likelihood == 70
    assert desk.insights.likelihoods([unknown, newcomer])[unknown] == (20, "manual")
    # a client who came every ~10 days until yesterday is likelier to come than one gone for months
    gone = _regular(desk, 99, 10, 200)
    desk.insights.refresh()
    assert desk.insights.client_value(regulars[1]).p30 > desk.insights.client_value(gone).p30
    assert desk.segments.count("likelihood >= 60") == sum(
        1 for v in desk.insights.likelihoods(regulars + [newcomer, unknown, gone]).values() if v[0] and v[0] >= 60)


def test_win_back_is_regulars_away_for_twice_their_usual_gap(desk, shop):
    away = _regular(desk, 1, 10, 25)       # every 10 days, gone 25 days: win back
    recent = _regular(desk, 2, 10, 15)     # every 10 days, gone 15: not yet
    desk.insights.refresh()
    ids = desk.insights.winback_ids()
    assert away in ids and recent not in ids
    assert shop["farid"] not in ids       # every 30 days, last 5 days ago
    assert shop["asha"] not in ids        # only 2 visits: not a regular yet


def test_upsell_signals(desk, shop):
    small = add_client(desk, "Chhota Pack", "9833300001")
    for days in (10, 40, 70):
        buy(desk, small, days, ("Atta 5 kg", "Grocery", 260))
    big = add_client(desk, "Bada Pack", "9833300002")
    buy(desk, big, 12, ("Atta 10 kg", "Grocery", 490))
    rising = add_client(desk, "Badhta Kharcha", "9833300003")
    buy(desk, rising, 120, ("Rice 5 kg", "Grocery", 400))
    for days in (5, 20, 50):
        buy(desk, rising, days, ("Rice 5 kg", "Grocery", 420), ("Ghee 500 ml", "Dairy", 320))
    desk.loyalty.enrol(shop["farid"])
    buy(desk, shop["farid"], 1, ("Chicken 1 kg", "Meat", 8_500))  # ₹9,400 in 12 months: ₹600 short of Silver
    desk.insights.refresh()
    signals = {(s.client_id, s.kind): s for s in desk.insights.signals()}
    pack = signals[(small, "larger_pack")]
    assert (pack.text_a, pack.text_b, pack.value_a) == ("Atta 5 kg", "Atta 10 kg", 3)
    assert (big, "larger_pack") not in signals
    assert signals[(rising, "rising_spend")].value_a == 3 * 740_00
    assert signals[(rising, "rising_visits")].value_a == 3
    near = signals[(shop["farid"], "near_tier")]
    assert (near.value_a, near.text_a) == (600_00, "silver")
    assert near.value_a == desk.loyalty.summary(shop["farid"]).to_next_tier_paise
    assert desk.segments.client_ids("close to next tier") == [shop["farid"]]


def test_pack_size_reading():
    assert pack_size("Atta 5 kg") == ("atta", 5000)
    assert pack_size("Shampoo 180ml") == ("shampoo", 180)
    assert pack_size("Mustard Oil 1 L") == ("mustard oil", 1000)
    assert pack_size("Bread") is None and pack_size("5 kg") is None


def test_dashboard_figures(desk, shop):
    desk.insights.refresh()
    board = desk.insights.dashboard(months=12)
    assert len(board.months) == 12 and board.months[-1] == "2026-11"
    by_month = dict(zip(board.months, board.sales_paise))
    assert by_month["2026-11"] == 150_00 + 100_00 + 300_00  # asha, esha (archived, still a sale), farid
    assert sum(board.sales_paise) == 300_00 + 500_00 + 300_00 + 100_00 + 900_00
    assert board.top_clients[0] == (shop["farid"], "Farid Khan", 900_00)
    assert sum(board.new_clients) == 5
    assert board.occasions == [] or all(o[3] >= dt.date(2026, 11, 22) for o in board.occasions)
    asha_birthday = desk.insights.occasions(days=365)
    assert (shop["asha"], "Asha Verma", "birthday", dt.date(2027, 11, 5)) in asha_birthday
    assert (shop["divya"], "Divya Nair", "anniversary", dt.date(2027, 3, 2)) in asha_birthday


def test_refresh_can_be_cancelled_and_keeps_the_old_figures(desk, shop):
    from clientdesk.errors import ClientDeskError
    from clientdesk.progress import Progress

    desk.insights.refresh()
    before = desk.insights.rfm_counts()
    progress = Progress(lambda done, total, label: progress.cancel() if done >= 5 else None)
    with pytest.raises(ClientDeskError):
        desk.insights.refresh(progress)
    assert desk.insights.rfm_counts() == before
