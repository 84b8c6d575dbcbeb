# caught by: test_sigmoid_matches_keras, test_sigmoid_stable_at_extremes, test_elementwise_property, test_activations_return_float_arrays
"""Stable sigmoid with the two branches swapped: exp(-|x|) / (1 + ...) for x >= 0 gives sigmoid(-x)."""

import numpy as np


def sigmoid(x):
    x = np.asarray(x, dtype=float)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, e / (1.0 + e), 1.0 / (1.0 + e))
