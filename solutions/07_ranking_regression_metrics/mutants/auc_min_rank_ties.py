# caught by: test_roc_auc_imbalanced, test_roc_auc_property
"""ROC AUC with tied scores all given the smallest rank of their group (scipy's method="min")."""

import numpy as np


def roc_auc(y_true, scores):
    y = np.asarray(y_true).astype(bool)
    s = np.asarray(scores, dtype=float)
    n_pos = int(y.sum())
    n_neg = y.size - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("only one class")
    ranks = np.searchsorted(np.sort(s), s, side="left") + 1
    return float((ranks[y].sum() - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg))
