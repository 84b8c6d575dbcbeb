# caught by: test_best_split_all_hand_made, test_best_split_random_matches_sklearn, test_iris_second_split_matches_sklearn
"""Thresholds at the data values themselves (t = a) instead of midway between a and b.

The partitions are the same, so the impurity is right; the threshold is not scikit-learn's."""

import numpy as np


def best_split(x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y)
    values = np.unique(x)
    if values.size < 2:
        return None, gini(y)  # noqa: F821 (defined in the solution)
    n = y.size
    best_t, best_impurity = None, np.inf
    for t in values[:-1]:
        left = x <= t
        n_left = int(left.sum())
        impurity = n_left / n * gini(y[left]) + (n - n_left) / n * gini(y[~left])  # noqa: F821
        if impurity < best_impurity:
            best_t, best_impurity = float(t), impurity
    return best_t, float(best_impurity)
