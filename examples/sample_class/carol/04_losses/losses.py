"""Loss functions L(y, y') in NumPy, following the conventions of ``keras.losses``.

Shapes used throughout:

* 1-D arrays, shape ``(n,)``: ``n`` samples with one value each.
* 2-D arrays, shape ``(n, k)``: ``n`` samples with ``k`` values each
  (``k`` outputs of a regression, ``k`` independent yes/no labels, or
  ``k`` classes for the categorical cross-entropy).

Every loss first computes one number per sample, then reduces these numbers
with ``reduce_loss``.
"""

import numpy as np


def reduce_loss(per_sample, reduction="mean"):
    """Reduce the per-sample losses.

    per_sample: array of shape (n,), one loss value per sample.
    reduction:  "mean" -> a float, the average over the n samples;
                "sum"  -> a float, the sum over the n samples;
                "none" -> an array of shape (n,), the per-sample losses as they are.
    Any other value of ``reduction`` raises ``ValueError``.
    """
    # YOUR CODE HERE
    raise NotImplementedError()


def mse(y_true, y_pred, reduction="mean"):
    """Mean-squared error.

    y_true, y_pred: arrays of the same shape, (n,) or (n, k).
    Per sample: the squared difference (y_true - y_pred)**2, averaged over
    the k values of that sample (the last axis) when the arrays are 2-D.
    Returns ``reduce_loss(per_sample, reduction)``.
    """
    # YOUR CODE HERE
    raise NotImplementedError()


def mae(y_true, y_pred, reduction="mean"):
    """Mean absolute error.

    y_true, y_pred: arrays of the same shape, (n,) or (n, k).
    Per sample: the absolute difference |y_true - y_pred|, averaged over
    the last axis when the arrays are 2-D.
    Returns ``reduce_loss(per_sample, reduction)``.
    """
    # YOUR CODE HERE
    raise NotImplementedError()


def binary_crossentropy(y_true, p, eps=1e-7, reduction="mean"):
    """Binary cross-entropy on probabilities.

    y_true: labels in [0, 1] (usually 0 or 1), shape (n,) or (n, k).
    p:      predicted probabilities of the label 1, same shape as y_true.
    eps:    p is clipped to [eps, 1 - eps] first, so that log never sees 0.
    Per sample: -(y_true log p + (1 - y_true) log(1 - p)), averaged over the last
    axis when the arrays are 2-D.
    Returns ``reduce_loss(per_sample, reduction)``.
    """
    # YOUR CODE HERE
    raise NotImplementedError()


def binary_crossentropy_from_logits(y_true, logits, reduction="mean"):
    """Binary cross-entropy on logits z (p = sigmoid(z)), numerically stable.

    y_true: labels in [0, 1], shape (n,) or (n, k).
    logits: real numbers z of the same shape, any size (even +-1000).
    Per element: max(z, 0) - z * y_true + log(1 + exp(-|z|)), which equals
    -(y_true log sigmoid(z) + (1 - y_true) log(1 - sigmoid(z))) but never overflows;
    averaged over the last axis when the arrays are 2-D. No clipping.
    Returns ``reduce_loss(per_sample, reduction)``.
    """
    # YOUR CODE HERE
    raise NotImplementedError()


def categorical_crossentropy(y_true_onehot, p, eps=1e-7, reduction="mean"):
    """Categorical cross-entropy.

    y_true_onehot: shape (n, k), one row per sample, a one-hot vector over k classes.
    p:             shape (n, k), predicted class probabilities (each row sums to 1).
    eps:           p is clipped to [eps, 1 - eps] first.
    Per sample: -sum over the k classes of y_true log p.
    Returns ``reduce_loss(per_sample, reduction)``.
    """
    # YOUR CODE HERE
    raise NotImplementedError()
