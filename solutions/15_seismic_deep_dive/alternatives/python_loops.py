"""Exercise 15, another correct solution: plain Python loops and the math module for the small
functions, and a Sequential network trained on windows of its own."""

import math

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
    out = []
    for row in np.asarray(windows, dtype=np.float64).reshape(len(windows), -1):
        out.append(float(np.max(classic_sta_lta(row - np.mean(row), n_sta, n_lta))))
    return np.array(out, dtype=np.float64)


def normalise_windows(windows):
    windows = np.asarray(windows, dtype=np.float64)
    out = np.zeros((len(windows), windows.shape[-1], 1), dtype=np.float32)
    for i, row in enumerate(windows.reshape(len(windows), -1)):
        centred = row - row.mean()
        std = math.sqrt(float(np.mean(centred**2)))
        out[i, :, 0] = centred / std if std > 0 else centred
    return out


def false_alarm_threshold(noise_scores, rate):
    ordered = sorted((float(s) for s in np.ravel(noise_scores)), reverse=True)
    return ordered[math.floor(rate * len(ordered))]


def _wilson_one(k, n, z):
    if n == 0:
        return math.nan, math.nan
    p = k / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return centre - half, centre + half


def wilson_interval(k, n, z=1.96):
    k_array, n_array = np.asarray(k, dtype=float), np.asarray(n, dtype=float)
    pairs = [_wilson_one(a, b, z) for a, b in zip(k_array.ravel(), n_array.ravel(), strict=True)]
    low = np.array([pair[0] for pair in pairs], dtype=float).reshape(k_array.shape)
    high = np.array([pair[1] for pair in pairs], dtype=float).reshape(k_array.shape)
    return low, high


def detection_curve(scores, snr, threshold, snr_edges, z=1.96):
    bins = len(snr_edges) - 1
    n, detected = [0] * bins, [0] * bins
    for score, value in zip(np.ravel(scores), np.ravel(snr), strict=True):
        for i in range(bins):
            if snr_edges[i] <= value < snr_edges[i + 1]:
                n[i] += 1
                detected[i] += int(score > threshold)
                break
    low, high = wilson_interval(np.array(detected), np.array(n), z)
    rate = [d / c if c else math.nan for d, c in zip(detected, n, strict=True)]
    return {"n": np.array(n), "detected": np.array(detected), "rate": np.array(rate), "low": low, "high": high}


def sliding_windows(trace, length, step):
    rows, start = [], 0
    while start + length <= len(trace):
        rows.append(np.asarray(trace[start : start + length]))
        start += step
    return np.array(rows) if rows else np.zeros((0, length))


def train_detector(seed=0):
    data = make_detection_set(600, 600, seed=30_000 + seed, snr_range=(0.4, 5.0))
    model = keras.Sequential(
        [
            keras.Input(shape=(WINDOW, 1)),
            keras.layers.Conv1D(12, 11, strides=4, activation="relu"),
            keras.layers.MaxPooling1D(4),
            keras.layers.Conv1D(16, 7, activation="relu"),
            keras.layers.MaxPooling1D(2),
            keras.layers.Conv1D(16, 7, activation="relu"),
            keras.layers.GlobalMaxPooling1D(),
            keras.layers.Dense(8, activation="relu"),
            keras.layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=3e-3), loss="binary_crossentropy")
    model.fit(normalise_windows(data["windows"]), data["labels"].astype("float32"), batch_size=32, epochs=4, verbose=0)
    return model


def learned_scores(model, windows):
    if len(windows) == 0:
        return np.zeros(0)
    return np.asarray(model.predict(normalise_windows(windows), verbose=0), dtype=np.float64).reshape(-1)


def detector_study(evaluation, real, false_alarm_rate=0.01, snr_edges=SNR_EDGES, seed=0):
    model = train_detector(seed)
    labels = list(np.ravel(evaluation["labels"]))
    noise_rows = [i for i, label in enumerate(labels) if label == 0]
    event_rows = [i for i, label in enumerate(labels) if label == 1]
    snr = np.asarray(evaluation["snr"], dtype=float)

    def score(name, windows):
        return sta_lta_scores(windows) if name == "sta_lta" else learned_scores(model, windows)

    result = {"model": model, "scores": {}, "thresholds": {}, "curves": {}}
    real_out = {"false_alarms_per_hour": {}, "false_alarm_fraction": {}, "found": {}}
    noise = sliding_windows(np.asarray(real["noise"]), WINDOW, WINDOW)
    hours = len(noise) * WINDOW / float(real["sampling_rate"]) / 3600.0
    for name in ("sta_lta", "learned"):
        scores = score(name, np.asarray(evaluation["windows"]))
        threshold = false_alarm_threshold(scores[noise_rows], false_alarm_rate)
        result["scores"][name] = scores
        result["thresholds"][name] = threshold
        result["curves"][name] = detection_curve(scores[event_rows], snr[event_rows], threshold, snr_edges)
        alarms = int(np.sum(score(name, noise) > threshold))
        real_out["false_alarms_per_hour"][name] = alarms / hours
        real_out["false_alarm_fraction"][name] = alarms / len(noise)
        table = []
        for record in real["events"]:
            above = score(name, sliding_windows(record, WINDOW, EVENT_STEP)) > threshold
            row = []
            for onset in real["onsets"]:
                row.append(
                    any(
                        above[i]
                        and i * EVENT_STEP + ONSET_RANGE[0] * WINDOW
                        <= onset
                        <= i * EVENT_STEP + ONSET_RANGE[1] * WINDOW
                        for i in range(len(above))
                    )
                )
            table.append(row)
        real_out["found"][name] = np.array(table, dtype=bool)
    result["real"] = real_out
    return result


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
