# caught by: test_partial_dependence_small_cases
"""Takes predict_proba's column 2 for grade 3: right only when y holds all three grades."""

import numpy as np


def partial_dependence_curve(X, y, column, grid, seed):
    X = np.asarray(X, dtype=float)
    model = imputed_forest(seed).fit(X, y)
    curve = []
    for value in np.asarray(grid, dtype=float):
        X_set = X.copy()
        X_set[:, column] = value
        curve.append(model.predict_proba(X_set)[:, 2].mean())
    return np.asarray(curve)
