# caught by: test_bootstrap_property
"""Builds the out-of-bag rows with np.array(list): when no row is out of bag, that is a float array."""

import numpy as np


def bootstrap_sample(n, seed):
    in_bag = np.random.default_rng(seed).integers(0, n, n)
    drawn = set(in_bag.tolist())
    oob = np.array([row for row in range(n) if row not in drawn])
    return in_bag, oob
