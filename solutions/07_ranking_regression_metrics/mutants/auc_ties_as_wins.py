# caught by: test_roc_auc_imbalanced, test_roc_auc_with_ties
"""ROC AUC by counting pairs with >=: a tied (positive, negative) pair counts as a win, not one half."""

import numpy as np


def roc_auc(y_true, scores):
    y = np.asarray(y_true).astype(bool)
    s = np.asarray(scores, dtype=float)
    pos, neg = s[y], s[~y]
    if pos.size == 0 or neg.size == 0:
        raise ValueError("only one class")
    wins = (pos[:, None] >= neg[None, :]).sum()
    return float(wins / (pos.size * neg.size))
