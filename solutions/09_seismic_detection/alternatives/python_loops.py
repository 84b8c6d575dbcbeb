"""Exercise 09, written differently: the windows, moments and triggers as plain Python loops.

A correct alternative: every STA and LTA is the mean of its own window, one sample at a time (no
cumulative sum), the moments are Python sums, the trigger is a while loop over indices, and the detector is a
functional Keras model with a tanh hidden layer.
"""

import math

import keras
import numpy as np


def sta_lta(trace, n_sta, n_lta):
    energy = np.asarray(trace, dtype=np.float64) ** 2
    cft = np.zeros(len(energy), dtype=np.float64)
    for i in range(n_lta - 1, len(energy)):
        cft[i] = np.mean(energy[i - n_sta + 1 : i + 1]) / np.mean(energy[i - n_lta + 1 : i + 1])
    return cft


def trigger_onsets(cft, on, off):
    values = [float(v) for v in cft]
    pairs, i = [], 0
    while i < len(values):
        if values[i] >= on:
            start = i
            while i + 1 < len(values) and values[i + 1] >= off:
                i += 1
            pairs.append((start, i))
        i += 1
    return pairs


def window_features(windows, n_sta=50, n_lta=500):
    rows = []
    for window in np.asarray(windows, dtype=np.float64):
        x = [float(v) for v in window]
        n = len(x)
        mean = sum(x) / n
        m2 = sum((v - mean) ** 2 for v in x) / n
        m4 = sum((v - mean) ** 4 for v in x) / n
        rms = math.sqrt(sum(v * v for v in x) / n)
        rows.append(
            [
                math.log10(max(sta_lta(window, n_sta, n_lta))),
                math.log10(max(abs(v) for v in x) / rms),
                m4 / (m2 * m2) - 3.0,
            ]
        )
    return np.array(rows, dtype=np.float64).reshape(len(rows), 3)


def train_detector(X_train, y_train):
    X = np.asarray(X_train, dtype="float32")
    y = np.asarray(y_train, dtype="float32").reshape(-1, 1)
    scale = keras.layers.Normalization()
    scale.adapt(X)
    inputs = keras.Input(shape=(X.shape[1],))
    hidden = keras.layers.Dense(16, activation="tanh")(scale(inputs))
    outputs = keras.layers.Dense(1, activation="sigmoid")(hidden)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.02), loss=keras.losses.BinaryCrossentropy())
    model.fit(X, y, batch_size=64, epochs=20, verbose=0)
    return model
