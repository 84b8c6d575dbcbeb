# caught by: test_pr_points_match_sklearn
"""Precision-recall points without the closing point (precision 1, recall 0)."""

import numpy as np


def pr_points(y_true, scores):
    y = np.asarray(y_true).ravel().astype(bool)
    s = np.asarray(scores, dtype=float).ravel()
    thresholds = np.unique(s)
    tp = np.array([(y & (s >= t)).sum() for t in thresholds])
    called = np.array([(s >= t).sum() for t in thresholds])
    return tp / called, tp / y.sum(), thresholds
