"""Inside a random forest, in NumPy: Gini impurity, the best split, bootstrap
samples and the majority vote.

A random forest is many decision trees. Each tree is grown on a *bootstrap
sample* of the training rows; each node of a tree asks one question
"is feature j <= threshold?", chosen to make the two children as *pure* as
possible (lowest Gini impurity); the forest predicts by a *majority vote* of
its trees.

Labels are class labels: a 1-D array (or list) of integers such as 0, 1, 2.
"""

import numpy as np


def gini(labels):
    """Gini impurity of a set of class labels: 1 - sum_k p_k**2.

    labels: 1-D array or list of class labels (length n).
    p_k is the fraction of the labels equal to class k, over the classes that occur.
    Returns a Python float: 0.0 for a pure set (one class), 0.5 for two classes
    half and half, 2/3 for three equal classes. An empty set has impurity 0.0.
    """
    labels = np.asarray(labels)
    if labels.size == 0:
        return 0.0
    _, counts = np.unique(labels, return_counts=True)
    p = counts / labels.size
    return float(1.0 - np.sum(p**2))


def best_split(x, y):
    """The best threshold on one feature, as a decision tree chooses it.

    x: 1-D array (n,) of the values of one feature; y: 1-D array (n,) of class labels.
    A threshold t sends sample i to the left child if x[i] <= t, else to the right.
    Candidate thresholds: the midpoints (a + b) / 2 between consecutive distinct
    values a < b of the sorted x (as scikit-learn does).
    The quality of a split is the weighted child impurity
        n_left / n * gini(y_left) + n_right / n * gini(y_right)
    (lower is better). Ties: the smallest threshold wins; two scores that differ by less
    than 1e-12 are equal (the same fraction summed in another order can differ in its last bit).
    Returns a tuple (threshold, impurity) of two Python floats.
    If x holds only one distinct value there is no split: return (None, gini(y)).
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y)
    values = np.unique(x)
    if values.size < 2:
        return None, gini(y)
    n = y.size
    best_t, best_impurity = None, np.inf
    for a, b in zip(values[:-1], values[1:], strict=True):
        t = (a + b) / 2.0
        left = x <= t
        n_left = int(left.sum())
        impurity = n_left / n * gini(y[left]) + (n - n_left) / n * gini(y[~left])
        if impurity < best_impurity - 1e-12:  # a tie within rounding keeps the smaller threshold
            best_t, best_impurity = float(t), impurity
    return best_t, float(best_impurity)


def best_split_all(X, y):
    """The best split over all features: the question at the root of a tree.

    X: 2-D array (n, d), one row per sample, one column per feature; y: (n,) labels.
    Runs best_split on every column and keeps the one with the lowest weighted
    child impurity. Ties (scores within 1e-12): the lowest feature index wins.
    Columns with a single value cannot be split and are skipped.
    Returns a tuple (feature, threshold): a Python int (the column index) and a
    Python float. If no column can be split, returns (None, None).
    """
    X = np.asarray(X, dtype=float)
    best = (None, None)
    best_impurity = np.inf
    for j in range(X.shape[1]):
        t, impurity = best_split(X[:, j], y)
        if t is not None and impurity < best_impurity - 1e-12:
            best, best_impurity = (j, t), impurity
    return best


def bootstrap_sample(n, seed):
    """A bootstrap sample of n rows and its out-of-bag rows.

    n: number of rows; seed: an int.
    Draw n row indices *with replacement*, exactly as
        np.random.default_rng(seed).integers(0, n, n)
    (in that order: do not sort them). The out-of-bag (OOB) indices are the rows
    0 .. n-1 that were never drawn, sorted ascending, each once.
    Returns a tuple (in_bag, oob) of two 1-D integer arrays: in_bag has shape (n,).
    """
    rng = np.random.default_rng(seed)
    in_bag = rng.integers(0, n, n)
    oob = np.setdiff1d(np.arange(n), in_bag)
    return in_bag, oob


def majority_vote(predictions):
    """The forest's prediction: for each sample, the label most trees predicted.

    predictions: 2-D integer array (n_trees, n_samples); predictions[t, i] is the
    class label (a non-negative integer) that tree t predicts for sample i.
    Returns a 1-D integer array (n_samples,): for each column, the most common
    label. Ties: the smallest of the tied labels wins.
    """
    predictions = np.asarray(predictions)
    votes = np.empty(predictions.shape[1], dtype=int)
    for i in range(predictions.shape[1]):
        labels, counts = np.unique(predictions[:, i], return_counts=True)
        votes[i] = labels[np.argmax(counts)]  # np.unique sorts: argmax takes the first, smallest label
    return votes
