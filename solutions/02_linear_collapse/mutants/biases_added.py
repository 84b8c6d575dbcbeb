# caught by: test_collapse_matches_two_layers, test_collapse_shapes
"""Adds the biases, b = b1 + b2, forgetting that b1 also passes through W2 (b = W2 b1 + b2)."""

import numpy as np


def collapse(W1, b1, W2, b2):
    W1, b1, W2, b2 = (np.asarray(a, dtype=float) for a in (W1, b1, W2, b2))
    return W2 @ W1, b1 + b2
