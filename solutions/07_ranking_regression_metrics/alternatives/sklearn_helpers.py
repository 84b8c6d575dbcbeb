"""Exercise 07, a correct alternative: scipy's rankdata and scikit-learn's metrics and curves."""

import numpy as np
from scipy.stats import rankdata
from sklearn.metrics import (
    average_precision_score,
    mean_absolute_error,
    mean_squared_error,
    precision_recall_curve,
    roc_curve,
)


def roc_auc(y_true, scores):
    y = np.asarray(y_true) == 1
    if y.all() or not y.any():
        raise ValueError("both classes are needed")
    ranks = rankdata(np.asarray(scores, dtype=float), method="average")
    n_pos, n_neg = y.sum(), (~y).sum()
    return float((ranks[y].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def iou(mask_true, mask_pred):
    a, b = np.asarray(mask_true, bool).ravel(), np.asarray(mask_pred, bool).ravel()
    union = np.count_nonzero(a | b)
    return float(np.count_nonzero(a & b) / union) if union else 1.0


def mae(y_true, y_pred):
    return float(mean_absolute_error(np.ravel(y_true), np.ravel(y_pred)))


def mse(y_true, y_pred):
    return float(mean_squared_error(np.ravel(y_true), np.ravel(y_pred)))


def rmse(y_true, y_pred):
    return float(np.sqrt(mse(y_true, y_pred)))


def roc_points(y_true, scores):
    return roc_curve(np.asarray(y_true).astype(int), scores, drop_intermediate=False)


def pr_points(y_true, scores):
    return precision_recall_curve(np.asarray(y_true).astype(int), scores)


def trapezoid_area(x, y):
    return float(np.trapezoid(y, x))


def average_precision(y_true, scores):
    return float(average_precision_score(np.asarray(y_true).astype(int), scores))


def threshold_for_recall(y_true, scores, target_recall):
    _, tpr, thresholds = roc_points(y_true, scores)
    return float(thresholds[np.flatnonzero(tpr >= target_recall)[0]])


def subsample_positives(y_true, scores, event_rate, seed):
    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    n_neg = int(np.sum(y == 0))
    k = round(event_rate * n_neg / (1 - event_rate))
    chosen = np.random.default_rng(seed).choice(np.flatnonzero(y == 1), k, replace=False)
    keep = (y == 0) | np.isin(np.arange(y.size), chosen)
    return y[keep], s[keep]


def compare_event_rates(y_true, scores, low_rate, seed):
    y_low, s_low = subsample_positives(y_true, scores, low_rate, seed)
    result = {}
    for suffix, (y, s) in {"full": (np.asarray(y_true), scores), "low": (y_low, s_low)}.items():
        result[f"rate_{suffix}"] = float(np.mean(y == 1))
        result[f"roc_auc_{suffix}"] = roc_auc(y, s)
        result[f"ap_{suffix}"] = average_precision(y, s)
    return result
