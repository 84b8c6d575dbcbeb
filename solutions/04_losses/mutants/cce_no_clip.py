# caught by: test_cce_uses_eps, test_cce_clipping
"""Categorical cross-entropy without clipping: log(0) = -inf where the true class has p = 0."""

import numpy as np


def categorical_crossentropy(y_true_onehot, p, eps=1e-7, reduction="mean"):
    y_true = np.asarray(y_true_onehot, dtype=float)
    p = np.asarray(p, dtype=float)
    per_sample = -np.sum(y_true * np.log(p), axis=-1)
    return reduce_loss(per_sample, reduction)  # noqa: F821 (defined in the solution)
