# caught by: test_reduce_loss, test_mse_matches_keras
"""reduction="sum" returns the mean (copy-paste of the "mean" branch)."""

import numpy as np


def reduce_loss(per_sample, reduction="mean"):
    per_sample = np.asarray(per_sample, dtype=float)
    if reduction in ("mean", "sum"):
        return float(np.mean(per_sample))
    if reduction == "none":
        return per_sample
    raise ValueError(f"unknown reduction {reduction!r}")
