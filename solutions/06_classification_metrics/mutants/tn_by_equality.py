# caught by: test_metrics_property
"""Counts tn as "right and not a true positive": with a third label, a dog called a bird is lost."""

import numpy as np


def confusion_counts(y_true, y_pred, positive=1):
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    if y_true.shape != y_pred.shape:
        raise ValueError("y_true and y_pred differ in length")
    tp = int(np.sum((y_true == positive) & (y_pred == positive)))
    fp = int(np.sum((y_true != positive) & (y_pred == positive)))
    fn = int(np.sum((y_true == positive) & (y_pred != positive)))
    tn = int(np.sum(y_true == y_pred)) - tp
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn}
