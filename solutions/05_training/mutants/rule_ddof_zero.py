# caught by: test_difference_is_real_rule
"""Uses NumPy's default standard deviation (ddof=0), not the sample one the rule asks for."""

import numpy as np


def difference_is_real(scores_a, scores_b):
    a = np.asarray(scores_a, dtype=float)
    b = np.asarray(scores_b, dtype=float)
    return bool(abs(a.mean() - b.mean()) > 2.0 * max(np.std(a), np.std(b)))
