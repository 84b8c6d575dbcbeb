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
    # YOUR CODE HERE
    raise NotImplementedError()


def iou(mask_true, mask_pred):
    """Intersection over union (Jaccard index) of two boolean masks.

    mask_true, mask_pred: boolean arrays of the same shape, any shape (a 1-D
    list of pixels, a 2-D map, ...); True marks a pixel inside the mask.
    IoU = |true AND pred| / |true OR pred|, counting pixels.
    If both masks are empty (the union has no pixel), return 1.0: the
    prediction agrees perfectly with the map.
    Returns a float in [0, 1].
    """
    # YOUR CODE HERE
    raise NotImplementedError()


def mae(y_true, y_pred):
    """Mean absolute error: the mean of |y_true - y_pred| over all elements.

    y_true, y_pred: arrays of the same shape. Returns a float.
    """
    # YOUR CODE HERE
    raise NotImplementedError()


def mse(y_true, y_pred):
    """Mean squared error: the mean of (y_true - y_pred)**2 over all elements.

    y_true, y_pred: arrays of the same shape. Returns a float.
    """
    # YOUR CODE HERE
    raise NotImplementedError()


def rmse(y_true, y_pred):
    """Root mean squared error: the square root of mse(y_true, y_pred).

    y_true, y_pred: arrays of the same shape. Returns a float, in the units of y.
    """
    # YOUR CODE HERE
    raise NotImplementedError()


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
    # YOUR CODE HERE
    raise NotImplementedError()


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
    # YOUR CODE HERE
    raise NotImplementedError()


def trapezoid_area(x, y):
    """The area under the curve through the points (x[i], y[i]), by the trapezoid rule.

    x, y: shape (m,), x sorted (increasing or decreasing; a decreasing x gives a
    negative area, as np.trapezoid does). Sum of (x[i+1] - x[i]) (y[i] + y[i+1]) / 2.
    Returns a float. On roc_points's fpr and tpr this is the ROC AUC.
    """
    # YOUR CODE HERE
    raise NotImplementedError()


def average_precision(y_true, scores):
    """Average precision, as scikit-learn's average_precision_score.

    The precision at each threshold weighted by how much the recall grew there:
    AP = sum over thresholds of (R_n - R_(n-1)) P_n, the thresholds from the
    highest score down (R_0 = 0). No interpolation between points.
    y_true: shape (n,), labels 0/1 with at least one positive; scores: shape (n,).
    Returns a float in [0, 1].
    """
    # YOUR CODE HERE
    raise NotImplementedError()


def threshold_for_recall(y_true, scores, target_recall):
    """The highest threshold whose recall reaches target_recall.

    Calling positive every window with score >= t, return the largest t among
    the scores for which recall >= target_recall (0 < target_recall <= 1).
    Returns a float (one of the scores).
    """
    # YOUR CODE HERE
    raise NotImplementedError()


def subsample_positives(y_true, scores, event_rate, seed):
    """The same detector on a rarer event: keep every negative and only some positives.

    Keep all negatives and k = round(event_rate * n_neg / (1 - event_rate))
    positives drawn at random without replacement with
    np.random.default_rng(seed).choice(positive_indices, k, replace=False),
    positive_indices being the indices of the positives in increasing order.
    The kept windows stay in their original order.
    Returns (y_sub, scores_sub), two arrays of the same length.
    """
    # YOUR CODE HERE
    raise NotImplementedError()


def compare_event_rates(y_true, scores, low_rate, seed):
    """ROC AUC and average precision on the data as given and on a rarer-event copy.

    The rarer copy is subsample_positives(y_true, scores, low_rate, seed).
    Returns a dict of six floats:
    "rate_full", "roc_auc_full", "ap_full" (the data as given) and
    "rate_low", "roc_auc_low", "ap_low" (the subsample), where rate is the
    fraction of positives, roc_auc your roc_auc and ap your average_precision.
    """
    # YOUR CODE HERE
    raise NotImplementedError()
