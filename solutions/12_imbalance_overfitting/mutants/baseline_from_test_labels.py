# caught by: test_majority_baseline_uses_training_labels, test_majority_baseline_property
"""majority_baseline takes the most common label of y_test: it peeks at the answers."""

import numpy as np


def majority_baseline(y_train, y_test):
    labels, counts = np.unique(np.asarray(y_test), return_counts=True)
    return np.full(len(y_test), labels[np.argmax(counts)])
