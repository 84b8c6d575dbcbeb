"""Exercise 15, another correct solution: NumPy idioms and a functional Keras model.

np.partition for the threshold, searchsorted and bincount for the bins, sliding_window_view for
the windows, the Wilson interval in its k / n form, normalisation in float32, and a network built
with the functional API (keras.Model(inputs, outputs)).
"""

import keras
import numpy as np
from obspy.signal.trigger import classic_sta_lta

from datasets.seismic import make_detection_set

WINDOW = 3000
N_STA, N_LTA = 50, 500
EVENT_STEP = 500
ONSET_RANGE = (0.3, 0.7)
SNR_EDGES = (0.5, 1.0, 1.5, 2.0, 3.0, 4.0)


def sta_lta_scores(windows, n_sta=N_STA, n_lta=N_LTA):
    windows = np.asarray(windows, dtype=np.float64).reshape(-1, np.shape(windows)[-1])
    windows = windows - windows.mean(axis=1)[:, None]
    return np.fromiter((classic_sta_lta(row, n_sta, n_lta).max() for row in windows), dtype=np.float64)


def normalise_windows(windows):
    windows = np.asarray(windows, dtype=np.float32).reshape(-1, np.shape(windows)[-1])
    centred = windows - windows.mean(axis=1, keepdims=True, dtype=np.float64).astype(np.float32)
    std = centred.std(axis=1, keepdims=True, dtype=np.float64).astype(np.float32)
    return np.expand_dims(np.divide(centred, std, out=centred.copy(), where=std > 0), -1).astype(np.float32)


def false_alarm_threshold(noise_scores, rate):
    scores = np.ravel(np.asarray(noise_scores, dtype=np.float64))
    m = int(np.floor(rate * scores.size))
    k = scores.size - 1 - m  # the (m + 1)-th largest is the (n - m)-th smallest
    return float(np.partition(scores, k)[k])


def wilson_interval(k, n, z=1.96):
    k, n = np.asarray(k, dtype=np.float64), np.asarray(n, dtype=np.float64)
    safe = np.where(n > 0, n, 1.0)
    centre = (k + z**2 / 2) / (safe + z**2)
    half = z * np.sqrt(k * (safe - k) / safe + z**2 / 4) / (safe + z**2)
    return np.where(n > 0, centre - half, np.nan), np.where(n > 0, centre + half, np.nan)


def detection_curve(scores, snr, threshold, snr_edges, z=1.96):
    edges = np.asarray(snr_edges, dtype=np.float64)
    snr = np.ravel(np.asarray(snr, dtype=np.float64))
    above = np.ravel(np.asarray(scores)) > threshold
    index = np.searchsorted(edges, snr, side="right") - 1
    inside = (index >= 0) & (index < len(edges) - 1)
    n = np.bincount(index[inside], minlength=len(edges) - 1).astype(np.int64)
    detected = np.bincount(index[inside & above], minlength=len(edges) - 1).astype(np.int64)
    rate = np.full(len(n), np.nan)
    np.divide(detected, n, out=rate, where=n > 0)
    low, high = wilson_interval(detected, n, z)
    return {"n": n, "detected": detected, "rate": rate, "low": low, "high": high}


def sliding_windows(trace, length, step):
    trace = np.asarray(trace)
    if len(trace) < length:
        return np.zeros((0, length), dtype=trace.dtype)
    return np.lib.stride_tricks.sliding_window_view(trace, length)[::step].copy()


def train_detector(seed=0):
    data = make_detection_set(600, 600, seed=20_000 + seed, snr_range=(0.3, 4.0))
    inputs = keras.Input(shape=(WINDOW, 1))
    x = keras.layers.Conv1D(8, 15, strides=4, activation="relu")(inputs)
    x = keras.layers.MaxPooling1D(4)(x)
    x = keras.layers.Conv1D(16, 7, activation="relu")(x)
    x = keras.layers.MaxPooling1D(4)(x)
    x = keras.layers.Conv1D(16, 7, activation="relu")(x)
    x = keras.layers.GlobalMaxPooling1D()(x)
    outputs = keras.layers.Dense(1, activation="sigmoid")(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(3e-3), loss="binary_crossentropy")
    model.fit(normalise_windows(data["windows"]), data["labels"].astype("float32"), batch_size=32, epochs=4, verbose=0)
    return model


def learned_scores(model, windows):
    if len(windows) == 0:
        return np.zeros(0)
    return np.ravel(model.predict(normalise_windows(windows), batch_size=256, verbose=0)).astype(np.float64)


def detector_study(evaluation, real, false_alarm_rate=0.01, snr_edges=SNR_EDGES, seed=0):
    model = train_detector(seed)
    detectors = {"sta_lta": sta_lta_scores, "learned": lambda w: learned_scores(model, w)}
    labels = np.asarray(evaluation["labels"])
    snr = np.asarray(evaluation["snr"], dtype=np.float64)
    scores = {name: score(np.asarray(evaluation["windows"])) for name, score in detectors.items()}
    thresholds = {name: false_alarm_threshold(s[labels == 0], false_alarm_rate) for name, s in scores.items()}
    curves = {
        name: detection_curve(scores[name][labels == 1], snr[labels == 1], thresholds[name], snr_edges)
        for name in detectors
    }
    noise = sliding_windows(np.asarray(real["noise"]), WINDOW, WINDOW)
    hours = len(noise) * WINDOW / float(real["sampling_rate"]) / 3600
    onsets = np.asarray(real["onsets"])
    real_out = {"false_alarms_per_hour": {}, "false_alarm_fraction": {}, "found": {}}
    for name, score in detectors.items():
        alarms = int(np.count_nonzero(score(noise) > thresholds[name]))
        real_out["false_alarms_per_hour"][name] = alarms / hours
        real_out["false_alarm_fraction"][name] = alarms / len(noise)
        found = []
        for record in np.asarray(real["events"]):
            windows = sliding_windows(record, WINDOW, EVENT_STEP)
            starts = np.arange(len(windows)) * EVENT_STEP
            hit = starts[score(windows) > thresholds[name]]
            low, high = hit + ONSET_RANGE[0] * WINDOW, hit + ONSET_RANGE[1] * WINDOW
            found.append([bool(np.any((low <= onset) & (onset <= high))) for onset in onsets])
        real_out["found"][name] = np.array(found, dtype=bool)
    return {"model": model, "scores": scores, "thresholds": thresholds, "curves": curves, "real": real_out}


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
