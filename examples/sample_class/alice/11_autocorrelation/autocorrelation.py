"""Exercise 11: autocorrelated data need splits that keep neighbours apart.

A temporal split with a gap for a time series, spatial blocks for a survey, and
two cross-validated scores of the same model: one with shuffled K-fold, one with
the blocks as groups. The difference between them is how much a shuffled split
flatters a model on autocorrelated data.

To explore the data yourself::

    from datasets.spatial import make_spatial_field, make_groundwater_series
    X, y, coords = make_spatial_field(400, seed=1)      # (400, 4), (400,), (400, 2) in km
    t, level = make_groundwater_series(730, seed=1)     # two years of a daily well level
"""

import math

import numpy as np
from sklearn.model_selection import GroupKFold, KFold, cross_val_score
from sklearn.neighbors import KNeighborsRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

# The answers score_to_report() may give: the shuffled score, or a blocked one with these block sizes.
REPORT_CHOICES = ("random", "blocked 2 km", "blocked 5 km", "blocked 10 km", "blocked 20 km")


def make_model():
    """The model both scores use (given, do not change): scale, then 5 nearest neighbours."""
    return make_pipeline(StandardScaler(), KNeighborsRegressor(n_neighbors=5))


def temporal_split(n, test_size, gap=0):
    """Split ``n`` time-ordered samples into an earlier training block and a later test block.

    Parameters
    ----------
    n : int
        Number of samples, in time order (index 0 is the oldest).
    test_size : int or float
        An int: the number of test samples. A float between 0 and 1: the
        fraction of ``n``, rounded **up**: ``n_test = math.ceil(test_size * n)``
        (as scikit-learn's ``train_test_split`` does).
    gap : int
        Number of samples left out between the last training sample and the
        first test sample (0: the blocks touch).

    Returns
    -------
    train_idx : int array, shape (n - n_test - gap,)
        ``0, 1, ..., n - n_test - gap - 1``, ascending.
    test_idx : int array, shape (n_test,)
        The last ``n_test`` indices, ``n - n_test, ..., n - 1``, ascending.

    Raises
    ------
    ValueError
        If ``gap`` is negative, ``n_test`` is not at least 1, or fewer than one
        training sample is left.
    """
    n, gap = int(n), int(gap)
    if isinstance(test_size, float):
        if not 0.0 < test_size < 1.0:
            raise ValueError(f"a fractional test_size must be between 0 and 1, got {test_size}")
        n_test = math.ceil(test_size * n)
    else:
        n_test = int(test_size)
    if gap < 0:
        raise ValueError(f"gap must be >= 0, got {gap}")
    if n_test < 1:
        raise ValueError(f"the test block must hold at least one sample, got {n_test}")
    n_train = n - n_test - gap
    if n_train < 1:
        raise ValueError(f"no training samples left: n={n}, n_test={n_test}, gap={gap}")
    return np.arange(n_train), np.arange(n - n_test, n)


def spatial_blocks(coords, block_size):
    """A block label for every site: the square grid cell of side ``block_size`` it falls in.

    The cells are anchored at the origin: cell ``(i, j)`` holds the points with
    ``i * block_size <= x < (i + 1) * block_size`` and
    ``j * block_size <= y < (j + 1) * block_size``, for any integers ``i`` and
    ``j`` (negative coordinates too).

    Parameters
    ----------
    coords : array, shape (n_sites, 2)
        Columns x and y, in any unit (the same as ``block_size``).
    block_size : float
        Side of a cell.

    Returns
    -------
    labels : int array, shape (n_sites,)
        Two sites get the same label if and only if they lie in the same cell.
        Which integer a cell gets is up to you.
    """
    cells = np.floor(np.asarray(coords, dtype=float) / float(block_size)).astype(np.int64)
    _, labels = np.unique(cells, axis=0, return_inverse=True)
    return labels.reshape(-1).astype(np.int64)


def blocked_cv_score(X, y, coords, block_size, n_splits=5, seed=0):
    """Mean R^2 of ``make_model()`` over a spatially blocked cross-validation.

    The groups are ``spatial_blocks(coords, block_size)``; the folds come from
    ``GroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)``, so no
    block has sites in both the training and the test part of a fold.

    Parameters
    ----------
    X : array, shape (n_sites, n_features)
    y : array, shape (n_sites,)
    coords : array, shape (n_sites, 2)
    block_size : float
    n_splits : int
    seed : int

    Returns
    -------
    float
        The R^2 of every test fold (scoring ``"r2"``), averaged over the folds.
    """
    groups = spatial_blocks(coords, block_size)
    cv = GroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    scores = cross_val_score(make_model(), X, y, groups=groups, cv=cv, scoring="r2")
    return float(np.mean(scores))


def random_cv_score(X, y, n_splits=5, seed=0):
    """Mean R^2 of ``make_model()`` over a shuffled K-fold cross-validation.

    The folds come from ``KFold(n_splits=n_splits, shuffle=True, random_state=seed)``.

    Returns
    -------
    float
        The R^2 of every test fold, averaged over the folds.
    """
    cv = KFold(n_splits=n_splits, shuffle=True, random_state=seed)
    scores = cross_val_score(make_model(), X, y, cv=cv, scoring="r2")
    return float(np.mean(scores))


def score_to_report():
    """Your answer to the task's question, once both scores work.

    Which of the example's cross-validation scores (the shuffled one, or the
    blocked one with blocks of 2, 5, 10 or 20 km) would you report as the skill
    of a map of this property in the next valley?

    Returns
    -------
    str
        One of ``REPORT_CHOICES``.
    """
    return "blocked 20 km"
