# caught by: test_spatial_blocks_property
"""spatial_blocks squeezes np.unique's inverse: a survey of a single site gets a 0-d label, not shape (1,)."""

import numpy as np


def spatial_blocks(coords, block_size):
    cells = np.floor(np.asarray(coords, dtype=float) / float(block_size)).astype(np.int64)
    _, labels = np.unique(cells, axis=0, return_inverse=True)
    return np.squeeze(labels)
