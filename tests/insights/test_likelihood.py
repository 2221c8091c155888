"""BG/NBD through lifetimes: the paper's estimates, our closed forms, AUC, and the back-test."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from clientdesk.demo import generate
from clientdesk.insights import likelihood as lk


@pytest.fixture(scope="module")
def cdnow():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from lifetimes.datasets import load_cdnow_summary

        data = load_cdnow_summary(index_col=[0])
    return data["frequency"].to_numpy(float), data["recency"].to_numpy(float), data["T"].to_numpy(float)


def test_fit_reproduces_the_papers_cdnow_estimates(cdnow):
    # Fader, Hardie & Lee (2005), section 5: r = 0.243, alpha = 4.414, a = 0.793, b = 2.426 (weeks)
    model = lk.fit(*cdnow)
    assert model.r == pytest.approx(0.243, abs=0.001)
    assert model.alpha == pytest.approx(4.414, abs=0.01)
    assert model.a == pytest.approx(0.793, abs=0.002)
    assert model.b == pytest.approx(2.426, abs=0.01)


def test_p_alive_matches_lifetimes_and_p_buy_matches_its_expectation(cdnow):
    x, t_x, T = (v[:200] for v in cdnow)
    model = lk.fit(*cdnow)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from lifetimes import BetaGeoFitter
    fitter = BetaGeoFitter()
    fitter.params_ = pd.Series(model.to_dict())
    assert model.p_alive(x, t_x, T) == pytest.approx(fitter.conditional_probability_alive(x, t_x, T))
    # P(buy at least once) can never exceed the expected number of purchases, and grows with the horizon
    expected = fitter.conditional_expected_number_of_purchases_up_to_time(4, x, t_x, T)
    p4, p8 = model.p_buy_within(4, x, t_x, T), model.p_buy_within(8, x, t_x, T)
    assert np.all(p4 <= expected + 1e-9) and np.all(p8 >= p4) and np.all((p4 >= 0) & (p4 <= 1))


def test_p_buy_within_agrees_with_simulation():
    model = lk.BgNbd(r=2.0, alpha=20.0, a=1.0, b=3.0)
    rng = np.random.default_rng(5)
    n, T, horizon = 200_000, 50.0, 10.0
    rate = rng.gamma(model.r, 1 / model.alpha, n)
    p_drop = rng.beta(model.a, model.b, n)
    hits = np.zeros(n, bool)
    x = np.zeros(n)
    t_x = np.zeros(n)
    alive = np.ones(n, bool)
    clock = np.zeros(n)
    while alive.any():  # simulate purchases until each client drops out or passes T + horizon
        clock = clock + rng.exponential(1 / rate)
        in_window = alive & (clock <= T + horizon)
        before = in_window & (clock <= T)
        x[before] += 1
        t_x[before] = clock[before]
        hits |= in_window & (clock > T)
        alive &= in_window
        alive &= rng.random(n) >= p_drop
    chosen = (x == 2)  # compare for one history: two repeat purchases by T
    sim = hits[chosen & (np.abs(t_x - 40) < 5)].mean()
    assert model.p_buy_within(horizon, 2, 40, T) == pytest.approx(sim, abs=0.03)


def test_auc():
    assert lk.auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]) == pytest.approx(0.75)
    assert lk.auc([1, 1, 1, 1], [0, 1, 0, 1]) == pytest.approx(0.5)
    assert np.isnan(lk.auc([1, 2], [1, 1]))


def test_too_little_history_gives_no_model():
    assert lk.fit([0, 1, 0], [0, 5, 0], [10, 10, 10]) is None


def test_backtest_runs_on_demo_data(desk):
    generate(desk, 400, seed=3)
    result = desk.insights.backtest(holdout_days=60)
    assert result.clients > 200 and 0 < result.returned < result.clients
    assert 0.5 < result.auc_model <= 1 and 0.5 < result.auc_days_since <= 1
    assert set(result.params) == {"r", "alpha", "a", "b"}
