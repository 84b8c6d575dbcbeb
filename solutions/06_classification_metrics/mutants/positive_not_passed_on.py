# caught by: test_dogs_and_cats_metrics, test_positive_label_other_than_1
"""confusion_counts is right, but precision, recall and F1 call it without passing `positive` on."""


def precision(y_true, y_pred, positive=1, zero_division=0.0):
    c = confusion_counts(y_true, y_pred)  # noqa: F821 (defined in the solution)
    return safe_divide(c["tp"], c["tp"] + c["fp"], zero_division)  # noqa: F821


def recall(y_true, y_pred, positive=1, zero_division=0.0):
    c = confusion_counts(y_true, y_pred)  # noqa: F821
    return safe_divide(c["tp"], c["tp"] + c["fn"], zero_division)  # noqa: F821


def f1_score(y_true, y_pred, positive=1, zero_division=0.0):
    c = confusion_counts(y_true, y_pred)  # noqa: F821
    return safe_divide(2 * c["tp"], 2 * c["tp"] + c["fp"] + c["fn"], zero_division)  # noqa: F821
