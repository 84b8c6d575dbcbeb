# caught by: test_loss_grid_values, test_path_drawn_on_the_grid
"""Squeezes the grid: a single weight or a single bias loses its axis."""

import numpy as np


def loss_grid(x, y, ws, bs):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.asarray(ws, dtype=float)[None, :, None]
    b = np.asarray(bs, dtype=float)[:, None, None]
    return np.squeeze(np.mean((w * x + b - y) ** 2, axis=-1))
