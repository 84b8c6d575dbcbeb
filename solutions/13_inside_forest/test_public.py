import numpy as np


def test_gini_examples(student):
    assert np.isclose(student.gini(np.array([1, 1, 1, 1])), 0.0)
    assert np.isclose(student.gini(np.array([0, 1, 0, 1])), 0.5)
    assert np.isclose(student.gini(np.array([0, 1, 2, 0, 1, 2])), 2 / 3)


def test_best_split_example(student):
    x = np.array([2.0, 1.0, 4.0, 3.0, 5.0])
    y = np.array([0, 0, 1, 1, 1])
    threshold, impurity = student.best_split(x, y)
    assert np.isclose(threshold, 2.5)  # midway between 2 and 3
    assert np.isclose(impurity, 0.0)


def test_best_split_all_example(student):
    X = np.array([[1.0, 1.0], [2.0, 2.0], [3.0, 7.0], [4.0, 8.0]])
    y = np.array([0, 0, 1, 1])
    feature, threshold = student.best_split_all(X, y)
    assert feature == 0  # both columns separate the classes: the lowest index wins
    assert np.isclose(threshold, 2.5)


def test_bootstrap_example(student):
    in_bag, oob = student.bootstrap_sample(8, seed=0)
    assert np.array_equal(in_bag, np.random.default_rng(0).integers(0, 8, 8))
    assert np.array_equal(oob, np.setdiff1d(np.arange(8), in_bag))


def test_majority_vote_example(student):
    predictions = np.array([[0, 2, 1], [1, 2, 0], [1, 0, 2], [0, 2, 2]])
    assert np.array_equal(student.majority_vote(predictions), [0, 2, 2])  # sample 0: a tie, 0 wins
