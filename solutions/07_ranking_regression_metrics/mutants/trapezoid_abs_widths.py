# caught by: test_trapezoid_area_property
"""Ranking and regression metrics (mutant): trapezoid_area uses |x[i+1] - x[i]|: a decreasing x gives area > 0.

Every function takes NumPy arrays (or lists) and returns one Python float.
"""

import numpy as np

# --- What the AUC means: the curves behind the numbers ------------------------------


def trapezoid_area(x, y):
    """The area under the curve through the points (x[i], y[i]), by the trapezoid rule.

    x, y: shape (m,), x sorted (increasing or decreasing; a decreasing x gives a
    negative area, as np.trapezoid does). Sum of (x[i+1] - x[i]) (y[i] + y[i+1]) / 2.
    Returns a float. On roc_points's fpr and tpr this is the ROC AUC.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    return float(np.sum(np.abs(np.diff(x)) * (y[1:] + y[:-1]) / 2.0))
