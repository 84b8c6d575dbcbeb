import numpy as np

from datasets.seismic import make_detection_set


def test_sta_lta_scores_shape(student):
    data = make_detection_set(2, 2, length=1500, seed=0)
    scores = student.sta_lta_scores(data["windows"], 50, 500)
    assert np.shape(scores) == (4,), "one score per window"
    assert np.all(scores > 0)


def test_normalise_windows_example(student):
    out = student.normalise_windows(np.array([[1.0, 2.0, 3.0, 4.0], [5.0, 5.0, 5.0, 5.0]]))
    assert np.shape(out) == (2, 4, 1), "(n, L, 1): one channel, as Conv1D expects"
    assert np.allclose(out[0, :, 0], [-1.34164079, -0.4472136, 0.4472136, 1.34164079], atol=1e-6)
    assert np.allclose(out[1, :, 0], 0.0), "a constant window is only demeaned"


def test_false_alarm_threshold_example(student):
    noise_scores = np.array([3.0, 1.0, 7.0, 2.0, 9.0, 4.0, 5.0, 8.0, 6.0, 10.0])
    # rate 0.2 of 10 windows: m = 2 false alarms allowed, so the threshold is the 3rd largest score
    assert student.false_alarm_threshold(noise_scores, 0.2) == 8.0
    assert student.false_alarm_threshold(noise_scores, 0.0) == 10.0


def test_wilson_interval_example(student):
    low, high = student.wilson_interval(np.array([8, 0]), np.array([10, 5]))
    assert np.allclose(low, [0.49016, 0.0], atol=1e-5)
    assert np.allclose(high, [0.94331, 0.43449], atol=1e-5)


def test_detection_curve_example(student):
    scores = np.array([0.9, 0.2, 0.8, 0.7, 0.1, 0.95])
    snr = np.array([0.6, 0.7, 1.2, 1.4, 2.5, 5.0])
    curve = student.detection_curve(scores, snr, 0.5, (0.5, 1.0, 2.0, 3.0))
    assert list(curve["n"]) == [2, 2, 1], "snr 5.0 lies outside the bins"
    assert list(curve["detected"]) == [1, 2, 0]
    assert np.allclose(curve["rate"], [0.5, 1.0, 0.0])


def test_sliding_windows_example(student):
    windows = student.sliding_windows(np.arange(10), 4, 3)
    assert np.array_equal(windows, [[0, 1, 2, 3], [3, 4, 5, 6], [6, 7, 8, 9]])
