# caught by: test_accuracy_of_no_samples
"""accuracy is np.mean(y_true == y_pred): with no samples it returns nan, not zero_division."""

import numpy as np


def accuracy(y_true, y_pred, positive=1, zero_division=0.0):
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    if y_true.shape != y_pred.shape:
        raise ValueError("y_true and y_pred differ in length")
    with np.errstate(all="ignore"):
        return float(np.mean(y_true == y_pred)) if y_true.size else float("nan")
