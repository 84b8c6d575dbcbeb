"""Ranking and regression metrics (mutant): mae returns a 0-d NumPy array instead of a Python float.

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
    return np.array(np.mean(np.abs(diff)))


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


# --- What the AUC means: the curves behind the numbers ------------------------------


def roc_points(y_true, scores):
    """The ROC curve at every threshold, as scikit-learn's roc_curve(..., drop_intermediate=False).

    y_true: shape (n,), labels 0/1 with both classes present; scores: shape (n,).
    A window is called positive when its score is >= the threshold.
    Returns (fpr, tpr, thresholds), three arrays of the same length m + 1 for m
    distinct scores: thresholds[0] is np.inf (nothing called positive, the point
    (0, 0)), then every distinct score from the highest to the lowest (the last
    one calls every window positive: the point (1, 1)).
    fpr = false positives / negatives, tpr = true positives / positives (the recall).
    """
    y = np.asarray(y_true).ravel().astype(bool)
    s = np.asarray(scores, dtype=float).ravel()
    order = np.argsort(-s, kind="stable")
    s_sorted, y_sorted = s[order], y[order]
    # the last index of each run of equal scores: a tie is called positive all together
    last = np.r_[np.flatnonzero(s_sorted[1:] != s_sorted[:-1]), s.size - 1]
    tp = np.cumsum(y_sorted)[last]
    fp = (last + 1) - tp
    fpr = np.r_[0.0, fp / (~y).sum()]
    tpr = np.r_[0.0, tp / y.sum()]
    return fpr, tpr, np.r_[np.inf, s_sorted[last]]


def pr_points(y_true, scores):
    """The precision-recall curve at every threshold, as scikit-learn's precision_recall_curve.

    y_true: shape (n,), labels 0/1 with at least one positive; scores: shape (n,).
    Returns (precision, recall, thresholds): thresholds holds the m distinct
    scores from the lowest to the highest; precision and recall have m + 1
    values: the first m at those thresholds (a window is called positive when
    its score is >= the threshold), and a last point with precision 1.0 and
    recall 0.0 (nothing called positive; by convention precision 1).
    precision = true positives / windows called positive, recall = true positives / positives.
    """
    y = np.asarray(y_true).ravel().astype(bool)
    s = np.asarray(scores, dtype=float).ravel()
    order = np.argsort(-s, kind="stable")
    s_sorted, y_sorted = s[order], y[order]
    # the last index of each run of equal scores: a tie is called positive all together
    last = np.r_[np.flatnonzero(s_sorted[1:] != s_sorted[:-1]), s.size - 1]
    tp = np.cumsum(y_sorted)[last]
    fp = (last + 1) - tp
    precision = tp / (tp + fp)
    recall = tp / y.sum()
    return np.r_[precision[::-1], 1.0], np.r_[recall[::-1], 0.0], s_sorted[last][::-1]


def trapezoid_area(x, y):
    """The area under the curve through the points (x[i], y[i]), by the trapezoid rule.

    x, y: shape (m,), x sorted (increasing or decreasing; a decreasing x gives a
    negative area, as np.trapezoid does). Sum of (x[i+1] - x[i]) (y[i] + y[i+1]) / 2.
    Returns a float. On roc_points's fpr and tpr this is the ROC AUC.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    return float(np.sum(np.diff(x) * (y[1:] + y[:-1]) / 2.0))


def average_precision(y_true, scores):
    """Average precision, as scikit-learn's average_precision_score.

    The precision at each threshold weighted by how much the recall grew there:
    AP = sum over thresholds of (R_n - R_(n-1)) P_n, the thresholds from the
    highest score down (R_0 = 0). No interpolation between points.
    y_true: shape (n,), labels 0/1 with at least one positive; scores: shape (n,).
    Returns a float in [0, 1].
    """
    precision, recall, _ = pr_points(y_true, scores)
    return float(-np.sum(np.diff(recall) * precision[:-1]))


def threshold_for_recall(y_true, scores, target_recall):
    """The highest threshold whose recall reaches target_recall.

    Calling positive every window with score >= t, return the largest t among
    the scores for which recall >= target_recall (0 < target_recall <= 1).
    Returns a float (one of the scores).
    """
    _, tpr, thresholds = roc_points(y_true, scores)
    return float(thresholds[np.argmax(tpr >= target_recall)])


def subsample_positives(y_true, scores, event_rate, seed):
    """The same detector on a rarer event: keep every negative and only some positives.

    Keep all negatives and k = round(event_rate * n_neg / (1 - event_rate))
    positives drawn at random without replacement with
    np.random.default_rng(seed).choice(positive_indices, k, replace=False),
    positive_indices being the indices of the positives in increasing order.
    The kept windows stay in their original order.
    Returns (y_sub, scores_sub), two arrays of the same length.
    """
    y = np.asarray(y_true).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    positives = np.flatnonzero(y == 1)
    negatives = np.flatnonzero(y == 0)
    k = int(round(event_rate * negatives.size / (1.0 - event_rate)))
    chosen = np.random.default_rng(seed).choice(positives, k, replace=False)
    keep = np.sort(np.r_[negatives, chosen])
    return y[keep], s[keep]


def compare_event_rates(y_true, scores, low_rate, seed):
    """ROC AUC and average precision on the data as given and on a rarer-event copy.

    The rarer copy is subsample_positives(y_true, scores, low_rate, seed).
    Returns a dict of six floats:
    "rate_full", "roc_auc_full", "ap_full" (the data as given) and
    "rate_low", "roc_auc_low", "ap_low" (the subsample), where rate is the
    fraction of positives, roc_auc your roc_auc and ap your average_precision.
    """
    y_low, s_low = subsample_positives(y_true, scores, low_rate, seed)
    y = np.asarray(y_true).ravel()
    return {
        "rate_full": float(np.mean(y == 1)),
        "roc_auc_full": roc_auc(y_true, scores),
        "ap_full": average_precision(y_true, scores),
        "rate_low": float(np.mean(y_low == 1)),
        "roc_auc_low": roc_auc(y_low, s_low),
        "ap_low": average_precision(y_low, s_low),
    }
