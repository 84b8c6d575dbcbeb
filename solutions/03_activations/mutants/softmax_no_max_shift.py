# caught by: test_softmax_stable_at_extremes
"""Softmax without subtracting the maximum: exp(1000) overflows to inf, inf / inf is NaN."""

import numpy as np


def softmax(z, axis=-1):
    e = np.exp(np.asarray(z, dtype=float))
    return e / np.sum(e, axis=axis, keepdims=True)
