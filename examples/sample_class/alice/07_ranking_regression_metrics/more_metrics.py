"""Ranking and regression metrics in NumPy: ROC AUC, IoU, MAE, MSE and RMSE.

Every function takes NumPy arrays (or lists) and returns one Python float.
"""

import numpy as np


def roc_auc(y_true, scores):
    """Area under the ROC curve, computed from ranks (Mann-Whitney).

    y_true: shape (n,), the labels 0/1 (or False/True); 1 is the positive class.
    scores: shape (n,), real numbers; a higher score means "more likely positive".
    Rank all n scores from 1 (smallest) to n (largest); tied scores all get the
    average of the ranks they occupy. With R+ the sum of the ranks of the
    positives, n+ positives and n- negatives:

        AUC = (R+ - n+ (n+ + 1) / 2) / (n+ n-)

    Returns a float in [0, 1]. Raises ValueError if y_true holds only one class
    (n+ == 0 or n- == 0): the AUC is not defined then.
    """
    y = np.asarray(y_true).ravel().astype(bool)
    s = np.asarray(scores, dtype=float).ravel()
    n_pos = int(y.sum())
    n_neg = y.size - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("roc_auc needs both classes in y_true (at least one 0 and one 1)")
    order = np.argsort(s, kind="stable")
    sorted_s = s[order]
    # Runs of equal scores: each run gets the mean of the ranks it spans.
    starts = np.flatnonzero(np.r_[True, sorted_s[1:] != sorted_s[:-1]])
    ends = np.r_[starts[1:], s.size]  # exclusive
    mean_ranks = (starts + 1 + ends) / 2.0  # mean of ranks starts+1 .. ends
    ranks = np.empty(s.size)
    ranks[order] = np.repeat(mean_ranks, ends - starts)
    return float((ranks[y].sum() - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg))


def iou(mask_true, mask_pred):
    """Intersection over union (Jaccard index) of two boolean masks.

    mask_true, mask_pred: boolean arrays of the same shape, any shape (a 1-D
    list of pixels, a 2-D map, ...); True marks a pixel inside the mask.
    IoU = |true AND pred| / |true OR pred|, counting pixels.
    If both masks are empty (the union has no pixel), return 1.0: the
    prediction agrees perfectly with the map.
    Returns a float in [0, 1].
    """
    a = np.asarray(mask_true).astype(bool)
    b = np.asarray(mask_pred).astype(bool)
    union = np.logical_or(a, b).sum()
    if union == 0:
        return 1.0
    return float(np.logical_and(a, b).sum() / union)


def mae(y_true, y_pred):
    """Mean absolute error: the mean of |y_true - y_pred| over all elements.

    y_true, y_pred: arrays of the same shape. Returns a float.
    """
    diff = np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float)
    return float(np.mean(np.abs(diff)))


def mse(y_true, y_pred):
    """Mean squared error: the mean of (y_true - y_pred)**2 over all elements.

    y_true, y_pred: arrays of the same shape. Returns a float.
    """
    diff = np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float)
    return float(np.mean(diff**2))


def rmse(y_true, y_pred):
    """Root mean squared error: the square root of mse(y_true, y_pred).

    y_true, y_pred: arrays of the same shape. Returns a float, in the units of y.
    """
    return float(np.sqrt(mse(y_true, y_pred)))
