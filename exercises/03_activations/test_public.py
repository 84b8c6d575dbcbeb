"""Public tests: run `pytest` in this folder (or the last cell of the notebook)."""

import numpy as np

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], dtype="float32")
XOR_Y = np.array([0.0, 1.0, 1.0, 0.0], dtype="float32")


def test_activations_example(student):
    x = np.array([-2.0, 0.0, 3.0])
    assert np.allclose(student.sigmoid(x), [0.11920292, 0.5, 0.95257413])
    assert np.allclose(student.relu(x), [0.0, 0.0, 3.0])
    assert np.allclose(student.leaky_relu(x, 0.1), [-0.2, 0.0, 3.0])
    assert np.allclose(student.tanh(x), [-0.96402758, 0.0, 0.99505475])
    assert np.allclose(student.sigmoid(np.array([-1000.0, 1000.0])), [0.0, 1.0]), "sigmoid at ±1000"


def test_softmax_rows_sum_to_one(student):
    z = np.array([[1.0, 2.0, 3.0], [1000.0, 0.0, -1000.0]])
    p = student.softmax(z)
    assert np.shape(p) == (2, 3)
    assert np.all(np.isfinite(p)), "softmax returned NaN or inf for scores of ±1000"
    assert np.allclose(p.sum(axis=1), 1.0), "each row should sum to 1"
    assert np.allclose(p[0], [0.09003057, 0.24472847, 0.66524096])


def test_derivatives_example(student):
    x = np.array([-2.0, 0.0, 3.0])
    assert np.allclose(student.sigmoid_grad(x), [0.10499359, 0.25, 0.04517666])
    assert np.allclose(student.relu_grad(x), [0.0, 0.0, 1.0])
    assert np.allclose(student.leaky_relu_grad(x, 0.1), [0.1, 0.1, 1.0])
    assert np.allclose(student.tanh_grad(x), [0.07065082, 1.0, 0.00986604])


def test_xor_model_example(student):
    model = student.xor_model(XOR_X, XOR_Y)
    p = np.asarray(model.predict(XOR_X, verbose=0)).reshape(-1)
    assert p.shape == (4,), "expected one probability per sample"
    assert np.array_equal(p > 0.5, XOR_Y > 0.5), "not all four XOR points are classified correctly"
