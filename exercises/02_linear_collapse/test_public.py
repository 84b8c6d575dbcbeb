"""Public tests: run `pytest` in this folder (or the last cell of the notebook)."""

import numpy as np

# The worked example from the task text: 2 inputs -> 3 hidden units -> 1 output.
W1 = np.array([[1.0, 0.0], [2.0, 1.0], [0.0, -1.0]])
b1 = np.array([0.0, 1.0, 2.0])
W2 = np.array([[1.0, 1.0, 1.0]])
b2 = np.array([0.5])
X = np.array([[1.0, 1.0], [-1.0, 1.0]])


def test_stack_forward_example(student):
    out = student.stack_forward(X, [(W1, b1), (W2, b2)])
    assert np.shape(out) == (2, 1)
    assert np.allclose(out, [[6.5], [0.5]])


def test_stack_forward_relu_example(student):
    out = student.stack_forward(X, [(W1, b1), (W2, b2)], "relu")
    assert np.allclose(out, [[6.5], [1.5]])


def test_collapse_example(student):
    W, b = student.collapse(W1, b1, W2, b2)
    assert np.allclose(W, [[3.0, 0.0]])
    assert np.allclose(b, [3.5])


def test_collapse_stack_example(student):
    W, b = student.collapse_stack([(W1, b1), (W2, b2)])
    assert np.allclose(X @ W.T + b, [[6.5], [0.5]])


def test_quiz_answer_is_a_choice(student):
    assert student.quiz_answer() in {"better", "worse", "no difference"}, "one of the quiz's three choices"
