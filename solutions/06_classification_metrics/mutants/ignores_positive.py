# caught by: test_dogs_and_cats_counts
"""Ignores the positive argument: the positive class is always the label 1."""

import numpy as np


def confusion_counts(y_true, y_pred, positive=1):
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    if y_true.shape != y_pred.shape:
        raise ValueError("y_true and y_pred differ in length")
    true_pos = y_true == 1
    pred_pos = y_pred == 1
    return {
        "tp": int(np.sum(true_pos & pred_pos)),
        "fp": int(np.sum(~true_pos & pred_pos)),
        "fn": int(np.sum(true_pos & ~pred_pos)),
        "tn": int(np.sum(~true_pos & ~pred_pos)),
    }
