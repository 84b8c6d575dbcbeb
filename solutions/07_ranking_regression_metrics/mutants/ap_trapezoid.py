# caught by: test_average_precision_matches_sklearn
"""Average precision as the trapezoid area under the precision-recall points (interpolates between them)."""

import numpy as np


def average_precision(y_true, scores):
    precision, recall, _ = pr_points(y_true, scores)
    return float(-np.trapezoid(precision, recall))
