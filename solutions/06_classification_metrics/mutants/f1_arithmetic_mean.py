# caught by: test_dogs_and_cats_metrics, test_metrics_match_sklearn
"""F1 as the arithmetic mean (P + R) / 2 of precision and recall instead of the harmonic mean."""


def f1_score(y_true, y_pred, positive=1, zero_division=0.0):
    p = precision(y_true, y_pred, positive, zero_division)  # noqa: F821 (defined in the solution)
    r = recall(y_true, y_pred, positive, zero_division)  # noqa: F821
    return (p + r) / 2
