# caught by: test_dogs_and_cats_metrics
"""Precision and recall swapped: precision divides by tp + fn, recall by tp + fp."""


def precision(y_true, y_pred, positive=1, zero_division=0.0):
    c = confusion_counts(y_true, y_pred, positive)  # noqa: F821 (defined in the solution)
    return safe_divide(c["tp"], c["tp"] + c["fn"], zero_division)  # noqa: F821


def recall(y_true, y_pred, positive=1, zero_division=0.0):
    c = confusion_counts(y_true, y_pred, positive)  # noqa: F821
    return safe_divide(c["tp"], c["tp"] + c["fp"], zero_division)  # noqa: F821
