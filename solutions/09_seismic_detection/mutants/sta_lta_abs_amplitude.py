# caught by: test_sta_lta_synthetic, test_sta_lta_real_trace
"""Averages the absolute amplitude |x| instead of the energy x**2."""

import numpy as np


def sta_lta(trace, n_sta, n_lta):
    a = np.abs(np.asarray(trace, dtype=np.float64))
    total = np.concatenate([[0.0], np.cumsum(a)])
    end = np.arange(n_lta, len(a) + 1)
    sta = (total[end] - total[end - n_sta]) / n_sta
    lta = (total[end] - total[end - n_lta]) / n_lta
    cft = np.zeros(len(a))
    cft[n_lta - 1 :] = sta / lta
    return cft
