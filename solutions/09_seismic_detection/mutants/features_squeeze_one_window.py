# caught by: test_window_features_property
"""Squeezes the feature array: one window comes back with shape (3,) instead of (1, 3)."""

import numpy as np


def window_features(windows, n_sta=50, n_lta=500):
    windows = np.atleast_2d(np.asarray(windows, dtype=np.float64))
    features = np.empty((len(windows), 3))
    for row, x in enumerate(windows):
        features[row, 0] = np.log10(np.max(sta_lta(x, n_sta, n_lta)))  # noqa: F821 (from the solution)
        features[row, 1] = np.log10(np.max(np.abs(x)) / np.sqrt(np.mean(x**2)))
        d = x - x.mean()
        features[row, 2] = np.mean(d**4) / np.mean(d**2) ** 2 - 3.0
    return np.squeeze(features)
