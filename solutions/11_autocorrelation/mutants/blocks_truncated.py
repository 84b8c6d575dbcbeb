# caught by: test_spatial_blocks_match_grid_cells
"""spatial_blocks truncates with astype(int) instead of floor: cells -1 and 0 merge into one twice as wide."""

import numpy as np


def spatial_blocks(coords, block_size):
    cells = (np.asarray(coords, dtype=float) / block_size).astype(np.int64)
    return np.unique(cells, axis=0, return_inverse=True)[1].reshape(-1)
