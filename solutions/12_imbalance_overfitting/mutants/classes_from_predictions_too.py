# caught by: test_balanced_accuracy_matches_sklearn, test_balanced_accuracy_property
"""balanced_accuracy averages over the labels of y_true and y_pred together: a class that is only
predicted adds a recall of 0 (sklearn averages over the classes of y_true only)."""

import numpy as np


def balanced_accuracy(y_true, y_pred):
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    recalls = []
    for label in np.union1d(y_true, y_pred):
        members = y_true == label
        recalls.append(np.mean(y_pred[members] == label) if members.any() else 0.0)
    return float(np.mean(recalls))
