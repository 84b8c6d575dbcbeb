"""Seismic detection, the deep dive: a learned detector against STA/LTA, then real records.

Two detectors score 30 s windows of a seismogram: the classic STA/LTA (its largest
value in the window) and a small Keras Conv1D network that reads the waveform itself.
You set both thresholds from the same false-alarm rate on noise-only windows, measure
how often each detects events of a given signal-to-noise ratio (with a confidence
interval per SNR bin), and then run both, unchanged, on real records that ship with
ObsPy: hours of station noise, and four local earthquakes seen by four stations.
"""

import keras
import numpy as np
from obspy.signal.trigger import classic_sta_lta

from datasets.seismic import make_detection_set

WINDOW = 3000  # samples per window: 30 s at 100 Hz
N_STA, N_LTA = 50, 500  # STA/LTA windows: 0.5 s and 5 s
EVENT_STEP = 500  # step between windows on the event records (5 s)
ONSET_RANGE = (0.3, 0.7)  # where in a window an onset must lie for that window to "see" it
SNR_EDGES = (0.5, 1.0, 1.5, 2.0, 3.0, 4.0)


def sta_lta_scores(windows, n_sta=N_STA, n_lta=N_LTA):
    """The STA/LTA detector's score for each window: the largest STA/LTA value in it.

    windows: array (n, L), one window per row. Each row is demeaned first (its mean
    subtracted), then its classic STA/LTA is computed (obspy.signal.trigger.classic_sta_lta
    with n_sta and n_lta samples); the score is the maximum over the window.
    Returns a float64 array (n,).
    """
    ### BEGIN SOLUTION
    windows = np.atleast_2d(np.asarray(windows, dtype=np.float64))
    centred = windows - windows.mean(axis=1, keepdims=True)
    return np.array([classic_sta_lta(x, n_sta, n_lta).max() for x in centred], dtype=np.float64)
    ### END SOLUTION


def normalise_windows(windows):
    """Windows as the learned detector sees them: each row demeaned and scaled to unit std.

    windows: array (n, L). Returns a float32 array (n, L, 1): (x - mean(x)) / std(x) per
    row (population std, ddof=0); a row whose std is 0 is only demeaned.
    """
    ### BEGIN SOLUTION
    windows = np.atleast_2d(np.asarray(windows, dtype=np.float64))
    centred = windows - windows.mean(axis=1, keepdims=True)
    std = centred.std(axis=1, keepdims=True)
    std[std == 0] = 1.0
    return (centred / std).astype(np.float32)[..., None]
    ### END SOLUTION


def false_alarm_threshold(noise_scores, rate):
    """The detection threshold that gives a chosen false-alarm rate on noise-only windows.

    noise_scores: 1-D array of n scores of noise-only windows; rate: the false-alarm rate,
    0 <= rate < 1. A window counts as a detection when its score is strictly above the
    threshold. With m = floor(rate * n) false alarms allowed, the threshold is the
    (m + 1)-th largest noise score, so that at most m noise windows lie above it.
    Returns a float.
    """
    ### BEGIN SOLUTION
    scores = np.sort(np.asarray(noise_scores, dtype=np.float64).reshape(-1))
    allowed = int(np.floor(rate * len(scores)))
    return float(scores[len(scores) - allowed - 1])
    ### END SOLUTION


def wilson_interval(k, n, z=1.96):
    """Wilson score interval for k successes out of n trials (element-wise on arrays).

    k, n: numbers or arrays of the same shape (0 <= k <= n); z: the normal quantile
    (1.96 for 95 %). With p = k / n:
      centre = (p + z**2 / (2 n)) / (1 + z**2 / n)
      half   = z / (1 + z**2 / n) * sqrt(p (1 - p) / n + z**2 / (4 n**2))
    Returns (low, high) = (centre - half, centre + half) as float64 arrays; both are NaN
    where n == 0.
    """
    ### BEGIN SOLUTION
    k = np.asarray(k, dtype=np.float64)
    n = np.asarray(n, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = k / n
        denominator = 1.0 + z**2 / n
        centre = (p + z**2 / (2 * n)) / denominator
        half = z / denominator * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
    low = np.where(n > 0, centre - half, np.nan)
    high = np.where(n > 0, centre + half, np.nan)
    return low, high
    ### END SOLUTION


def detection_curve(scores, snr, threshold, snr_edges, z=1.96):
    """Detection rate per SNR bin, with a Wilson interval per bin.

    scores, snr: 1-D arrays, one entry per event window; threshold: detections are
    scores > threshold; snr_edges: increasing bin edges, bin i holds the events with
    snr_edges[i] <= snr < snr_edges[i + 1] (events outside all bins are left out).
    Returns a dict of arrays, one entry per bin:
      "n": int64, events in the bin; "detected": int64, how many of them are detected;
      "rate": float64, detected / n (NaN when n == 0);
      "low", "high": float64, wilson_interval(detected, n, z) of the bin.
    """
    ### BEGIN SOLUTION
    scores = np.asarray(scores, dtype=np.float64).reshape(-1)
    snr = np.asarray(snr, dtype=np.float64).reshape(-1)
    edges = np.asarray(snr_edges, dtype=np.float64)
    detected = scores > threshold
    n_bins = len(edges) - 1
    n = np.zeros(n_bins, dtype=np.int64)
    hits = np.zeros(n_bins, dtype=np.int64)
    for i in range(n_bins):
        inside = (snr >= edges[i]) & (snr < edges[i + 1])
        n[i] = inside.sum()
        hits[i] = (inside & detected).sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(n > 0, hits / np.maximum(n, 1), np.nan)
    low, high = wilson_interval(hits, n, z)
    return {"n": n, "detected": hits, "rate": rate, "low": low, "high": high}
    ### END SOLUTION


def sliding_windows(trace, length, step):
    """Cut a long record into windows: rows trace[s : s + length] for s = 0, step, 2 step, ...

    Only whole windows (s + length <= len(trace)). Returns an array (n_windows, length) of
    trace's dtype (n_windows = 0 when the trace is shorter than one window).
    """
    ### BEGIN SOLUTION
    trace = np.asarray(trace)
    starts = np.arange(0, len(trace) - length + 1, step)
    if len(starts) == 0:
        return np.zeros((0, length), dtype=trace.dtype)
    return np.stack([trace[s : s + length] for s in starts])
    ### END SOLUTION


def train_detector(seed=0):
    """Build and train a small Keras Conv1D event detector on synthetic windows; return it.

    Make your own training windows with datasets.seismic.make_detection_set (choose the
    numbers, the SNR range and a seed derived from `seed`), normalise them with
    normalise_windows, and train. The model maps (m, 3000, 1) normalised windows to
    (m, 1) probabilities of "event" (a final Dense(1, activation="sigmoid")), contains at
    least one keras.layers.Conv1D, uses only built-in layers (no Lambda), and trains in
    well under a minute on two CPU cores.
    """
    ### BEGIN SOLUTION
    train = make_detection_set(600, 600, seed=10_000 + seed, snr_range=(0.3, 4.0))
    X = normalise_windows(train["windows"])
    y = train["labels"].astype("float32")
    model = keras.Sequential(
        [
            keras.Input(shape=(WINDOW, 1)),
            keras.layers.Conv1D(8, 15, strides=4, activation="relu"),
            keras.layers.MaxPooling1D(4),
            keras.layers.Conv1D(16, 7, activation="relu"),
            keras.layers.MaxPooling1D(4),
            keras.layers.Conv1D(16, 7, activation="relu"),
            keras.layers.GlobalMaxPooling1D(),
            keras.layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=3e-3), loss="binary_crossentropy")
    model.fit(X, y, batch_size=32, epochs=4, shuffle=True, verbose=0)
    return model
    ### END SOLUTION


def learned_scores(model, windows):
    """The learned detector's score for each window: the model's probability of "event".

    Returns a float64 array (n,) from model.predict on normalise_windows(windows).
    """
    ### BEGIN SOLUTION
    if len(windows) == 0:
        return np.zeros(0)
    out = model.predict(normalise_windows(windows), batch_size=256, verbose=0)
    return np.asarray(out, dtype=np.float64).reshape(-1)
    ### END SOLUTION


def detector_study(evaluation, real, false_alarm_rate=0.01, snr_edges=SNR_EDGES, seed=0):
    """The whole comparison: train, set matched thresholds, detection curves, real records.

    evaluation: dict from make_detection_set: "windows" (n, 3000), "labels" (n,) with
      0 = noise only, 1 = event, "snr" (n,).
    real: dict with "noise" (N,), a long noise record; "events" (4, M), one record per
      station; "onsets" (4,), the sample of each of the four events' first arrival in
      those records; "sampling_rate" (100.0).
    Steps:
      1. model = train_detector(seed).
      2. Score every evaluation window with both detectors (sta_lta_scores; learned_scores).
      3. For each detector, the threshold is false_alarm_threshold of its scores on the
         evaluation's noise-only windows at false_alarm_rate.
      4. For each detector, detection_curve of its scores on the event windows (their snr,
         its threshold, snr_edges).
      5. Real records, same model, same thresholds. Noise: non-overlapping windows
         (sliding_windows(noise, 3000, 3000)); a false alarm is a window scoring above the
         threshold; report false alarms per hour of record and their fraction of windows.
         Events: for each station, windows with step EVENT_STEP; event e counts as found at
         that station when a window whose start s has
         s + ONSET_RANGE[0] * 3000 <= onsets[e] <= s + ONSET_RANGE[1] * 3000
         scores above the threshold.
    Returns a dict:
      "model": the trained model;
      "scores": {"sta_lta": (n,), "learned": (n,)}, on the evaluation windows, in order;
      "thresholds": {"sta_lta": float, "learned": float};
      "curves": {"sta_lta": dict, "learned": dict}, each as detection_curve returns;
      "real": {"false_alarms_per_hour": {"sta_lta": float, "learned": float},
               "false_alarm_fraction": {"sta_lta": float, "learned": float},
               "found": {"sta_lta": bool (4 stations, 4 events), "learned": same}}.
    """
    ### BEGIN SOLUTION
    model = train_detector(seed)
    windows = np.asarray(evaluation["windows"])
    labels = np.asarray(evaluation["labels"]).reshape(-1)
    snr = np.asarray(evaluation["snr"], dtype=np.float64).reshape(-1)
    noise, events = labels == 0, labels == 1

    def score(name, w):
        return sta_lta_scores(w) if name == "sta_lta" else learned_scores(model, w)

    names = ("sta_lta", "learned")
    scores = {name: score(name, windows) for name in names}
    thresholds = {name: false_alarm_threshold(scores[name][noise], false_alarm_rate) for name in names}
    curves = {name: detection_curve(scores[name][events], snr[events], thresholds[name], snr_edges) for name in names}

    rate = float(real["sampling_rate"])
    noise_windows = sliding_windows(np.asarray(real["noise"]), WINDOW, WINDOW)
    hours = len(noise_windows) * WINDOW / rate / 3600.0
    records = np.asarray(real["events"])
    onsets = np.asarray(real["onsets"]).reshape(-1)
    starts = np.arange(0, records.shape[1] - WINDOW + 1, EVENT_STEP)
    sees = (starts[None, :] + ONSET_RANGE[0] * WINDOW <= onsets[:, None]) & (
        onsets[:, None] <= starts[None, :] + ONSET_RANGE[1] * WINDOW
    )  # (events, windows)
    per_hour, fraction, found = {}, {}, {}
    for name in names:
        alarms = int(np.sum(score(name, noise_windows) > thresholds[name]))
        per_hour[name] = alarms / hours
        fraction[name] = alarms / len(noise_windows)
        found[name] = np.zeros((len(records), len(onsets)), dtype=bool)
        for station, record in enumerate(records):
            above = score(name, sliding_windows(record, WINDOW, EVENT_STEP)) > thresholds[name]
            found[name][station] = np.any(sees & above[None, :], axis=1)
    return {
        "model": model,
        "scores": scores,
        "thresholds": thresholds,
        "curves": curves,
        "real": {"false_alarms_per_hour": per_hour, "false_alarm_fraction": fraction, "found": found},
    }
    ### END SOLUTION


def plot_detection_curves(curves, snr_edges=SNR_EDGES, title="Detection rate at a matched false-alarm rate"):
    """Given (not graded): each detector's detection rate against SNR, with its intervals.

    curves: {"sta_lta": dict, "learned": dict} as detector_study returns them.
    Returns the matplotlib Axes.
    """
    import matplotlib.pyplot as plt

    edges = np.asarray(snr_edges, dtype=float)
    centres = (edges[:-1] + edges[1:]) / 2
    _, ax = plt.subplots(figsize=(7, 4))
    for shift, (name, curve) in zip((-0.03, 0.03), curves.items(), strict=False):
        rate = np.asarray(curve["rate"], dtype=float)
        errors = [rate - np.asarray(curve["low"], dtype=float), np.asarray(curve["high"], dtype=float) - rate]
        ax.errorbar(centres + shift, rate, yerr=errors, marker="o", capsize=3, label=name)
    ax.set_xlabel("SNR (bin centre)")
    ax.set_ylabel("detection rate")
    ax.set_ylim(-0.03, 1.03)
    ax.set_title(title)
    ax.legend()
    return ax
