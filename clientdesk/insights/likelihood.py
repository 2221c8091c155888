"""Purchase likelihood from the BG/NBD model (Fader, Hardie & Lee 2005, "Counting Your Customers the
Easy Way: An Alternative to the Pareto/NBD Model", Marketing Science 24(2):275-284), fitted here with
scipy by maximising the paper's log-likelihood, and a back-test of how well it ranks who comes back.

Per client, in days: x = repeat visits (distinct purchase days - 1), t_x = last - first purchase day,
T = today - first purchase day. The four population parameters (r, alpha, a, b) maximise eq. (6):

    L(r, alpha, a, b | x, t_x, T) = A1 * (A2 + [x > 0] * A3), with
    A1 = Gamma(r + x) alpha^r / Gamma(r),  A2 = B(a, b + x) / B(a, b) / (alpha + T)^(r + x),
    A3 = B(a + 1, b + x - 1) / B(a, b) / (alpha + t_x)^(r + x),

summed in logs (gammaln, betaln, logaddexp) over the clients. With the fitted parameters, P(alive)
(the probability a client with this history has not dropped out) is

    P(alive) = 1 / (1 + [x > 0] * a / (b + x - 1) * ((alpha + T) / (alpha + t_x)) ** (r + x))

(A2 / (A2 + A3) above; Fader, Hardie & Lee's note "Computing P(alive) Using the BG/NBD Model"),
the expected number of purchases in the next t days the paper's eq. (10), and the chance of at least
one purchase in the next t days

    P(X(T, T+t] > 0) = P(alive) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x))

(an alive client's rate is Gamma(r + x, alpha + T) given the history, and a BG/NBD client can only
drop out right after a purchase, so no purchase in t means none from a Poisson rate over t).

The fit prints nothing; when it fails (no convergence, estimates at the edge of the search box, too
little history) it logs why and answers None: "no model yet", and callers keep the manual figures.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize
from scipy.special import betaln, digamma, gammaln, hyp2f1
from scipy.stats import rankdata

from clientdesk.errors import ValidationError

log = logging.getLogger(__name__)

MIN_CLIENTS = 20      # fewer clients with bills than this: no model
MIN_REPEATERS = 5     # ... or fewer who came back at least once
FIT_SAMPLE = 10000    # the four population parameters are fitted on at most this many clients
# The search runs over log(r), log(alpha), log(a), log(b) from a fixed start, with time rescaled so
# the longest history is TIME_SCALE units (alpha then is of order one whatever the unit, days or
# weeks). Both parameters of a pair ending on an edge of the box means the data do not pin them down.
TIME_SCALE = 10.0
LOG_BOUND = 18.0      # each parameter between e^-18 (1.5e-8) and e^18 (6.6e7)
START = np.zeros(4)   # r = alpha = a = b = 1
MAX_ITERATIONS = 500
FLAT_GRADIENT = 1e-4  # of minus the mean log-likelihood by a log-parameter


def log_likelihood(params, x, t_x, T, gradient: bool = False):
    """Each client's log-likelihood under BG/NBD (the paper's eq. 6), for params (r, alpha, a, b);
    with `gradient`, also its derivatives by (r, alpha, a, b), one column each."""
    r, alpha, a, b = params
    x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
    repeat = x > 0
    x1 = np.maximum(x, 1)  # B(a + 1, b + x - 1) is only needed (and only defined) for x > 0
    log_a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    log_a2 = betaln(a, b + x) - betaln(a, b) - (r + x) * np.log(alpha + T)
    log_a3 = np.where(repeat, betaln(a + 1, b + x1 - 1) - betaln(a, b) - (r + x) * np.log(alpha + t_x), -np.inf)
    total = np.logaddexp(log_a2, log_a3)
    value = log_a1 + total
    if not gradient:
        return value
    w3 = np.exp(log_a3 - total)  # the share of A3 in A2 + A3 (0 when x = 0)
    w2 = 1.0 - w3
    ab, abx = digamma(a + b), digamma(a + b + x)
    d_r = digamma(r + x) - digamma(r) + np.log(alpha) - w2 * np.log(alpha + T) - w3 * np.log(alpha + t_x)
    d_alpha = r / alpha - (r + x) * (w2 / (alpha + T) + w3 / (alpha + t_x))
    d_a = ab - abx + w3 * (digamma(a + 1) - digamma(a))
    d_b = ab - abx - digamma(b) + w2 * digamma(b + x) + w3 * digamma(b + x1 - 1)
    return value, np.column_stack((d_r, d_alpha, d_a, d_b))


@dataclass(frozen=True)
class BgNbd:
    """Fitted BG/NBD parameters (time unit: that of the data, days in ClientDesk)."""

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

    def expected_purchases(self, days: float, x, t_x, T) -> np.ndarray:
        """Expected number of purchases in the next `days` days (the paper's eq. 10)."""
        x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
        r, alpha, a, b = self.r, self.alpha, self.a, self.b
        a = a if abs(a - 1.0) > 1e-9 else 1.0 + 1e-9  # the formula's removable singularity at a = 1
        z = days / (alpha + T + days)
        with np.errstate(all="ignore"):
            quiet = np.exp((r + x) * np.log((alpha + T) / (alpha + T + days)))
            head = (a + b + x - 1) / (a - 1) * (1.0 - quiet * hyp2f1(r + x, b + x, a + b + x - 1, z))
        return head * self.p_alive(x, t_x, T)  # eq. 10's denominator is 1 / P(alive)

    def p_buy_within(self, days: float, x, t_x, T) -> np.ndarray:
        """P(at least one purchase in the next `days` days)."""
        x, T = np.asarray(x, dtype=float), np.asarray(T, dtype=float)
        quiet = np.exp((self.r + x) * np.log((self.alpha + T) / (self.alpha + T + days)))
        return self.p_alive(x, t_x, T) * (1.0 - quiet)

    def to_dict(self) -> dict:
        return {"r": self.r, "alpha": self.alpha, "a": self.a, "b": self.b}


def fit(x, t_x, T) -> BgNbd | None:
    """Maximum-likelihood BG/NBD parameters; None ("no model yet", logged) when there is too little
    history or the fit fails."""
    x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
    if not all(np.isfinite(v).all() for v in (x, t_x, T)) or (x < 0).any() or (t_x < 0).any():
        log.warning("BG/NBD: no model, the history holds negative or missing values")
        return None
    if len(x) < MIN_CLIENTS or int((x > 0).sum()) < MIN_REPEATERS:
        log.info("BG/NBD: no model yet, %d clients of whom %d came back (need %d and %d)",
                 len(x), int((x > 0).sum()), MIN_CLIENTS, MIN_REPEATERS)
        return None
    if int(((x > 0) & (t_x < T)).sum()) < MIN_REPEATERS:
        # nobody who came back has been away since: nothing tells a drop-out from a pause
        log.info("BG/NBD: no model yet, fewer than %d clients came back and then stayed away a while", MIN_REPEATERS)
        return None
    if len(x) > FIT_SAMPLE:  # a fixed random sample: the same data gives the same model
        chosen = np.random.default_rng(0).choice(len(x), FIT_SAMPLE, replace=False)
        x, t_x, T = x[chosen], t_x[chosen], T[chosen]
    # T = 0 (first bill today) carries no information and upsets the likelihood: at least one day.
    T = np.maximum(T, 1.0)
    t_x = np.minimum(t_x, T)
    scale = TIME_SCALE / float(T.max())
    # Clients with the same (x, t_x, T) count once, weighted: days are whole numbers, so a shop's
    # thousands of clients fall on far fewer distinct histories.
    rows, weights = np.unique(np.column_stack((x, t_x * scale, T * scale)), axis=0, return_counts=True)
    ux, ut_x, uT = rows.T
    total = float(weights.sum())

    def objective(theta: np.ndarray) -> tuple[float, np.ndarray]:
        """Minus the mean log-likelihood and its gradient by the log-parameters."""
        params = np.exp(theta)
        with np.errstate(all="ignore"):
            value, slopes = log_likelihood(params, ux, ut_x, uT, gradient=True)
            value = -float(weights @ value) / total
            grad = -(weights @ slopes) * params / total
        if not np.isfinite(value) or not np.isfinite(grad).all():
            return 1e300, np.zeros(4)
        return value, grad

    try:
        result = minimize(objective, START, jac=True, method="L-BFGS-B", bounds=[(-LOG_BOUND, LOG_BOUND)] * 4,
                          options={"maxiter": MAX_ITERATIONS, "gtol": 1e-7})
    except (ValueError, ArithmeticError) as exc:
        log.warning("BG/NBD: no model, the fit failed: %s", exc)
        return None
    theta = result.x
    edge = np.abs(theta) > LOG_BOUND - 1e-3
    # L-BFGS-B can stop on a failed line search at the optimum itself, where rounding hides any further
    # gain: a flat gradient (along the free directions) counts as converged too.
    flat = bool(np.all(np.abs(np.asarray(result.jac)[~edge]) < FLAT_GRADIENT))
    if not (result.success or flat) or not np.isfinite(result.fun) or result.fun >= 1e300:
        log.warning("BG/NBD: no model, the fit did not converge (%s)", result.message)
        return None
    if (edge[0] and edge[1]) or (edge[2] and edge[3]):
        # both parameters of a pair on the edge: the ratio the data pin down (the mean purchase rate
        # r / alpha, the mean drop-out chance a / (a + b)) is the box's, not the data's
        log.warning("BG/NBD: no model, estimates ran to the edge of their range (log r, alpha, a, b = %s): "
                    "the history does not pin the model down", np.round(theta, 2).tolist())
        return None
    if edge.any():  # one of a pair at the edge is a limit of the model (e.g. b -> infinity: alike drop-out)
        log.info("BG/NBD: an estimate is at the edge of its range (log r, alpha, a, b = %s)",
                 np.round(theta, 2).tolist())
    r, alpha, a, b = np.exp(theta)
    model = BgNbd(float(r), float(alpha / scale), float(a), float(b))
    log.info("BG/NBD fitted on %d clients (%d distinct histories, %d iterations): %s",
             len(x), len(weights), result.nit, model.to_dict())
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
        raise ValidationError("backtest", "no_model",
                              "Too little history before the held-out days to fit the purchase model")
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
