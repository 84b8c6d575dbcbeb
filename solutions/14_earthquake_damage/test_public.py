import numpy as np

from datasets.buildings import CATEGORIES, as_columns, make_buildings

FRAME, GRADE, TRUTH = make_buildings(600, seed=5)


def test_encode_features_example(student):
    table = {"age": np.array([10, 995]), "roof_type": np.array(["x", "n"])}
    X, names = student.encode_features(table)
    assert list(names) == ["age", "roof_type_n", "roof_type_q", "roof_type_x"]
    assert np.allclose(X, [[10.0, 0.0, 0.0, 1.0], [995.0, 1.0, 0.0, 0.0]])


def test_encode_features_whole_table(student):
    X, names = student.encode_features(as_columns(FRAME))
    n_columns = FRAME.shape[1] - len(CATEGORIES) + sum(len(levels) for levels in CATEGORIES.values())
    assert np.shape(X) == (600, n_columns) and len(names) == n_columns
    assert np.all(np.isfinite(np.asarray(X, dtype=float)))


def test_fit_forest_small(student):
    X, _ = student.encode_features(as_columns(FRAME))
    result = student.fit_forest(X[:400], GRADE[:400], X[400:], 0)
    assert np.shape(result["predictions"]) == (200,)
    assert set(np.unique(result["predictions"])) <= {1, 2, 3}
    assert 0.0 <= result["oob_score"] <= 1.0


def test_random_vs_grouped_cv_returns_two_scores(student):
    X, _ = student.encode_features(as_columns(FRAME))
    random_score, grouped_score = student.random_vs_grouped_cv(X, GRADE, FRAME["geo_level_1_id"].to_numpy(), 0)
    assert 0.0 <= grouped_score <= 1.0 and 0.0 <= random_score <= 1.0
