# caught by: test_trapezoid_area_equals_rank_auc
"""Area by left rectangles (width times the left height) instead of trapezoids."""

import numpy as np


def trapezoid_area(x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    return float(np.sum(np.diff(x) * y[:-1]))
