# caught by: test_collapse_order_matters
"""Multiplies in reading order: W = W1 @ W2 instead of W2 @ W1 (layer 1 acts first, so it stands on the right)."""

import numpy as np


def collapse(W1, b1, W2, b2):
    W1, b1, W2, b2 = (np.asarray(a, dtype=float) for a in (W1, b1, W2, b2))
    return W1 @ W2, W2 @ b1 + b2
