# caught by: test_return_types
"""best_split_all picks the column with np.argmin and returns its NumPy integer, not a plain Python int."""

import numpy as np


def best_split_all(X, y):
    X = np.asarray(X, dtype=float)
    splits = [best_split(X[:, j], y) for j in range(X.shape[1])]  # noqa: F821 (defined in the solution)
    scores = np.array([np.inf if t is None else impurity for t, impurity in splits])
    if np.all(np.isinf(scores)):
        return None, None
    best = np.flatnonzero(scores <= scores.min() + 1e-12)[0]
    return best, splits[best][0]
