# caught by: test_descent_path
"""Updates w first, then takes the gradient for b at the new w."""

import numpy as np


def descent_path(x, y, learning_rate, epochs, w0=0.0, b0=0.0):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    w, b = float(w0), float(b0)
    path = [(w, b)]
    for _ in range(epochs):
        w = w - learning_rate * mse_gradients(x, y, w, b)[0]  # noqa: F821 (defined in the solution)
        b = b - learning_rate * mse_gradients(x, y, w, b)[1]  # noqa: F821
        path.append((w, b))
    return np.array(path)
