# caught by: test_mae_matches_keras
"""MAE computed with the squared error, i.e. a copy of MSE."""

import numpy as np


def mae(y_true, y_pred, reduction="mean"):
    err = (np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float)) ** 2
    per_sample = err.mean(axis=-1) if err.ndim > 1 else err
    return reduce_loss(per_sample, reduction)  # noqa: F821 (defined in the solution)
