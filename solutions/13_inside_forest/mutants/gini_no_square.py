# caught by: test_best_split_constant_feature, test_gini_iris_root, test_gini_known_values, test_gini_random_labels
"""Gini impurity as 1 - sum_k p_k (the fractions not squared): always 0."""

import numpy as np


def gini(labels):
    labels = np.asarray(labels)
    if labels.size == 0:
        return 0.0
    _, counts = np.unique(labels, return_counts=True)
    return float(1.0 - np.sum(counts / labels.size))
