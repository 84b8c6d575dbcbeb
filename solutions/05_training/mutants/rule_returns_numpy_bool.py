# caught by: test_difference_is_real_returns_python_bool
"""Returns the NumPy comparison (numpy.bool_) instead of a Python bool."""

import numpy as np


def difference_is_real(scores_a, scores_b):
    a = np.asarray(scores_a, dtype=float)
    b = np.asarray(scores_b, dtype=float)
    spread = max(np.std(a, ddof=1), np.std(b, ddof=1))
    return abs(a.mean() - b.mean()) > 2.0 * spread
