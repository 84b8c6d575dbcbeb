# caught by: test_oob_indices
"""Computes the out-of-bag rows from a second draw of the same generator, not from the returned sample."""

import numpy as np


def bootstrap_sample(n, seed):
    rng = np.random.default_rng(seed)
    in_bag = rng.integers(0, n, n)
    oob = np.setdiff1d(np.arange(n), rng.integers(0, n, n))
    return in_bag, oob
