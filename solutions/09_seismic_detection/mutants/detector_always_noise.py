# caught by: test_detector
"""Expects labels 1 (noise) and 2 (event): y_train == 2 is never true, so the model always says noise."""

import keras
import numpy as np


def train_detector(X_train, y_train):
    X = np.asarray(X_train, dtype="float32")
    y = (np.asarray(y_train) == 2).astype("float32").reshape(-1, 1)
    scale = keras.layers.Normalization()
    scale.adapt(X)
    model = keras.Sequential(
        [
            keras.Input(shape=(X.shape[1],)),
            scale,
            keras.layers.Dense(16, activation="relu"),
            keras.layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.02), loss="binary_crossentropy")
    model.fit(X, y, batch_size=64, epochs=20, shuffle=True, verbose=0)
    return model
