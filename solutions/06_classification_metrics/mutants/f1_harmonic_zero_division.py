# caught by: test_f1_zero_division_only_when_undefined
"""F1 as 2 P R / (P + R), returning zero_division whenever P + R = 0 (also when tp = 0 but fp, fn > 0)."""


def f1_score(y_true, y_pred, positive=1, zero_division=0.0):
    p = precision(y_true, y_pred, positive, zero_division)  # noqa: F821 (defined in the solution)
    r = recall(y_true, y_pred, positive, zero_division)  # noqa: F821
    return safe_divide(2 * p * r, p + r, zero_division)  # noqa: F821
