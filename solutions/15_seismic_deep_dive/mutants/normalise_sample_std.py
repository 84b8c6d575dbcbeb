# caught by: test_normalise_windows, test_normalise_property
"""normalise_windows divides by the sample std (ddof=1), not the population std (ddof=0) the task fixes."""

import numpy as np


def normalise_windows(windows):
    windows = np.atleast_2d(np.asarray(windows, dtype=np.float64))
    centred = windows - windows.mean(axis=1, keepdims=True)
    std = centred.std(axis=1, ddof=1, keepdims=True)
    std[std == 0] = 1.0
    return (centred / std).astype(np.float32)[..., None]
