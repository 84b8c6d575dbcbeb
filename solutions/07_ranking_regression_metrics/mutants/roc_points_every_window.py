# caught by: test_roc_points_match_sklearn, test_curves_property
"""ROC points after every window in score order: tied windows get separate points instead of one."""

import numpy as np


def roc_points(y_true, scores):
    y = np.asarray(y_true).ravel().astype(bool)
    s = np.asarray(scores, dtype=float).ravel()
    order = np.argsort(-s, kind="stable")
    tp = np.cumsum(y[order])
    fp = np.cumsum(~y[order])
    return np.r_[0.0, fp / (~y).sum()], np.r_[0.0, tp / y.sum()], np.r_[np.inf, s[order]]
