# caught by: test_cce_uses_eps, test_cce_matches_keras, test_reductions_consistent
"""Categorical cross-entropy summed over the samples (axis 0) instead of over the classes."""

import numpy as np


def categorical_crossentropy(y_true_onehot, p, eps=1e-7, reduction="mean"):
    y_true = np.asarray(y_true_onehot, dtype=float)
    p = np.clip(np.asarray(p, dtype=float), eps, 1.0 - eps)
    per_sample = -np.sum(y_true * np.log(p), axis=0)
    return reduce_loss(per_sample, reduction)  # noqa: F821 (defined in the solution)
