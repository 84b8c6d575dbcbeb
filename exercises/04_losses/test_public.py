"""Public tests: run `pytest` in this folder (or the last cell of the notebook)."""

import numpy as np


def test_mse_example(student):
    y_true = np.array([[1.0, 2.0], [3.0, 4.0]])
    y_pred = np.array([[1.0, 1.0], [5.0, 4.0]])
    # per sample: (0 + 1) / 2 = 0.5 and (4 + 0) / 2 = 2.0
    assert np.isclose(student.mse(y_true, y_pred), 1.25)
    assert np.allclose(student.mse(y_true, y_pred, reduction="none"), [0.5, 2.0])
    assert np.isclose(student.mse(y_true, y_pred, reduction="sum"), 2.5)


def test_mae_example(student):
    y_true = np.array([1.0, 2.0, 3.0])
    y_pred = np.array([2.0, 2.0, 1.0])
    assert np.isclose(student.mae(y_true, y_pred), 1.0)


def test_binary_crossentropy_example(student):
    y = np.array([1.0, 0.0, 1.0])
    p = np.array([0.9, 0.2, 0.6])
    expected = np.mean([-np.log(0.9), -np.log(0.8), -np.log(0.6)])
    assert np.isclose(student.binary_crossentropy(y, p), expected)
    # the same predictions given as logits z, with p = sigmoid(z)
    z = np.log(p / (1 - p))
    assert np.isclose(student.binary_crossentropy_from_logits(y, z), expected)
    # p = 0 and p = 1 are clipped, so the loss stays finite
    assert np.isfinite(student.binary_crossentropy(np.array([1.0, 0.0]), np.array([0.0, 1.0])))


def test_categorical_crossentropy_example(student):
    y = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
    p = np.array([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6]])
    assert np.allclose(student.categorical_crossentropy(y, p, reduction="none"), [-np.log(0.7), -np.log(0.6)])
