# caught by: test_divergence_message, test_divergence_raises
"""gradient_descent never checks for divergence: it returns inf/NaN instead of raising."""

import numpy as np


def gradient_descent(x, y, learning_rate, epochs, w0=0.0, b0=0.0):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    w, b = float(w0), float(b0)
    losses = []
    for _ in range(epochs):
        losses.append(float(np.mean((w * x + b - y) ** 2)))
        dw, db = mse_gradients(x, y, w, b)  # noqa: F821 (defined in the solution)
        w -= learning_rate * dw
        b -= learning_rate * db
    return {"w": w, "b": b, "losses": losses}
