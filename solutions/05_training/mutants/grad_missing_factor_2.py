# caught by: test_divergence_rule_threshold, test_gradients_formula, test_mse_gradients_property
"""mse_gradients forgets the factor 2 from the derivative of the square."""

import numpy as np


def mse_gradients(x, y, w, b):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    residual = w * x + b - y
    return float(np.mean(residual * x)), float(np.mean(residual))
