"""The rare-event generator keeps the structure the imbalance exercise needs."""

import numpy as np
import pytest

from datasets.imbalance import make_imbalanced


@pytest.fixture(scope="module")
def data():
    return make_imbalanced(5000, seed=3, return_truth=True)


def test_shapes_and_labels(data):
    X, y, truth = data
    assert X.shape == (5000, 40) and y.shape == (5000,)
    assert np.all(np.isfinite(X))
    assert set(np.unique(y).tolist()) == {0, 1}
    assert truth["informative"] == [0, 1, 2, 3]


def test_positive_class_is_rare_and_counted_exactly(data):
    _, y, truth = data
    assert y.sum() == truth["n_positive"] == 400
    assert truth["positive_rate"] == pytest.approx(0.08)
    _, y_small = make_imbalanced(500, seed=1)
    assert y_small.sum() == 40


def test_same_seed_same_data():
    X1, y1 = make_imbalanced(300, seed=7)
    X2, y2 = make_imbalanced(300, seed=7)
    X3, y3 = make_imbalanced(300, seed=8)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(y1, y2)
    assert not np.allclose(X1, X3)
    assert not np.array_equal(y1, y3)


def test_only_informative_columns_differ_between_classes(data):
    X, y, truth = data
    shift = X[y == 1].mean(axis=0) - X[y == 0].mean(axis=0)
    informative = truth["informative"]
    noise = [j for j in range(X.shape[1]) if j not in informative]
    assert np.allclose(shift[informative], 1.2, atol=0.2)
    assert np.all(np.abs(shift[noise]) < 0.2)
    assert np.allclose(X[y == 0].std(axis=0), 1.0, atol=0.05)


def test_majority_baseline_looks_good_on_accuracy_only(data):
    X, y, truth = data
    always_zero = np.zeros_like(y)
    assert np.mean(always_zero == y) == pytest.approx(0.92)
    # the best rule: a threshold half-way between the classes on the sum of the informative columns
    score = X[:, truth["informative"]].sum(axis=1)
    predicted = score > 0.5 * 1.2 * len(truth["informative"])
    recalls = [np.mean(predicted[y == 1]), np.mean(~predicted[y == 0])]
    assert np.mean(recalls) == pytest.approx(truth["bayes_balanced_accuracy"], abs=0.02)
    assert 0.85 < truth["bayes_balanced_accuracy"] < 0.92


def test_rejects_bad_arguments():
    with pytest.raises(ValueError):
        make_imbalanced(1)
    with pytest.raises(ValueError):
        make_imbalanced(100, positive_rate=0.0)
    with pytest.raises(ValueError):
        make_imbalanced(100, n_informative=50)
