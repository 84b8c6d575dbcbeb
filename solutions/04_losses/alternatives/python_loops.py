"""A correct solution with Python loops over samples and values, using the math module."""

import math

import numpy as np


def reduce_loss(per_sample, reduction="mean"):
    values = [float(v) for v in np.asarray(per_sample).ravel()]
    if reduction == "mean":
        return sum(values) / len(values)
    if reduction == "sum":
        return math.fsum(values)
    if reduction == "none":
        return np.array(values)
    raise ValueError("unknown reduction " + str(reduction))


def _per_sample(y_true, y_pred, term):
    """Applies term(true, pred) to each value and averages per sample (a 1-D array: one value per sample)."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    rows_true = y_true.tolist() if y_true.ndim == 2 else [[v] for v in y_true.tolist()]
    rows_pred = y_pred.tolist() if y_pred.ndim == 2 else [[v] for v in y_pred.tolist()]
    out = []
    for row_true, row_pred in zip(rows_true, rows_pred, strict=True):
        terms = [term(float(t), float(p)) for t, p in zip(row_true, row_pred, strict=True)]
        out.append(sum(terms) / len(terms))
    return out


def mse(y_true, y_pred, reduction="mean"):
    return reduce_loss(_per_sample(y_true, y_pred, lambda t, p: (p - t) ** 2), reduction)


def mae(y_true, y_pred, reduction="mean"):
    return reduce_loss(_per_sample(y_true, y_pred, lambda t, p: abs(p - t)), reduction)


def binary_crossentropy(y_true, p, eps=1e-7, reduction="mean"):
    def term(t, q):
        q = min(max(q, eps), 1 - eps)
        return -(t * math.log(q) + (1 - t) * math.log(1 - q))

    return reduce_loss(_per_sample(y_true, p, term), reduction)


def binary_crossentropy_from_logits(y_true, logits, reduction="mean"):
    def term(t, z):
        return max(z, 0.0) - z * t + math.log1p(math.exp(-abs(z)))

    return reduce_loss(_per_sample(y_true, logits, term), reduction)


def categorical_crossentropy(y_true_onehot, p, eps=1e-7, reduction="mean"):
    out = []
    for row_true, row_p in zip(np.asarray(y_true_onehot).tolist(), np.asarray(p).tolist(), strict=True):
        out.append(-sum(t * math.log(min(max(q, eps), 1 - eps)) for t, q in zip(row_true, row_p, strict=True)))
    return reduce_loss(out, reduction)
