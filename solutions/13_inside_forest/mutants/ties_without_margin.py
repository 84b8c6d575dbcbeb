# caught by: test_best_split_exact_ties_property
"""Compares scores with a bare `<`: an exact tie that rounds differently keeps the larger threshold."""

import numpy as np


def best_split(x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y)
    values = np.unique(x)
    if values.size < 2:
        return None, gini(y)  # noqa: F821 (defined in the solution)
    n = y.size
    best_t, best_impurity = None, np.inf
    for a, b in zip(values[:-1], values[1:], strict=True):
        t = (a + b) / 2.0
        left = x <= t
        n_left = int(left.sum())
        impurity = n_left / n * gini(y[left]) + (n - n_left) / n * gini(y[~left])  # noqa: F821
        if impurity < best_impurity:
            best_t, best_impurity = float(t), impurity
    return best_t, float(best_impurity)
