"""Many noise features, few samples: a seeded data set for the leakage exercise.

``make_noise(n_samples, n_features, n_informative, shift, seed)`` draws a
two-class problem in which most (by default all) features are pure noise:

* ``y``, shape ``(n_samples,)``: labels 0 and 1, exactly half of each (one more
  0 when ``n_samples`` is odd), in random order. Guessing gives 50 % accuracy.
* ``X``, shape ``(n_samples, n_features)``: independent standard normal values,
  drawn without looking at ``y``. Only the ``n_informative`` features listed in
  the ground truth carry signal: their mean is ``-shift / 2`` in class 0 and
  ``+shift / 2`` in class 1 (a difference of ``shift`` standard deviations).

With ``n_informative=0`` (the default) no model can do better than chance on
new data, so any cross-validated accuracy clearly above 50 % is an artefact of
the evaluation: this is the data for showing that selecting features (or
fitting any preprocessing that looks at ``y``) on all samples before
cross-validation inflates the score.

What it stands in for: "wide" data sets with thousands of candidate features
and tens to hundreds of samples, where feature screening is routine: gene
expression microarrays (Ambroise and McLachlan 2002, "Selection bias in gene
extraction on the basis of microarray gene-expression data"), neuroimaging
voxels, hundreds of derived seismic or satellite attributes per event.

Where the approximation breaks down: real features are correlated, skewed and
heavy-tailed, have missing values and batch effects, and the signal is usually
weak and spread over many features rather than zero or a clean mean shift in a
few. The leak it demonstrates is the same on real data, but its size depends on
how many features are screened and how many samples there are.
"""

import numpy as np

__all__ = ["make_noise"]


def make_noise(n_samples=100, n_features=2000, n_informative=0, shift=1.0, seed=0, return_truth=False):
    """Draw a two-class data set of mostly (or only) noise features.

    Parameters
    ----------
    n_samples : int
        Number of samples (rows), at least 2.
    n_features : int
        Number of features (columns).
    n_informative : int
        How many features (chosen at random) carry signal; 0 for pure noise.
    shift : float
        Difference between the class means of an informative feature, in
        standard deviations.
    seed : int
        Seed of ``numpy.random.default_rng``; the same seed gives the same data.
    return_truth : bool
        Also return the ground truth.

    Returns
    -------
    X : ndarray, shape (n_samples, n_features), float
    y : ndarray, shape (n_samples,), int, values 0 and 1
    truth : dict, only if ``return_truth``: ``"informative"``, the sorted
        indices of the informative features (empty for pure noise), and
        ``"shift"``.
    """
    if n_samples < 2:
        raise ValueError("n_samples must be at least 2")
    if not 0 <= n_informative <= n_features:
        raise ValueError("n_informative must be between 0 and n_features")
    rng = np.random.default_rng(seed)
    y = rng.permutation(np.repeat([0, 1], [n_samples - n_samples // 2, n_samples // 2]))
    X = rng.normal(size=(n_samples, n_features))
    informative = np.sort(rng.choice(n_features, size=n_informative, replace=False))
    X[:, informative] += shift * (y[:, None] - 0.5)
    if return_truth:
        return X, y, {"informative": informative, "shift": float(shift)}
    return X, y
