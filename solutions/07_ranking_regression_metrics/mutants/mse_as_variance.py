# caught by: test_mse_matches_sklearn, test_rmse_matches_sklearn, test_regression_2d, test_regression_property
"""MSE written as np.var(y_true - y_pred): the variance subtracts the mean error, so a model's bias is lost."""

import numpy as np


def mse(y_true, y_pred):
    diff = np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float)
    return float(np.var(diff))
