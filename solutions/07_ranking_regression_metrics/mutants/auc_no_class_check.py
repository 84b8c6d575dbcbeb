# caught by: test_roc_auc_single_class_raises
"""ROC AUC without the single-class check: divides by n+ n- = 0 and returns nan instead of raising."""

import numpy as np


def roc_auc(y_true, scores):
    y = np.asarray(y_true).astype(bool)
    s = np.asarray(scores, dtype=float)
    pos, neg = s[y], s[~y]
    wins = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    with np.errstate(invalid="ignore", divide="ignore"):
        return float(np.float64(wins) / (pos.size * neg.size))
