# caught by: test_derivatives_at_special_points
"""ReLU's derivative taken as sign(x): slope -1 for negative inputs instead of 0."""

import numpy as np


def relu_grad(x):
    return np.sign(np.asarray(x, dtype=float))
