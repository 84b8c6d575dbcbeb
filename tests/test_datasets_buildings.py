"""The building generator keeps the structure exercise 14 needs: known drivers, imbalance, regions."""

import numpy as np
import pandas as pd
import pytest

from datasets.buildings import CATEGORICAL, CATEGORIES, DRIVERS, NOISE, NUMERIC, as_columns, make_buildings


@pytest.fixture(scope="module")
def buildings():
    return make_buildings(20000, seed=3)


def test_columns_types_and_levels(buildings):
    features, grade, truth = buildings
    assert isinstance(features, pd.DataFrame)
    assert list(features.columns) == list(NUMERIC) + list(CATEGORICAL)
    assert grade.shape == (20000,) and set(np.unique(grade)) == {1, 2, 3}
    for column in NUMERIC:
        assert np.issubdtype(features[column].dtype, np.integer), column
    for column, levels in CATEGORIES.items():
        assert set(features[column]) == set(levels), column
    assert features["count_floors_pre_eq"].between(1, 6).all()
    assert features["geo_level_1_id"].between(0, 19).all()
    assert (features["age"] % 5 == 0).all() and (features["age"] == 995).any()
    flags = [column for column in NUMERIC if column.startswith("has_")]
    assert set(np.unique(features[flags].to_numpy())) == {0, 1}
    assert truth["drivers"] == DRIVERS and truth["noise"] == NOISE
    assert set(DRIVERS) | set(NOISE) <= set(features.columns)
    assert truth["score"].shape == truth["shaking"].shape == (20000,)


def test_same_seed_same_data():
    a, ya, _ = make_buildings(300, seed=7)
    b, yb, _ = make_buildings(300, seed=7)
    c, yc, _ = make_buildings(300, seed=8)
    pd.testing.assert_frame_equal(a, b)
    np.testing.assert_array_equal(ya, yb)
    assert not a.equals(c) and not np.array_equal(ya, yc)


def test_imbalanced_like_the_original(buildings):
    _, grade, _ = buildings
    share = np.bincount(grade, minlength=4)[1:] / len(grade)
    assert share.argmax() == 1  # grade 2 most common, as in the original (10 %, 57 %, 33 %)
    np.testing.assert_allclose(share, [0.096, 0.569, 0.335], atol=0.04)


def test_grades_follow_the_latent_score(buildings):
    _, grade, truth = buildings
    low, high = truth["thresholds"]
    score = truth["score"]
    np.testing.assert_array_equal(grade, 1 + (score > low) + (score > high))


def _mean_grade_by(features, grade, column):
    return pd.Series(grade).groupby(features[column].to_numpy()).mean()


def test_damage_rises_with_the_drivers(buildings):
    features, grade, truth = buildings
    # mud-mortar stone walls: clearly more damage
    by_mud = _mean_grade_by(features, grade, "has_superstructure_mud_mortar_stone")
    assert by_mud[1] > by_mud[0] + 0.3
    # more floors, more damage
    by_floors = _mean_grade_by(features, grade, "count_floors_pre_eq")
    assert by_floors[3] > by_floors[2] > by_floors[1]
    # older, more damage
    age = features["age"].to_numpy()
    assert grade[age >= 30].mean() > grade[age <= 5].mean() + 0.15
    # the regions' shaking: the grade rises with it, and the regions differ a lot
    by_region = _mean_grade_by(features, grade, "geo_level_1_id")
    shaking = truth["region_shaking"][by_region.index.to_numpy()]
    assert np.corrcoef(shaking, by_region.to_numpy())[0, 1] > 0.8
    assert by_region.max() - by_region.min() > 0.8
    # the district shaking follows the region's
    assert np.corrcoef(truth["shaking"], truth["region_shaking"][features["geo_level_1_id"]])[0, 1] > 0.9


def test_noise_columns_have_no_effect(buildings):
    features, grade, _ = buildings
    for column in ("has_secondary_use", "position", "land_surface_condition"):
        by_level = _mean_grade_by(features, grade, column)
        counts = features[column].value_counts()
        common = by_level[counts[counts > 500].index]
        assert common.max() - common.min() < 0.06, column
    area = features["area_percentage"].to_numpy()
    assert abs(np.corrcoef(area, grade)[0, 1]) < 0.03


def test_height_follows_floors(buildings):
    features, _, _ = buildings
    r = np.corrcoef(features["count_floors_pre_eq"], features["height_percentage"])[0, 1]
    assert r > 0.8


def test_as_columns_is_plain_data(buildings):
    features = buildings[0].head(50)
    columns = as_columns(features)
    assert list(columns) == list(features.columns)
    for name, values in columns.items():
        assert isinstance(values, np.ndarray) and values.dtype.kind in "iuU", name
    pd.testing.assert_frame_equal(pd.DataFrame(columns), features, check_dtype=False)
