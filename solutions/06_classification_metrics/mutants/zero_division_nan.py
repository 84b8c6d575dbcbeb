# caught by: test_always_dog_model, test_zero_division
"""No zero-division rule: divides NumPy counts directly, so 0 / 0 gives nan (with a RuntimeWarning)."""

import numpy as np


def _counts(y_true, y_pred, positive):
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    tp = np.sum((y_true == positive) & (y_pred == positive))
    fp = np.sum((y_true != positive) & (y_pred == positive))
    fn = np.sum((y_true == positive) & (y_pred != positive))
    return tp, fp, fn


def precision(y_true, y_pred, positive=1, zero_division=0.0):
    tp, fp, fn = _counts(y_true, y_pred, positive)
    with np.errstate(invalid="ignore"):
        return float(tp / (tp + fp))


def recall(y_true, y_pred, positive=1, zero_division=0.0):
    tp, fp, fn = _counts(y_true, y_pred, positive)
    with np.errstate(invalid="ignore"):
        return float(tp / (tp + fn))


def f1_score(y_true, y_pred, positive=1, zero_division=0.0):
    tp, fp, fn = _counts(y_true, y_pred, positive)
    with np.errstate(invalid="ignore"):
        return float(2 * tp / (2 * tp + fp + fn))
