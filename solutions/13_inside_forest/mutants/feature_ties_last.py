# caught by: test_best_split_all_ties_and_constant_columns, test_best_split_all_property, test_iris_first_split_matches_sklearn
"""best_split_all keeps a feature when its score is lower *or equal*: ties go to the highest index
(on iris it picks petal width, 3, instead of petal length, 2)."""

import numpy as np


def best_split_all(X, y):
    X = np.asarray(X, dtype=float)
    best = (None, None)
    best_impurity = np.inf
    for j in range(X.shape[1]):
        t, impurity = best_split(X[:, j], y)  # noqa: F821 (defined in the solution)
        if t is not None and impurity <= best_impurity:
            best, best_impurity = (j, t), impurity
    return best
