# caught by: test_divergence_message, test_gradient_descent_property
"""gradient_descent records the loss after each update (the task asks for the loss before it)."""

import numpy as np


def gradient_descent(x, y, learning_rate, epochs, w0=0.0, b0=0.0):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    w, b = float(w0), float(b0)
    losses = []
    for _ in range(epochs):
        dw, db = mse_gradients(x, y, w, b)  # noqa: F821 (defined in the solution)
        w -= learning_rate * dw
        b -= learning_rate * db
        loss = float(np.mean((w * x + b - y) ** 2))
        if not np.isfinite(loss) or (losses and loss > 1e6 * losses[0]):
            raise FloatingPointError("training diverged")
        losses.append(loss)
    return {"w": w, "b": b, "losses": losses}
