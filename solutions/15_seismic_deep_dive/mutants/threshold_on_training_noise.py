# caught by: test_thresholds_match_false_alarm_rate
"""Sets both thresholds on the noise windows of the training set (the noise the network was fitted to)."""

import numpy as np


def detector_study(evaluation, real, false_alarm_rate=0.01, snr_edges=(0.5, 1.0, 1.5, 2.0, 3.0, 4.0), seed=0):
    model = train_detector(seed)
    windows = np.asarray(evaluation["windows"])
    labels = np.asarray(evaluation["labels"]).reshape(-1)
    snr = np.asarray(evaluation["snr"], dtype=np.float64).reshape(-1)
    events = labels == 1

    def score(name, w):
        return sta_lta_scores(w) if name == "sta_lta" else learned_scores(model, w)

    names = ("sta_lta", "learned")
    scores = {name: score(name, windows) for name in names}
    train = make_detection_set(600, 600, seed=10_000 + seed, snr_range=(0.3, 4.0))
    train_noise = train["windows"][train["labels"] == 0]
    thresholds = {name: false_alarm_threshold(score(name, train_noise), false_alarm_rate) for name in names}
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
