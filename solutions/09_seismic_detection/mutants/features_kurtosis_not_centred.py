# caught by: test_window_features
"""Raw moments instead of central ones: m_k = mean(x ** k), without subtracting the window's mean."""

import numpy as np


def window_features(windows, n_sta=50, n_lta=500):
    windows = np.atleast_2d(np.asarray(windows, dtype=np.float64))
    features = np.empty((len(windows), 3))
    for row, x in enumerate(windows):
        features[row, 0] = np.log10(np.max(sta_lta(x, n_sta, n_lta)))  # noqa: F821 (from the solution)
        features[row, 1] = np.log10(np.max(np.abs(x)) / np.sqrt(np.mean(x**2)))
        features[row, 2] = np.mean(x**4) / np.mean(x**2) ** 2 - 3.0
    return features
