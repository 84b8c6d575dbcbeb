# caught by: test_difference_is_real_rule, test_difference_is_real_property
"""Forgets the absolute value: only a model whose score is higher can differ."""

import numpy as np


def difference_is_real(scores_a, scores_b):
    a = np.asarray(scores_a, dtype=float)
    b = np.asarray(scores_b, dtype=float)
    return bool(b.mean() - a.mean() > 2.0 * max(np.std(a, ddof=1), np.std(b, ddof=1)))
