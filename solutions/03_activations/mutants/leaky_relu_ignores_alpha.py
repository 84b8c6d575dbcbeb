# caught by: test_derivatives_at_special_points, test_derivatives_match_finite_differences, test_leaky_relu_matches_keras
"""Leaky ReLU and its derivative with the slope hard-coded to 0.01, ignoring alpha."""

import numpy as np


def leaky_relu(x, alpha=0.01):
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, x, 0.01 * x)


def leaky_relu_grad(x, alpha=0.01):
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, 1.0, 0.01)
