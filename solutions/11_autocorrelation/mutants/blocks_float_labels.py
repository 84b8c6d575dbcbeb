# caught by: test_indices_and_labels_are_integers
"""spatial_blocks keeps np.floor's floats and encodes a cell as i * 100000 + j: right cells, float labels."""

import numpy as np


def spatial_blocks(coords, block_size):
    cells = np.floor(np.asarray(coords, dtype=float) / block_size)
    return cells[:, 0] * 100000 + cells[:, 1]
