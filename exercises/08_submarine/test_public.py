"""Public tests: run `pytest` in this folder (or the last cell of the notebook)."""

import numpy as np

X_train = np.array([[10.0, 100.0], [20.0, 300.0], [30.0, 500.0]])  # mean (20, 300), std (8.165, 163.3)
X_other = np.array([[20.0, 300.0], [40.0, 700.0]])


def test_standardise_example(student):
    train_scaled, other_scaled, mean, std = student.standardise(X_train, X_other)
    assert np.allclose(mean, [20.0, 300.0])
    assert np.allclose(std, X_train.std(axis=0))
    assert np.allclose(train_scaled.mean(axis=0), 0.0) and np.allclose(train_scaled.std(axis=0), 1.0)
    assert np.allclose(other_scaled[0], 0.0), "X_other is scaled with the training mean and std"
    assert np.allclose(other_scaled[1], [20.0 / std[0], 400.0 / std[1]])


def test_build_model_shapes(student):
    model = student.build_model(n_inputs=5, n_outputs=3)
    y = np.asarray(model.predict(np.zeros((4, 5)), verbose=0))
    assert y.shape == (4, 3), "expected outputs of shape (n_samples, n_outputs) = (4, 3)"


def test_train_submarine_small(student):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(120, 5)) * [5.0, 500.0, 0.05, 0.5, 100.0] + [10.0, 400.0, 8.0, 35.0, 50.0]
    Y = rng.normal(size=(120, 3)) * [30.0, 15.0, 300.0] + [0.0, -40.0, 400.0]
    result = student.train_submarine(X[:100], Y[:100], X[100:])
    assert set(result) >= {"predictions", "history", "x_mean", "x_std"}
    assert np.shape(result["predictions"]) == (20, 3)
    assert np.all(np.isfinite(result["predictions"]))
    assert len(result["history"]) >= 2


def test_extrapolation_report_example(student):
    Y_train = np.array([[0.0, -40.0, 100.0], [10.0, -30.0, 300.0]])  # std (5, 5, 100)
    Y_near = np.array([[1.0, -35.0, 200.0], [2.0, -36.0, 250.0]])
    Y_far = np.array([[3.0, -20.0, 2000.0]])
    report = student.extrapolation_report(Y_train, Y_near, Y_near + [1.0, 0.0, 10.0], Y_far, Y_far + [0.0, 5.0, 300.0])
    assert np.allclose(report["rmse_near"], [1.0, 0.0, 10.0])
    assert np.allclose(report["rmse_far"], [0.0, 5.0, 300.0])
    assert np.isclose(report["score_near"], (1.0 / 5 + 0.0 + 10.0 / 100) / 3)
    assert np.isclose(report["score_far"], (0.0 + 5.0 / 5 + 300.0 / 100) / 3)


def test_why_errors_differ_is_a_choice(student):
    assert student.why_errors_differ() in ("a", "b", "c", "d")
