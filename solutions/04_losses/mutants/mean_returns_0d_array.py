# caught by: test_mean_and_sum_return_floats
"""reduce_loss returns 0-d NumPy arrays for "mean" and "sum" instead of floats."""

import numpy as np


def reduce_loss(per_sample, reduction="mean"):
    per_sample = np.asarray(per_sample, dtype=float)
    if reduction == "mean":
        return np.asarray(per_sample.mean())
    if reduction == "sum":
        return np.asarray(per_sample.sum())
    if reduction == "none":
        return per_sample
    raise ValueError(f"unknown reduction {reduction!r}")
