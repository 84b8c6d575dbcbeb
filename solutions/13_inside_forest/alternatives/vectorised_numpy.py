"""Inside a random forest, vectorised: every candidate threshold of a feature scored at once from
cumulative class counts, the out-of-bag rows from np.bincount, the votes from a count table."""

import numpy as np


def gini(labels):
    labels = np.asarray(labels)
    if labels.size == 0:
        return 0.0
    _, inverse = np.unique(labels, return_inverse=True)
    p = np.bincount(inverse.ravel()) / labels.size
    return float(1.0 - p @ p)


def _gini_rows(counts):
    """Gini impurity of each row of a (k, n_classes) count table (0 for an empty row)."""
    totals = counts.sum(axis=1, keepdims=True)
    p = counts / np.maximum(totals, 1)
    return 1.0 - np.sum(p**2, axis=1)


def best_split(x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y)
    n = y.size
    order = np.argsort(x, kind="stable")
    xs = x[order]
    _, codes = np.unique(y, return_inverse=True)
    onehot = np.eye(codes.max() + 1)[codes.ravel()[order]]
    cuts = np.flatnonzero(xs[1:] > xs[:-1])  # the last sorted position of each left child
    if cuts.size == 0:
        return None, gini(y)
    left = np.cumsum(onehot, axis=0)[cuts]
    right = onehot.sum(axis=0) - left
    n_left = cuts + 1.0
    scores = n_left / n * _gini_rows(left) + (n - n_left) / n * _gini_rows(right)
    best = int(np.flatnonzero(scores <= scores.min() + 1e-12)[0])  # the smallest threshold among ties
    threshold = (xs[cuts[best]] + xs[cuts[best] + 1]) / 2.0
    return float(threshold), float(scores[best])


def best_split_all(X, y):
    X = np.asarray(X, dtype=float)
    splits = [best_split(X[:, j], y) for j in range(X.shape[1])]
    scores = np.array([np.inf if t is None else impurity for t, impurity in splits])
    if np.all(np.isinf(scores)):
        return None, None
    feature = int(np.flatnonzero(scores <= scores.min() + 1e-12)[0])
    return feature, splits[feature][0]


def bootstrap_sample(n, seed):
    in_bag = np.random.default_rng(seed).integers(0, n, n)
    oob = np.flatnonzero(np.bincount(in_bag, minlength=n) == 0)
    return in_bag, oob


def majority_vote(predictions):
    predictions = np.asarray(predictions)
    labels = np.arange(predictions.max() + 1)
    counts = (predictions[None, :, :] == labels[:, None, None]).sum(axis=1)  # (n_labels, n_samples)
    return np.argmax(counts, axis=0)  # the first maximum: the smallest tied label
