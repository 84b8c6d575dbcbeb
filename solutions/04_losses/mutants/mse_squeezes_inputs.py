# caught by: test_losses_property
"""mse squeezes its inputs (to accept (n, 1) columns): one sample of k values becomes k samples."""

import numpy as np


def mse(y_true, y_pred, reduction="mean"):
    y_true = np.squeeze(np.asarray(y_true, dtype=float))
    y_pred = np.squeeze(np.asarray(y_pred, dtype=float))
    err = np.atleast_1d((y_true - y_pred) ** 2)
    per_sample = err.mean(axis=-1) if err.ndim > 1 else err
    return reduce_loss(per_sample, reduction)  # noqa: F821 (defined in the solution)
