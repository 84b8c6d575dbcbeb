# caught by: test_learned_beats_sta_lta_at_low_snr, test_model_reads_waveforms
"""Trains the network on three hand-made features of each window (as in 09), not on the waveform."""

import keras
import numpy as np
from scipy.stats import kurtosis


def _features(windows):
    windows = np.atleast_2d(np.asarray(windows, dtype=np.float64))
    return np.column_stack(
        [
            np.log10(sta_lta_scores(windows)),  # noqa: F821 (from the solution)
            np.log10(np.max(np.abs(windows), axis=1) / windows.std(axis=1)),
            kurtosis(windows, axis=1),
        ]
    ).astype("float32")


def train_detector(seed=0):
    train = make_detection_set(600, 600, seed=10_000 + seed, snr_range=(0.3, 4.0))  # noqa: F821
    X, y = _features(train["windows"]), train["labels"].astype("float32")
    scale = keras.layers.Normalization()
    scale.adapt(X)
    model = keras.Sequential(
        [
            keras.Input(shape=(3,)),
            scale,
            keras.layers.Dense(16, activation="relu"),
            keras.layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.02), loss="binary_crossentropy")
    model.fit(X, y, batch_size=64, epochs=20, verbose=0)
    return model


def learned_scores(model, windows):
    if len(windows) == 0:
        return np.zeros(0)
    return np.asarray(model.predict(_features(windows), batch_size=256, verbose=0), dtype=np.float64).reshape(-1)
