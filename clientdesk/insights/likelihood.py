"""Purchase likelihood from the BG/NBD model (Fader, Hardie & Lee 2005, "Counting Your Customers the
Easy Way: An Alternative to the Pareto/NBD Model", Marketing Science 24(2):275-284), fitted with the
`lifetimes` package (BetaGeoFitter), and a back-test of how well it ranks who comes back.

Per client, in days: x = repeat visits (distinct purchase days - 1), t_x = last - first purchase day,
T = today - first purchase day. With the fitted (r, alpha, a, b), P(alive) comes from lifetimes and
the chance of at least one purchase in the next t days is

    P(X(T, T+t] > 0) = P(alive) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x))

(an alive client's rate is Gamma(r + x, alpha + T) given the history, and a BG/NBD client can only
drop out right after a purchase, so no purchase in t means none from a Poisson rate over t).
"""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass

import numpy as np
from scipy.stats import rankdata

log = logging.getLogger(__name__)

PENALIZER = 0.0           # as published (reproduces the paper's CDNOW estimates)
FALLBACK_PENALIZER = 0.001
MIN_CLIENTS = 20      # fewer clients with bills than this: no model
MIN_REPEATERS = 5     # ... or fewer who came back at least once
FIT_SAMPLE = 10000    # the four population parameters are fitted on at most this many clients


def _fitter_class():
    with warnings.catch_warnings():
        # lifetimes 0.11 sets a pandas option that pandas 3 deprecates; harmless until pandas 4.
        warnings.simplefilter("ignore", FutureWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        from lifetimes import BetaGeoFitter
    return BetaGeoFitter


@dataclass(frozen=True)
class BgNbd:
    """Fitted BG/NBD parameters (time unit: days)."""

    r: float
    alpha: float
    a: float
    b: float

    def p_alive(self, x, t_x, T) -> np.ndarray:
        """P(the client is still active) given x repeat visits, last at t_x, observed for T days."""
        x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
        r, alpha, a, b = self.r, self.alpha, self.a, self.b
        log_div = (r + x) * np.log((alpha + T) / (alpha + t_x)) + np.log(a / (b + np.maximum(x, 1) - 1))
        alive = np.where(x > 0, 1.0 / (1.0 + np.exp(np.clip(log_div, -700, 700))), 1.0)
        return alive

    def p_buy_within(self, days: float, x, t_x, T) -> np.ndarray:
        """P(at least one purchase in the next `days` days)."""
        x, T = np.asarray(x, dtype=float), np.asarray(T, dtype=float)
        quiet = np.exp((self.r + x) * np.log((self.alpha + T) / (self.alpha + T + days)))
        return self.p_alive(x, t_x, T) * (1.0 - quiet)

    def to_dict(self) -> dict:
        return {"r": self.r, "alpha": self.alpha, "a": self.a, "b": self.b}


def fit(x, t_x, T) -> BgNbd | None:
    """Fit BG/NBD with lifetimes; None when there is too little history to fit."""
    x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
    if len(x) < MIN_CLIENTS or int((x > 0).sum()) < MIN_REPEATERS:
        return None
    if len(x) > FIT_SAMPLE:  # a fixed random sample: the same data gives the same model
        chosen = np.random.default_rng(0).choice(len(x), FIT_SAMPLE, replace=False)
        x, t_x, T = x[chosen], t_x[chosen], T[chosen]
    # T = 0 (first bill today) carries no information and upsets the likelihood: at least one day.
    T = np.maximum(T, 1.0)
    fitter = None
    for penalizer in (PENALIZER, FALLBACK_PENALIZER):  # the published model first; a little shrinkage if it fails
        fitter = _fitter_class()(penalizer_coef=penalizer)
        try:
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore", RuntimeWarning)
                fitter.fit(x, t_x, T)
            break
        except Exception as exc:  # lifetimes raises ConvergenceError / ValueError on degenerate data
            log.warning("BG/NBD fit failed (penalizer %s): %s", penalizer, exc)
            fitter = None
    if fitter is None:
        return None
    params = fitter.params_
    model = BgNbd(float(params["r"]), float(params["alpha"]), float(params["a"]), float(params["b"]))
    if not all(np.isfinite(v) and v > 0 for v in model.to_dict().values()):
        return None
    return model


def auc(scores, labels) -> float:
    """Area under the ROC curve (Mann-Whitney): the chance a random positive outranks a random negative."""
    scores = np.asarray(scores, dtype=float)
    labels = np.asarray(labels, dtype=bool)
    positives, negatives = int(labels.sum()), int((~labels).sum())
    if positives == 0 or negatives == 0:
        return float("nan")
    ranks = rankdata(scores)
    return float((ranks[labels].sum() - positives * (positives + 1) / 2) / (positives * negatives))


@dataclass(frozen=True)
class Backtest:
    """Hold out the last `holdout_days`: fit on what came before, predict who buys in the holdout."""

    holdout_days: int
    clients: int
    returned: int
    auc_model: float
    auc_days_since: float
    params: dict


def backtest(client_ids, days, end_day: int, holdout_days: int = 60) -> Backtest:
    """Back-test on purchase days (`client_ids[i]` bought on day number `days[i]`) up to `end_day`."""
    client_ids = np.asarray(client_ids, dtype=np.int64)
    days = np.asarray(days, dtype=np.int64)
    cutoff = end_day - holdout_days
    calibration = days <= cutoff
    holdout = (days > cutoff) & (days <= end_day)
    summary = summarize(client_ids[calibration], days[calibration], cutoff)
    came_back = np.isin(summary.client_ids, np.unique(client_ids[holdout]))
    model = fit(summary.x, summary.t_x, summary.T)
    if model is None:
        raise ValueError("too little history before the holdout to fit the model")
    predicted = model.p_buy_within(holdout_days, summary.x, summary.t_x, summary.T)
    days_since = summary.T - summary.t_x
    return Backtest(holdout_days, len(summary.client_ids), int(came_back.sum()), auc(predicted, came_back),
                    auc(-days_since, came_back), model.to_dict())


@dataclass
class History:
    """Per client (sorted by id): x repeat days, t_x, T, first and last day, number of distinct days."""

    client_ids: np.ndarray
    first: np.ndarray
    last: np.ndarray
    visits: np.ndarray
    x: np.ndarray
    t_x: np.ndarray
    T: np.ndarray


_DAY_BITS = 22
_DAY_OFFSET = 1 << (_DAY_BITS - 1)


def day_keys(client_ids, days) -> np.ndarray:
    """One sortable int64 per (client, day): client in the high bits, day (± 5,700 years) in the low."""
    return (np.asarray(client_ids, np.int64) << _DAY_BITS) + (np.asarray(days, np.int64) + _DAY_OFFSET)


def split_keys(keys) -> tuple[np.ndarray, np.ndarray]:
    keys = np.asarray(keys, np.int64)
    return keys >> _DAY_BITS, (keys & ((1 << _DAY_BITS) - 1)) - _DAY_OFFSET


def summarize(client_ids, days, today: int) -> History:
    """Repeat-visit summary of (client, day) purchase pairs as of day number `today`."""
    clients, visit_days = split_keys(np.unique(day_keys(client_ids, days)))
    ids, start, visits = np.unique(clients, return_index=True, return_counts=True)
    first = visit_days[start] if len(ids) else np.zeros(0, np.int64)
    last = visit_days[start + visits - 1] if len(ids) else np.zeros(0, np.int64)
    return History(ids, first, last, visits, (visits - 1).astype(float), (last - first).astype(float),
                   (today - first).astype(float))
