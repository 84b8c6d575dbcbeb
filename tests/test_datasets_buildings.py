"""The building generator keeps the structure exercise 14 needs: known drivers, imbalance, regions."""

import numpy as np
import pandas as pd
import pytest

from datasets.buildings import (
    CATEGORICAL,
    CATEGORIES,
    DRIVERS,
    FIELD,
    MAGNITUDE,
    NOISE,
    NUMERIC,
    as_columns,
    make_buildings,
    mmi_attenuation,
)


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


OPTIONS = {"field_data": True, "missing_age": 0.15, "label_noise": 0.05}


@pytest.fixture(scope="module")
def surveyed():
    return make_buildings(6000, seed=4, **OPTIONS), make_buildings(6000, seed=4)


def test_options_leave_the_survey_as_it_was(surveyed):
    (features, grade, truth), (plain, plain_grade, _) = surveyed
    assert list(features.columns) == list(NUMERIC) + list(CATEGORICAL) + list(FIELD)
    recorded = features["age"].notna()
    pd.testing.assert_frame_equal(features[list(plain.columns)].drop(columns="age"), plain.drop(columns="age"))
    np.testing.assert_array_equal(features["age"][recorded], plain["age"][recorded])
    np.testing.assert_array_equal(truth["age"], plain["age"])
    np.testing.assert_array_equal(truth["clean_grade"], plain_grade)
    np.testing.assert_array_equal(grade[~truth["relabelled"]], plain_grade[~truth["relabelled"]])


def test_missing_ages_and_label_noise_rates(surveyed):
    (features, grade, truth), _ = surveyed
    assert 0.13 < features["age"].isna().mean() < 0.17
    assert 0.04 < truth["relabelled"].mean() < 0.06
    assert set(np.unique(grade)) == {1, 2, 3}


def test_shaking_estimate_falls_with_distance_and_tracks_the_shaking(surveyed):
    (features, _, truth), _ = surveyed
    distance, mmi = features["epicentral_distance_km"], features["mmi_estimate"]
    assert (distance >= 0).all() and mmi.between(3.0, 10.0).all()
    expected = mmi_attenuation(MAGNITUDE, distance.to_numpy())  # from the rounded distance
    assert np.abs(mmi.to_numpy() - expected).max() < 0.02
    assert mmi_attenuation(MAGNITUDE, 10.0) > mmi_attenuation(MAGNITUDE, 100.0) > mmi_attenuation(6.0, 100.0)
    assert np.corrcoef(mmi, truth["shaking"])[0, 1] > 0.9  # a good estimate, not the shaking itself
    assert np.corrcoef(mmi, truth["shaking"])[0, 1] < 0.999


def test_bad_options_raise():
    with pytest.raises(ValueError, match="missing_age"):
        make_buildings(10, seed=0, missing_age=1.5)
