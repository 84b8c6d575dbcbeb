# caught by: test_stratified_split_is_seeded
"""stratified_split shuffles with NumPy's global generator (np.random.permutation): the seed is never used."""

import numpy as np


def stratified_split(y, test_size=0.25, seed=0):
    y = np.asarray(y)
    train_parts, test_parts = [], []
    for label in np.unique(y):
        members = np.random.permutation(np.flatnonzero(y == label))
        n_test = int(round(test_size * len(members)))
        test_parts.append(members[:n_test])
        train_parts.append(members[n_test:])
    return np.sort(np.concatenate(train_parts)), np.sort(np.concatenate(test_parts))
