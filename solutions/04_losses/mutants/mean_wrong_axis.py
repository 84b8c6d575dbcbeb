# caught by: test_bce_finite_at_0_and_1, test_bce_matches_keras
"""MSE, MAE and BCE average over axis 0 (the samples) instead of the last axis (the outputs)."""

import numpy as np


def _per_sample(terms):
    return terms.mean(axis=0) if terms.ndim > 1 else terms


def mse(y_true, y_pred, reduction="mean"):
    err = (np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float)) ** 2
    return reduce_loss(_per_sample(err), reduction)  # noqa: F821 (defined in the solution)


def mae(y_true, y_pred, reduction="mean"):
    err = np.abs(np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float))
    return reduce_loss(_per_sample(err), reduction)  # noqa: F821


def binary_crossentropy(y_true, p, eps=1e-7, reduction="mean"):
    y_true = np.asarray(y_true, dtype=float)
    p = np.clip(np.asarray(p, dtype=float), eps, 1.0 - eps)
    terms = -(y_true * np.log(p) + (1.0 - y_true) * np.log(1.0 - p))
    return reduce_loss(_per_sample(terms), reduction)  # noqa: F821
