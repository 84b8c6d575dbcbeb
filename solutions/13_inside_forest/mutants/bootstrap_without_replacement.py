# caught by: test_bootstrap_seeds, test_bootstrap_recipe
"""Draws the bootstrap sample without replacement (a permutation): every row is in the bag, no OOB row."""

import numpy as np


def bootstrap_sample(n, seed):
    rng = np.random.default_rng(seed)
    in_bag = rng.choice(n, n, replace=False)
    oob = np.setdiff1d(np.arange(n), in_bag)
    return in_bag, oob
