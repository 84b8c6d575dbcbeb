# caught by: test_always_dog_model, test_string_labels
"""Accuracy computed as (tp + tn) / n from confusion counts taken with positive=1 whatever the labels:
with "dog"/"cat" labels every sample looks like a true negative and the accuracy is 1."""


def accuracy(y_true, y_pred, positive=1, zero_division=0.0):
    c = confusion_counts(y_true, y_pred)  # noqa: F821 (defined in the solution)
    return safe_divide(c["tp"] + c["tn"], sum(c.values()), zero_division)  # noqa: F821
