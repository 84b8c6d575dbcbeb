# caught by: test_mae_matches_sklearn
"""MAE with squared errors instead of absolute ones."""

import numpy as np


def mae(y_true, y_pred):
    diff = np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float)
    return float(np.mean(diff**2))
