# caught by: test_labels_as_lists, test_gini_property
"""gini uses labels.size without np.asarray: a Python list of labels (which the task allows) breaks it."""

import numpy as np


def gini(labels):
    if len(labels) == 0:
        return 0.0
    _, counts = np.unique(labels, return_counts=True)
    p = counts / labels.size
    return float(1.0 - np.sum(p**2))
