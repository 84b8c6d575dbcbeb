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


def test_part2_example(student):
    table = {
        "geo_level_1_id": np.array([0, 0, 1, 1, 2, 2]),
        "geo_level_2_id": np.array([3, 4, 5, 6, 7, 8]),
        "age": np.array([10.0, np.nan, 30.0, 5.0, np.nan, 50.0]),
        "roof_type": np.array(["n", "q", "x", "n", "q", "x"]),
        "epicentral_distance_km": np.array([10.0, 12.0, 80.0, 85.0, 150.0, 160.0]),
        "mmi_estimate": np.array([8.4, 8.3, 6.3, 6.2, 5.5, 5.4]),
    }
    X, names = student.feature_set(table, "transferable")
    assert "geo_level_1_id" not in names and "mmi_estimate" in names and X.shape == (6, len(names))
    X, names = student.feature_set(table, "region_ids")
    assert "geo_level_1_id" in names and "mmi_estimate" not in names
    assert np.isnan(X[1, names.index("age")]), "a missing age stays NaN until the pipeline's imputer fills it"
