# caught by: test_bce_from_logits_extreme, test_bce_from_logits_matches_keras
"""binary_crossentropy_from_logits hard-codes 2-D inputs: a 1-D array of n samples is averaged into one sample."""

import numpy as np


def binary_crossentropy_from_logits(y_true, logits, reduction="mean"):
    y_true = np.atleast_2d(np.asarray(y_true, dtype=float))
    z = np.atleast_2d(np.asarray(logits, dtype=float))
    terms = np.maximum(z, 0.0) - z * y_true + np.log1p(np.exp(-np.abs(z)))
    return reduce_loss(terms.mean(axis=-1), reduction)  # noqa: F821 (defined in the solution)
