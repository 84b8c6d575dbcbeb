# caught by: test_descent_path
"""Records (w, b) only after each update: the starting point is missing."""

import numpy as np


def descent_path(x, y, learning_rate, epochs, w0=0.0, b0=0.0):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    w, b = float(w0), float(b0)
    path = []
    for _ in range(epochs):
        dw, db = mse_gradients(x, y, w, b)  # noqa: F821 (defined in the solution)
        w, b = w - learning_rate * dw, b - learning_rate * db
        path.append((w, b))
    return np.array(path)
