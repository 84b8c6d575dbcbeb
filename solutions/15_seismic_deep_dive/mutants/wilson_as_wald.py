# caught by: test_wilson_interval
"""Uses the normal (Wald) interval p +- z sqrt(p (1 - p) / n) instead of Wilson's."""

import numpy as np


def wilson_interval(k, n, z=1.96):
    k = np.asarray(k, dtype=np.float64)
    n = np.asarray(n, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = k / n
        half = z * np.sqrt(p * (1 - p) / n)
    return np.where(n > 0, p - half, np.nan), np.where(n > 0, p + half, np.nan)
