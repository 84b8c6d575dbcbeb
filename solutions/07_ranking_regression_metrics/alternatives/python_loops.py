"""Exercise 07, a correct alternative: pure-Python loops and sorting; NumPy only for the arrays returned."""

import math

import numpy as np


def _floats(values):
    return [float(v) for v in np.asarray(values).ravel()]


def _labels(values):
    return [bool(v) for v in np.asarray(values).ravel()]


def roc_auc(y_true, scores):
    y, s = _labels(y_true), _floats(scores)
    n_pos = sum(y)
    n_neg = len(y) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("the AUC needs positives and negatives")
    order = sorted(range(len(s)), key=lambda i: s[i])
    ranks = [0.0] * len(s)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and s[order[end + 1]] == s[order[start]]:
            end += 1
        for i in order[start : end + 1]:
            ranks[i] = (start + 1 + end + 1) / 2
        start = end + 1
    rank_sum = sum(r for r, positive in zip(ranks, y, strict=True) if positive)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def iou(mask_true, mask_pred):
    both = either = 0
    for a, b in zip(_labels(mask_true), _labels(mask_pred), strict=True):
        both += a and b
        either += a or b
    return both / either if either else 1.0


def _errors(y_true, y_pred):
    return [a - b for a, b in zip(_floats(y_true), _floats(y_pred), strict=True)]


def mae(y_true, y_pred):
    errors = _errors(y_true, y_pred)
    return math.fsum(abs(e) for e in errors) / len(errors)


def mse(y_true, y_pred):
    errors = _errors(y_true, y_pred)
    return math.fsum(e * e for e in errors) / len(errors)


def rmse(y_true, y_pred):
    return math.sqrt(mse(y_true, y_pred))


def _steps(y_true, scores):
    """(threshold, true positives, windows called) for each distinct score, from the highest down."""
    pairs = sorted(zip(_floats(scores), _labels(y_true), strict=True), reverse=True)
    steps, tp = [], 0
    for i, (score, positive) in enumerate(pairs):
        tp += positive
        if i + 1 == len(pairs) or pairs[i + 1][0] != score:
            steps.append((score, tp, i + 1))
    return steps, sum(_labels(y_true)), len(pairs)


def roc_points(y_true, scores):
    steps, n_pos, n = _steps(y_true, scores)
    fpr = [0.0] + [(called - tp) / (n - n_pos) for _, tp, called in steps]
    tpr = [0.0] + [tp / n_pos for _, tp, _ in steps]
    return np.array(fpr), np.array(tpr), np.array([math.inf] + [t for t, _, _ in steps])


def pr_points(y_true, scores):
    steps, n_pos, _ = _steps(y_true, scores)
    steps = steps[::-1]
    precision = [tp / called for _, tp, called in steps] + [1.0]
    recall = [tp / n_pos for _, tp, _ in steps] + [0.0]
    return np.array(precision), np.array(recall), np.array([t for t, _, _ in steps])


def trapezoid_area(x, y):
    x, y = _floats(x), _floats(y)
    return sum((x[i + 1] - x[i]) * (y[i] + y[i + 1]) / 2 for i in range(len(x) - 1))


def average_precision(y_true, scores):
    steps, n_pos, _ = _steps(y_true, scores)
    total, previous = 0.0, 0
    for _, tp, called in steps:
        total += (tp - previous) / n_pos * (tp / called)
        previous = tp
    return total


def threshold_for_recall(y_true, scores, target_recall):
    steps, n_pos, _ = _steps(y_true, scores)
    for threshold, tp, _ in steps:
        if tp / n_pos >= target_recall:
            return threshold
    return steps[-1][0]


def subsample_positives(y_true, scores, event_rate, seed):
    y, s = np.asarray(y_true).ravel(), np.asarray(scores, dtype=float).ravel()
    positives = [i for i, v in enumerate(y) if v == 1]
    negatives = [i for i, v in enumerate(y) if v == 0]
    k = round(event_rate * len(negatives) / (1 - event_rate))
    chosen = set(np.random.default_rng(seed).choice(positives, k, replace=False).tolist())
    keep = [i for i in range(len(y)) if y[i] == 0 or i in chosen]
    return y[keep], s[keep]


def compare_event_rates(y_true, scores, low_rate, seed):
    y_low, s_low = subsample_positives(y_true, scores, low_rate, seed)
    y = np.asarray(y_true).ravel()
    return {
        "rate_full": sum(1 for v in y if v == 1) / len(y),
        "roc_auc_full": roc_auc(y_true, scores),
        "ap_full": average_precision(y_true, scores),
        "rate_low": sum(1 for v in y_low if v == 1) / len(y_low),
        "roc_auc_low": roc_auc(y_low, s_low),
        "ap_low": average_precision(y_low, s_low),
    }
