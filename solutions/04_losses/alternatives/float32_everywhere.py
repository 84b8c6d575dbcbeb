"""A correct solution that computes in float32 (Keras' precision) and returns float32 per-sample arrays."""

import numpy as np

F = np.float32


def reduce_loss(per_sample, reduction="mean"):
    per_sample = np.asarray(per_sample, dtype=F)
    if reduction == "none":
        return per_sample
    if reduction == "mean":
        return float(per_sample.mean(dtype=np.float64))
    if reduction == "sum":
        return float(per_sample.sum(dtype=np.float64))
    raise ValueError("reduction must be 'mean', 'sum' or 'none'")


def _per_sample(terms):
    return terms if terms.ndim == 1 else terms.mean(axis=-1)


def mse(y_true, y_pred, reduction="mean"):
    diff = np.asarray(y_pred, dtype=F) - np.asarray(y_true, dtype=F)
    return reduce_loss(_per_sample(diff * diff), reduction)


def mae(y_true, y_pred, reduction="mean"):
    diff = np.asarray(y_pred, dtype=F) - np.asarray(y_true, dtype=F)
    return reduce_loss(_per_sample(np.abs(diff)), reduction)


def binary_crossentropy(y_true, p, eps=1e-7, reduction="mean"):
    y = np.asarray(y_true, dtype=F)
    p = np.clip(np.asarray(p, dtype=F), F(eps), F(1.0) - F(eps))
    terms = -(y * np.log(p) + (F(1.0) - y) * np.log(F(1.0) - p))
    return reduce_loss(_per_sample(terms), reduction)


def binary_crossentropy_from_logits(y_true, logits, reduction="mean"):
    y = np.asarray(y_true, dtype=F)
    z = np.asarray(logits, dtype=F)
    terms = np.maximum(z, F(0.0)) - z * y + np.log1p(np.exp(-np.abs(z)))
    return reduce_loss(_per_sample(terms), reduction)


def categorical_crossentropy(y_true_onehot, p, eps=1e-7, reduction="mean"):
    y = np.asarray(y_true_onehot, dtype=F)
    p = np.clip(np.asarray(p, dtype=F), F(eps), F(1.0) - F(eps))
    return reduce_loss(-(y * np.log(p)).sum(axis=-1), reduction)
