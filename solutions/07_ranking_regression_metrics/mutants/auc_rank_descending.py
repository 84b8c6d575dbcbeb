# caught by: test_roc_auc_perfect_and_inverted, test_roc_auc_matches_sklearn
"""ROC AUC with rank 1 given to the largest score: the ranking is inverted (AUC becomes 1 - AUC)."""

import numpy as np


def roc_auc(y_true, scores):
    y = np.asarray(y_true).astype(bool)
    s = -np.asarray(scores, dtype=float)
    pos, neg = s[y], s[~y]
    if pos.size == 0 or neg.size == 0:
        raise ValueError("only one class")
    wins = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(wins / (pos.size * neg.size))
