"""Public tests: run `pytest` in this folder (or the last cell of the notebook)."""

import numpy as np

from datasets.spatial import make_spatial_field


def test_temporal_split_example(student):
    train, test = student.temporal_split(10, 3, 2)
    assert list(train) == [0, 1, 2, 3, 4], "training: everything before the gap"
    assert list(test) == [7, 8, 9], "test: the last 3 samples; 5 and 6 are the gap"


def test_temporal_split_fraction(student):
    train, test = student.temporal_split(10, 0.25, 0)
    assert list(test) == [7, 8, 9], "0.25 * 10 = 2.5 test samples, rounded up to 3"
    assert list(train) == [0, 1, 2, 3, 4, 5, 6]


def test_spatial_blocks_example(student):
    coords = np.array([[1.0, 1.0], [9.0, 2.0], [11.0, 1.0], [1.0, 12.0], [-1.0, 1.0], [10.0, 0.0]])
    labels = np.asarray(student.spatial_blocks(coords, 10.0))
    assert labels.shape == (6,)
    assert labels[0] == labels[1], "(1, 1) and (9, 2) are in the same 10 x 10 cell"
    assert labels[2] == labels[5], "(11, 1) and (10, 0) are both in cell (1, 0)"
    assert len(set(labels[[0, 2, 3, 4]].tolist())) == 4, "four different cells; x = -1 is in cell -1, not 0"


def test_scores_are_numbers(student):
    X, y, coords = make_spatial_field(150, seed=0)
    blocked = student.blocked_cv_score(X, y, coords, 25.0, n_splits=4, seed=0)
    random = student.random_cv_score(X, y, n_splits=4, seed=0)
    assert np.isscalar(blocked) and np.isscalar(random)
    assert -5.0 < blocked < 1.0 and -5.0 < random < 1.0


def test_score_to_report_is_a_choice(student):
    choices = ("random", "blocked 2 km", "blocked 5 km", "blocked 10 km", "blocked 20 km")  # REPORT_CHOICES
    assert student.score_to_report() in choices, "one of REPORT_CHOICES"
