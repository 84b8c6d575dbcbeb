"""Classification metrics for a binary problem, in NumPy.

Labels are whatever your data uses: ``0``/``1``, ``-1``/``1``, ``"dog"``/``"cat"``...
One of the two labels is the *positive* class, the one you are looking for
(the cat, the earthquake, the spam). Every function takes it as ``positive``;
everything that is not ``positive`` counts as negative.

``y_true`` and ``y_pred`` are 1-D arrays (or lists) of the same length ``n``:
``y_true[i]`` is the real label of sample ``i``, ``y_pred[i]`` the model's guess.
"""

import numpy as np


def confusion_counts(y_true, y_pred, positive=1):
    """Count the four outcomes of a binary classifier.

    y_true, y_pred: 1-D arrays or lists of labels (numbers or strings), same length n.
    positive:       the label of the positive class.
    Returns a dict of Python ints:
        "tp": real positive, predicted positive   (a cat called a cat)
        "fp": real negative, predicted positive   (a dog called a cat: the model was fooled)
        "fn": real positive, predicted negative   (a cat called a dog: the model missed it)
        "tn": real negative, predicted negative   (a dog called a dog)
    The four counts add up to n.
    Raises ValueError if y_true and y_pred do not have the same length.
    """
    # YOUR CODE HERE
    raise NotImplementedError()


def safe_divide(numerator, denominator, zero_division=0.0):
    """numerator / denominator as a float, or ``zero_division`` when the denominator is 0.

    This is the zero-division rule of all the metrics below (scikit-learn's
    rule too): never divide by zero, never return nan unless asked to
    (``zero_division=float("nan")``), never raise.
    """
    # YOUR CODE HERE
    raise NotImplementedError()


def accuracy(y_true, y_pred, positive=1, zero_division=0.0):
    """The fraction of samples whose prediction is right: (tp + tn) / n.

    ``positive`` does not change the accuracy (it is accepted so that all four
    metrics have the same arguments): a sample counts as right when
    y_pred[i] == y_true[i], whatever the label. Returns a float;
    ``zero_division`` if there are no samples at all (n = 0).
    Raises ValueError if y_true and y_pred do not have the same length.
    """
    # YOUR CODE HERE
    raise NotImplementedError()


def precision(y_true, y_pred, positive=1, zero_division=0.0):
    """Of the samples predicted positive, the fraction that really are: tp / (tp + fp).

    "How often is the model fooled?" Returns a float;
    ``zero_division`` if the model predicts no positive at all (tp + fp = 0).
    """
    # YOUR CODE HERE
    raise NotImplementedError()


def recall(y_true, y_pred, positive=1, zero_division=0.0):
    """Of the real positives, the fraction the model found: tp / (tp + fn).

    "How many did the model miss?" Returns a float;
    ``zero_division`` if there is no real positive at all (tp + fn = 0).
    """
    # YOUR CODE HERE
    raise NotImplementedError()


def f1_score(y_true, y_pred, positive=1, zero_division=0.0):
    """The harmonic mean of precision and recall: 2 tp / (2 tp + fp + fn).

    Returns a float; ``zero_division`` if tp + fp + fn = 0 (no positive, real or
    predicted). In every other case the formula above is defined, even when
    precision or recall alone is not; it is 0 when tp = 0.
    """
    # YOUR CODE HERE
    raise NotImplementedError()
