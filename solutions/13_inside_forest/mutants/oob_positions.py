# caught by: test_oob_indices, test_oob_fraction
"""Out-of-bag rows taken as the positions whose drawn index differs from the position (in_bag[i] != i)."""

import numpy as np


def bootstrap_sample(n, seed):
    in_bag = np.random.default_rng(seed).integers(0, n, n)
    oob = np.flatnonzero(in_bag != np.arange(n))
    return in_bag, oob
