# caught by: test_random_cv_overestimates_skill
"""spatial_blocks gives every site its own label: grouping by site, which is no blocking at all."""

import numpy as np


def spatial_blocks(coords, block_size):
    return np.arange(len(coords))
