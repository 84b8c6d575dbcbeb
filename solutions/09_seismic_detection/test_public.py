import numpy as np

from datasets.seismic import make_seismograms


def test_sta_lta_example(student):
    cft = student.sta_lta(np.array([1.0, 1.0, 1.0, 2.0, 2.0, 2.0]), 2, 4)
    assert np.shape(cft) == (6,)
    # cft[3] = mean(1, 4) / mean(1, 1, 1, 4); the first n_lta - 1 = 3 values are 0
    assert np.allclose(cft, [0.0, 0.0, 0.0, 1.42857143, 1.6, 1.23076923])


def test_trigger_onsets_example(student):
    cft = np.array([0.0, 1.0, 3.0, 2.0, 1.5, 3.0, 1.0, 0.5, 4.0, 4.0])
    pairs = student.trigger_onsets(cft, 2.5, 1.2)
    assert [tuple(int(v) for v in p) for p in pairs] == [(2, 5), (8, 9)]


def test_window_features_shape(student):
    windows, labels, onsets = make_seismograms(4, length=1000, seed=0, event_fraction=0.5)
    features = student.window_features(windows, n_sta=20, n_lta=200)
    assert np.shape(features) == (4, 3), "one row of 3 features per window"
    assert np.all(np.isfinite(features))


def test_train_detector_example(student):
    rng = np.random.default_rng(0)
    y = (rng.random(200) < 0.3).astype(float)
    X = rng.normal(size=(200, 3)) + 3.0 * y[:, None]  # events sit apart from noise
    model = student.train_detector(X, y)
    p = np.asarray(model.predict(X, verbose=0)).reshape(-1)
    assert p.shape == (200,), "expected one probability per window"
    assert np.mean((p > 0.5) == (y > 0.5)) > 0.9, "the detector should separate these easy windows"
