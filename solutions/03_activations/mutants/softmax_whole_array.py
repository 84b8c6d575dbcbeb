# caught by: test_softmax_stable_at_extremes, test_softmax_matches_keras
"""Softmax normalised over the whole array (np.sum without axis) instead of along an axis."""

import numpy as np


def softmax(z, axis=-1):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z))
    return e / np.sum(e)
