"""Public tests: run `pytest` in this folder (or the last cell of the notebook)."""

import numpy as np


def test_small_example(student):
    y_true = np.array([1, 1, 1, 0, 0, 0, 0, 0])
    y_pred = np.array([1, 1, 0, 1, 0, 0, 0, 0])
    assert student.confusion_counts(y_true, y_pred) == {"tp": 2, "fp": 1, "fn": 1, "tn": 4}
    assert np.isclose(student.accuracy(y_true, y_pred), 6 / 8)
    assert np.isclose(student.precision(y_true, y_pred), 2 / 3)
    assert np.isclose(student.recall(y_true, y_pred), 2 / 3)
    assert np.isclose(student.f1_score(y_true, y_pred), 2 / 3)


def test_dogs_and_cats(student):
    # 998 dogs and 2 cats; the model predicts 999 dogs and 1 cat, and that one is a real cat.
    y_true = np.array(["dog"] * 998 + ["cat"] * 2)
    y_pred = np.array(["dog"] * 998 + ["cat", "dog"])
    assert student.confusion_counts(y_true, y_pred, positive="cat") == {"tp": 1, "fp": 0, "fn": 1, "tn": 998}
    assert np.isclose(student.accuracy(y_true, y_pred, positive="cat"), 0.999)
    assert np.isclose(student.precision(y_true, y_pred, positive="cat"), 1.0)
    assert np.isclose(student.recall(y_true, y_pred, positive="cat"), 0.5)


def test_zero_division_rule(student):
    assert student.safe_divide(3, 4) == 0.75
    assert student.safe_divide(0, 0) == 0.0
    assert student.safe_divide(0, 0, zero_division=1.0) == 1.0
    # the model never predicts a positive: precision is 0 / 0
    y_true = np.array([1, 0, 1, 0])
    y_pred = np.array([0, 0, 0, 0])
    assert student.precision(y_true, y_pred) == 0.0
    assert student.precision(y_true, y_pred, zero_division=1.0) == 1.0
