# caught by: test_sta_lta_synthetic
"""STA and LTA swapped: returns LTA / STA, which dips instead of rising at an arrival."""

import numpy as np


def sta_lta(trace, n_sta, n_lta):
    a = np.asarray(trace, dtype=np.float64)
    energy = np.concatenate([[0.0], np.cumsum(a**2)])
    end = np.arange(n_lta, len(a) + 1)
    sta = (energy[end] - energy[end - n_sta]) / n_sta
    lta = (energy[end] - energy[end - n_lta]) / n_lta
    cft = np.zeros(len(a))
    cft[n_lta - 1 :] = lta / sta
    return cft
