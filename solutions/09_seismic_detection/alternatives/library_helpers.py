"""Exercise 09, written differently: NumPy sliding windows, ObsPy's trigger and SciPy's kurtosis.

A correct alternative: the windows are a convolution of the energy with a box, the triggers come
from obspy.signal.trigger.trigger_onset (converted to a list of int pairs), column 2 is
scipy.stats.kurtosis, and the detector puts its sigmoid in a separate Activation layer.
"""

import keras
import numpy as np
from obspy.signal.trigger import trigger_onset
from scipy.stats import kurtosis


def sta_lta(trace, n_sta, n_lta):
    energy = np.asarray(trace, dtype=np.float64) ** 2
    sta = np.convolve(energy, np.ones(n_sta), mode="full")[: len(energy)] / n_sta
    lta = np.convolve(energy, np.ones(n_lta), mode="full")[: len(energy)] / n_lta
    cft = np.zeros_like(energy)
    cft[n_lta - 1 :] = sta[n_lta - 1 :] / lta[n_lta - 1 :]
    return cft


def trigger_onsets(cft, on, off):
    return [(int(start), int(end)) for start, end in trigger_onset(np.asarray(cft, dtype=np.float64), on, off)]


def window_features(windows, n_sta=50, n_lta=500):
    windows = np.asarray(windows, dtype=np.float64)
    peak = np.array([sta_lta(x, n_sta, n_lta).max() for x in windows])
    crest = np.abs(windows).max(axis=1) / np.sqrt(np.mean(windows**2, axis=1))
    return np.column_stack([np.log10(peak), np.log10(crest), kurtosis(windows, axis=1)])


def train_detector(X_train, y_train):
    X = np.asarray(X_train, dtype="float32")
    y = np.asarray(y_train, dtype="float32")
    scale = keras.layers.Normalization(axis=-1)
    scale.adapt(X)
    model = keras.Sequential(
        [
            keras.Input(shape=(X.shape[1],)),
            scale,
            keras.layers.Dense(16),
            keras.layers.Activation("relu"),
            keras.layers.Dense(1),
            keras.layers.Activation("sigmoid"),
        ]
    )
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.02), loss="binary_crossentropy")
    model.fit(X, y, batch_size=64, epochs=20, verbose=0)
    return model
