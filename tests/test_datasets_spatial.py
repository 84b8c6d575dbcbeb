"""The spatial and groundwater generators keep the structure the autocorrelation exercise needs."""

import numpy as np
import pytest

from datasets.spatial import FEATURES, gaussian_random_field, make_groundwater_series, make_spatial_field


@pytest.fixture(scope="module")
def survey():
    return make_spatial_field(600, seed=4, return_truth=True)


def _pair_correlation(values, coords, low, high):
    """Correlation of the values of all site pairs whose distance lies in [low, high)."""
    distance = np.linalg.norm(coords[:, None, :] - coords[None, :, :], axis=-1)
    i, j = np.nonzero(np.triu((distance >= low) & (distance < high), k=1))
    assert len(i) > 50
    return np.corrcoef(values[i], values[j])[0, 1]


def test_shapes_and_bounds(survey):
    X, y, coords, truth = survey
    assert X.shape == (600, len(FEATURES)) == (600, 4)
    assert y.shape == (600,) and coords.shape == (600, 2)
    assert np.all(np.isfinite(X)) and np.all(np.isfinite(y))
    assert coords.min() >= 0.0 and coords.max() < 100.0
    assert truth["features"] == FEATURES
    np.testing.assert_allclose(y, truth["signal"] + truth["hidden"] + truth["noise"])
    assert set(truth["fields"]) == {*FEATURES, "hidden"}
    assert all(field.shape == (100, 100) for field in truth["fields"].values())


def test_same_seed_same_data():
    first, second, other = make_spatial_field(100, seed=7), make_spatial_field(100, seed=7), make_spatial_field(100, 8)
    for a, b in zip(first, second, strict=True):
        np.testing.assert_array_equal(a, b)
    assert not np.allclose(first[1], other[1])
    t1, level1 = make_groundwater_series(200, seed=7)
    t2, level2 = make_groundwater_series(200, seed=7)
    np.testing.assert_array_equal(level1, level2)
    np.testing.assert_array_equal(t1, t2)
    assert not np.allclose(level1, make_groundwater_series(200, seed=8)[1])


def test_field_has_unit_variance_and_the_stated_correlation():
    field = gaussian_random_field((300, 300), 8.0, np.random.default_rng(0))
    assert 0.85 < field.std() < 1.15
    for lag in (2, 4, 8, 16):
        horizontal = np.corrcoef(field[:, :-lag].ravel(), field[:, lag:].ravel())[0, 1]
        vertical = np.corrcoef(field[:-lag].ravel(), field[lag:].ravel())[0, 1]
        expected = np.exp(-((lag / 8.0) ** 2))
        assert abs(horizontal - expected) < 0.08 and abs(vertical - expected) < 0.08
    # no wrap-around: opposite edges are unrelated
    assert abs(np.corrcoef(field[:, 0], field[:, -1])[0, 1]) < 0.3


def test_neighbouring_sites_are_correlated_far_ones_less(survey):
    X, y, coords, truth = survey
    near_y, far_y = _pair_correlation(y, coords, 0.0, 2.0), _pair_correlation(y, coords, 40.0, 60.0)
    assert near_y > 0.7 and abs(far_y) < 0.2
    for k, name in enumerate(FEATURES):
        near, far = _pair_correlation(X[:, k], coords, 0.0, 2.0), _pair_correlation(X[:, k], coords, 30.0, 60.0)
        assert near > 0.8, name
        assert abs(far) < 0.2, name
    # the unobserved part is smoother: still correlated at 10 km, where the covariates are mostly not
    hidden_10 = _pair_correlation(truth["hidden"], coords, 8.0, 12.0)
    covariate_10 = np.mean([_pair_correlation(X[:, k], coords, 8.0, 12.0) for k in range(4)])
    assert hidden_10 > 0.4 and hidden_10 > covariate_10 + 0.15


def test_target_depends_on_covariates_and_on_the_hidden_field(survey):
    X, y, _, truth = survey
    assert np.corrcoef(y, truth["signal"])[0, 1] > 0.4
    assert np.corrcoef(y, truth["hidden"])[0, 1] > 0.4
    assert 0.2 < truth["noise"].std() < 0.4
    # no single covariate explains the target on its own
    assert max(abs(np.corrcoef(X[:, k], y)[0, 1]) for k in range(4)) < 0.7


def test_groundwater_series_is_ar1_with_a_season():
    t, level, truth = make_groundwater_series(3000, seed=2, phi=0.95, return_truth=True)
    assert t.shape == level.shape == (3000,)
    np.testing.assert_array_equal(t, np.arange(3000))
    np.testing.assert_allclose(level, truth["mean"] + truth["seasonal"] + truth["anomaly"] + truth["noise"])
    anomaly = truth["anomaly"]
    lag1 = np.corrcoef(anomaly[:-1], anomaly[1:])[0, 1]
    assert abs(lag1 - 0.95) < 0.02
    lag10 = np.corrcoef(anomaly[:-10], anomaly[10:])[0, 1]
    assert abs(lag10 - 0.95**10) < 0.1
    assert abs(np.corrcoef(anomaly[:-200], anomaly[200:])[0, 1]) < 0.15
    assert np.corrcoef(level[:-1], level[1:])[0, 1] > 0.95  # consecutive days nearly equal
    # the seasonal cycle: winter-spring higher than late summer
    day = t % 365.25
    assert level[(day > 30) & (day < 90)].mean() > level[(day > 210) & (day < 270)].mean() + 0.6
    with pytest.raises(ValueError):
        make_groundwater_series(10, phi=1.0)
