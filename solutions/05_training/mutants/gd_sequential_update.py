# caught by: test_divergence_message
"""gradient_descent computes db after w has already moved (the gradients must use the same old w, b)."""

import numpy as np


def gradient_descent(x, y, learning_rate, epochs, w0=0.0, b0=0.0):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    w, b = float(w0), float(b0)
    losses = []
    for _ in range(epochs):
        loss = float(np.mean((w * x + b - y) ** 2))
        if not np.isfinite(loss) or (losses and loss > 1e6 * losses[0]):
            raise FloatingPointError("training diverged")
        losses.append(loss)
        w -= learning_rate * mse_gradients(x, y, w, b)[0]  # noqa: F821 (defined in the solution)
        b -= learning_rate * mse_gradients(x, y, w, b)[1]  # noqa: F821
    return {"w": w, "b": b, "losses": losses}
