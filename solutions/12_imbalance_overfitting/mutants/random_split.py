# caught by: test_stratified_split_keeps_proportions, test_stratified_split_property
"""stratified_split shuffles all indices together: a random split that ignores the classes."""

import numpy as np


def stratified_split(y, test_size=0.25, seed=0):
    order = np.random.default_rng(seed).permutation(len(y))
    n_test = int(round(test_size * len(y)))
    return np.sort(order[n_test:]), np.sort(order[:n_test])
