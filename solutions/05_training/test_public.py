import numpy as np
import pytest

# The line y = 2 x + 1, sampled at 4 points.
X = np.array([0.0, 1.0, 2.0, 3.0])
Y = 2.0 * X + 1.0


def test_mse_gradients_example(student):
    # At w = b = 0 the residuals w x + b - y are -y = [-1, -3, -5, -7]:
    # dL/dw = 2 * mean(residual * x) = -17, dL/db = 2 * mean(residual) = -8.
    dw, db = student.mse_gradients(X, Y, 0.0, 0.0)
    assert np.isclose(dw, -17.0)
    assert np.isclose(db, -8.0)


def test_gradient_descent_example(student):
    result = student.gradient_descent(X, Y, learning_rate=0.05, epochs=3)
    assert set(result) == {"w", "b", "losses"}
    # losses[t] is the loss before update t; losses[0] is the loss at w = b = 0
    assert np.allclose(result["losses"], [21.0, 7.05875, 2.373021875])
    assert np.isclose(result["w"], 1.62775)
    assert np.isclose(result["b"], 0.767875)
    # with enough epochs it finds the line
    result = student.gradient_descent(X, Y, learning_rate=0.05, epochs=2000)
    assert np.isclose(result["w"], 2.0, atol=1e-6) and np.isclose(result["b"], 1.0, atol=1e-6)


def test_gradient_descent_diverges(student):
    with pytest.raises(Exception) as err:  # noqa: B017 (the type is checked below)
        student.gradient_descent(X, Y, learning_rate=1.0, epochs=50)
    # Run by the grader, your exception arrives wrapped; type_name names the original.
    name = getattr(err.value, "type_name", type(err.value).__name__)
    assert name == "FloatingPointError", f"expected FloatingPointError, got {name}"


def test_tape_train_step_example(student):
    new_w, new_b, loss = student.tape_train_step(0.0, 0.0, X, Y, 0.05)
    # w - 0.05 * (-17), b - 0.05 * (-8), and the loss before the step
    assert np.allclose([new_w, new_b, loss], [0.85, 0.4, 21.0], rtol=1e-5)
