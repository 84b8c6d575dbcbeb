# caught by: test_reduce_loss_rejects_unknown
"""reduce_loss looks `reduction` up in a dict: an unknown name raises KeyError instead of ValueError."""

import numpy as np

_REDUCTIONS = {
    "mean": lambda losses: float(np.mean(losses)),
    "sum": lambda losses: float(np.sum(losses)),
    "none": lambda losses: losses,
}


def reduce_loss(per_sample, reduction="mean"):
    per_sample = np.asarray(per_sample, dtype=float)
    return _REDUCTIONS[reduction](per_sample)
