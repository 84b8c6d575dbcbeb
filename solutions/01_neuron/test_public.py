import numpy as np

X = np.array([[1.0, 2.0, 3.0], [0.0, 1.0, -1.0], [2.0, 0.0, 0.0]])
W = np.array([[0.5, -1.0, 2.0], [1.0, 0.0, 1.0]])  # 2 units, 3 inputs
b = np.array([0.5, -1.0])
Y = np.array([[5.0, 3.0], [-2.5, -2.0], [1.5, 1.0]])  # worked out by hand


def test_neuron_example(student):
    y = student.neuron(np.array([1.0, 2.0, 3.0]), np.array([0.5, -1.0, 2.0]), 0.5)
    assert np.ndim(y) == 0, "neuron should return a single number"
    assert np.isclose(y, 5.0)


def test_dense_forward_example(student):
    y = student.dense_forward(X, W, b)
    assert np.shape(y) == (3, 2), "expected shape (n_samples, n_units) = (3, 2)"
    assert np.allclose(y, Y)


def test_keras_dense_example(student):
    model = student.keras_dense(W, b)
    y = np.asarray(model.predict(X, verbose=0))
    assert y.shape == (3, 2), "expected shape (n_samples, n_units) = (3, 2)"
    assert np.allclose(y, Y, rtol=1e-5, atol=1e-5)
