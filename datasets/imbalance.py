"""A seeded rare-event table: a rare positive class, a few real drivers, many irrelevant columns.

``make_imbalanced(n, seed)`` draws ``n`` samples of a binary classification
problem in which the positive class is rare (``positive_rate``, 8 % by default:
the "998 dogs, 2 cats" situation of the metrics lesson, less extreme) and only
``n_informative`` of the ``n_features`` columns carry any information about it.

- Negatives (label 0): every column is standard normal, N(0, 1), independent.
- Positives (label 1): the same, except that each informative column is shifted
  by ``separation`` (its mean is ``separation`` instead of 0).
- Exactly ``round(positive_rate * n)`` samples are positive (at least 1), in a
  random order.

The columns are already on a common scale (mean about 0, standard deviation
about 1), so no standardisation is needed. With the defaults the two class
means are ``separation * sqrt(n_informative) = 2.4`` standard deviations apart:
the best possible rule (a threshold on the sum of the informative columns,
placed half-way between the classes) reaches a balanced accuracy of
``Phi(1.2)``, about 0.88; always answering "negative" reaches an accuracy of
0.92 and a balanced accuracy of 0.5. With a few hundred samples and 40 columns
a flexible model also fits the noise of the 36 irrelevant ones: it overfits.

What it stands in for: tabular rare-event problems with a few true drivers among
many candidate measurements, e.g. landslide cells in a susceptibility map
(slope, rainfall and lithology matter; dozens of other layers do not), a
mineral-prospectivity map, or a screening test where one patient in twenty is
positive.

Where the approximation breaks down:

- the classes are two Gaussian clouds that differ only by a shift, so a linear
  rule is the best rule; real rare classes are often several different kinds
  of event, with interactions and heavier tails;
- the columns are independent; real covariates are correlated with each other
  (and the irrelevant ones are not pure noise: they can be spuriously related
  to the label in a given region or period);
- samples are independent; real map cells and patients are not (neighbouring
  cells are alike: see exercise 11 on autocorrelation);
- the labels are exact; real rare-event labels are noisy and incomplete
  (unreported landslides are labelled 0);
- the positive rate is the same in every data set drawn; in practice it differs
  between the training data and the place where the model is used.

A model that looks good here has only shown it can find a shift in a few columns.
"""

from __future__ import annotations

import numpy as np

__all__ = ["make_imbalanced"]


def make_imbalanced(
    n,
    seed=0,
    *,
    n_features=40,
    n_informative=4,
    positive_rate=0.08,
    separation=1.2,
    return_truth=False,
):
    """Draw ``n`` samples of the rare-event problem.

    Parameters
    ----------
    n : int
        Number of samples.
    seed : int
        Seed of the random generator; the same seed gives the same data.
    n_features : int
        Number of columns of ``X``.
    n_informative : int
        How many of them carry information: columns ``0 .. n_informative - 1``.
    positive_rate : float
        Fraction of positive samples, in (0, 1).
    separation : float
        Shift of each informative column for the positive class, in standard deviations.
    return_truth : bool
        If True, also return a dict with the ground truth: ``"informative"``
        (the indices of the informative columns), ``"shift"`` (the mean of each
        column for the positive class; 0 for the negative class),
        ``"positive_rate"``, ``"n_positive"`` and ``"bayes_balanced_accuracy"``
        (the balanced accuracy of the best possible rule).

    Returns
    -------
    X : array, shape (n, n_features), float
    y : array, shape (n,), int, 0 (common) or 1 (rare)
    truth : dict, only if ``return_truth``.
    """
    n = int(n)
    if n < 2:
        raise ValueError("n must be at least 2")
    if not 0 < n_informative <= n_features:
        raise ValueError("need 0 < n_informative <= n_features")
    if not 0 < positive_rate < 1:
        raise ValueError("positive_rate must be in (0, 1)")
    rng = np.random.default_rng(seed)
    n_positive = min(n - 1, max(1, int(round(positive_rate * n))))
    y = np.zeros(n, dtype=int)
    y[:n_positive] = 1
    y = rng.permutation(y)
    shift = np.zeros(n_features)
    shift[:n_informative] = separation
    X = rng.normal(size=(n, n_features)) + y[:, None] * shift
    if not return_truth:
        return X, y
    from math import erf, sqrt

    distance = separation * sqrt(n_informative)  # between the class means, in standard deviations
    truth = {
        "informative": list(range(n_informative)),
        "shift": shift,
        "positive_rate": n_positive / n,
        "n_positive": n_positive,
        "bayes_balanced_accuracy": 0.5 * (1.0 + erf(distance / 2.0 / sqrt(2.0))),
    }
    return X, y, truth
