# caught by: test_descent_path_has_no_divergence_check
"""Copies gradient_descent's divergence check into descent_path: a zigzag out of the valley cannot be drawn."""

import numpy as np

DIVERGENCE_FACTOR = 1e6


def descent_path(x, y, learning_rate, epochs, w0=0.0, b0=0.0):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    w, b = float(w0), float(b0)
    path = [(w, b)]
    first = float(np.mean((w * x + b - y) ** 2))
    for _ in range(epochs):
        dw, db = mse_gradients(x, y, w, b)
        w, b = w - learning_rate * dw, b - learning_rate * db
        if float(np.mean((w * x + b - y) ** 2)) > DIVERGENCE_FACTOR * first:
            raise FloatingPointError("training diverged; try a smaller learning rate")
        path.append((w, b))
    return np.array(path)
