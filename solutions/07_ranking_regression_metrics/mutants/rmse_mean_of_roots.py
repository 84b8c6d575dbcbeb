# caught by: test_rmse_matches_sklearn
"""RMSE as the mean of |error| (root taken before the mean): that is the MAE."""

import numpy as np


def rmse(y_true, y_pred):
    diff = np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float)
    return float(np.mean(np.sqrt(diff**2)))
