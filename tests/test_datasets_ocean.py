"""The ocean generator keeps the structure the submarine exercise needs."""

import numpy as np
import pytest

from datasets.ocean import BOUNDS, DEEP_RANGE, FEATURES, TARGETS, make_ocean, ocean_fields

T, P, PH, S, L = range(5)
LAT, LON, DEPTH = range(3)


@pytest.fixture(scope="module")
def ocean():
    return make_ocean(4000, seed=3, return_truth=True)


def test_shapes_names_and_bounds(ocean):
    X, Y, truth = ocean
    assert X.shape == (4000, len(FEATURES)) == (4000, 5)
    assert Y.shape == (4000, len(TARGETS)) == (4000, 3)
    assert np.all(np.isfinite(X)) and np.all(np.isfinite(Y))
    for j, name in enumerate(TARGETS):
        low, high = BOUNDS[name]
        assert low <= Y[:, j].min() and Y[:, j].max() <= high
    assert truth["features"] == FEATURES and truth["targets"] == TARGETS
    assert set(truth["fields"]) == set(FEATURES)
    assert np.all(X[:, L] > 0)


def test_same_seed_same_data():
    X1, Y1 = make_ocean(200, seed=7)
    X2, Y2 = make_ocean(200, seed=7)
    X3, _ = make_ocean(200, seed=8)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(Y1, Y2)
    assert not np.allclose(X1, X3)


def test_pressure_about_one_dbar_per_metre(ocean):
    X, Y, _ = ocean
    slope, intercept = np.polyfit(Y[:, DEPTH], X[:, P], 1)
    assert 0.98 < slope < 1.05
    assert 5.0 < intercept < 15.0  # the atmosphere, about 10 dbar
    residual = X[:, P] - (slope * Y[:, DEPTH] + intercept)
    assert 1.0 < residual.std() < 5.0  # noisy, but not much


def test_light_decays_exponentially_with_depth(ocean):
    X, Y, truth = ocean
    surface = 1000.0 * np.cos(np.radians(Y[:, LAT])) ** 1.5 * truth["cloud"]
    # Beer-Lambert: log(light / surface light) = -K depth (plus noise)
    slope = np.polyfit(Y[:, DEPTH], np.log(X[:, L] / surface), 1)[0]
    assert np.isclose(slope, -truth["attenuation"], rtol=0.02)
    shallow, deep = Y[:, DEPTH] < 20, Y[:, DEPTH] > 100
    assert np.median(X[shallow, L]) > 1000 * np.median(X[deep, L])


def test_temperature_falls_with_latitude_and_depth():
    lat = np.array([0.0, 20.0, 40.0, 60.0])
    surface = ocean_fields(lat, np.full(4, -40.0), np.full(4, 5.0))["temperature"]
    assert np.all(np.diff(surface) < 0)
    south = ocean_fields(-lat, np.full(4, -40.0), np.full(4, 5.0))["temperature"]
    np.testing.assert_allclose(south, surface)  # symmetric: temperature alone cannot tell north from south
    depth = np.array([2.0, 50.0, 100.0, 200.0, 500.0, 1500.0])
    profile = ocean_fields(np.zeros(6), np.full(6, -40.0), depth)["temperature"]
    assert np.all(np.diff(profile) < 0)
    assert profile[0] - profile[3] > 10.0  # a thermocline: most of the drop in the upper 200 m
    assert profile[3] - profile[-1] < 5.0


def test_noisy_temperature_keeps_the_trends(ocean):
    X, Y, _ = ocean
    near_surface = Y[:, DEPTH] < 20
    tropics = near_surface & (np.abs(Y[:, LAT]) < 15)
    polar = near_surface & (np.abs(Y[:, LAT]) > 45)
    assert X[tropics, T].mean() > X[polar, T].mean() + 10.0
    assert X[Y[:, DEPTH] < 20, T].mean() > X[Y[:, DEPTH] > 500, T].mean() + 5.0


def test_salinity_and_ph_depend_on_position(ocean):
    X, Y, _ = ocean
    upper = Y[:, DEPTH] < 100
    west, east = upper & (Y[:, LON] < -60), upper & (Y[:, LON] > -30)
    assert X[west, S].mean() < X[east, S].mean() - 0.5  # the river plume
    assert X[upper, PH].mean() > X[Y[:, DEPTH] > 800, PH].mean()  # respiration at depth
    assert 7.7 < X[:, PH].min() and X[:, PH].max() < 8.3
    assert 33.0 < X[:, S].min() and X[:, S].max() < 37.0


def test_inputs_have_very_different_scales(ocean):
    X, _, _ = ocean
    spread = X.std(axis=0)
    assert spread[P] > 1000 * spread[PH]
    assert X[:, P].max() > 1000.0


def test_deep_range_is_outside_the_training_range():
    X, Y = make_ocean(1500, seed=1)
    X_deep, Y_deep = make_ocean(500, seed=3, depth_range=DEEP_RANGE)
    assert Y_deep[:, DEPTH].min() >= DEEP_RANGE[0] >= Y[:, DEPTH].max()
    assert X_deep[:, P].min() > X[:, P].max() - 10.0  # higher pressure than any training sample (noise aside)
    assert np.median(X_deep[:, T]) < np.percentile(X[:, T], 5)  # colder than almost all training water
    assert np.all(np.isfinite(X_deep))


def test_default_depth_range_keeps_the_old_data():
    X1, Y1 = make_ocean(300, seed=5)
    X2, Y2 = make_ocean(300, seed=5, depth_range=BOUNDS["depth"])
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(Y1, Y2)


@pytest.mark.parametrize("bad", [(100.0, 50.0), (0.0, 10.0)])
def test_bad_depth_range_raises(bad):
    with pytest.raises(ValueError, match="depth_range"):
        make_ocean(10, seed=0, depth_range=bad)
