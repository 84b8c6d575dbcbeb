# caught by: test_spatial_blocks_match_grid_cells
"""spatial_blocks encodes a cell as i * 10 + j, which assumes fewer than 10 cells per row: cells collide."""

import numpy as np


def spatial_blocks(coords, block_size):
    cells = np.floor(np.asarray(coords, dtype=float) / block_size).astype(np.int64)
    return cells[:, 0] * 10 + cells[:, 1]
