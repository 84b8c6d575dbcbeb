# caught by: test_sta_lta_scores, test_real_noise_false_alarms, test_scores_are_the_detectors, test_sta_lta_property
"""Computes the STA/LTA of each window without subtracting its mean first."""

import numpy as np
from obspy.signal.trigger import classic_sta_lta


def sta_lta_scores(windows, n_sta=50, n_lta=500):
    windows = np.atleast_2d(np.asarray(windows, dtype=np.float64))
    return np.array([classic_sta_lta(x, n_sta, n_lta).max() for x in windows])
