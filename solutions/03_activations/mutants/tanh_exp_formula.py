# caught by: test_derivatives_at_special_points, test_tanh_matches_keras
"""tanh from its definition (e^x - e^-x) / (e^x + e^-x): inf / inf gives NaN at |x| = 1000."""

import numpy as np


def tanh(x):
    x = np.asarray(x, dtype=float)
    return (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))
