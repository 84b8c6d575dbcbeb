"""The noise generator keeps the structure the leakage exercise needs."""

import numpy as np
import pytest

from datasets.noise import make_noise


def test_shapes_and_balanced_labels():
    X, y = make_noise(101, 300, seed=1)
    assert X.shape == (101, 300) and y.shape == (101,)
    assert set(np.unique(y)) == {0, 1}
    assert np.sum(y == 0) == 51 and np.sum(y == 1) == 50
    assert np.all(np.isfinite(X))


def test_same_seed_same_data():
    X1, y1 = make_noise(50, 100, n_informative=3, seed=7)
    X2, y2 = make_noise(50, 100, n_informative=3, seed=7)
    X3, y3 = make_noise(50, 100, n_informative=3, seed=8)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(y1, y2)
    assert not np.allclose(X1, X3)


def test_pure_noise_has_no_signal():
    # Labels are independent of the features: the class means of every feature differ
    # only by sampling noise, about sqrt(1/n0 + 1/n1) standard deviations.
    X, y, truth = make_noise(2000, 50, seed=2, return_truth=True)
    assert truth["informative"].size == 0
    difference = X[y == 1].mean(axis=0) - X[y == 0].mean(axis=0)
    assert np.abs(difference).max() < 5 * np.sqrt(2 / 1000)
    np.testing.assert_allclose(X.std(axis=0), 1.0, atol=0.1)


def test_informative_features_are_shifted():
    X, y, truth = make_noise(4000, 40, n_informative=5, shift=1.5, seed=3, return_truth=True)
    informative = truth["informative"]
    assert informative.size == 5 and np.all(np.diff(informative) > 0)
    difference = X[y == 1].mean(axis=0) - X[y == 0].mean(axis=0)
    np.testing.assert_allclose(difference[informative], 1.5, atol=0.15)
    noise = np.setdiff1d(np.arange(40), informative)
    assert np.abs(difference[noise]).max() < 0.2


def test_bad_arguments():
    with pytest.raises(ValueError):
        make_noise(1, 10)
    with pytest.raises(ValueError):
        make_noise(10, 5, n_informative=6)
