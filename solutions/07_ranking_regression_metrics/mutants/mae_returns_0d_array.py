# caught by: test_scalar_metrics_return_python_floats
"""Ranking and regression metrics (mutant): mae returns a 0-d NumPy array instead of a Python float.

Every function takes NumPy arrays (or lists) and returns one Python float.
"""

import numpy as np


def mae(y_true, y_pred):
    """Mean absolute error: the mean of |y_true - y_pred| over all elements.

    y_true, y_pred: arrays of the same shape. Returns a float.
    """
    diff = np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float)
    return np.array(np.mean(np.abs(diff)))


# --- What the AUC means: the curves behind the numbers ------------------------------
