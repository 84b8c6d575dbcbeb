# caught by: test_wilson_property
"""wilson_interval always uses z = 1.96, whatever z it is given."""

import numpy as np


def wilson_interval(k, n, z=1.96):
    k = np.asarray(k, dtype=np.float64)
    n = np.asarray(n, dtype=np.float64)
    z = 1.96
    with np.errstate(divide="ignore", invalid="ignore"):
        p = k / n
        denominator = 1.0 + z**2 / n
        centre = (p + z**2 / (2 * n)) / denominator
        half = z / denominator * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
    return np.where(n > 0, centre - half, np.nan), np.where(n > 0, centre + half, np.nan)
