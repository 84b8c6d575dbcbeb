# caught by: test_descent_path, test_losses_decrease
"""mse_gradients sums over the samples instead of averaging (the gradient of the summed loss)."""

import numpy as np


def mse_gradients(x, y, w, b):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    residual = w * x + b - y
    return float(2.0 * np.sum(residual * x)), float(2.0 * np.sum(residual))
