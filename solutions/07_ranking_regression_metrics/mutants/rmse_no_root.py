# caught by: test_rmse_matches_sklearn
"""RMSE without the square root: returns the MSE."""

import numpy as np


def rmse(y_true, y_pred):
    diff = np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float)
    return float(np.mean(diff**2))
