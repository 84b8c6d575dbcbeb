"""Exercise 07, a correct alternative: the AUC by counting (positive, negative) pairs, curves from np.unique."""

import numpy as np


def roc_auc(y_true, scores):
    y = np.asarray(y_true).astype(bool)
    s = np.asarray(scores, dtype=float)
    pos, neg = s[y], s[~y]
    if pos.size == 0 or neg.size == 0:
        raise ValueError("roc_auc: y_true holds a single class")
    # sort the negatives once; for each positive count the negatives below it and tied with it
    neg = np.sort(neg)
    below = np.searchsorted(neg, pos, side="left")
    tied = np.searchsorted(neg, pos, side="right") - below
    return float((below.sum() + 0.5 * tied.sum()) / (pos.size * neg.size))


def iou(mask_true, mask_pred):
    a, b = np.asarray(mask_true).astype(bool), np.asarray(mask_pred).astype(bool)
    both, either = int((a & b).sum()), int((a | b).sum())
    return 1.0 if either == 0 else both / either


def mae(y_true, y_pred):
    return float(np.abs(np.subtract(y_true, y_pred, dtype=float)).mean())


def mse(y_true, y_pred):
    d = np.subtract(y_true, y_pred, dtype=float).ravel()
    return float(d @ d / d.size)


def rmse(y_true, y_pred):
    return mse(y_true, y_pred) ** 0.5


def _counts(y_true, scores):
    """Distinct scores from the highest down, with the positives and windows at or above each."""
    y = np.asarray(y_true).astype(bool)
    levels, inverse = np.unique(np.asarray(scores, dtype=float), return_inverse=True)
    pos = np.bincount(inverse, weights=y, minlength=levels.size)[::-1]
    all_ = np.bincount(inverse, minlength=levels.size)[::-1]
    return levels[::-1], np.cumsum(pos), np.cumsum(all_), y.sum(), (~y).sum()


def roc_points(y_true, scores):
    levels, tp, called, n_pos, n_neg = _counts(y_true, scores)
    return (
        np.concatenate([[0.0], (called - tp) / n_neg]),
        np.concatenate([[0.0], tp / n_pos]),
        np.concatenate([[np.inf], levels]),
    )


def pr_points(y_true, scores):
    levels, tp, called, n_pos, _ = _counts(y_true, scores)
    precision = np.append((tp / called)[::-1], 1.0)
    recall = np.append((tp / n_pos)[::-1], 0.0)
    return precision, recall, levels[::-1]


def trapezoid_area(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    return float(((x[1:] - x[:-1]) * (y[1:] + y[:-1])).sum() / 2)


def average_precision(y_true, scores):
    _, tp, called, n_pos, _ = _counts(y_true, scores)
    recall_gain = np.diff(np.concatenate([[0.0], tp])) / n_pos
    return float(np.sum(recall_gain * tp / called))


def threshold_for_recall(y_true, scores, target_recall):
    levels, tp, _, n_pos, _ = _counts(y_true, scores)
    return float(levels[np.argmax(tp / n_pos >= target_recall)])


def subsample_positives(y_true, scores, event_rate, seed):
    y, s = np.asarray(y_true).ravel(), np.asarray(scores, dtype=float).ravel()
    negatives = np.flatnonzero(y == 0)
    k = int(np.round(event_rate * negatives.size / (1 - event_rate)))
    chosen = np.random.default_rng(seed).choice(np.flatnonzero(y == 1), k, replace=False)
    keep = np.zeros(y.size, bool)
    keep[negatives] = True
    keep[chosen] = True
    return y[keep], s[keep]


def compare_event_rates(y_true, scores, low_rate, seed):
    y_low, s_low = subsample_positives(y_true, scores, low_rate, seed)
    return {
        "rate_full": float(np.mean(np.asarray(y_true) == 1)),
        "roc_auc_full": roc_auc(y_true, scores),
        "ap_full": average_precision(y_true, scores),
        "rate_low": float(np.mean(y_low == 1)),
        "roc_auc_low": roc_auc(y_low, s_low),
        "ap_low": average_precision(y_low, s_low),
    }
