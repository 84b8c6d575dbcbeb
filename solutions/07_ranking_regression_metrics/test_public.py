import numpy as np


def test_roc_auc_example(student):
    y = [0, 0, 1, 1, 0, 1]
    s = [0.1, 0.4, 0.35, 0.8, 0.4, 0.4]
    assert np.isclose(student.roc_auc(y, s), 2 / 3)


def test_roc_auc_all_tied(student):
    assert np.isclose(student.roc_auc([0, 1, 1, 0, 1], [0.3] * 5), 0.5)


def test_iou_example(student):
    mapped = np.array([[0, 1, 1, 0], [0, 1, 1, 1], [0, 0, 1, 0]], dtype=bool)
    predicted = np.array([[0, 0, 1, 1], [0, 1, 1, 1], [0, 0, 0, 0]], dtype=bool)
    assert np.isclose(student.iou(mapped, predicted), 4 / 7)
    assert student.iou(np.zeros(5, bool), np.zeros(5, bool)) == 1.0


def test_regression_example(student):
    y_true, y_pred = [3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0]
    assert np.isclose(student.mae(y_true, y_pred), 0.5)
    assert np.isclose(student.mse(y_true, y_pred), 0.375)
    assert np.isclose(student.rmse(y_true, y_pred), np.sqrt(0.375))


def test_curves_example(student):
    y = [0, 0, 1, 1, 0, 1]
    s = [0.1, 0.4, 0.35, 0.8, 0.4, 0.4]
    fpr, tpr, thresholds = student.roc_points(y, s)
    assert np.allclose(fpr, [0, 0, 2 / 3, 2 / 3, 1])
    assert np.allclose(tpr, [0, 1 / 3, 2 / 3, 1, 1])
    assert np.array_equal(thresholds, [np.inf, 0.8, 0.4, 0.35, 0.1])
    precision, recall, thresholds = student.pr_points(y, s)
    assert np.allclose(precision, [0.5, 0.6, 0.5, 1, 1])
    assert np.allclose(recall, [1, 1, 2 / 3, 1 / 3, 0])
    assert np.array_equal(thresholds, [0.1, 0.35, 0.4, 0.8])
    fpr, tpr, _ = student.roc_points(y, s)
    assert np.isclose(student.trapezoid_area(fpr, tpr), student.roc_auc(y, s))
    assert np.isclose(student.average_precision(y, s), (1.0 + 0.5 + 0.6) / 3)
    assert student.threshold_for_recall(y, s, 0.9) == 0.35
