# caught by: test_roc_auc_imbalanced
"""ROC AUC with ties ranked by their order in the array (argsort of argsort), not averaged."""

import numpy as np


def roc_auc(y_true, scores):
    y = np.asarray(y_true).astype(bool)
    s = np.asarray(scores, dtype=float)
    n_pos = int(y.sum())
    n_neg = y.size - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("only one class")
    ranks = np.argsort(np.argsort(s)) + 1
    return float((ranks[y].sum() - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg))
