# caught by: test_return_types
"""Counts with a dot product of float masks: the counts come back as floats, not ints."""

import numpy as np


def confusion_counts(y_true, y_pred, positive=1):
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    if y_true.shape != y_pred.shape:
        raise ValueError("y_true and y_pred differ in length")
    t = (y_true == positive).astype(float)
    p = (y_pred == positive).astype(float)
    return {"tp": float(t @ p), "fp": float((1 - t) @ p), "fn": float(t @ (1 - p)), "tn": float((1 - t) @ (1 - p))}
