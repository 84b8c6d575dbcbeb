# caught by: test_sta_lta_synthetic, test_sta_lta_property
"""Computes the STA/LTA in float32 (to save memory) and returns a float32 array."""

import numpy as np


def sta_lta(trace, n_sta, n_lta):
    a = np.asarray(trace, dtype=np.float32)
    energy = np.concatenate([[np.float32(0.0)], np.cumsum(a**2, dtype=np.float32)])
    end = np.arange(n_lta, len(a) + 1)
    sta = (energy[end] - energy[end - n_sta]) / np.float32(n_sta)
    lta = (energy[end] - energy[end - n_lta]) / np.float32(n_lta)
    cft = np.zeros(len(a), dtype=np.float32)
    cft[n_lta - 1 :] = sta / lta
    return cft
