# caught by: test_divergence_message
"""Raises FloatingPointError, but its message neither says training diverged nor suggests a smaller rate."""

import numpy as np

DIVERGENCE_FACTOR = 1e6


def gradient_descent(x, y, learning_rate, epochs, w0=0.0, b0=0.0):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    w, b = float(w0), float(b0)
    losses = []
    for epoch in range(epochs):
        loss = float(np.mean((w * x + b - y) ** 2))
        if not np.isfinite(loss) or (losses and loss > DIVERGENCE_FACTOR * losses[0]):
            raise FloatingPointError(f"bad loss {loss:g} at epoch {epoch}")
        losses.append(loss)
        dw, db = mse_gradients(x, y, w, b)
        w -= learning_rate * dw
        b -= learning_rate * db
    return {"w": float(w), "b": float(b), "losses": losses}
