"""RFM: recency, frequency and monetary scores (1-5, by quintile of the shop's own clients) and the
named group each pair of scores falls in.

Scores are by rank, so ties share a score: a value's score is 1 + floor(5 * (rank - 1) / n) with
rank the position of the first equal value (1-based) in the order from worst to best. Ten clients
with 1..10 visits score 1,1,2,2,3,3,4,4,5,5. Recency is better when smaller.

Groups use R and FM = round((F + M) / 2), first match wins:

    champions    R >= 4 and FM >= 4     bought recently, often, and spend the most
    loyal        R >= 3 and FM >= 3     regular, good spenders
    new          R >= 4 and F == 1      first visit was recent
    potential    R >= 3 and FM <= 2     recent but small or occasional: can grow
    at_risk      R <= 2 and FM >= 3     used to buy often and well, not lately
    hibernating  R == 2 and FM <= 2     small, infrequent, and some time ago
    lost         R == 1 and FM <= 2     lowest recency and low value
"""

from __future__ import annotations

import numpy as np

GROUPS = ("champions", "loyal", "potential", "new", "at_risk", "hibernating", "lost")


def scores(values, higher_is_better: bool = True) -> np.ndarray:
    """Quintile scores 1-5 of `values` (ties share the lower score)."""
    values = np.asarray(values, dtype=float)
    n = len(values)
    if n == 0:
        return np.zeros(0, dtype=np.int8)
    from scipy.stats import rankdata  # scipy loads with the first refresh, not with the group names

    ranks = rankdata(values if higher_is_better else -values, method="min")
    return (1 + np.floor(5 * (ranks - 1) / n)).astype(np.int8)


def group(r: int, f: int, m: int) -> str:
    """The named RFM group of one client's scores."""
    fm = (f + m + 1) // 2
    if r >= 4 and fm >= 4:
        return "champions"
    if r >= 3 and fm >= 3:
        return "loyal"
    if r >= 4 and f == 1:
        return "new"
    if r >= 3:
        return "potential"
    if fm >= 3:
        return "at_risk"
    if r == 2:
        return "hibernating"
    return "lost"


def groups(r: np.ndarray, f: np.ndarray, m: np.ndarray) -> list[str]:
    """Groups for arrays of scores (the same rules as `group`, all at once)."""
    r, f, m = (np.asarray(v, dtype=np.int64) for v in (r, f, m))
    fm = (f + m + 1) // 2
    choice = np.select(
        [(r >= 4) & (fm >= 4), (r >= 3) & (fm >= 3), (r >= 4) & (f == 1), r >= 3, fm >= 3, r == 2],
        [0, 1, 3, 2, 4, 5], default=6)
    names = np.array(GROUPS, dtype=object)
    return names[choice].tolist()
