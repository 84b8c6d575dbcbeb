# caught by: test_normalise_property
"""normalise_windows returns float64: the shape is right, the dtype is not the float32 asked for."""

import numpy as np


def normalise_windows(windows):
    windows = np.atleast_2d(np.asarray(windows, dtype=np.float64))
    centred = windows - windows.mean(axis=1, keepdims=True)
    std = centred.std(axis=1, keepdims=True)
    std[std == 0] = 1.0
    return (centred / std)[..., None]
