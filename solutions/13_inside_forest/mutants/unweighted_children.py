# caught by: test_labels_as_lists, test_best_split_iris_features
"""Scores a split by the plain average (gini(left) + gini(right)) / 2, not weighted by child size."""

import numpy as np


def best_split(x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y)
    values = np.unique(x)
    if values.size < 2:
        return None, gini(y)  # noqa: F821 (defined in the solution)
    best_t, best_impurity = None, np.inf
    for a, b in zip(values[:-1], values[1:], strict=True):
        t = (a + b) / 2.0
        left = x <= t
        impurity = (gini(y[left]) + gini(y[~left])) / 2  # noqa: F821
        if impurity < best_impurity:
            best_t, best_impurity = float(t), impurity
    return best_t, float(best_impurity)
