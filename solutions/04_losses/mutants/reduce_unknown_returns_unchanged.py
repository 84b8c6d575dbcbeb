# caught by: test_reduce_loss_rejects_unknown
"""reduce_loss has no check for an unknown reduction: anything but "mean" and "sum" returns the losses unchanged."""

import numpy as np


def reduce_loss(per_sample, reduction="mean"):
    per_sample = np.asarray(per_sample, dtype=float)
    if reduction == "mean":
        return float(np.mean(per_sample))
    elif reduction == "sum":
        return float(np.sum(per_sample))
    else:
        return per_sample
