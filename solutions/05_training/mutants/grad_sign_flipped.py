# caught by: test_descent_path, test_gradients_match_finite_differences
"""mse_gradients uses y - y' instead of y' - y: the gradient's sign is flipped, so descent climbs."""

import numpy as np


def mse_gradients(x, y, w, b):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    residual = y - (w * x + b)
    return float(2.0 * np.mean(residual * x)), float(2.0 * np.mean(residual))
