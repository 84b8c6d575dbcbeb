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
