# caught by: test_length_mismatch_raises
"""Checks the lengths with `assert len(y_true) == len(y_pred)`: a mismatch raises AssertionError, not ValueError."""

import numpy as np


def confusion_counts(y_true, y_pred, positive=1):
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    assert len(y_true) == len(y_pred), "y_true and y_pred must have the same length"
    true_pos = y_true == positive
    pred_pos = y_pred == positive
    return {
        "tp": int(np.sum(true_pos & pred_pos)),
        "fp": int(np.sum(~true_pos & pred_pos)),
        "fn": int(np.sum(true_pos & ~pred_pos)),
        "tn": int(np.sum(~true_pos & ~pred_pos)),
    }


def accuracy(y_true, y_pred, positive=1, zero_division=0.0):
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    assert len(y_true) == len(y_pred), "y_true and y_pred must have the same length"
    return safe_divide(np.sum(y_true == y_pred), y_true.size, zero_division)
