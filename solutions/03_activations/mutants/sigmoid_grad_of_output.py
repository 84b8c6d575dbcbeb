# caught by: test_derivatives_at_special_points
"""sigmoid_grad applies s * (1 - s) to x itself instead of to s = sigmoid(x)."""

import numpy as np


def sigmoid_grad(x):
    x = np.asarray(x, dtype=float)
    return x * (1.0 - x)
