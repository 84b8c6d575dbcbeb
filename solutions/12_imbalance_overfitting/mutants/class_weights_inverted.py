# caught by: test_class_weights_match_sklearn, test_class_weights_property
"""class_weights inverts the formula (n_classes * count / n_samples): the common class weighs more."""

import numpy as np


def class_weights(y):
    labels, counts = np.unique(np.asarray(y), return_counts=True)
    return {
        label.item(): float(len(labels) * count / counts.sum()) for label, count in zip(labels, counts, strict=True)
    }
