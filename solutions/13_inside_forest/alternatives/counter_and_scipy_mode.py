"""Inside a random forest with library helpers: collections.Counter for the impurity,
np.isin for the out-of-bag rows and scipy.stats.mode (smallest value among ties) for the vote."""

from collections import Counter

import numpy as np
from scipy import stats


def gini(labels):
    counts = Counter(np.asarray(labels).ravel().tolist())
    n = sum(counts.values())
    if n == 0:
        return 0.0
    return float(1 - sum(c * c for c in counts.values()) / n**2)


def best_split(x, y):
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y)
    values = np.unique(x)
    if len(values) == 1:
        return None, gini(y)
    midpoints = values[:-1] + (values[1:] - values[:-1]) / 2
    scores = []
    for t in midpoints:
        left = x <= t
        scores.append(left.mean() * gini(y[left]) + (~left).mean() * gini(y[~left]))
    scores = np.array(scores)
    i = int(np.argmax(scores <= scores.min() + 1e-12))
    return float(midpoints[i]), float(scores[i])


def best_split_all(X, y):
    X = np.asarray(X, dtype=np.float64)
    candidates = []
    for j in range(X.shape[1]):
        t, score = best_split(X[:, j], y)
        if t is not None:
            candidates.append((score, j, t))
    if not candidates:
        return None, None
    best = min(score for score, _, _ in candidates)
    _, j, t = next(c for c in candidates if c[0] <= best + 1e-12)  # candidates are in column order
    return j, t


def bootstrap_sample(n, seed):
    rng = np.random.default_rng(seed)
    in_bag = rng.integers(0, n, n)
    oob = np.arange(n)[~np.isin(np.arange(n), in_bag)]
    return in_bag, oob


def majority_vote(predictions):
    return stats.mode(np.asarray(predictions), axis=0, keepdims=False).mode
