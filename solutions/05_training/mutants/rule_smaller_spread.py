# caught by: test_difference_is_real_rule
"""Compares with the smaller of the two spreads instead of the larger."""

import numpy as np


def difference_is_real(scores_a, scores_b):
    a = np.asarray(scores_a, dtype=float)
    b = np.asarray(scores_b, dtype=float)
    return bool(abs(a.mean() - b.mean()) > 2.0 * min(np.std(a, ddof=1), np.std(b, ddof=1)))
