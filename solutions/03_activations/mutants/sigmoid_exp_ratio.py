# caught by: test_derivatives_at_special_points, test_sigmoid_stable_at_extremes
"""Sigmoid written as exp(x) / (1 + exp(x)): exp(1000) overflows and inf / inf gives NaN."""

import numpy as np


def sigmoid(x):
    x = np.asarray(x, dtype=float)
    e = np.exp(x)
    return e / (1.0 + e)
