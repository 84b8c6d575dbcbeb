"""Hidden tests for 09_seismic_detection.

Expected values come from ObsPy (classic_sta_lta, trigger_onset) and scipy.stats,
computed here; the seismograms come from the seeded generator in datasets.seismic
and from ObsPy's example stream (station RJOB), read offline.
"""

import keras
import numpy as np
import pytest
from obspy.signal.trigger import classic_sta_lta, trigger_onset
from scipy.stats import kurtosis

from datasets.seismic import load_obspy_example, make_seismograms
from grader.testing import expect_array, expect_close, expect_model, fail

STA_LTA_HINT = (
    "cft[i] = mean(x[i-n_sta+1:i+1]**2) / mean(x[i-n_lta+1:i+1]**2): squares (energy), "
    "both windows end at sample i (inclusive), and cft[:n_lta-1] = 0."
)


def _synthetic_trace(seed):
    traces, _, _ = make_seismograms(2, length=3000, seed=seed, event_fraction=1.0, snr_range=(4.0, 8.0))
    return traces.reshape(-1) * 50.0  # two event windows back to back, in "counts"


def _check_sta_lta(got, trace, n_sta, n_lta, what):
    got = expect_array(got, what=what, shape=trace.shape)
    expect_close(got, classic_sta_lta(trace, n_sta, n_lta), what=what, rtol=1e-6, atol=1e-12, hint=STA_LTA_HINT)


# ---------------------------------------------------------------- STA/LTA


@pytest.mark.parametrize("n_sta, n_lta", [(50, 500), (13, 211)])
def test_sta_lta_synthetic(student, n_sta, n_lta):
    trace = _synthetic_trace(seed=91)
    what = f"sta_lta(trace, {n_sta}, {n_lta}) on a synthetic seismogram of 6000 samples"
    _check_sta_lta(student.sta_lta(trace, n_sta, n_lta), trace, n_sta, n_lta, what)


def test_sta_lta_real_trace(student):
    trace, rate = load_obspy_example("EHZ")
    n_sta, n_lta = int(0.5 * rate), int(5 * rate)
    what = f"sta_lta(trace, {n_sta}, {n_lta}) on ObsPy's example trace BW.RJOB..EHZ"
    _check_sta_lta(student.sta_lta(trace, n_sta, n_lta), trace, n_sta, n_lta, what)
    trace, rate = load_obspy_example("EHN")
    what = f"sta_lta(trace, 7, {n_lta + 1}) on ObsPy's example trace BW.RJOB..EHN"
    _check_sta_lta(student.sta_lta(trace, 7, n_lta + 1), trace, 7, n_lta + 1, what)


def test_sta_lta_zero_start(student):
    trace = np.random.default_rng(92).normal(size=400) + 1.0
    n_sta, n_lta = 10, 100
    what = f"sta_lta(trace, {n_sta}, {n_lta}) for a trace of 400 samples"
    got = expect_array(student.sta_lta(trace, n_sta, n_lta), what=what, shape=trace.shape)
    if np.any(got[: n_lta - 1] != 0):
        fail(
            f"{what}: expected cft[0:{n_lta - 1}] (the first n_lta - 1 samples) to be exactly 0, "
            "where the long window is not yet full. Received non-zero values there."
        )
    if got[n_lta - 1] == 0:
        fail(
            f"{what}: expected cft[{n_lta - 1}] (sample n_lta - 1) to be the first non-zero value: "
            "the long window x[0:n_lta] ending at that sample is already full. Received 0."
        )


# ---------------------------------------------------------------- triggers


def _pairs(got, what):
    if isinstance(got, np.ndarray) and got.size == 0:
        return np.zeros((0, 2), dtype=int)
    if isinstance(got, (list, tuple)) and len(got) == 0:
        return np.zeros((0, 2), dtype=int)
    arr = expect_array(got, what=what)
    if arr.ndim != 2 or arr.shape[1] != 2:
        fail(f"{what}: expected a list of (start, end) pairs. Received an array of shape {arr.shape}.")
    return arr.astype(int)


def _expect_same_triggers(got, cft, on, off, what):
    got = _pairs(got, what)
    expected = np.asarray(trigger_onset(cft, on, off), dtype=int).reshape(-1, 2)
    if got.shape != expected.shape:
        fail(
            f"{what}: expected {len(expected)} (start, end) pairs. Received {len(got)}. "
            "Switch on at the first sample >= on; switch off at the first sample < off."
        )
    if not np.array_equal(got[:, 0], expected[:, 0]):
        fail(f"{what}: the number of triggers is right but some start samples differ.")
    if not np.array_equal(got[:, 1], expected[:, 1]):
        fail(
            f"{what}: the start samples are right but some end samples differ. The end is the "
            "last sample >= off (one before the first sample < off), or len(cft) - 1."
        )


def test_trigger_onsets_hysteresis(student):
    cft = np.array([0.5, 2.6, 2.0, 1.3, 1.4, 3.0, 1.0, 0.2, 2.0, 2.5, 0.9, 2.5, 1.2, 1.2, 3.1])
    on, off = 2.5, 1.2
    what = f"trigger_onsets(cft, on={on}, off={off}) on a hand-made cft of 15 samples"
    _expect_same_triggers(student.trigger_onsets(cft, on, off), cft, on, off, what)


def test_trigger_onsets_match_obspy(student):
    trace = _synthetic_trace(seed=93)
    cft = classic_sta_lta(trace, 30, 300)
    on, off = 2.5, 1.5
    what = f"trigger_onsets(cft, on={on}, off={off}) on the STA/LTA of a synthetic seismogram"
    _expect_same_triggers(student.trigger_onsets(cft, on, off), cft, on, off, what)


def test_trigger_onsets_find_events(student, record):
    n_events, rate, tolerance_s = 12, 100.0, 0.5
    traces, _, onsets = make_seismograms(n_events, seed=12, event_fraction=1.0, snr_range=(4.0, 10.0))
    trace = traces.reshape(-1)
    true_onsets = onsets + np.arange(n_events) * traces.shape[1]
    cft = classic_sta_lta(trace, 50, 500)
    on, off = 4.0, 1.5
    what = f"trigger_onsets(cft, on={on}, off={off}) on 12 synthetic events, one every 30 s"
    pairs = _pairs(student.trigger_onsets(cft, on, off), what)
    shown = 2 * traces.shape[1]  # the first two 30 s windows, in samples
    record(
        "your_triggers",
        trace=trace[:shown],
        signal=cft[:shown],
        time=np.arange(shown) / rate,
        triggers=[[a / rate, b / rate] for a, b in pairs if a < shown],
        title=f"Your triggers (on = {on}, off = {off}) on the first 60 s; STA/LTA above",
    )
    starts = pairs[:, 0]
    if len(starts) == 0:
        fail(f"{what}: expected a trigger near each of the 12 event onsets. Received no triggers.")
    tol = tolerance_s * rate
    missed = sum(np.min(np.abs(starts - t)) > tol for t in true_onsets)
    extra = sum(np.min(np.abs(true_onsets - s)) > tol for s in starts)
    if missed or extra:
        fail(
            f"{what}: expected one trigger start within {tolerance_s} s of each true onset and no "
            f"others. Received {len(starts)} triggers: {missed} onsets missed, {extra} triggers "
            "away from any onset. Does the trigger switch off when cft drops below off?"
        )


# ---------------------------------------------------------------- features


def _features(windows, n_sta=50, n_lta=500):
    return np.array(
        [
            [
                np.log10(classic_sta_lta(x, n_sta, n_lta).max()),
                np.log10(np.max(np.abs(x)) / np.sqrt(np.mean(x**2))),
                kurtosis(x),
            ]
            for x in windows
        ]
    )


FEATURE_HINTS = [
    "Column 0 is log10 of the maximum of sta_lta(x, n_sta, n_lta) over the window.",
    "Column 1 is log10(max(|x|) / sqrt(mean(x**2))).",
    "Column 2 is the excess kurtosis m4 / m2**2 - 3 with central moments (mean subtracted).",
]


def test_window_features(student):
    windows, _, _ = make_seismograms(8, length=1500, seed=94, event_fraction=0.5)
    windows = windows * 3.0 + 0.5  # not centred, not unit variance
    what = "window_features(windows, n_sta=20, n_lta=300) for 8 windows of 1500 samples"
    got = expect_array(student.window_features(windows, n_sta=20, n_lta=300), what=what, shape=(8, 3))
    expected = _features(windows, 20, 300)
    for col in range(3):
        expect_close(
            got[:, col], expected[:, col], what=f"{what}, column {col}", rtol=1e-6, atol=1e-9, hint=FEATURE_HINTS[col]
        )


# ---------------------------------------------------------------- detector

SNR_RANGE = (1.0, 6.0)
MIN_RECALL = 0.85  # reference: 0.94-0.96 over training seeds
MIN_PRECISION = 0.85  # reference: 0.92-0.97 over training seeds


def test_detector(student, record):
    X_train, y_train, _ = make_seismograms(600, seed=901, event_fraction=0.3, snr_range=SNR_RANGE)
    X_test, y_test, _ = make_seismograms(800, seed=902, event_fraction=0.15, snr_range=SNR_RANGE)
    F_train, F_test = _features(X_train), _features(X_test)
    what = "train_detector(X_train, y_train) with 600 windows of 3 features"
    model = expect_model(student.train_detector(F_train, y_train.astype(float)), what=what)
    prob = np.asarray(keras.ops.convert_to_numpy(model(F_test.astype("float32"), training=False)), dtype=float)
    if prob.size != len(F_test):
        fail(
            f"{what}: expected the model to output one probability per window, shape (n, 1). "
            f"Received output shape {prob.shape} for {len(F_test)} windows."
        )
    prob = prob.reshape(-1)
    if not np.all(np.isfinite(prob)):
        fail(f"{what}: the model's outputs contain NaN or inf.")
    pred = prob > 0.5
    events = y_test == 1
    tp = int(np.sum(pred & events))
    recall = tp / int(events.sum())
    precision = tp / int(pred.sum()) if pred.any() else 0.0
    accuracy = float(np.mean(pred == events))
    baseline = float(np.mean(~events))  # always "noise"
    record("detector_scores", recall=recall, precision=precision, accuracy=accuracy, always_noise=baseline)
    if recall < MIN_RECALL or precision < MIN_PRECISION or accuracy <= baseline:
        fail(
            f"{what}: on a hidden set of 800 windows (threshold 0.5) expected recall >= {MIN_RECALL} "
            f"and precision >= {MIN_PRECISION}, and accuracy above the always-noise baseline "
            f"{baseline:.3f}. Received recall {recall:.3f}, precision {precision:.3f}, accuracy "
            f"{accuracy:.3f}. Standardise the features (keras.layers.Normalization) and train "
            "long enough on the given labels."
        )
