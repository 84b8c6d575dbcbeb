# caught by: test_sta_lta_zero_start
"""Windows end one sample early: averages x[i-n:i] instead of x[i-n+1:i+1] (cft[i] lags by one)."""

import numpy as np


def sta_lta(trace, n_sta, n_lta):
    a = np.asarray(trace, dtype=np.float64)
    cft = np.zeros(len(a))
    for i in range(n_lta, len(a)):
        cft[i] = np.mean(a[i - n_sta : i] ** 2) / np.mean(a[i - n_lta : i] ** 2)
    return cft
