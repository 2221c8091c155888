"""BG/NBD fitted with scipy: the paper's CDNOW estimates, the closed forms, failures answered "no model
yet" without a word on stdout, AUC, and the back-test."""

from __future__ import annotations

import csv
import datetime as dt
import json
import logging
from pathlib import Path

import numpy as np
import pytest
from scipy.optimize import approx_fprime
from scipy.special import betaln

from clientdesk import cli
from clientdesk.demo import generate
from clientdesk.insights import likelihood

# Bruce Hardie's CDNOW sample (2,357 customers, 39 weeks), as shipped with the lifetimes package:
# ID, frequency (repeat purchases x), recency (t_x, weeks), T (weeks).
CDNOW = Path(__file__).resolve().parents[1] / "data" / "cdnow_customers_summary.csv"


@pytest.fixture(scope="module")
def cdnow():
    with CDNOW.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    return tuple(np.array([float(row[key]) for row in rows]) for key in ("frequency", "recency", "T"))


@pytest.fixture(scope="module")
def cdnow_model(cdnow):
    return likelihood.fit(*cdnow)


def test_fit_reproduces_the_papers_cdnow_estimates(cdnow, cdnow_model):
    # Fader, Hardie & Lee (2005), section 5: r = 0.243, alpha = 4.414, a = 0.793, b = 2.426 (weeks),
    # log-likelihood -9582.4
    model = cdnow_model
    published = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
    assert {k: round(v, 2) for k, v in model.to_dict().items()} == {k: round(v, 2) for k, v in published.items()}
    assert model.to_dict() == pytest.approx(published, abs=0.001)
    assert likelihood.log_likelihood(list(model.to_dict().values()), *cdnow).sum() == pytest.approx(-9582.4, abs=0.1)


def test_fit_does_not_depend_on_the_time_unit(cdnow, cdnow_model):
    x, t_x, T = cdnow
    in_days = likelihood.fit(x, t_x * 7, T * 7)
    assert in_days.r == pytest.approx(cdnow_model.r, rel=1e-3)
    assert in_days.alpha == pytest.approx(cdnow_model.alpha * 7, rel=1e-3)
    assert (in_days.a, in_days.b) == pytest.approx((cdnow_model.a, cdnow_model.b), rel=1e-3)


def test_gradient_matches_finite_differences(cdnow):
    x, t_x, T = (v[:300] for v in cdnow)
    for params in ([0.243, 4.414, 0.793, 2.426], [1.7, 0.6, 3.2, 0.4]):
        _, slopes = likelihood.log_likelihood(params, x, t_x, T, gradient=True)
        numeric = approx_fprime(np.array(params), lambda p: likelihood.log_likelihood(p, x, t_x, T).sum(), 1e-7)
        assert slopes.sum(axis=0) == pytest.approx(numeric, rel=1e-4, abs=1e-3)


def test_expected_purchases_matches_hardies_worked_example(cdnow_model):
    # Fader, Hardie & Lee's Excel note on BG/NBD: customer 1 of CDNOW (x = 2, t_x = 30.43, T = 38.86)
    # is expected to make 1.226 purchases in the next 39 weeks.
    assert float(cdnow_model.expected_purchases(39, 2, 30.43, 38.86)) == pytest.approx(1.226, abs=0.001)


def test_p_alive_is_the_share_of_the_alive_branch_of_the_likelihood(cdnow, cdnow_model):
    # Bayes on eq. 6: P(alive) = A2 / (A2 + A3), written out here from the paper's terms.
    x, t_x, T = cdnow
    r, alpha, a, b = cdnow_model.to_dict().values()
    log_a2 = betaln(a, b + x) - (r + x) * np.log(alpha + T)
    with np.errstate(all="ignore"):
        log_a3 = np.where(x > 0, betaln(a + 1, b + x - 1) - (r + x) * np.log(alpha + t_x), -np.inf)
    assert cdnow_model.p_alive(x, t_x, T) == pytest.approx(np.exp(log_a2 - np.logaddexp(log_a2, log_a3)))


def test_predictions_are_sane(cdnow_model):
    model = cdnow_model
    T = 38.0
    t_x = np.linspace(0.5, T, 40)
    for x in (1, 3, 10):
        alive = model.p_alive(x, t_x, T)
        p4 = model.p_buy_within(4, x, t_x, T)
        expected = model.expected_purchases(4, x, t_x, T)
        # a more recent last purchase: more likely alive, more likely to buy, more purchases expected
        assert np.all(np.diff(alive) > 0) and np.all(np.diff(p4) > 0) and np.all(np.diff(expected) > 0)
        assert np.all((alive > 0) & (alive <= 1)) and np.all((p4 > 0) & (p4 < alive))
        # at least one purchase is never likelier than the expected number of purchases
        assert np.all(p4 <= expected + 1e-12)
        # and a longer horizon only adds
        assert np.all(model.p_buy_within(8, x, t_x, T) > p4)
    assert float(model.p_alive(0, 0, T)) == 1.0  # no repeat yet: BG/NBD cannot have dropped out


def test_p_buy_within_and_expected_purchases_agree_with_simulation():
    model = likelihood.BgNbd(r=2.0, alpha=20.0, a=1.0, b=3.0)
    rng = np.random.default_rng(5)
    n, T, horizon = 200_000, 50.0, 10.0
    rate = rng.gamma(model.r, 1 / model.alpha, n)
    p_drop = rng.beta(model.a, model.b, n)
    hits = np.zeros(n, int)
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
        hits += in_window & (clock > T)
        alive &= in_window
        alive &= rng.random(n) >= p_drop
    chosen = (x == 2) & (np.abs(t_x - 40) < 5)  # compare for one history: two repeat purchases by T
    assert float(model.p_buy_within(horizon, 2, 40, T)) == pytest.approx((hits[chosen] > 0).mean(), abs=0.03)
    assert float(model.expected_purchases(horizon, 2, 40, T)) == pytest.approx(hits[chosen].mean(), abs=0.05)


def test_predictions_for_100000_clients_are_vectorised():
    rng = np.random.default_rng(2)
    T = rng.integers(1, 700, 100_000).astype(float)
    t_x = np.floor(T * rng.random(100_000))
    x = rng.poisson(3, 100_000) * (t_x > 0)
    model = likelihood.BgNbd(r=0.8, alpha=40.0, a=0.9, b=5.0)
    p30 = model.p_buy_within(30, x, t_x, T)
    expected = model.expected_purchases(30, x, t_x, T)
    assert p30.shape == expected.shape == (100_000,)
    assert np.isfinite(p30).all() and np.isfinite(expected).all() and np.all(p30 <= expected + 1e-12)


@pytest.mark.parametrize("history", [
    pytest.param(([0, 1, 0], [0, 5, 0], [10, 10, 10]), id="three clients"),
    pytest.param((np.zeros(500), np.zeros(500), np.full(500, 30.0)), id="everyone bought once"),
    pytest.param((np.zeros(500), np.zeros(500), np.zeros(500)), id="all zero"),
    pytest.param((np.r_[np.ones(10), np.zeros(40)], np.r_[np.full(10, 30.0), np.zeros(40)], np.full(50, 30.0)),
                 id="every repeat on the last day"),
    pytest.param((np.full(50, 5.0), np.full(50, 30.0), np.full(50, 30.0)), id="everyone alike"),
    pytest.param((np.r_[np.ones(10), np.zeros(40)], np.r_[np.full(10, np.nan), np.zeros(40)], np.full(50, 30.0)),
                 id="missing values"),
])
def test_degenerate_history_gives_no_model_logged_and_silent(history, capfd, caplog):
    with caplog.at_level(logging.INFO, logger="clientdesk.insights.likelihood"):
        assert likelihood.fit(*history) is None
    assert "no model" in caplog.text
    assert capfd.readouterr() == ("", "")


def test_no_convergence_gives_no_model(cdnow, capfd, caplog, monkeypatch):
    monkeypatch.setattr(likelihood, "MAX_ITERATIONS", 2)
    with caplog.at_level(logging.WARNING, logger="clientdesk.insights.likelihood"):
        assert likelihood.fit(*cdnow) is None
    assert "did not converge" in caplog.text
    assert capfd.readouterr() == ("", "")


def test_fit_prints_nothing(cdnow, capfd):
    assert likelihood.fit(*cdnow) is not None
    assert capfd.readouterr() == ("", "")


def test_auc():
    assert likelihood.auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]) == pytest.approx(0.75)
    assert likelihood.auc([1, 1, 1, 1], [0, 1, 0, 1]) == pytest.approx(0.5)
    assert np.isnan(likelihood.auc([1, 2], [1, 1]))


def test_backtest_runs_on_demo_data(desk):
    generate(desk, 400, seed=3)
    result = desk.insights.backtest(holdout_days=60)
    assert result.clients > 200 and 0 < result.returned < result.clients
    assert 0.5 < result.auc_model <= 1 and 0.5 < result.auc_days_since <= 1
    assert set(result.params) == {"r", "alpha", "a", "b"}


# ----- the command line: `insights --json` stays JSON whatever the fit does ----------------------------

def _register(path: Path, bills: list[tuple[int, dt.date]]) -> Path:
    """A sales register (CSV) with one line per (customer number, date)."""
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Bill No", "Date", "Mobile", "Customer Name", "Item", "Category", "Qty", "Amount"])
        for k, (customer, day) in enumerate(bills):
            writer.writerow([f"B{k + 1}", day.strftime("%d/%m/%Y"), f"98{customer:08d}", f"Customer {customer}",
                             "Atta 5 kg", "Grocery", 1, 250])
    return path


def _run(capfd, *argv) -> tuple[int, str, str]:
    """Parse and run a command line in this process, as main.py does; output caught at the file descriptors."""
    code = cli.run_command(cli.build_parser().parse_args([str(a) for a in argv]))
    out, err = capfd.readouterr()
    return code, out, err


def _insights_json(capfd, db: Path) -> dict:
    code, out, err = _run(capfd, "--db", db, "insights", "--json")
    assert code == 0, err
    return json.loads(out)  # nothing but the JSON on stdout


def test_insights_json_parses_when_everyone_bought_once_on_one_day(tmp_path, capfd):
    day = dt.date.today() - dt.timedelta(days=30)
    register = _register(tmp_path / "register.csv", [(n, day) for n in range(1, 901)])
    db = tmp_path / "shop.sqlite"
    code, _, err = _run(capfd, "--db", db, "import", register, "--kind", "purchases")
    assert code == 0, err
    result = _insights_json(capfd, db)
    assert result["model"] is None
    assert sum(result["rfm"].values()) == 900
    code, out, err = _run(capfd, "--db", db, "insights", "--backtest")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_insights_json_parses_when_the_fit_does_not_converge(tmp_path, capfd, monkeypatch):
    today = dt.date.today()
    rng = np.random.default_rng(4)
    bills = []
    for customer in range(1, 301):
        first = int(rng.integers(30, 400))
        bills += [(customer, today - dt.timedelta(days=first - gap)) for gap in
                  sorted(set(rng.integers(0, first, int(rng.integers(0, 5))).tolist()) | {0})]
    register = _register(tmp_path / "register.csv", bills)
    db = tmp_path / "shop.sqlite"
    assert _run(capfd, "--db", db, "import", register, "--kind", "purchases")[0] == 0
    assert _insights_json(capfd, db)["model"] is not None  # this register fits ...

    monkeypatch.setattr(likelihood, "MAX_ITERATIONS", 2)  # ... but not when the optimiser is stopped early
    code, out, err = _run(capfd, "--db", db, "insights", "--json", "--refresh")
    assert code == 0, err
    result = json.loads(out)
    assert result["model"] is None and sum(result["rfm"].values()) == 300
