"""Association rules from the shop's bills, counted with sparse matrices.

For items a and b over N baskets: support(a→b) = N(a and b) / N, confidence = N(a and b) / N(a),
lift = confidence / (N(b) / N). A lift above 1 means b comes with a more often than chance.
Bill-level rules say what is bought together; client-level rules (a basket = everything one client
ever bought) drive suggestions: "82% of those who buy Pizza also buy Cold Drink".
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse


@dataclass(frozen=True)
class Rule:
    a: str
    b: str
    count_a: int
    count_ab: int
    support: float
    confidence: float
    lift: float


def incidence(baskets: np.ndarray, items: np.ndarray, n_items: int) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Binary basket × item matrix from parallel arrays (basket number, item number); also the basket ids."""
    basket_ids, rows = np.unique(np.asarray(baskets), return_inverse=True)
    matrix = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, np.asarray(items))),
                               shape=(len(basket_ids), n_items))
    matrix.data[:] = 1.0  # an item twice on one bill counts once
    matrix.sum_duplicates()
    matrix.data[:] = 1.0
    return matrix, basket_ids


def co_counts(matrix: sparse.csr_matrix) -> np.ndarray:
    """Item × item counts of baskets holding both (the diagonal: baskets holding the item)."""
    return np.asarray((matrix.T @ matrix).todense(), dtype=np.int64)


def rules(counts: np.ndarray, n_baskets: int, names: list[str], min_count: int = 3, min_support: float = 0.0,
          min_confidence: float = 0.0, min_lift: float = 1.0) -> list[Rule]:
    """Every rule a → b (a != b) passing the thresholds, best lift first."""
    if n_baskets == 0:
        return []
    single = np.diag(counts).astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        confidence = counts / single[:, None]
        lift = confidence / (single[None, :] / n_baskets)
    support = counts / n_baskets
    keep = (counts >= min_count) & (support >= min_support) & (confidence >= min_confidence) & (lift > min_lift)
    np.fill_diagonal(keep, False)
    found = [Rule(names[a], names[b], int(single[a]), int(counts[a, b]), float(support[a, b]),
                  float(confidence[a, b]), float(lift[a, b])) for a, b in zip(*np.nonzero(keep))]
    found.sort(key=lambda r: (-r.lift, -r.support, r.a, r.b))
    return found


def best_suggestions(owned: sparse.csr_matrix, strength: np.ndarray, limit: int = 3,
                     chunk: int = 20000) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each row (client) of `owned`, the `limit` items it lacks with the highest strength[a, b]
    over the items a it has. Returns (items, because, strength) arrays of shape (clients, limit);
    item -1 where there is nothing to suggest."""
    n_clients, n_items = owned.shape
    items = np.full((n_clients, limit), -1, dtype=np.int32)
    because = np.full((n_clients, limit), -1, dtype=np.int32)
    values = np.zeros((n_clients, limit), dtype=np.float32)
    strength = np.asarray(strength, dtype=np.float32)
    useful = [a for a in range(n_items) if strength[a].any()]
    for start in range(0, n_clients, chunk):
        block = owned[start:start + chunk].toarray() > 0
        best = np.zeros(block.shape, dtype=np.float32)
        source = np.full(block.shape, -1, dtype=np.int32)
        for a in useful:
            rows = np.nonzero(block[:, a])[0]
            if not rows.size:
                continue
            current = best[rows]
            better = strength[a][None, :] > current
            current = np.where(better, strength[a][None, :], current)
            best[rows] = current
            src = source[rows]
            src[better] = a
            source[rows] = src
        best[block] = 0.0
        order = np.argsort(-best, axis=1, kind="stable")[:, :limit]
        picked = np.take_along_axis(best, order, axis=1)
        rows = np.arange(block.shape[0])[:, None]
        items[start:start + len(block)] = np.where(picked > 0, order, -1)
        because[start:start + len(block)] = np.where(picked > 0, source[rows, order], -1)
        values[start:start + len(block)] = picked
    return items, because, values
