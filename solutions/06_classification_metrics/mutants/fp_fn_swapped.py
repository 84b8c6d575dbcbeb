# caught by: test_dogs_and_cats_counts, test_counts_match_sklearn
"""Confusion counts with fp and fn swapped (a predicted positive that is really negative counted as fn)."""

import numpy as np


def confusion_counts(y_true, y_pred, positive=1):
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    if y_true.shape != y_pred.shape:
        raise ValueError("y_true and y_pred differ in length")
    true_pos = y_true == positive
    pred_pos = y_pred == positive
    return {
        "tp": int(np.sum(true_pos & pred_pos)),
        "fp": int(np.sum(true_pos & ~pred_pos)),
        "fn": int(np.sum(~true_pos & pred_pos)),
        "tn": int(np.sum(~true_pos & ~pred_pos)),
    }
