# caught by: test_roc_points_match_sklearn
"""ROC points without the first point (0, 0) at threshold inf: the curve starts at the highest score."""

import numpy as np


def roc_points(y_true, scores):
    y = np.asarray(y_true).ravel().astype(bool)
    s = np.asarray(scores, dtype=float).ravel()
    thresholds = np.unique(s)[::-1]
    tp = np.array([(y & (s >= t)).sum() for t in thresholds])
    fp = np.array([(~y & (s >= t)).sum() for t in thresholds])
    return fp / (~y).sum(), tp / y.sum(), thresholds
