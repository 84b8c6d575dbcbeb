# caught by: test_threshold_for_recall
"""ROC points with score > threshold instead of >=: each point leaves out the windows tied at its threshold."""

import numpy as np


def roc_points(y_true, scores):
    y = np.asarray(y_true).ravel().astype(bool)
    s = np.asarray(scores, dtype=float).ravel()
    thresholds = np.unique(s)[::-1]
    tp = np.array([(y & (s > t)).sum() for t in thresholds])
    fp = np.array([(~y & (s > t)).sum() for t in thresholds])
    return np.r_[0.0, fp / (~y).sum()], np.r_[0.0, tp / y.sum()], np.r_[np.inf, thresholds]
