# caught by: test_loss_grid_values
"""Sums the squared residuals instead of averaging them."""

import numpy as np


def loss_grid(x, y, ws, bs):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    return np.array([[np.sum((w * x + b - y) ** 2) for w in ws] for b in bs])
