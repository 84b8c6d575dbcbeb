# caught by: test_stratified_split_partitions, test_stratified_split_property
"""stratified_split draws each class's test indices with rng.choice, whose default replace=True repeats
some indices: the test part holds duplicates and the training part (the rest) gets fewer samples."""

import numpy as np


def stratified_split(y, test_size=0.25, seed=0):
    y = np.asarray(y)
    rng = np.random.default_rng(seed)
    train_parts, test_parts = [], []
    for label in np.unique(y):
        members = np.flatnonzero(y == label)
        test = rng.choice(members, size=int(round(test_size * len(members))))
        test_parts.append(test)
        train_parts.append(np.setdiff1d(members, test))
    return np.sort(np.concatenate(train_parts)), np.sort(np.concatenate(test_parts))
