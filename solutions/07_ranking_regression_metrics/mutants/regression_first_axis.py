# caught by: test_regression_2d, test_regression_property
"""MSE averaged over the first axis only: returns one value per output for 2-D arrays."""

import numpy as np


def mse(y_true, y_pred):
    diff = np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float)
    return np.mean(diff**2, axis=0)
