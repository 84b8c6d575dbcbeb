# caught by: test_majority_baseline_dogs_and_cats
"""balanced_accuracy returns the plain accuracy: the always-majority baseline then looks excellent."""

import numpy as np


def balanced_accuracy(y_true, y_pred):
    return float(np.mean(np.asarray(y_true) == np.asarray(y_pred)))
