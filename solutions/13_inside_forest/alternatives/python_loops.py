"""Inside a random forest in plain Python: dictionaries of counts, sorted lists and loops
(NumPy only for the random generator and the returned arrays)."""

import numpy as np


def _counts(labels):
    counts = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    return counts


def gini(labels):
    labels = list(np.asarray(labels).tolist())
    n = len(labels)
    if n == 0:
        return 0.0
    return 1.0 - sum((count / n) ** 2 for count in _counts(labels).values())


def best_split(x, y):
    x = [float(value) for value in np.asarray(x).tolist()]
    y = list(np.asarray(y).tolist())
    values = sorted(set(x))
    if len(values) < 2:
        return None, gini(y)
    n = len(y)
    best_t, best_score = None, None
    for a, b in zip(values[:-1], values[1:], strict=True):
        t = (a + b) / 2
        left = [label for value, label in zip(x, y, strict=True) if value <= t]
        right = [label for value, label in zip(x, y, strict=True) if value > t]
        score = len(left) / n * gini(left) + len(right) / n * gini(right)
        if best_score is None or score < best_score - 1e-12:
            best_t, best_score = t, score
    return best_t, best_score


def best_split_all(X, y):
    rows = np.asarray(X).tolist()
    best_feature, best_t, best_score = None, None, None
    for j in range(len(rows[0]) if rows else 0):
        t, score = best_split([row[j] for row in rows], y)
        if t is None:
            continue
        if best_score is None or score < best_score - 1e-12:
            best_feature, best_t, best_score = j, t, score
    return best_feature, best_t


def bootstrap_sample(n, seed):
    in_bag = np.random.default_rng(seed).integers(0, n, n)
    drawn = set(in_bag.tolist())
    oob = [row for row in range(n) if row not in drawn]
    return in_bag, np.array(oob, dtype=int)


def majority_vote(predictions):
    rows = np.asarray(predictions).tolist()
    votes = []
    for i in range(len(rows[0])):
        counts = _counts(row[i] for row in rows)
        most = max(counts.values())
        votes.append(min(label for label, count in counts.items() if count == most))
    return np.array(votes, dtype=int)
