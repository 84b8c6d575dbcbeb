# caught by: test_loss_grid_values, test_surface_property
"""Rows are weights and columns biases: the grid comes back transposed."""

import numpy as np


def loss_grid(x, y, ws, bs):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    return np.array([[np.mean((w * x + b - y) ** 2) for b in bs] for w in ws])
