# caught by: test_subsample_positives_keeps_negatives
"""Keeps event_rate * (all windows) positives: the positives then make less than event_rate of what is kept."""

import numpy as np


def subsample_positives(y_true, scores, event_rate, seed):
    y = np.asarray(y_true).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    positives = np.flatnonzero(y == 1)
    negatives = np.flatnonzero(y == 0)
    k = int(round(event_rate * y.size))
    chosen = np.random.default_rng(seed).choice(positives, k, replace=False)
    keep = np.sort(np.r_[negatives, chosen])
    return y[keep], s[keep]
