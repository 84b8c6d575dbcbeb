# caught by: test_divergence_first_loss_not_finite
"""Checks only the 1e6 threshold: a first loss of inf or nan never compares larger, so it trains on."""

import numpy as np

DIVERGENCE_FACTOR = 1e6


def gradient_descent(x, y, learning_rate, epochs, w0=0.0, b0=0.0):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    w, b = float(w0), float(b0)
    losses = []
    for epoch in range(epochs):
        loss = float(np.mean((w * x + b - y) ** 2))
        if losses and loss > DIVERGENCE_FACTOR * losses[0]:
            raise FloatingPointError(f"training diverged at epoch {epoch}; try a smaller learning rate")
        losses.append(loss)
        dw, db = mse_gradients(x, y, w, b)
        w -= learning_rate * dw
        b -= learning_rate * db
    return {"w": float(w), "b": float(b), "losses": losses}
